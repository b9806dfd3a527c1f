---- MODULE ActionConstraintRamp ----
\* x' \in S chooses any value; the ACTION_CONSTRAINT only lets x climb by
\* 0 or 1 per step, so 0..4 is explored in 5 levels.  Steps outside the
\* action constraint are still checked against invariants (as in TLC):
\* Below3 fails after one step.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' \in 0..4
Ramp == x' - x \in {0, 1}
TypeOK == x \in 0..4
Below3 == x < 3
====
