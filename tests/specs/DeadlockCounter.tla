---- MODULE DeadlockCounter ----
\* Counts to 3 and stops: a deadlock in the 4th state (explicit engine).
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
TypeOK == x \in 0..3
====
