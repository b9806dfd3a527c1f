---- MODULE LiveView ----
(* Liveness under a VIEW: the stored states stand for classes (x alone),
   so the lasso through them is no behaviour until each state is rebuilt
   as a successor of the one before it, as TLC rebuilds its traces.  TLC:
   Reaches violated, a lasso of 3 states back to state 1. *)
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == x' = (x + 1) % 3 /\ y' = y + 1
Spec == Init /\ [][Next]_<<x, y>> /\ WF_<<x, y>>(Next)
View == x
Reaches == <>(x = 5)
====
