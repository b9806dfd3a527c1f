---- MODULE LazyEnabled ----
\* A fair action whose ENABLED has too many choices to expand at every
\* state (a permutation of S: 3,125 functions in [S -> S] for 5 elements),
\* beside a toggle that can run for ever.  The symbolic lasso search leaves
\* such an ENABLED to refinement (src/engine/lasso.c, fair_enabled): a lasso
\* that toggles for ever while Pick is enabled is unfair, and is ruled out
\* only once a witness shows Pick enabled there.
EXTENDS Naturals
CONSTANT S
VARIABLES f, n, b
vars == <<f, n, b>>
Init == f = [x \in S |-> CHOOSE y \in S : TRUE] /\ n = 0 /\ b = FALSE
Pick == /\ n < 2
        /\ \E g \in [S -> S] : /\ \A y \in S : \E x \in S : g[x] = y
                               /\ g # f
                               /\ f' = g
        /\ n' = n + 1
        /\ UNCHANGED b
Toggle == b' = ~b /\ UNCHANGED <<f, n>>
Next == Pick \/ Toggle
Fair == Init /\ [][Next]_vars /\ WF_vars(Pick) /\ WF_vars(Toggle)
Unfair == Init /\ [][Next]_vars /\ WF_vars(Toggle)
\* Holds under Fair: Pick stays enabled until n = 2.
PickedTwice == <>(n = 2)
\* Violated under Fair: after two picks only Toggle is enabled.
StaysLow == <>[](n < 2)
\* Violated under Fair by a lasso whose loop has only disabled Pick
\* positions (n = 2) and toggles.
NeverQuiet == []<>(n < 2)
====
