----------------------------- MODULE FoldOrder -----------------------------
(* The folds of FiniteSetsExt and Functions visit a set in value order     *)
(* (their chooser CHOOSE x \in T : TRUE takes the least element):          *)
(* FoldSet(op, base, {1, 2, 3}) = op(1, op(2, op(3, base))).  A fold with  *)
(* an operator that is not commutative shows the order; the symbolic       *)
(* engine's pass over the members must give the evaluator's values.        *)
EXTENDS Naturals, FiniteSetsExt, Functions

VARIABLE S

Init == S = {}
Next == \E x \in 1..4 : x \notin S /\ S' = S \cup {x}

Digits == FoldSet(LAMBDA a, b : 10 * b + a, 0, S)
Sums == /\ FoldSet(LAMBDA a, b : a + b, 0, S) = SumSet(S)
        /\ FoldFunction(LAMBDA a, b : a + b, 0, [x \in S |-> x]) = SumSet(S)
        /\ FoldFunctionOnSet(LAMBDA a, b : a + b, 0, [x \in 1..4 |-> 2 * x], S)
             = 2 * SumSet(S)
Not321 == Digits # 321
SumBelow7 == SumSet(S) < 7
=============================================================================
