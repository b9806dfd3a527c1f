---- MODULE TlcExit ----
(* TLCSet("exit", TRUE) in an invariant stops the search; TLC reports the
   run as completed with the states found so far (and those left on the
   queue).  TLC: no error, 10 distinct states, 4 left on the queue. *)
EXTENDS Naturals, TLC
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == \/ x' = x + 1 /\ y' = y
        \/ y' = y + 1 /\ x' = x
Stop == TLCSet("exit", TLCGet("distinct") >= 10)
====
