---- MODULE UntypedBoolInt ----
\* c holds an integer in some states and a Boolean in others.
EXTENDS Naturals
VARIABLES c, phase
Init == c = 0 /\ phase = 0
Next == \/ phase = 0 /\ c' = c + 1 /\ phase' = 1
        \/ phase = 1 /\ c' = (c = 1) /\ phase' = 2
        \/ phase = 2 /\ c' = (IF c THEN 5 ELSE 6) /\ phase' = 3
        \/ phase = 3 /\ UNCHANGED <<c, phase>>
Inv == phase = 3 => c = 5
Bad == phase = 3 => c = 6
====
