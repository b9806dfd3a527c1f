-------------------------- MODULE NaturalsInductionTest --------------------------
(* brink's NaturalsInduction module: the definitions over finite intervals *)
(* evaluate as documented (by hand); the others quantify over Nat and are  *)
(* only referred to.                                                       *)
EXTENDS NaturalsInduction, TLAPS
VARIABLE x

Fact(v, i) == v * i
ASSUME FiniteNatInductiveDefConclusion(<<1, 2, 6>>, 1, Fact, 1, 3)
ASSUME ~ FiniteNatInductiveDefConclusion(<<1, 2, 7>>, 1, Fact, 1, 3)
ASSUME FiniteNatInductiveDefConclusion([i \in 2..4 |-> (i * (i + 1)) \div 2 - 1], 2,
                                       LAMBDA v, i : v + i, 2, 4)

\* the definitions over Nat, only referred to (not evaluated)
NatDef(f) == NatInductiveDefConclusion(f, 1, Fact)
NatHyp(f) == NatInductiveDefHypothesis(f, 1, Fact)
FinHyp(f) == FiniteNatInductiveDefHypothesis(f, 1, Fact, 1, 3)

THEOREM Uses == \A n \in Nat : n >= 0
  BY NatInduction, GeneralNatInduction, SmallestNatural

Init == x = 0
Next == x' = x
=============================================================================
