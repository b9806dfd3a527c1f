---- MODULE duplicate_parameter ----
F(a, a) == a
====
