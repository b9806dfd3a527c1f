------------------------------ MODULE FoldsTest ------------------------------
(* Checks brink's Folds module on small inputs (expected values by hand). *)
EXTENDS Folds, Naturals, Sequences
VARIABLE x

Any(T) == CHOOSE e \in T : TRUE
Least(T) == CHOOSE e \in T : \A d \in T : e <= d
Greatest(T) == CHOOSE e \in T : \A d \in T : d <= e

ASSUME MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA e : e, Any, {}) = 0
ASSUME MapThenFoldSet(LAMBDA a, b : a + b, 7, LAMBDA e : e, Any, {}) = 7
ASSUME MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA e : e, Any, {1, 2, 3}) = 6
ASSUME MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA e : 2 * e, Any, {1, 2, 3}) = 12
ASSUME MapThenFoldSet(LAMBDA a, b : a * b, 1, LAMBDA e : e, Any, 1..5) = 120
ASSUME MapThenFoldSet(LAMBDA a, b : a \cup b, {}, LAMBDA e : {{e}}, Any, {1, 2})
         = {{1}, {2}}
\* the first element chosen is applied last (outermost)
ASSUME MapThenFoldSet(LAMBDA a, b : <<a>> \o b, << >>, LAMBDA e : e, Least, {3, 1, 2})
         = <<1, 2, 3>>
ASSUME MapThenFoldSet(LAMBDA a, b : <<a>> \o b, << >>, LAMBDA e : e, Greatest, {3, 1, 2})
         = <<3, 2, 1>>
ASSUME MapThenFoldSet(LAMBDA a, b : a - b, 0, LAMBDA e : e, Least, {1, 2, 3})
         = 1 - (2 - (3 - 0))

Init == x = 0
Next == x' = x
=============================================================================
