--------------------------- MODULE RandomizationTest ---------------------------
(* Checks brink's Randomization module: the results have the documented   *)
(* shape (worked out by hand from the module's documentation).             *)
EXTENDS Randomization, Naturals, FiniteSets
VARIABLE x

S == 1..6

ASSUME RandomSubset(0, S) = {}
ASSUME LET T == RandomSubset(3, S) IN T \subseteq S /\ Cardinality(T) = 3
ASSUME RandomSubset(6, S) = S
ASSUME RandomSubset(2, {"a", "b"}) = {"a", "b"}
ASSUME LET T == RandomSubset(2, [{1, 2} -> BOOLEAN])
       IN  T \subseteq [{1, 2} -> BOOLEAN] /\ Cardinality(T) = 2
ASSUME LET R == RandomSetOfSubsets(4, 2, S)
       IN  /\ R \subseteq SUBSET S
           /\ Cardinality(R) <= 4
           /\ R # {}
           /\ \A T \in R : Cardinality(T) = 2
ASSUME RandomSetOfSubsets(0, 2, S) = {}
ASSUME RandomSetOfSubsets(3, 0, S) = {{}}
ASSUME RandomSetOfSubsets(3, 6, S) = {S}
ASSUME RandomSetOfSubsets(2, 0, {}) = {{}}
ASSUME LET t == TestRandomSetOfSubsets(3, 2, S)
       IN  DOMAIN t = 1..5 /\ \A i \in 1..5 : t[i] \in 1..3

Init == x = 0
Next == x' = x
=============================================================================
