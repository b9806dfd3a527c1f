-------------------------- MODULE FiniteSetsExtTest --------------------------
(* Checks brink's FiniteSetsExt module on small inputs (expected values by *)
(* hand).                                                                  *)
EXTENDS FiniteSetsExt, TLC
VARIABLE x

ASSUME FoldSet(LAMBDA a, b : a + b, 0, {1, 2, 3}) = 6
ASSUME FoldSet(LAMBDA a, b : a + b, 0, 0..10) = 55
ASSUME FoldSet(LAMBDA a, b : a + b, 4, {}) = 4
ASSUME FoldSet(LAMBDA a, b : a \cup b, {}, {{1}, {2, 3}}) = {1, 2, 3}
ASSUME SumSet({}) = 0
ASSUME SumSet(0..10) = 55
ASSUME SumSet({-3, 5}) = 2
ASSUME ProductSet({}) = 1
ASSUME ProductSet(1..4) = 24
ASSUME ReduceSet(LAMBDA a, b : a + b, {1, 2, 3}, 10) = 16
ASSUME MapThenSumSet(LAMBDA r : r.n, {[n |-> 0], [n |-> 1], [n |-> 2]}) = 3
ASSUME MapThenSumSet(LAMBDA e : e * e, {1, 2, 3}) = 14
ASSUME FlattenSet({{1, 2}, {2, 3}, {4}}) = {1, 2, 3, 4}
ASSUME FlattenSet({}) = {}
ASSUME SymDiff({1, 2, 3}, {2, 3, 4}) = {1, 4}
ASSUME SymDiff({1, 2}, {1, 2}) = {}
ASSUME Quantify(1..9, LAMBDA n : n % 2 = 0) = 4
ASSUME Quantify({}, LAMBDA n : TRUE) = 0
ASSUME kSubset(2, 1..3) = {{1, 2}, {1, 3}, {2, 3}}
ASSUME kSubset(0, {1, 2}) = {{}}
ASSUME kSubset(3, {1, 2}) = {}
ASSUME kSubset(-1, {1, 2}) = {}
ASSUME kSubset(2, {}) = {}
ASSUME Cardinality(kSubset(3, 1..6)) = 20
ASSUME Max({1, 5, 3}) = 5
ASSUME Min({1, 5, 3}) = 1
ASSUME Max({-2}) = -2 /\ Min({-7, 4}) = -7
ASSUME Choices({{1, 2}, {3}}) = {{1, 3}, {2, 3}}
ASSUME Choices({{1, 2}, {2, 3}, {5}}) = {{2, 5}, {1, 2, 5}, {1, 3, 5}, {2, 3, 5}}
ASSUME Choices({}) = {{}}
ASSUME Choices({{1}, {}}) = {}
ASSUME ChooseUnique({2, 3, 4, 5}, LAMBDA n : n % 3 = 1) = 4
\* FiniteSetsExt extends Functions and Integers
ASSUME Range(<<-1, 1>>) = {-1, 1}

Init == x = 0
Next == x' = x
=============================================================================
