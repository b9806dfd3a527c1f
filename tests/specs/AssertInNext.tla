---- MODULE AssertInNext ----
\* TLC's Assert fails while computing the successors of x = 3.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == /\ Assert(x < 3, "x got too big")
        /\ x' = x + 1
TypeOK == x \in Nat
====
