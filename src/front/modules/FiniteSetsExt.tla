--------------------------- MODULE FiniteSetsExt ---------------------------
(***************************************************************************)
(* brink's own definition of the community module FiniteSetsExt: folds,   *)
(* sums and products over finite sets, counting, k-subsets, Max/Min and    *)
(* choice sets.  Like the community module, it extends Integers,          *)
(* FiniteSets, Folds and Functions.                                        *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Folds, Functions

(* Combine the elements of the finite set `set' with op, starting from     *)
(* base, in an unspecified order (op should be associative and             *)
(* commutative):  FoldSet(LAMBDA a, b : a + b, 0, 1..4) = 10               *)
FoldSet(op(_,_), base, set) ==
  MapThenFoldSet(op, base, LAMBDA x : x, LAMBDA T : CHOOSE x \in T : TRUE, set)

(* The sum and the product of a finite set of integers.                    *)
SumSet(set) == FoldSet(LAMBDA a, b : a + b, 0, set)
ProductSet(set) == FoldSet(LAMBDA a, b : a * b, 1, set)

(* FoldSet with the older argument order (the set before the base).        *)
ReduceSet(op(_,_), set, acc) == FoldSet(op, acc, set)

(* The sum of op(x) over the elements x of the finite set `set'.           *)
MapThenSumSet(op(_), set) ==
  MapThenFoldSet(LAMBDA a, b : a + b, 0, op,
                 LAMBDA T : CHOOSE x \in T : TRUE, set)

(* The union of a set of sets (the same as UNION S).                       *)
FlattenSet(S) == UNION S

(* The elements that are in exactly one of A and B.                        *)
SymDiff(A, B) == (A \ B) \cup (B \ A)

(* The number of elements of S that satisfy P.                             *)
Quantify(S, P(_)) == Cardinality({x \in S : P(x)})

(***************************************************************************)
(* The subsets of S with exactly k elements ({} unless 0 <= k <= |S|).     *)
(* Built element by element, so SUBSET S is never enumerated.              *)
(***************************************************************************)
kSubset(k, S) ==
  LET RECURSIVE Pick(_, _)
      Pick(n, T) ==
        IF n = 0 THEN {{}}
        ELSE IF Cardinality(T) < n THEN {}
        ELSE LET x == CHOOSE y \in T : TRUE
             IN  Pick(n, T \ {x}) \cup {U \cup {x} : U \in Pick(n - 1, T \ {x})}
  IN  IF k < 0 THEN {} ELSE Pick(k, S)

(* The largest and the smallest element of a finite, non-empty set of     *)
(* integers.                                                               *)
Max(S) == CHOOSE x \in S : \A y \in S : y <= x
Min(S) == CHOOSE x \in S : \A y \in S : x <= y

(***************************************************************************)
(* The sets obtained by picking one element from each set in Sets (the     *)
(* ranges of the choice functions on Sets):                                *)
(*   Choices({{1, 2}, {3}}) = {{1, 3}, {2, 3}},  Choices({}) = {{}}         *)
(***************************************************************************)
Choices(Sets) ==
  LET RECURSIVE Pick(_)
      Pick(Ts) ==
        IF Ts = {} THEN {{}}
        ELSE LET T == CHOOSE U \in Ts : TRUE
             IN  {C \cup {x} : C \in Pick(Ts \ {T}), x \in T}
  IN  Pick(Sets)

(* The unique element of S that satisfies P; evaluation fails (like a      *)
(* CHOOSE with no candidate) unless exactly one element satisfies P.       *)
ChooseUnique(S, P(_)) ==
  CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => (y = x)

=============================================================================
