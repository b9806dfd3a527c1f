------------------------------- MODULE Apalache -------------------------------
(***************************************************************************)
(* brink's own definition of Apalache's module of operators, from their    *)
(* documented meaning.  Apalache gives several of them a special symbolic  *)
(* treatment (assignments, generators, folds); here they are ordinary TLA+ *)
(* so that both of brink's engines evaluate them the same way.             *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

(* The assignment x' := e is the equality x' = e.                          *)
x := e == x = e

(* Gen(n): a value of bounded size that Apalache's type checker picks;     *)
(* it has no TLA+ meaning brink can evaluate.                              *)
Gen(size) == Assert(FALSE, "Gen (module Apalache) is not supported by brink")

(* Hints to Apalache's solver; their value is their argument.              *)
Skolem(e) == e
Expand(S) == S
ConstCardinality(cardExpr) == cardExpr

(* Some element of S.                                                       *)
Guess(S) == CHOOSE x \in S : TRUE

(* The sequence of the first len values of f (f over 1..len at least).     *)
FunAsSeq(fn, maxSeqLen, len) == [i \in 1..len |-> fn[i]]

(* <<F(1), ..., F(N)>>.                                                     *)
MkSeq(N, F(_)) == [i \in 1..N |-> F(i)]

(* F applied N times to x.                                                  *)
RECURSIVE Repeat(_, _, _)
Repeat(F(_, _), N, x) == IF N <= 0 THEN x ELSE F(Repeat(F, N - 1, x), N)

(* Folds: Op(...Op(Op(v, s[1]), s[2])..., s[n]) and the same over a set in *)
(* an unspecified order.                                                    *)
RECURSIVE ApaFoldSeqLeft(_, _, _)
ApaFoldSeqLeft(Op(_, _), v, seq) ==
  IF seq = <<>> THEN v ELSE ApaFoldSeqLeft(Op, Op(v, Head(seq)), Tail(seq))

RECURSIVE ApaFoldSet(_, _, _)
ApaFoldSet(Op(_, _), v, S) ==
  IF S = {} THEN v
  ELSE LET x == CHOOSE y \in S : TRUE IN ApaFoldSet(Op, Op(v, x), S \ {x})

(* The set of pairs <<x, y>> of a function-like set, as a function.        *)
SetAsFun(S) ==
  LET Dom == {p[1] : p \in S}
  IN [x \in Dom |-> (CHOOSE p \in S : p[1] = x)[2]]
===============================================================================
