---- MODULE LiveRefuse ----
\* A liveness property under weak fairness, next to safety checks: an
\* engine that does not check liveness must refuse a verdict (exit 255),
\* name what it left out, and still report a safety violation it finds.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Reaches == <>(x = 3)
TypeOK == x \in 0..3
Small == x < 2
Post == 1.5 > 1
====
