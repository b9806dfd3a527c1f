---- MODULE ParamAssignInit ----
EXTENDS Naturals
VARIABLE s
Init(v) == \E k \in 0..1 : (v = k /\ v < 1)
Spec == Init(s) /\ [][UNCHANGED s]_s
Inv == s < 1
====
