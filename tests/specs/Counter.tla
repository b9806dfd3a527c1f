---- MODULE Counter ----
\* A counter that wraps at Top, instantiated by InstanceCounters.tla.
EXTENDS Naturals
CONSTANT Top
VARIABLE c
Init == c = 0
Inc == c < Top /\ c' = c + 1
Reset == c = Top /\ c' = 0
Step == Inc \/ Reset
AtTop == c = Top
====
