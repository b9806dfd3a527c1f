---- MODULE UntypedAssertDead ----
\* Assert(...) where an integer is expected, in a branch never taken.
EXTENDS Naturals, TLC
VARIABLE n
Init == n = 0
Next == n < 3 /\ n' = IF n < 3 THEN n + 1 ELSE Assert(FALSE, "unreachable")
Inv == n <= 3
====
