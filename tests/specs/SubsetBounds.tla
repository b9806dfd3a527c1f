---- MODULE SubsetBounds ----
\* \E r \in SUBSET S whose first conjuncts bound r from above (r \subseteq
\* X) and below (Y \subseteq r): the explicit engine enumerates only the
\* sets between them (Next); NextPlain states the same relation with the
\* bounds after a TRUE conjunct, so every subset is tried.  Both must give
\* the same states and transitions (the rows assert equal counts).
EXTENDS Naturals, FiniteSets
CONSTANT N
VARIABLES seen, sent
Msgs == (1..N) \X {"a", "b"}
Init == seen = {} /\ sent = {<<1, "a">>}
Send == \E m \in Msgs : m \notin sent /\ sent' = sent \cup {m} /\ UNCHANGED seen
Next == Send \/ \E r \in SUBSET Msgs : /\ r \subseteq sent
                                        /\ seen \subseteq r
                                        /\ {<<1, "a">>} \subseteq r
                                        /\ Cardinality(r) # 3
                                        /\ seen' = r /\ UNCHANGED sent
NextPlain == Send \/ \E r \in SUBSET Msgs : /\ TRUE
                                             /\ r \subseteq sent
                                             /\ seen \subseteq r
                                             /\ {<<1, "a">>} \subseteq r
                                             /\ Cardinality(r) # 3
                                             /\ seen' = r /\ UNCHANGED sent
Inv == seen \subseteq sent
Small == Cardinality(seen) < 4
====
