---- MODULE EnabledInst ----
\* The toggle of EnabledInstM is the parity of a counter mod 4 (x <- an
\* expression): WF_x(Next) of the instance needs ENABLED <<Next>>_x on the
\* instance's own state.  Without fairness the counter may stop, which
\* violates I!Spec; with it, I!Spec holds.  P(i) instantiates one toggle per
\* bit of a vector (a parameterized instance).
EXTENDS Naturals
VARIABLES n, v
I == INSTANCE EnabledInstM WITH x <- n % 2
P(i) == INSTANCE EnabledInstM WITH x <- v[i]
Init == n = 0 /\ v = <<0, 0>>
Step == n' = (n + 1) % 4 /\ v' = [i \in 1..2 |-> 1 - v[i]]
vars == <<n, v>>
Spec == Init /\ [][Step]_vars
FairSpec == Spec /\ WF_vars(Step)
Refines == I!Spec
RefinesAll == \A i \in 1..2 : P(i)!Spec
====
