---- MODULE double_prime ----
VARIABLE x
A == x'' = 1
====
