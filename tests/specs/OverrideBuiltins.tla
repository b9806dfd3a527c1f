---- MODULE OverrideBuiltins ----
\* The config replaces the built-ins Nat and Seq (as MCFindHighest does):
\* sequences of length at most 2 over 0..2, 1 + 3 + 9 = 13 initial states.
EXTENDS Naturals, Sequences
VARIABLE s
MCNat == 0..2
MCSeq(S) == UNION {[1..n -> S] : n \in 0..2}
Init == s \in Seq(Nat)
Next == UNCHANGED s
Short == Len(s) < 2
====
