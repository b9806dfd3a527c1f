-------------------------- MODULE SequenceTheoremsTest --------------------------
(* brink's SequenceTheorems module defines no operators; the modules it    *)
(* extends (Sequences, Functions) come along.                              *)
EXTENDS SequenceTheorems, TLAPS
VARIABLE x

ASSUME Range(<<1, 2, 1>>) = {1, 2} /\ Len(Append(<< >>, 3)) = 1

THEOREM T1 == \A s \in Seq({1}) : Len(s) >= 0
  BY LenProperties, SMT

Init == x = 0
Next == x' = x
=============================================================================
