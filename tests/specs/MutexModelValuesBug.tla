---- MODULE MutexModelValuesBug ----
\* A broken lock: a process sees the lock free and only later takes it, so
\* two processes (model values from the config) can both enter.
CONSTANT Procs
VARIABLES pc, lock
vars == <<pc, lock>>
Init == pc = [p \in Procs |-> "idle"] /\ lock = FALSE
See(p) == /\ pc[p] = "idle" /\ ~lock
          /\ pc' = [pc EXCEPT ![p] = "wait"] /\ UNCHANGED lock
Take(p) == /\ pc[p] = "wait"
           /\ lock' = TRUE /\ pc' = [pc EXCEPT ![p] = "cs"]
Leave(p) == /\ pc[p] = "cs"
            /\ lock' = FALSE /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : See(p) \/ Take(p) \/ Leave(p)
Spec == Init /\ [][Next]_vars
Mutex == \A p, q \in Procs : p /= q => ~(pc[p] = "cs" /\ pc[q] = "cs")
====
