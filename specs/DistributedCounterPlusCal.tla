----------------------- MODULE DistributedCounterPlusCal -----------------------
(***************************************************************************)
(* The distributed counter of seed 001 ("Architecting Unbreakable          *)
(* Distributed Systems") as the PlusCal algorithm the article sketches;    *)
(* specs/DistributedCounter.tla is the article's hand-written TLA+ half.   *)
(* The sketch is not valid PlusCal (a "loop" statement, no labels, the     *)
(* locals val1 and val2 undeclared); here each of the article's steps      *)
(* (read, inc_pending, write, dec_pending) is a label, and each node loops *)
(* Increments times instead of forever -- the article checks "after 4-5    *)
(* increments from each node" -- so that the state space is finite and    *)
(* the liveness properties can be checked.  The processes are fair.        *)
(*                                                                         *)
(* The article's invariants (Invariant, SafetyProperty) hold; the property *)
(* it implies, that the counter reflects every increment, does not:        *)
(* NoLostIncrement (counter = the writes done so far) is violated after 6  *)
(* steps, when both nodes read the same value and both write it plus one; *)
(* AllIncrementsCounted (when both nodes are done the counter is           *)
(* 2 * Increments) fails with it; so does EventuallyAllCounted, its        *)
(* liveness form.  The article's liveness property, "eventually the        *)
(* counter will increase" (CounterIncreases), holds under fairness, and so *)
(* does Termination.  TLC's figures: the .cfg files.                       *)
(***************************************************************************)
EXTENDS Integers, TLC

CONSTANT Increments   \* how many increments each node performs

(* --algorithm DistributedCounter
variables counter = 0,
          node1_pending = 0,
          node2_pending = 0;

define
  \* The article's invariants.
  Invariant == counter + node1_pending + node2_pending >= 0
  SafetyProperty == counter >= 0
  \* The article's liveness property: eventually the counter increases.
  CounterIncreases == <>(counter > 0)
  \* Its implied goal, as a liveness property.
  EventuallyAllCounted == <>(counter = 2 * Increments)
end define;

fair process Node1 = "Node1"
variables val1 = 0, n1 = 0;
begin
  Node1_read:
    while n1 < Increments do
      \* Node1 reads the current counter value
      val1 := counter;
      Node1_inc_pending:
        \* Node1 decides to increment
        node1_pending := node1_pending + 1;
      Node1_write:
        \* Node1 writes the new counter value
        counter := val1 + 1;
      Node1_dec_pending:
        node1_pending := node1_pending - 1;
        n1 := n1 + 1;
    end while;
end process;

fair process Node2 = "Node2"
variables val2 = 0, n2 = 0;
begin
  Node2_read:
    while n2 < Increments do
      \* Node2 reads the current counter value
      val2 := counter;
      Node2_inc_pending:
        \* Node2 decides to increment
        node2_pending := node2_pending + 1;
      Node2_write:
        \* Node2 writes the new counter value
        counter := val2 + 1;
      Node2_dec_pending:
        node2_pending := node2_pending - 1;
        n2 := n2 + 1;
    end while;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES pc, counter, node1_pending, node2_pending

(* define statement *)
Invariant == counter + node1_pending + node2_pending >= 0
SafetyProperty == counter >= 0

CounterIncreases == <>(counter > 0)

EventuallyAllCounted == <>(counter = 2 * Increments)

VARIABLES val1, n1, val2, n2

vars == << pc, counter, node1_pending, node2_pending, val1, n1, val2, n2 >>

ProcSet == {"Node1"} \cup {"Node2"}

Init == (* Global variables *)
        /\ counter = 0
        /\ node1_pending = 0
        /\ node2_pending = 0
        (* Process Node1 *)
        /\ val1 = 0
        /\ n1 = 0
        (* Process Node2 *)
        /\ val2 = 0
        /\ n2 = 0
        /\ pc = [self \in ProcSet |-> CASE self = "Node1" -> "Node1_read"
                                        [] self = "Node2" -> "Node2_read"]

Node1_read == /\ pc["Node1"] = "Node1_read"
              /\ IF n1 < Increments
                    THEN /\ val1' = counter
                         /\ pc' = [pc EXCEPT !["Node1"] = "Node1_inc_pending"]
                    ELSE /\ pc' = [pc EXCEPT !["Node1"] = "Done"]
                         /\ val1' = val1
              /\ UNCHANGED << counter, node1_pending, node2_pending, n1, val2, 
                              n2 >>

Node1_inc_pending == /\ pc["Node1"] = "Node1_inc_pending"
                     /\ node1_pending' = node1_pending + 1
                     /\ pc' = [pc EXCEPT !["Node1"] = "Node1_write"]
                     /\ UNCHANGED << counter, node2_pending, val1, n1, val2, 
                                     n2 >>

Node1_write == /\ pc["Node1"] = "Node1_write"
               /\ counter' = val1 + 1
               /\ pc' = [pc EXCEPT !["Node1"] = "Node1_dec_pending"]
               /\ UNCHANGED << node1_pending, node2_pending, val1, n1, val2, 
                               n2 >>

Node1_dec_pending == /\ pc["Node1"] = "Node1_dec_pending"
                     /\ node1_pending' = node1_pending - 1
                     /\ n1' = n1 + 1
                     /\ pc' = [pc EXCEPT !["Node1"] = "Node1_read"]
                     /\ UNCHANGED << counter, node2_pending, val1, val2, n2 >>

Node1 == Node1_read \/ Node1_inc_pending \/ Node1_write
            \/ Node1_dec_pending

Node2_read == /\ pc["Node2"] = "Node2_read"
              /\ IF n2 < Increments
                    THEN /\ val2' = counter
                         /\ pc' = [pc EXCEPT !["Node2"] = "Node2_inc_pending"]
                    ELSE /\ pc' = [pc EXCEPT !["Node2"] = "Done"]
                         /\ val2' = val2
              /\ UNCHANGED << counter, node1_pending, node2_pending, val1, n1, 
                              n2 >>

Node2_inc_pending == /\ pc["Node2"] = "Node2_inc_pending"
                     /\ node2_pending' = node2_pending + 1
                     /\ pc' = [pc EXCEPT !["Node2"] = "Node2_write"]
                     /\ UNCHANGED << counter, node1_pending, val1, n1, val2, 
                                     n2 >>

Node2_write == /\ pc["Node2"] = "Node2_write"
               /\ counter' = val2 + 1
               /\ pc' = [pc EXCEPT !["Node2"] = "Node2_dec_pending"]
               /\ UNCHANGED << node1_pending, node2_pending, val1, n1, val2, 
                               n2 >>

Node2_dec_pending == /\ pc["Node2"] = "Node2_dec_pending"
                     /\ node2_pending' = node2_pending - 1
                     /\ n2' = n2 + 1
                     /\ pc' = [pc EXCEPT !["Node2"] = "Node2_read"]
                     /\ UNCHANGED << counter, node1_pending, val1, n1, val2 >>

Node2 == Node2_read \/ Node2_inc_pending \/ Node2_write
            \/ Node2_dec_pending

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Node1 \/ Node2
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Node1)
        /\ WF_vars(Node2)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

\* The writes each node has done so far (n1 counts finished iterations).
Written1 == n1 + IF pc["Node1"] = "Node1_dec_pending" THEN 1 ELSE 0
Written2 == n2 + IF pc["Node2"] = "Node2_dec_pending" THEN 1 ELSE 0

\* No increment is lost: the counter holds every write done so far.
NoLostIncrement == counter = Written1 + Written2

\* "the final value accurately reflects all increments"
AllIncrementsCounted ==
  (pc["Node1"] = "Done" /\ pc["Node2"] = "Done") => counter = 2 * Increments

TypeOK ==
  /\ counter \in 0..2 * Increments
  /\ node1_pending \in 0..1 /\ node2_pending \in 0..1
  /\ val1 \in 0..2 * Increments /\ val2 \in 0..2 * Increments
  /\ n1 \in 0..Increments /\ n2 \in 0..Increments
=============================================================================
