---- MODULE ActionProps ----
\* PROPERTY checking as TLC does it: [][A]_v on every step, []P as an
\* invariant, a state predicate in the initial states, liveness ignored
\* with a warning.  A counter climbs 0..5; once, at 3, it may reset to 0
\* (y records the reset).  12 states, 10 levels deep.
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>

Init == x = 0 /\ y = 0
Up == x < 5 /\ x' = x + 1 /\ y' = y
Reset == x = 3 /\ y = 0 /\ x' = 0 /\ y' = 1
Stay == x = 5 /\ UNCHANGED vars
Next == Up \/ Reset \/ Stay
Spec == Init /\ [][Next]_vars

Monotone == [][x' >= x]_x                 \* broken by Reset
YNeverDecreases == [][y' >= y]_y
Refines == [][Up \/ Reset]_vars           \* Stay is a stuttering step
Bounded == [](x <= 5)
BelowFive == [](x < 5)                     \* an invariant in disguise
StartsAtOne == x = 1                       \* false in the initial state
Finishes == <>(x = 5)                      \* liveness: not checked
Both == YNeverDecreases /\ Monotone
NotBoxed == x' >= x
====
