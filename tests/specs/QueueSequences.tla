---- MODULE QueueSequences ----
\* A bounded queue whose length changes: Append, Head, Tail, \o, SelectSeq
\* and SubSeq on state variables.  GetAny takes from a possibly empty queue
\* (Head of <<>> is an evaluation error).
EXTENDS Naturals, Sequences
CONSTANT Careless
VARIABLES q, out
Init == q = <<>> /\ out = <<>>
Put(x) == Len(q) < 3 /\ q' = Append(q, x) /\ UNCHANGED out
Get == (Careless \/ q /= <<>>) /\ out' = out \o <<Head(q)>> /\ q' = Tail(q)
Next == (\E x \in 1..2 : Put(x)) \/ Get
OutShort == Len(out) < 4
TwoTwos == SelectSeq(out, LAMBDA x: x = 2) # <<2, 2>>
NotTwoOne == SubSeq(out, 2, Len(out)) # <<2, 1>>
Typed == q \in Seq(1..2) /\ out \in Seq(1..2) /\ Len(q) <= 3
====
