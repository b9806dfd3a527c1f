----------------------------- MODULE LevelConst -----------------------------
\* A definition without variables that reads TLCGet("level") depends on the
\* state all the same: it must not be evaluated once per run.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = x + 1
Shallow == TLCGet("level") < 4
==============================================================================
