---- MODULE SymbolicAssertExitCode ----
\* BUG: a failed Assert exits 14 (as TLC) with the explicit engine but 75
\* with the symbolic engine.
\*   ./brink check tests/specs/bugs/SymbolicAssertExitCode.tla
\* expected: exit 14, a 2-state trace (as --engine explicit gives)
\* actual:   exit 75, "Error: an evaluation error occurs ..." with the
\*           same 2-state trace
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == Assert(x < 1, "x got too big") /\ x' = x + 1
Inv == x \in Nat
====
