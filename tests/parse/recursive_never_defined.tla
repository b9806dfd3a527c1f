---- MODULE recursive_never_defined ----
RECURSIVE F(_)
A == F(1)
====
