---- MODULE InitManyStates ----
\* Init with six initial states; Next only stutters.  Small fails in an
\* initial state (a 1-state counterexample).
EXTENDS Naturals
VARIABLES x, y
Init == x \in 1..3 /\ y \in {"a", "b"}
Next == UNCHANGED <<x, y>>
TypeOK == x \in 1..3 /\ y \in {"a", "b"}
Small == x + (IF y = "a" THEN 0 ELSE 10) < 13
====
