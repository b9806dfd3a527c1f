----------------------------- MODULE RelationTest -----------------------------
(* Checks brink's Relation module on small inputs (expected values by      *)
(* hand).                                                                  *)
EXTENDS Relation, Naturals
VARIABLE x

S == {1, 2, 3}
Lt == [p \in S \X S |-> p[1] < p[2]]
Le == [p \in S \X S |-> p[1] <= p[2]]
Eq == [p \in S \X S |-> p[1] = p[2]]
Succ == [p \in S \X S |-> p[2] = p[1] + 1]     \* 1 -> 2 -> 3

ASSUME IsReflexive(Le, S) /\ IsReflexive(Eq, S) /\ ~ IsReflexive(Lt, S)
ASSUME IsReflexiveUnder(=, S) /\ ~ IsReflexiveUnder(<, S)
ASSUME IsIrreflexive(Lt, S) /\ ~ IsIrreflexive(Le, S)
ASSUME IsIrreflexiveUnder(<, S) /\ ~ IsIrreflexiveUnder(<=, S)
ASSUME IsSymmetric(Eq, S) /\ ~ IsSymmetric(Lt, S)
ASSUME IsSymmetricUnder(=, S) /\ ~ IsSymmetricUnder(<, S)
ASSUME IsSymmetricUnder(LAMBDA a, b : a # b, S)
ASSUME IsAntiSymmetric(Le, S) /\ IsAntiSymmetric(Eq, S)
ASSUME ~ IsAntiSymmetricUnder(LAMBDA a, b : a # b, S)
ASSUME IsAntiSymmetricUnder(<=, S)
ASSUME IsAsymmetric(Lt, S) /\ ~ IsAsymmetric(Le, S)
ASSUME IsAsymmetricUnder(<, S) /\ ~ IsAsymmetricUnder(=, S)
ASSUME IsTransitive(Lt, S) /\ ~ IsTransitive(Succ, S)
ASSUME IsTransitiveUnder(<, S) /\ IsTransitiveUnder(=, S)
ASSUME ~ IsTransitiveUnder(LAMBDA a, b : a # b, S)
ASSUME IsStrictlyPartiallyOrdered(Lt, S) /\ ~ IsStrictlyPartiallyOrdered(Le, S)
ASSUME IsStrictlyPartiallyOrderedUnder(<, S)
ASSUME IsPartiallyOrdered(Le, S) /\ ~ IsPartiallyOrdered(Lt, S)
ASSUME IsPartiallyOrderedUnder(<=, S)
\* subset inclusion: a partial order that is not total
ASSUME IsPartiallyOrderedUnder(\subseteq, {{}, {1}, {2}})
ASSUME ~ IsTotallyOrderedUnder(\subseteq, {{}, {1}, {2}})
ASSUME IsStrictlyTotallyOrdered(Lt, S) /\ IsStrictlyTotallyOrderedUnder(<, S)
ASSUME ~ IsStrictlyTotallyOrderedUnder(LAMBDA a, b : a = 1 /\ b = 2, S)
ASSUME IsTotallyOrdered(Le, S) /\ IsTotallyOrderedUnder(<=, S)
ASSUME ~ IsTotallyOrdered(Eq, S)
ASSUME TransitiveClosure(Succ, S) = Lt
ASSUME TransitiveClosure(Lt, S) = Lt
ASSUME ReflexiveTransitiveClosure(Succ, S) = Le
ASSUME LET Cyc == [p \in S \X S |-> <<p[1], p[2]>> \in {<<1, 2>>, <<2, 3>>, <<3, 1>>}]
       IN  TransitiveClosure(Cyc, S) = [p \in S \X S |-> TRUE]
ASSUME TransitiveClosure([p \in {} \X {} |-> FALSE], {}) = [p \in {} \X {} |-> FALSE]
ASSUME IsConnected(Eq, {1}) /\ ~ IsConnected(Eq, S)
ASSUME ~ IsConnected(Succ, S)
ASSUME IsConnected([p \in S \X S |-> <<p[1], p[2]>> \in {<<1, 2>>, <<2, 3>>, <<3, 1>>}], S)

Init == x = 0
Next == x' = x
=============================================================================
