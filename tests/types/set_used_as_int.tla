---- MODULE set_used_as_int ----
EXTENDS Naturals
VARIABLE x
Init == x = {1}
Next == x' = x + 1
====
