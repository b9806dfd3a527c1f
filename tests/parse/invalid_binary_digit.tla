---- MODULE invalid_binary_digit ----
A == \b102
====
