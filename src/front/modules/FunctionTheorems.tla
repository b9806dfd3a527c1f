------------------------ MODULE FunctionTheorems ----------------------------
(***************************************************************************)
(* brink's own definition of the TLAPS library module FunctionTheorems:    *)
(* facts about the operators of the Functions module, stated without       *)
(* proofs (brink does not check proofs).  It defines no operators of its   *)
(* own; like the library module it extends Functions and Integers.         *)
(***************************************************************************)
EXTENDS Functions, Integers

THEOREM Fun_RangeProperties ==
  ASSUME NEW S, NEW T, NEW f \in [S -> T]
  PROVE  /\ Range(f) \subseteq T
         /\ \A y \in Range(f) : \E x \in S : f[x] = y
         /\ f \in Surjection(S, Range(f))

THEOREM Fun_InverseProperties ==
  ASSUME NEW S, NEW T, NEW f \in [S -> T]
  PROVE  /\ (S = {} => T = {}) => Inverse(f, S, T) \in [T -> S]
         /\ \A y \in Range(f) : f[Inverse(f, S, T)[y]] = y

THEOREM Fun_BijInverse ==
  ASSUME NEW S, NEW T, NEW f \in Bijection(S, T)
  PROVE  /\ Inverse(f, S, T) \in Bijection(T, S)
         /\ \A s \in S : Inverse(f, S, T)[f[s]] = s

THEOREM Fun_ExistsBijReflexive == ASSUME NEW S PROVE ExistsBijection(S, S)

THEOREM Fun_ExistsBijSymmetric ==
  ASSUME NEW S, NEW T, ExistsBijection(S, T)
  PROVE  ExistsBijection(T, S)

THEOREM Fun_ExistsBijTransitive ==
  ASSUME NEW S, NEW T, NEW U, ExistsBijection(S, T), ExistsBijection(T, U)
  PROVE  ExistsBijection(S, U)

THEOREM Fun_CantorBernsteinSchroeder ==
  ASSUME NEW S, NEW T, ExistsInjection(S, T), ExistsInjection(T, S)
  PROVE  ExistsBijection(S, T)

THEOREM Fun_NatBijSame ==
  ASSUME NEW S, NEW n \in Nat, ExistsBijection(1..n, S),
         NEW m \in Nat, ExistsBijection(1..m, S)
  PROVE  n = m

=============================================================================
