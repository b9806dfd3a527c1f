---- MODULE EnabledInstM ----
\* A toggle that must keep toggling (weak fairness on its own action).
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = 1 - x
Spec == Init /\ [][Next]_x /\ WF_x(Next)
====
