------------------------------ MODULE BoundJump ------------------------------
\* An integer that stays in 0..3 for five steps and can then jump past
\* 100: the symbolic engine proves the small range frame by frame and gives
\* the frames' x a variable with those bounds (src/engine/tighten.c); a
\* bound carried over from the earlier frames without a proof would hide
\* the jump and the violation of Small after six steps.
EXTENDS Naturals

VARIABLES x, y

Init == x = 0 /\ y = 0

Up == x < 3 /\ x' = x + 1 /\ y' = y
Down == x > 0 /\ x' = x - 1 /\ y' = y
Tick == y < 5 /\ y' = y + 1 /\ x' = x
Jump == y = 5 /\ x' = x + 100 /\ y' = 6

Next == Up \/ Down \/ Tick \/ Jump

Small == x < 50
=============================================================================
