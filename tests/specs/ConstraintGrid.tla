---- MODULE ConstraintGrid ----
\* A state CONSTRAINT bounds an infinite walk to x, y in 0..2 (9 states).
\* As in TLC, a successor outside the constraint is still checked against
\* the invariants, only not explored: XBounded fails at x = 3 (4 states).
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == \/ x' = x + 1 /\ y' = y
        \/ y' = y + 1 /\ x' = x
InBox == x <= 2 /\ y <= 2
TypeOK == x \in 0..3 /\ y \in 0..3
XBounded == x <= 2
====
