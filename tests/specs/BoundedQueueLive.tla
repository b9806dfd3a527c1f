---- MODULE BoundedQueueLive ----
\* A queue bounded by its guard: Append in one branch of Next would add a
\* cell to every frame, and the symbolic engine drops the cells no
\* behaviour fills (src/engine/deadcells.c), in the unrolling and in the
\* lasso search's frames.  The lasso that keeps the queue full infinitely
\* often must close on such a frame.
EXTENDS Naturals, Sequences
VARIABLE q
Init == q = <<>>
Next == \/ Len(q) < 3 /\ q' = Append(q, Len(q))
        \/ q # <<>> /\ q' = Tail(q)
Spec == Init /\ [][Next]_q /\ WF_q(Next)
Holds == []<>(Len(q) <= 3)
NotFull == <>[](Len(q) < 3)
====
