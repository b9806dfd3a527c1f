--------------------------- MODULE DyadicGeneral ---------------------------
(* DyadicRationals' operators on records that are not dyadic rationals:  *)
(* their TLA+ definitions are the reference, so Add with denominators 3   *)
(* and 2 gives what the definition computes (d = 3, 3 \div 2 = 1), and    *)
(* IsDyadicRational is FALSE for a denominator 3.  The symbolic engine's  *)
(* case split must agree with the evaluator.                              *)
EXTENDS Integers, DyadicRationals

Third == [num |-> 1, den |-> 3]
HalfOne == [num |-> 1, den |-> 2]

VARIABLE x

Init == x \in {One, HalfOne, Third, [num |-> -3, den |-> 6]}
Next == x.den < 24 /\ x' = Half(x)

AddDef == x = Third => Add(x, HalfOne) = [num |-> 2, den |-> 3]
AddNeg == x.num = -3 => Add(x, HalfOne) = Zero
HalfRed == x = HalfOne => Half(Half(x)) = [num |-> 1, den |-> 8]
Dyadic == IsDyadicRational(x)
Small == x.den < 12
=============================================================================
