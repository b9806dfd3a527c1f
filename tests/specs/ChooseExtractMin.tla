---- MODULE ChooseExtractMin ----
\* CHOOSE and LET: repeatedly take the least element of a set, so the
\* elements come out in increasing order.  Ends (stuttering) when empty.
EXTENDS Naturals
VARIABLES S, last
Init == S = {5, 3, 8, 1} /\ last = 0
Take == /\ S /= {}
        /\ LET m == CHOOSE x \in S : \A y \in S : x <= y
           IN  /\ S' = S \ {m}
               /\ last' = m
Done == S = {} /\ UNCHANGED <<S, last>>
Next == Take \/ Done
Sorted == \A y \in S : last < y
NeverEight == last /= 8
====
