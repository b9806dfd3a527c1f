---- MODULE duplicate_definition ----
A == 1
A == 2
====
