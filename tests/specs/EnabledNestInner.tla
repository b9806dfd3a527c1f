---- MODULE EnabledNestInner ----
EXTENDS Naturals
VARIABLE y
Next == y' = 1 - y
Spec == y = 0 /\ [][Next]_y /\ WF_y(Next)
En == ENABLED (y' = 1 /\ y = 0)
====
