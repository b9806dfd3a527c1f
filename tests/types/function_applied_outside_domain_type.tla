---- MODULE function_applied_outside_domain_type ----
EXTENDS Naturals
VARIABLE f
Init == f = [i \in 1..3 |-> 0]
Next == f' = [f EXCEPT !["one"] = 1]
====
