---- MODULE TuplePatterns ----
\* Tuple patterns binding the components of symbolic pairs: in a set
\* filter, in \A and \E, and in a set map; an element that is not a pair
\* is an evaluation error.
EXTENDS Naturals, FiniteSets
VARIABLES pairs, n
Init == pairs = {} /\ n = 0
Add == n < 3 /\ \E a \in 1..3 : pairs' = pairs \cup {<<a, n>>} /\ n' = n + 1
Next == Add
Big == {<<a, b>> \in pairs : a + b > 2}
Fine == /\ \A <<a, b>> \in Big : a + b > 2
        /\ pairs # {} => \E <<a, b>> \in pairs : b = 0
        /\ {a * 10 + b : <<a, b>> \in pairs} \subseteq 10..32
        /\ Cardinality(Big) <= Cardinality(pairs)
\* Violated by two pairs summing to more than 2: after 2 steps.
FewBig == Cardinality(Big) < 2
\* <<1, 2, 3>> is not a pair.
BadShape == {<<a, b>> \in pairs \cup {<<1, n, 3>>} : a = 1} # {<<0>>}
====
