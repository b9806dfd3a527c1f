-------------------------- MODULE FiniteSetsExtTheorems -------------------
(***************************************************************************)
(* brink's own definition of the community module FiniteSetsExtTheorems:   *)
(* facts about FoldSet, SumSet, ProductSet and MapThenSumSet, stated       *)
(* without proofs (brink does not check proofs).  It defines no operators  *)
(* of its own; it extends FiniteSetsExt, FiniteSets and Integers.          *)
(***************************************************************************)
EXTENDS FiniteSetsExt, FiniteSets, Integers

THEOREM FoldSetEmpty ==
  ASSUME NEW op(_,_), NEW base
  PROVE  FoldSet(op, base, {}) = base

THEOREM FoldSetNonempty ==
  ASSUME NEW op(_,_), NEW base, NEW S, S # {}, IsFiniteSet(S)
  PROVE  \E x \in S : FoldSet(op, base, S) = op(x, FoldSet(op, base, S \ {x}))

THEOREM SumSetEmpty == SumSet({}) = 0

THEOREM SumSetNonempty ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), NEW x \in S
  PROVE  SumSet(S) = x + SumSet(S \ {x})

THEOREM SumSetDisjointUnion ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), NEW T \in SUBSET Int, IsFiniteSet(T),
         S \cap T = {}
  PROVE  SumSet(S \cup T) = SumSet(S) + SumSet(T)

THEOREM ProductSetEmpty == ProductSet({}) = 1

THEOREM ProductSetNonempty ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), NEW x \in S
  PROVE  ProductSet(S) = x * ProductSet(S \ {x})

THEOREM MapThenSumSetEmpty ==
  ASSUME NEW op(_)
  PROVE  MapThenSumSet(op, {}) = 0

THEOREM MapThenSumSetNonempty ==
  ASSUME NEW S, IsFiniteSet(S), NEW x \in S, NEW op(_), \A s \in S : op(s) \in Int
  PROVE  MapThenSumSet(op, S) = op(x) + MapThenSumSet(op, S \ {x})

===========================================================================
