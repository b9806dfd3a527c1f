---- MODULE GrowingRange ----
\* Ranges a..b whose bounds are state variables: 1..n grows with n, and
\* the symbolic engine represents it over the integers n can reach.
EXTENDS Naturals, FiniteSets
VARIABLES n, s
Init == n = 0 /\ s = {}
Next == n < 6 /\ n' = n + 1 /\ s' \in SUBSET (1..n)
Small == Cardinality(s) < 4
AllButLast == \A i \in 1..n : i \in s \/ i < n
TypeOK == s \subseteq 1..n /\ n \in 0..6 /\ Cardinality(s) <= n
Window == \A i \in (n - 2)..(n \div 2 + 1) : i >= n - 2
====
