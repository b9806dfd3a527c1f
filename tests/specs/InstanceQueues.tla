---- MODULE InstanceQueues ----
\* Two channels through named INSTANCEs, a parameterized INSTANCE over a
\* state expression, an unnamed INSTANCE and a nested module that sees its
\* enclosing module.  InstanceQueuesFlat.tla is the same spec with every
\* instance expanded by hand: both must give the same counts.
EXTENDS Naturals, Sequences
CONSTANT Max
VARIABLES inq, outq, sent

In == INSTANCE Chan WITH ch <- inq, Limit <- Max
Out == INSTANCE Chan WITH ch <- outq, Limit <- 1
Sizes(i) == INSTANCE Sizes WITH q <- IF i = 1 THEN inq ELSE outq

Three == 3
---- MODULE Bounds ----
VARIABLE n
WithinCap == n <= Three
====
INSTANCE Bounds WITH n <- sent

Init == In!Init /\ Out!Init /\ sent = 0
Produce == sent < Three /\ In!Send(sent + 1) /\ sent' = sent + 1
           /\ UNCHANGED outq
Move == In!Recv /\ Out!Send(In!First) /\ UNCHANGED sent
Consume == Out!Recv /\ UNCHANGED <<inq, sent>>
Next == Produce \/ Move \/ Consume

TypeOK == In!TypeOK(1..Three) /\ Out!TypeOK(1..Three)
Inv == Sizes(1)!Size + Sizes(2)!Size <= sent /\ WithinCap
       /\ In!Total + Out!Total <= 6
SmallIn == ~Sizes(1)!Sized(2)
====
