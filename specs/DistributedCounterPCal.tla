------------------------- MODULE DistributedCounterPCal -------------------------
(***************************************************************************)
(* The distributed counter of seed 001 written in PlusCal, as the article *)
(* writes it: two nodes each read the shared counter into a local        *)
(* variable, mark an increment pending, write back the value read plus    *)
(* one, and clear the mark.  brink checks the algorithm directly (it      *)
(* translates it in memory: no translation is kept in this file).         *)
(*                                                                         *)
(* It is the algorithm of DistributedCounter.tla (the hand translation),  *)
(* with the two nodes as one process set: the article's invariants hold,  *)
(* and NoLostIncrement -- the counter equals the increments written -- is *)
(* violated after 8 steps, when both nodes read the same value.           *)
(***************************************************************************)
EXTENDS Integers

(* --algorithm DistributedCounterPCal {
  variables counter = 0,
            pending = [n \in {1, 2} |-> 0],
            done = [n \in {1, 2} |-> 0];

  define {
    \* The article's invariants.
    Invariant == counter + pending[1] + pending[2] >= 0
    SafetyProperty == counter >= 0
    \* The property the article implies: no increment is lost.
    NoLostIncrement == counter = done[1] + done[2]
  }

  process (node \in {1, 2})
    variable val = 0;
  {
    Begin: skip;
    Read:  while (TRUE) {
             val := counter;
    Inc:     pending[self] := pending[self] + 1;
    Write:   counter := val + 1;
             done[self] := done[self] + 1;
    Dec:     pending[self] := pending[self] - 1
           }
  }
} *)
=============================================================================
