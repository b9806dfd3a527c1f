---- MODULE PrimedChoice ----
\* A state predicate with \E over SUBSET of a set of pairs, required of the
\* next state (Ordered', as InnerSerial's Serializable'): the symbolic
\* engine chooses R as it would in an action instead of expanding SUBSET.
\* An odd step needs an off-diagonal pair, so two elements in s'.
EXTENDS Naturals, FiniteSets
VARIABLES s, n
Init == s = {1} /\ n = 0
Ordered == \E R \in SUBSET (s \X s) :
             /\ \A x \in s : <<x, x>> \in R
             /\ Cardinality(R) = Cardinality(s) + (n % 2)
Next == /\ n < 3
        /\ \E x \in 1..4 : s' = s \cup {x}
        /\ n' = n + 1
        /\ Ordered'
Small == Cardinality(s) < 3
====
