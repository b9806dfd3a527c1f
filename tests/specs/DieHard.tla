---- MODULE DieHard ----
\* The Die Hard jugs puzzle: get 4 gallons into the 5-gallon jug.  The
\* shortest solution takes 6 steps (7 states).
EXTENDS Naturals
VARIABLES small, big
Min(m, n) == IF m < n THEN m ELSE n
Init == small = 0 /\ big = 0
FillSmall == small' = 3 /\ big' = big
FillBig == big' = 5 /\ small' = small
EmptySmall == small' = 0 /\ big' = big
EmptyBig == big' = 0 /\ small' = small
SmallToBig == /\ big' = Min(big + small, 5)
              /\ small' = small - (big' - big)
BigToSmall == /\ small' = Min(big + small, 3)
              /\ big' = big - (small' - small)
Next == FillSmall \/ FillBig \/ EmptySmall \/ EmptyBig \/ SmallToBig \/ BigToSmall
TypeOK == small \in 0..3 /\ big \in 0..5
NotSolved == big /= 4
====
