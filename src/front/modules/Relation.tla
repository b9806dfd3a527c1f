----------------------------- MODULE Relation ------------------------------
(***************************************************************************)
(* brink's own definition of the community module Relation.  A relation   *)
(* R over a set S is a Boolean function on S \X S: R[x, y] holds iff x is  *)
(* related to y.  Each property P(R, S) also comes as PUnder(op, S) for a  *)
(* relation given by a binary operator, e.g. IsTransitiveUnder(<, 1..3).   *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

(* The Boolean function on S \X S of the operator op.                      *)
LOCAL AsRelation(op(_,_), S) == [p \in S \X S |-> op(p[1], p[2])]

IsReflexive(R, S) == \A x \in S : R[x, x]
IsReflexiveUnder(op(_,_), S) == IsReflexive(AsRelation(op, S), S)

IsIrreflexive(R, S) == \A x \in S : ~ R[x, x]
IsIrreflexiveUnder(op(_,_), S) == IsIrreflexive(AsRelation(op, S), S)

IsSymmetric(R, S) == \A x, y \in S : R[x, y] => R[y, x]
IsSymmetricUnder(op(_,_), S) == IsSymmetric(AsRelation(op, S), S)

(* x related to y and y related to x only for x = y.                       *)
IsAntiSymmetric(R, S) == \A x, y \in S : (R[x, y] /\ R[y, x]) => (x = y)
IsAntiSymmetricUnder(op(_,_), S) == IsAntiSymmetric(AsRelation(op, S), S)

(* Never both x related to y and y related to x (so also irreflexive).     *)
IsAsymmetric(R, S) == \A x, y \in S : ~ (R[x, y] /\ R[y, x])
IsAsymmetricUnder(op(_,_), S) == IsAsymmetric(AsRelation(op, S), S)

IsTransitive(R, S) == \A x, y, z \in S : (R[x, y] /\ R[y, z]) => R[x, z]
IsTransitiveUnder(op(_,_), S) == IsTransitive(AsRelation(op, S), S)

(* Strict partial order: irreflexive, antisymmetric and transitive.        *)
IsStrictlyPartiallyOrdered(R, S) ==
  IsIrreflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsStrictlyPartiallyOrderedUnder(op(_,_), S) ==
  IsStrictlyPartiallyOrdered(AsRelation(op, S), S)

(* Partial order: reflexive, antisymmetric and transitive.                 *)
IsPartiallyOrdered(R, S) ==
  IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsPartiallyOrderedUnder(op(_,_), S) ==
  IsPartiallyOrdered(AsRelation(op, S), S)

(* Strict total order: a strict partial order relating any two distinct   *)
(* elements one way or the other.                                          *)
IsStrictlyTotallyOrdered(R, S) ==
  /\ IsStrictlyPartiallyOrdered(R, S)
  /\ \A x, y \in S : (x # y) => (R[x, y] \/ R[y, x])
IsStrictlyTotallyOrderedUnder(op(_,_), S) ==
  IsStrictlyTotallyOrdered(AsRelation(op, S), S)

(* Total order: a partial order relating any two elements.                 *)
IsTotallyOrdered(R, S) ==
  IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]
IsTotallyOrderedUnder(op(_,_), S) ==
  IsTotallyOrdered(AsRelation(op, S), S)

(***************************************************************************)
(* The transitive closure of R over S: TransitiveClosure(R, S)[x, y] holds *)
(* iff there is a chain x = z0, z1, ..., zk = y (k >= 1) of elements of S  *)
(* with R[z(i-1), zi] for all i.  Computed by Warshall's algorithm: the    *)
(* intermediate elements are admitted one at a time.                       *)
(***************************************************************************)
TransitiveClosure(R, S) ==
  LET RECURSIVE Via(_)
      \* chains whose intermediate elements all lie in V
      Via(V) ==
        IF V = {} THEN [p \in S \X S |-> R[p[1], p[2]]]
        ELSE LET v == CHOOSE u \in V : TRUE
                 C == Via(V \ {v})
             IN  [p \in S \X S |-> C[p] \/ (C[p[1], v] /\ C[v, p[2]])]
  IN  Via(S)

(* The reflexive transitive closure: the transitive closure plus x = y.    *)
ReflexiveTransitiveClosure(R, S) ==
  LET T == TransitiveClosure(R, S)
  IN  [p \in S \X S |-> p[1] = p[2] \/ T[p]]

(* TRUE iff any two elements of S are linked by a chain of R steps.        *)
IsConnected(R, S) ==
  LET T == ReflexiveTransitiveClosure(R, S)
  IN  \A x, y \in S : T[x, y]

=============================================================================
