---- MODULE MixedKinds ----
\* Variables that hold a model value in some states and a record or an
\* integer in others (the NoVal idiom): the symbolic engine represents them
\* as mixtures of kinds.  BadRead reads a field of NoVal (an error in TLC).
EXTENDS Naturals
CONSTANTS NoVal, Proc
VARIABLES buf, last
Init == buf = [p \in Proc |-> NoVal] /\ last = NoVal
Req(p) == /\ buf[p] = NoVal
          /\ \E v \in 1..2 : /\ buf' = [buf EXCEPT ![p] = [op |-> "rd", val |-> v]]
                             /\ last' = v
Rsp(p) == /\ buf[p] # NoVal
          /\ buf' = [buf EXCEPT ![p] = NoVal]
          /\ last' = buf[p].val
BadRead(p) == /\ last # NoVal /\ last > 1
              /\ last' = buf[p].val
              /\ UNCHANGED buf
Next == \E p \in Proc : Req(p) \/ Rsp(p)
NextBad == Next \/ \E p \in Proc : BadRead(p)
TypeOK == /\ \A p \in Proc : buf[p] = NoVal \/ buf[p].val \in 1..2
          /\ last = NoVal \/ last \in Nat
LastSmall == last = NoVal \/ last < 2
BothBusy == \E p, q \in Proc : p # q /\ buf[p] # NoVal /\ buf[q] # NoVal
NotBothBusy == ~BothBusy
====
