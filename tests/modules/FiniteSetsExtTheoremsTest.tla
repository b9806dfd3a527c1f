------------------------- MODULE FiniteSetsExtTheoremsTest -------------------------
(* brink's FiniteSetsExtTheorems module defines no operators; the modules  *)
(* it extends (FiniteSetsExt, FiniteSets, Integers) come along.            *)
EXTENDS FiniteSetsExtTheorems
VARIABLE x

ASSUME SumSet({-1, 4}) = 3 /\ ProductSet({2, 3}) = 6 /\ Cardinality({1}) = 1

Init == x = 0
Next == x' = x
=============================================================================
