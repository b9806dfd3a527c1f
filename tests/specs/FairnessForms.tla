---- MODULE FairnessForms ----
\* Fairness conjuncts of the forms TLC accepts in a SPECIFICATION: under
\* \A over several bound names, and behind an implication on them.
EXTENDS Naturals
CONSTANT Proc
VARIABLE turn, count
vars == <<turn, count>>
Init == turn \in Proc /\ count = 0
Pass(p, q) == turn = p /\ turn' = q /\ count' = (count + 1) % 3
Next == \E p, q \in Proc : p # q /\ Pass(p, q)
Spec == /\ Init
        /\ [][Next]_vars
        /\ \A p, q \in Proc : (p # q) => WF_vars(Pass(p, q))
        /\ \A p \in Proc : TRUE => SF_vars(\E q \in Proc : Pass(p, q))
Bounded == count < 3
====
