---- MODULE MutexAtomic ----
\* A correct lock: waiting processes test and set the lock in one step.
\* Three processes: 8 states with nobody critical + 3 * 4 with one.
EXTENDS Naturals, FiniteSets
CONSTANT Procs
VARIABLES pc, lock
Init == pc = [p \in Procs |-> "idle"] /\ lock = FALSE
Wait(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "wait"] /\ UNCHANGED lock
Enter(p) == /\ pc[p] = "wait" /\ ~lock
            /\ lock' = TRUE /\ pc' = [pc EXCEPT ![p] = "cs"]
Exit(p) == pc[p] = "cs" /\ lock' = FALSE /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : Wait(p) \/ Enter(p) \/ Exit(p)
InCS == {p \in Procs : pc[p] = "cs"}
Mutex == Cardinality(InCS) <= 1
LockOK == lock <=> InCS /= {}
TypeOK == pc \in [Procs -> {"idle", "wait", "cs"}]
\* Violated: all three can wait at once (4 states).
NotAllWaiting == \E p \in Procs : pc[p] /= "wait"
====
