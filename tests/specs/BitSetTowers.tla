---------------------------- MODULE BitSetTowers ----------------------------
\* Towers of Hanoi with each tower an integer used as a bit set, and the
\* bitwise AND defined by recursion over \div and % by powers of two and
\* products of 0/1 terms (as the community module Bits does).  The
\* symbolic engine splits such calls on the values of their arguments and
\* memoises them, also where a tower's argument is symbolic; the negative
\* values the integer bounds allow (never reached) make the recursion
\* diverge, which the encoding must cut and the solver refute.
EXTENDS Naturals

CONSTANTS D, N

RECURSIVE And(_, _, _, _)
And(x, y, n, m) == LET exp == 2^n
                   IN IF m = 0
                      THEN 0
                      ELSE exp * ((x \div exp) % 2) * ((y \div exp) % 2)
                           + And(x, y, n + 1, m \div 2)

x & y == And(x, y, 0, x)

VARIABLE towers

Init == towers = [i \in 1..N |-> IF i = 1 THEN 2^D - 1 ELSE 0]

Disks == {2^k : k \in 0..(D - 1)}

Move(from, to, d) ==
  /\ towers[from] & d = d
  /\ towers[from] & (d - 1) = 0
  /\ towers[to] & (d - 1) = 0
  /\ towers' = [towers EXCEPT ![from] = @ - d, ![to] = @ + d]

Next == \E d \in Disks, from, to \in 1..N : from # to /\ Move(from, to, d)

NotSolved == towers[N] # 2^D - 1

TypeOK == \A i \in 1..N : towers[i] \in 0..(2^D - 1)

\* A sum of all towers' bits: every disk is on exactly one tower.
DisksKept == towers[1] + towers[2] + towers[3] = 2^D - 1
=============================================================================
