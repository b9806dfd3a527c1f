--------------------------- MODULE DistributedCounter ---------------------------
(***************************************************************************)
(* The distributed counter of seed 001 ("Architecting Unbreakable          *)
(* Distributed Systems"), repaired so that it is valid TLA+: the published *)
(* text lost every <<...>>, so the UNCHANGED tuples and the subscript of   *)
(* [][Next]_vars were empty, and the initial predicate gave no values to   *)
(* val1 and val2.                                                          *)
(*                                                                         *)
(* Two nodes increment a shared counter by reading it into a local         *)
(* variable, then writing back the value read plus one.  The article's     *)
(* invariants (counter + pending >= 0, counter >= 0) hold; the property it *)
(* implies -- "the final count accurately reflects all increments" -- does *)
(* not.  To state it, done1 and done2 count the increments each node has  *)
(* written; NoLostIncrement says the counter equals their sum.  A lost     *)
(* update breaks it: both nodes read the same value and both write v + 1.  *)
(***************************************************************************)
EXTENDS Integers, TLC

VARIABLE counter, node1_pending, node2_pending
VARIABLE pc, val1, val2
VARIABLE done1, done2

vars == <<counter, node1_pending, node2_pending, pc, val1, val2, done1, done2>>

Init == /\ counter = 0
        /\ node1_pending = 0
        /\ node2_pending = 0
        /\ pc = "Node1" :> "Node1_begin" @@ "Node2" :> "Node2_begin"
        /\ val1 = 0
        /\ val2 = 0
        /\ done1 = 0
        /\ done2 = 0

\* The steps of Node1.
N1Begin == /\ pc["Node1"] = "Node1_begin"
           /\ pc' = [pc EXCEPT !["Node1"] = "Node1_read"]
           /\ UNCHANGED <<counter, node1_pending, node2_pending, val1, val2, done1, done2>>

N1Read == /\ pc["Node1"] = "Node1_read"
          /\ val1' = counter
          /\ pc' = [pc EXCEPT !["Node1"] = "Node1_inc_pending"]
          /\ UNCHANGED <<counter, node1_pending, node2_pending, val2, done1, done2>>

N1IncPending == /\ pc["Node1"] = "Node1_inc_pending"
                /\ node1_pending' = node1_pending + 1
                /\ pc' = [pc EXCEPT !["Node1"] = "Node1_write"]
                /\ UNCHANGED <<counter, node2_pending, val1, val2, done1, done2>>

N1Write == /\ pc["Node1"] = "Node1_write"
           /\ counter' = val1 + 1
           /\ done1' = done1 + 1
           /\ pc' = [pc EXCEPT !["Node1"] = "Node1_dec_pending"]
           /\ UNCHANGED <<node1_pending, node2_pending, val1, val2, done2>>

N1DecPending == /\ pc["Node1"] = "Node1_dec_pending"
                /\ node1_pending' = node1_pending - 1
                /\ pc' = [pc EXCEPT !["Node1"] = "Node1_read"]
                /\ UNCHANGED <<counter, node2_pending, val1, val2, done1, done2>>

Node1 == N1Begin \/ N1Read \/ N1IncPending \/ N1Write \/ N1DecPending

\* The steps of Node2 (symmetric to Node1).
N2Begin == /\ pc["Node2"] = "Node2_begin"
           /\ pc' = [pc EXCEPT !["Node2"] = "Node2_read"]
           /\ UNCHANGED <<counter, node1_pending, node2_pending, val1, val2, done1, done2>>

N2Read == /\ pc["Node2"] = "Node2_read"
          /\ val2' = counter
          /\ pc' = [pc EXCEPT !["Node2"] = "Node2_inc_pending"]
          /\ UNCHANGED <<counter, node1_pending, node2_pending, val1, done1, done2>>

N2IncPending == /\ pc["Node2"] = "Node2_inc_pending"
                /\ node2_pending' = node2_pending + 1
                /\ pc' = [pc EXCEPT !["Node2"] = "Node2_write"]
                /\ UNCHANGED <<counter, node1_pending, val1, val2, done1, done2>>

N2Write == /\ pc["Node2"] = "Node2_write"
           /\ counter' = val2 + 1
           /\ done2' = done2 + 1
           /\ pc' = [pc EXCEPT !["Node2"] = "Node2_dec_pending"]
           /\ UNCHANGED <<node1_pending, node2_pending, val1, val2, done1>>

N2DecPending == /\ pc["Node2"] = "Node2_dec_pending"
                /\ node2_pending' = node2_pending - 1
                /\ pc' = [pc EXCEPT !["Node2"] = "Node2_read"]
                /\ UNCHANGED <<counter, node1_pending, val1, val2, done1, done2>>

Node2 == N2Begin \/ N2Read \/ N2IncPending \/ N2Write \/ N2DecPending

Next == Node1 \/ Node2

Spec == Init /\ [][Next]_vars

\* The article's invariants.
Invariant == counter + node1_pending + node2_pending >= 0
SafetyProperty == counter >= 0

\* The property the article implies: no increment is lost.
NoLostIncrement == counter = done1 + done2
=============================================================================
