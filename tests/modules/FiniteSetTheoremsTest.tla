-------------------------- MODULE FiniteSetTheoremsTest --------------------------
(* brink's FiniteSetTheorems module: its definitions evaluate as           *)
(* documented (by hand) and the modules it extends come along.             *)
EXTENDS FiniteSetTheorems
VARIABLE x

ASSUME FiniteSubsetsOf({1, 2}) = {{}, {1}, {2}, {1, 2}}
ASSUME StrictSubsetOrdering({1}) = {<<{}, {1}>>}
ASSUME Cardinality(StrictSubsetOrdering({1, 2})) = 5
\* extends Functions, WellFoundedInduction, Integers
ASSUME Range(<<-1>>) = {-1} /\ OpToRel(<, {1, 2}) = {<<1, 2>>}

Init == x = 0
Next == x' = x
=============================================================================
