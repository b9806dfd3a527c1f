---- MODULE StringSeqOps ----
\* TLC treats strings as sequences of characters for Len, \o, Tail and
\* SubSeq; both engines do, with s and t string-valued variables.
EXTENDS Naturals, Sequences
VARIABLES s, t
Init == s = "" /\ t \in {"x", "yz"}
Next == \/ /\ Len(s) < 4
           /\ s' = s \o t
           /\ t' = t
        \/ /\ s # ""
           /\ s' = Tail(s)
           /\ UNCHANGED t
        \/ /\ Len(s) > 1
           /\ s' = SubSeq(s, 2, 2)
           /\ UNCHANGED t
Short == Len(s) < 5
NotXYZ == s \o t # "xyz"
NoZX == s # "zx"
TailEmpty == Tail(s) # ""
Sub == Len(s) > 2 => SubSeq(s, 2, 3) # "zx"
SubT == Len(s) >= Len(t) => SubSeq(s, 1, Len(t)) # "yz"
====
