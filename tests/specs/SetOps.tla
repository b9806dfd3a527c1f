---- MODULE SetOps ----
\* Finite sets: add or remove an element of 1..3; every subset is reached.
EXTENDS Naturals, FiniteSets
VARIABLE S
Init == S = {}
Add == \E x \in 1..3 : x \notin S /\ S' = S \cup {x}
Remove == \E x \in S : S' = S \ {x}
Next == Add \/ Remove
TypeOK == /\ S \subseteq 1..3
          /\ S \in SUBSET (1..3)
          /\ S \cap {0, 4} = {}
          /\ Cardinality(S) <= 3
Comprehensions == /\ Cardinality({x * 2 : x \in S}) = Cardinality(S)
                  /\ {x \in S : x > 1} \subseteq S
                  /\ {x \in S : x > 1} \cup {x \in S : x <= 1} = S
                  /\ Cardinality(SUBSET S) \in {1, 2, 4, 8}
                  /\ (S \ {1}) \cap {1} = {}
                  /\ {1, 2} \cup {2, 3} = 1..3
NotFull == S /= 1..3
====
