---- MODULE EnabledSubst ----
\* ENABLED binds the primes of the instantiated module's variables: under
\* x <- z, y <- z, I!F is TRUE (TLC agrees), not ENABLED (z' = 0 /\ z' = 1).
\* Both engines evaluate it on EnabledSubstM's own state (NotShared is
\* violated at once).  A renaming to distinct variables is exact.
EXTENDS Naturals
VARIABLES z, w
I == INSTANCE EnabledSubstM WITH x <- z, y <- z
J == INSTANCE EnabledSubstM WITH x <- z, y <- w
Init == z = 0 /\ w = 0
Next == z' = 1 - z /\ w' = w
Inv == J!F
InvShared == I!F
NotShared == ~I!F
====
