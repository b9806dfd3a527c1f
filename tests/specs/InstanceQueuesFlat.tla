---- MODULE InstanceQueuesFlat ----
\* InstanceQueues.tla with its instances expanded by hand (the oracle).
EXTENDS Naturals, Sequences
CONSTANT Max
VARIABLES inq, outq, sent

RECURSIVE SumOf(_)
SumOf(s) == IF s = <<>> THEN 0 ELSE Head(s) + SumOf(Tail(s))

Init == inq = <<>> /\ outq = <<>> /\ sent = 0
Produce == sent < 3 /\ Len(inq) < Max /\ inq' = Append(inq, sent + 1)
           /\ sent' = sent + 1 /\ UNCHANGED outq
Move == inq /= <<>> /\ inq' = Tail(inq) /\ Len(outq) < 1
        /\ outq' = Append(outq, Head(inq)) /\ UNCHANGED sent
Consume == outq /= <<>> /\ outq' = Tail(outq) /\ UNCHANGED <<inq, sent>>
Next == Produce \/ Move \/ Consume

TypeOK == inq \in Seq(1..3) /\ outq \in Seq(1..3)
Inv == Len(inq) + Len(outq) <= sent /\ sent <= 3
       /\ SumOf(inq) + SumOf(outq) <= 6
SmallIn == ~(Len(inq) = 2)
====
