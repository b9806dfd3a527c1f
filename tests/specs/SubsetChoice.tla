---------------------------- MODULE SubsetChoice ----------------------------
\* \E over SUBSET and over a function set inside an action: the symbolic
\* engine makes one symbolic choice instead of a branch per subset.
EXTENDS Naturals, FiniteSets

VARIABLES sent, got, flags

Init == sent = {} /\ got = {} /\ flags = [p \in 1..3 |-> FALSE]

Send == \E p \in 1..4 : sent' = sent \cup {p} /\ UNCHANGED <<got, flags>>

Receive ==
  \E m \in SUBSET sent :
    /\ got \subseteq m
    /\ got' = m
    /\ UNCHANGED <<sent, flags>>

Flip ==
  \E f \in [1..3 -> BOOLEAN] :
    /\ f # flags
    /\ f[1] => f[2]
    /\ flags' = f
    /\ UNCHANGED <<sent, got>>

Next == Send \/ Receive \/ Flip

FewReceived == Cardinality(got) < 3
NotAllFlags == flags # [p \in 1..3 |-> TRUE]
==============================================================================
