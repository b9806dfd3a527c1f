---- MODULE int_used_as_bool ----
EXTENDS Naturals
VARIABLE n
Init == n = 0
Next == IF n THEN n' = 1 ELSE n' = 2
====
