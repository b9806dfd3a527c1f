---- MODULE HanoiFunctions ----
\* Towers of Hanoi with three disks as a function from disk to peg.  A disk
\* moves when no smaller disk is on its peg or on the target.  All 27
\* placements are reachable; the puzzle takes 2^3 - 1 = 7 moves.
EXTENDS Naturals
Disks == 1..3
Pegs == 1..3
VARIABLE on
Init == on = [d \in Disks |-> 1]
CanMove(d, q) == /\ on[d] /= q
                 /\ \A e \in Disks : e < d => on[e] /= on[d] /\ on[e] /= q
Move(d, q) == on' = [on EXCEPT ![d] = q]
Next == \E d \in Disks, q \in Pegs : CanMove(d, q) /\ Move(d, q)
TypeOK == on \in [Disks -> Pegs]
NotSolved == \E d \in Disks : on[d] /= 3
====
