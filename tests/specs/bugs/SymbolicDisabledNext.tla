---- MODULE SymbolicDisabledNext ----
\* BUG: once Next is disabled (here after one step), the symbolic engine
\* fails while encoding the invariant on the frame after it.
\*   ./brink check --no-deadlock --length 3 tests/specs/bugs/SymbolicDisabledNext.tla
\* expected: exit 0, "brink: no invariant is violated in executions of up
\*           to 3 steps" (the explicit engine: exit 0, 2 distinct states)
\* actual:   exit 255, "error: symbolic engine: values of different kinds
\*           are compared here" pointing at Inv
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 1 /\ x' = x + 1
Inv == x \in 0..1
====
