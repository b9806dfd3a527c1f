---- MODULE EnabledSubst ----
\* ENABLED binds the primes of the instantiated module's variables: under
\* x <- z, y <- z, I!F is TRUE (TLC agrees), not ENABLED (z' = 0 /\ z' = 1).
\* The explicit engine evaluates it on EnabledSubstM's own state; the symbolic
\* engine refuses it (255).  A renaming to distinct variables is exact.
EXTENDS Naturals
VARIABLES z, w
I == INSTANCE EnabledSubstM WITH x <- z, y <- z
J == INSTANCE EnabledSubstM WITH x <- z, y <- w
Init == z = 0 /\ w = 0
Next == z' = 1 - z /\ w' = w
Inv == J!F
InvShared == I!F
====
