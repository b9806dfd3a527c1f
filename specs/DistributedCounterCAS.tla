------------------------- MODULE DistributedCounterCAS -------------------------
(***************************************************************************)
(* The fix the seed article suggests for DistributedCounter: the write is *)
(* a compare-and-swap.  A node writes val + 1 only if the counter still   *)
(* holds the value it read; otherwise it goes back and reads again.  No    *)
(* increment is lost.                                                      *)
(***************************************************************************)
EXTENDS Integers, TLC

CONSTANT Nodes

VARIABLES counter, pending, pc, val, done

vars == <<counter, pending, pc, val, done>>

Init == /\ counter = 0
        /\ pending = [n \in Nodes |-> 0]
        /\ pc = [n \in Nodes |-> "read"]
        /\ val = [n \in Nodes |-> 0]
        /\ done = [n \in Nodes |-> 0]

Read(n) == /\ pc[n] = "read"
           /\ val' = [val EXCEPT ![n] = counter]
           /\ pending' = [pending EXCEPT ![n] = @ + 1]
           /\ pc' = [pc EXCEPT ![n] = "write"]
           /\ UNCHANGED <<counter, done>>

\* Compare-and-swap: succeeds only if nobody wrote since the read.
Write(n) == /\ pc[n] = "write"
            /\ counter = val[n]
            /\ counter' = val[n] + 1
            /\ done' = [done EXCEPT ![n] = @ + 1]
            /\ pending' = [pending EXCEPT ![n] = @ - 1]
            /\ pc' = [pc EXCEPT ![n] = "read"]
            /\ UNCHANGED val

Retry(n) == /\ pc[n] = "write"
            /\ counter /= val[n]
            /\ pc' = [pc EXCEPT ![n] = "read"]
            /\ pending' = [pending EXCEPT ![n] = @ - 1]
            /\ UNCHANGED <<counter, val, done>>

Next == \E n \in Nodes : Read(n) \/ Write(n) \/ Retry(n)

Spec == Init /\ [][Next]_vars

Sum(f) == LET S[T \in SUBSET Nodes] ==
                IF T = {} THEN 0
                ELSE LET n == CHOOSE m \in T : TRUE IN f[n] + S[T \ {n}]
          IN S[Nodes]

TypeOK == /\ counter \in Nat
          /\ pending \in [Nodes -> 0..1]
          /\ pc \in [Nodes -> {"read", "write"}]

NoLostIncrement == counter = Sum(done)
=============================================================================
