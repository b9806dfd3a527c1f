---- MODULE ExplicitInvariantErrorTrace ----
\* BUG: when evaluating an invariant fails in a new state, the explicit
\* engine's trace stops at the parent and omits the state being checked;
\* TLC (and brink's symbolic engine) show it.  In an initial state the
\* explicit engine shows no trace at all.
\*   ./brink check --engine explicit tests/specs/bugs/ExplicitInvariantErrorTrace.tla
\* expected: exit 75, a 4-state trace ending in x = 3 (as the symbolic
\*           engine prints)
\* actual:   exit 75, a 3-state trace ending in x = 2
EXTENDS Integers
VARIABLE x
Init == x = 0
Next == x' = x + 1
Inv == 10 \div (3 - x) > -100
====
