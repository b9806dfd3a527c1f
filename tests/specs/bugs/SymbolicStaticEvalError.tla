---- MODULE SymbolicStaticEvalError ----
\* BUG: an evaluation error that is certain at encoding time (all values
\* constant) makes the symbolic engine exit 255 as if the construct were
\* unsupported; the explicit engine (and TLC) exit 75 with a trace.
\*   ./brink check --inv OutOfDomain tests/specs/bugs/SymbolicStaticEvalError.tla
\*   ./brink check --inv EmptyChoose tests/specs/bugs/SymbolicStaticEvalError.tla
\* expected: exit 75 and a trace (explicit: 75, "attempted to apply the
\*           function <<1, 2, 3>> to the argument 4" / "CHOOSE found no
\*           element satisfying its condition"; TLC's traces end in the failing
\*           state: 3 and 2 states -- the explicit engine shows one fewer,
\*           see ExplicitInvariantErrorTrace.tla)
\* actual:   exit 255, "symbolic engine: a function is applied to a value
\*           that is never in its domain" / "CHOOSE from the empty set"
\* (With x nondeterministic, e.g. Init == x \in {2, 3}, the symbolic engine
\* reports OutOfDomain correctly, exit 75.)
EXTENDS Integers
VARIABLE x
Init == x = 2
Next == x' = x + 1
OutOfDomain == [i \in 1..3 |-> i][x] > 0
EmptyChoose == x = 2 \/ (CHOOSE y \in 4..x : TRUE) > 0
====
