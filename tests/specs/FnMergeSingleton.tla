---- MODULE FnMergeSingleton ----
\* TLC's :> and @@: grow a function one point at a time; @@ prefers its
\* left argument where the domains overlap.
EXTENDS Naturals, FiniteSets, TLC
VARIABLES f, n
Init == f = 0 :> 0 /\ n = 0
Grow == n < 3 /\ n' = n + 1 /\ f' = (n + 1 :> n + 1) @@ f
Stop == n = 3 /\ UNCHANGED <<f, n>>
Next == Grow \/ Stop
Identity == DOMAIN f = 0..n /\ \A i \in DOMAIN f : f[i] = i
LeftWins == /\ ((0 :> 7) @@ f)[0] = 7
            /\ (f @@ (0 :> 7))[0] = 0
            /\ DOMAIN (f @@ (9 :> 9)) = DOMAIN f \cup {9}
SmallDomain == Cardinality(DOMAIN f) < 3
====
