---- MODULE ParamAssignBoth ----
\* Assignments through operator parameters (x \in S, x = e) in Init and in
\* an action, each followed by conditions on the parameter.
EXTENDS Naturals
VARIABLES s, t
Init(v, w) == v \in 0..3 /\ v # 1 /\ w = v + 1 /\ w # 3
Step(v) == \E k \in {v + 1, v + 2} : v' = k /\ v' < 6 /\ v' # 4
Spec == Init(s, t) /\ [][Step(s) /\ UNCHANGED t]_<<s, t>>
Inv == s < 5
Below6 == s < 6
====
