---- MODULE Chan ----
\* A bounded FIFO channel, instantiated by InstanceQueues.tla.
EXTENDS Naturals, Sequences
CONSTANT Limit
VARIABLE ch
ASSUME Limit \in Nat
Init == ch = <<>>
CanSend == Len(ch) < Limit
Send(m) == CanSend /\ ch' = Append(ch, m)
Recv == ch /= <<>> /\ ch' = Tail(ch)
First == Head(ch)
TypeOK(S) == ch \in Seq(S)
RECURSIVE SumOf(_)
SumOf(s) == IF s = <<>> THEN 0 ELSE Head(s) + SumOf(Tail(s))
Total == SumOf(ch)
====
