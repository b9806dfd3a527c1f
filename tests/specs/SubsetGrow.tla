----------------------------- MODULE SubsetGrow ------------------------------
\* Each step picks a strictly larger subset of 1..3 (a symbolic choice over
\* SUBSET): the full set has no successor, a deadlock after one step.
EXTENDS Naturals

VARIABLE got
Init == got = {}
Next == \E m \in SUBSET (1..3) : got \subseteq m /\ got # m /\ got' = m
==============================================================================
