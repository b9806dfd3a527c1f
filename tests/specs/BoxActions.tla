---- MODULE BoxActions ----
\* [A]_v and <<A>>_v inside Next (A, or v unchanged; A, and v changed) and
\* as values in an ACTION_CONSTRAINT.
EXTENDS Naturals
VARIABLES x, y, z
Init == x = 0 /\ y = 0 /\ z = 0
IncX == x < 3 /\ x' = x + 1
Next == /\ [IncX]_x
        /\ <<y' = y + 1>>_y
        /\ z' = IF x = 3 THEN z + 1 ELSE z
        /\ y < 4
\* Once x reaches 2 it stays: [x' = x]_y is x' = x, y always changing.
\* (A successor outside the constraint is still checked, as in TLC, but
\* not expanded: no state with x = 3 is.)
Slow == x < 2 \/ [x' = x]_y
Sum == x + y < 6
\* Holds under Slow: z grows only in steps from a state with x = 3.
ZZero == z = 0
====
