----------------------------- MODULE QueueView -----------------------------
(* Writes wait in a queue before they reach memory; View is what a reader  *)
(* would see, computed by a recursive function over the queue whose body  *)
(* refers to the previous element twice.  The symbolic engine unfolds the *)
(* recursion only as deep as the queue's length can reach: deeper, the     *)
(* argument lies outside 0 .. Len(q).  LastIsOne fails once the queue is   *)
(* full and ends in a 1 after a 2 (three writes).                         *)
EXTENDS Naturals, Sequences

VARIABLES mem, q

Init == mem = 0 /\ q = <<>>

Write(v) == Len(q) < 3 /\ q' = Append(q, v) /\ UNCHANGED mem
Flush == q # <<>> /\ mem' = Head(q) /\ q' = Tail(q)
Next == (\E v \in {0, 1, 2} : Write(v)) \/ Flush

View == LET f[i \in 0 .. Len(q)] ==
              IF i = 0 THEN mem
              ELSE IF q[i] = 0 THEN f[i - 1]
                   ELSE IF f[i - 1] = 2 THEN q[i] + 10 ELSE q[i]
        IN  f[Len(q)]

TypeOK == View \in 0 .. 12
LastIsOne == ~(Len(q) = 3 /\ View = 11)
=============================================================================
