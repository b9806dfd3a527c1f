---- MODULE UntypedMixed ----
\* g[1] is an integer and g[2] a function; Assert stands where an integer
\* is expected, in a branch never taken. TLC checks it without error.
EXTENDS Naturals, TLC
VARIABLES g, r, k
Init == /\ g = [i \in 1..2 |-> IF i = 1 THEN 0 ELSE [j \in 1..2 |-> j]]
        /\ r = [a |-> 1, b |-> {1}]
        /\ k = 0
Next == /\ k < 3
        /\ k' = k + 1
        /\ g' = [g EXCEPT ![1] = @ + g[2][k + 1 - k]]
        /\ r' = [r EXCEPT !.b = @ \cup {k + r.a}]
        /\ k + 1 = (IF k < 3 THEN k + 1 ELSE Assert(FALSE, "dead"))
Inv == g[1] < 3
====
