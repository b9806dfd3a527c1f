---- MODULE SymmetricPairs ----
\* Two processes each hold nothing or one of two values: 9 states.  TLC
\* reduces by the group the SYMMETRY set generates, so the union of the
\* permutations of Procs and of Vals leaves 4 classes: nothing held, one
\* held, both the same, both different.
EXTENDS TLC
CONSTANTS Procs, Vals
VARIABLE holder
Init == holder = [p \in Procs |-> "none"]
Next == \E p \in Procs, v \in Vals : holder' = [holder EXCEPT ![p] = v]
Perms == Permutations(Procs) \cup Permutations(Vals)
====
