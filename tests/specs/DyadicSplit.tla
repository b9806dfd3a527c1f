---------------------------- MODULE DyadicSplit ----------------------------
(* Weights as dyadic rationals (community module DyadicRationals): a      *)
(* process gives half of its weight to another.  The total stays One.     *)
(* The symbolic engine encodes Add, Half and IsDyadicRational directly    *)
(* (the denominators it meets are a few constants) and FoldFunction as a  *)
(* pass in value order; both engines must agree.                           *)
EXTENDS Naturals, DyadicRationals, Functions

Procs == 1..3
Quarter == [num |-> 1, den |-> 4]

VARIABLE weight

Init == weight = [p \in Procs |-> IF p = 1 THEN One ELSE Zero]

Split(p, q) ==
  /\ p # q
  /\ weight[p] # Zero
  /\ weight[p].den < 8
  /\ weight' = [weight EXCEPT ![p] = Half(weight[p]),
                              ![q] = Add(weight[q], Half(weight[p]))]

Next == \E p, q \in Procs : Split(p, q)

Total == FoldFunction(Add, Zero, weight)
Conserved == Total = One
AllDyadic == \A p \in Procs : IsDyadicRational(weight[p])
NoQuarter == \A p \in Procs : weight[p] # Quarter
=============================================================================
