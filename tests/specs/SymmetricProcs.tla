---- MODULE SymmetricProcs ----
\* Three interchangeable processes toggle between idle and busy: 8 states,
\* but 4 up to permutations of Procs (SymmetricProcs.cfg) and 4 views of
\* the number of busy processes (SymmetricProcsView.cfg).
EXTENDS FiniteSets, TLC
CONSTANT Procs
VARIABLE busy
Init == busy = {}
Next == \E p \in Procs : busy' = IF p \in busy THEN busy \ {p}
                                               ELSE busy \cup {p}
Perms == Permutations(Procs)
Busy == Cardinality(busy)
NotAll == busy /= Procs
NotTwo == Busy /= 2
====
