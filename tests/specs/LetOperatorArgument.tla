---- MODULE LetOperatorArgument ----
\* A LET operator passed to a module-level operator and applied there
\* still sees the names bound around its LET (TransitiveClosure's TC5).
EXTENDS Naturals
Holds(P(_), S) == \A y \in S : P(y)
Twice(P(_), S) == Holds(P, S) /\ Holds(P, S)
ASSUME \A k \in 1..3 : LET Below(y) == y < k + 1 IN Twice(Below, 1..k)
VARIABLE x
Init == x = 0
Next == x < 2 /\ x' = x + 1
====
