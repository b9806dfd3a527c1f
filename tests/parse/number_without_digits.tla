---- MODULE number_without_digits ----
A == \h + 1
====
