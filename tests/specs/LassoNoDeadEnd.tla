---- MODULE LassoNoDeadEnd ----
\* Every state has a successor within the CONSTRAINT (x = 3's are x = 4,
\* outside it, and x = 0), with CHECK_DEADLOCK FALSE: the unrolling shows
\* there is no dead end, and the lasso search runs on its solver
\* (src/engine/driver.c, "dead ends").  LassoDeadEnd.tla has the dead ends.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Up == x' = x + 1
Reset == x > 0 /\ x' = 0
Next == Up \/ Reset
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Small == x <= 3
Returns == []<>(x = 0)
ReachesThree == <>(x = 3)
====
