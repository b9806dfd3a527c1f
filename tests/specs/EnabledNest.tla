---- MODULE EnabledNest ----
\* Nested instances: Inner under Mid by renaming (R) and by an expression
\* (S), Mid under this module by an expression; ENABLED and WF of Inner are
\* evaluated on its own state, the composed maps.  TLC: PR and PS violated
\* under Spec (the counter may stop), kept under Fair; InvR, InvS hold.
EXTENDS Naturals
VARIABLE n
M == INSTANCE EnabledNestMid WITH x <- n % 2
Init == n = 0
Step == n' = (n + 1) % 4
Spec == Init /\ [][Step]_n
Fair == Spec /\ WF_n(Step)
PR == M!R!Spec
PS == M!S!Spec
InvR == (n % 2 = 0) => M!R!En
InvS == (n % 2 = 0) => M!S!En
====
