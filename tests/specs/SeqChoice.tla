----------------------------- MODULE SeqChoice ------------------------------
\* Choices from Seq(S), which only the symbolic engine makes (sequences of
\* at most --max-seq-len elements): q grows by one element, or by a chosen
\* two-element sequence of 3s.
EXTENDS Naturals, Sequences

VARIABLE q

Init == q = <<>>

Grow == q' \in Seq({1, 2}) /\ Len(q') = Len(q) + 1

Next == Grow \/ \E s \in Seq({3}) : Len(s) = 2 /\ q' = q \o s

NoThirdThree == ~(Len(q) >= 3 /\ q[3] = 3)
ShortEnough == Len(q) < 9
==============================================================================
