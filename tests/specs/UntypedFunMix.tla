---- MODULE UntypedFunMix ----
\* f[1] is an integer in some states and a function in others.
EXTENDS Naturals
VARIABLES f, phase
Init == f = [i \in 1..2 |-> 0] /\ phase = 0
Next == \/ phase = 0 /\ f' = [f EXCEPT ![1] = [j \in 1..2 |-> j]] /\ phase' = 1
        \/ phase = 1 /\ f' = [f EXCEPT ![2] = f[1][2]] /\ phase' = 2
        \/ phase = 2 /\ f' = [f EXCEPT ![1] = 7] /\ phase' = 3
        \/ phase = 3 /\ UNCHANGED <<f, phase>>
Inv == phase = 3 => f[1] + f[2] = 9
Bad == phase = 3 => f[1] + f[2] = 8
====
