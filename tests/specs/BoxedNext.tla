---- MODULE BoxedNext ----
\* NEXT names [A]_v, which means A \/ UNCHANGED v (TLC): every state has
\* a stuttering successor, so there is no deadlock.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
A == x < 3 /\ x' = x + 1 /\ y' = y
Next == [A]_<<x, y>>
Below3 == x < 3
====
