---- MODULE ExceptOutside ----
\* EXCEPT at a key outside the function's domain leaves it unchanged
\* (TLC warns and goes on): plain, with @, on a record field, nested.
EXTENDS Naturals
VARIABLES f, r, g, k
Init == /\ f = [i \in 1..2 |-> 0]
        /\ r = [a |-> 0]
        /\ g = [i \in 1..2 |-> [j \in 1..2 |-> 0]]
        /\ k \in 1..3
Next == /\ f' = [f EXCEPT ![k] = @ + 1, ![5] = 1]
        /\ r' = [r EXCEPT !.b = 1, !.a = @ + 1]
        /\ g' = [g EXCEPT ![1][k + 1] = @ + 1, ![k][1] = @ + 1]
        /\ k' \in 1..3
        /\ r.a < 3
TypeOK == /\ DOMAIN f = 1..2
          /\ DOMAIN r = {"a"}
          /\ DOMAIN g = 1..2 /\ \A i \in 1..2 : DOMAIN g[i] = 1..2
FSmall == f[1] + f[2] < 3
GSmall == g[1][2] + g[2][1] < 3
Inv == TypeOK /\ (k = 3 => f[1] + f[2] < 2)
====
