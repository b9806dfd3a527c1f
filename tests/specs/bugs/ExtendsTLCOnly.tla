---- MODULE ExtendsTLCOnly ----
\* BUG (minor, too permissive): TLC.tla only LOCAL INSTANCEs Naturals,
\* Sequences and FiniteSets, so a module that EXTENDS TLC alone has no
\* `+`, `<` or `..`; SANY rejects this module ("Unknown operator").
\*   ./brink parse tests/specs/bugs/ExtendsTLCOnly.tla
\* expected: exit 150, "unknown operator '+'" at 7:14 (as for EXTENDS
\*           FiniteSets alone, which brink does reject)
\* actual:   exit 0, "module ExtendsTLCOnly parsed and resolved"
EXTENDS TLC
VARIABLE x
Init == x = 0
Next == x' = x + 1
Inv == x < 3
====
