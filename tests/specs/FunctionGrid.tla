---- MODULE FunctionGrid ----
\* Functions of functions: [x \in S |-> e], g[i][j], DOMAIN, and EXCEPT
\* with a nested path and @.  Each cell of a 2x2 grid is set once.
EXTENDS Naturals
VARIABLE g
Init == g = [i \in 1..2 |-> [j \in 1..2 |-> 0]]
Set == \E i, j \in 1..2 : g[i][j] = 0 /\ g' = [g EXCEPT ![i][j] = @ + 1]
Full == (\A i, j \in 1..2 : g[i][j] = 1) /\ UNCHANGED g
Next == Set \/ Full
Shape == /\ DOMAIN g = 1..2
         /\ \A i \in DOMAIN g : DOMAIN g[i] = {1, 2}
         /\ g \in [1..2 -> [1..2 -> {0, 1}]]
NotDiagonal == ~(g[1][1] = 1 /\ g[2][2] = 1)
====
