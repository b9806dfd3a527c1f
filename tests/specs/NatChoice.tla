----------------------------- MODULE NatChoice ------------------------------
\* \E over Nat in an action: the symbolic engine picks a fresh integer, and
\* the replay of its counterexample tries the solver's pick as the witness.
EXTENDS Naturals

VARIABLE x

Init == x = 0

Next == \E k \in Nat : k > x /\ x' = k

Small == x < 3
==============================================================================
