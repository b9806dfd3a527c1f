---- MODULE ExceptMissingKey ----
EXTENDS Naturals
VARIABLES f, c
Init == f = [i \in 1..2 |-> 0] /\ c = 0
Next == f' = [f EXCEPT ![5] = 1, ![1] = @ + 1] /\ c' = c + 1
Inv == 5 \notin DOMAIN f /\ f[1] < 3
====
