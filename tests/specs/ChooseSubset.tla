---- MODULE ChooseSubset ----
\* CHOOSE over SUBSET of a set the state builds: where the condition holds
\* of {} (Fresh), {} is TLC's choice, the least set in its order, so the
\* known set never grows past its first element and Inv holds.  Where it
\* does not (Some), the least witness is the singleton of the least
\* element above 2, and Inv fails once two elements are known.
EXTENDS Naturals, Sequences, FiniteSets
CONSTANT Some
VARIABLES q, known
Pending == {q[i] : i \in DOMAIN q}
Fresh == CHOOSE S \in SUBSET Pending : \A x \in S : x > 2
Least == CHOOSE S \in SUBSET Pending : S # {} /\ \A x \in S : x > 2
Init == q = <<>> /\ known = {}
Push == Len(q) < 5 /\ \E v \in 1..4 : q' = Append(q, v) /\ UNCHANGED known
Grab == /\ q # <<>>
        /\ known' = known \cup IF known = {} THEN {q[1]}
                               ELSE IF Some /\ \E x \in Pending : x > 2
                                    THEN Least ELSE Fresh
        /\ q' = Tail(q)
Next == Push \/ Grab
Inv == Cardinality(known) < 2
====
