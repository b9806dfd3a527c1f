---- MODULE ParamAssignNext ----
\* An assignment made through an operator parameter (v stands for s'),
\* then a condition on it: the condition sees the value of each branch.
EXTENDS Naturals
VARIABLES s
Init == s = 0
A(v) == \E k \in 0..9 : (v = k /\ v < 5)
B(v) == \E k \in 0..1 : (v = k /\ v > 0)
Next == A(s')
NextB == B(s')
Inv == s < 5
Below4 == s < 4
====
