---- MODULE assume_not_constant ----
VARIABLE x
ASSUME x' = 1
====
