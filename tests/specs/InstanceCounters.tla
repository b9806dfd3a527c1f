---- MODULE InstanceCounters ----
\* Two instances of Counter: a in 0..2 and b in 0..3, 12 states; both at
\* their top first after 2 + 3 steps.
EXTENDS Naturals
VARIABLES a, b
A == INSTANCE Counter WITH c <- a, Top <- 2
B == INSTANCE Counter WITH c <- b, Top <- 3
Init == A!Init /\ B!Init
Next == (A!Step /\ UNCHANGED b) \/ (B!Step /\ UNCHANGED a)
NotBothTop == ~(A!AtTop /\ B!AtTop)
TypeOK == a \in 0..2 /\ b \in 0..3
====
