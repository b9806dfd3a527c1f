---- MODULE RecNil ----
\* A linked list whose links are nodes or the model value NIL: the
\* recursive Len walks a value that is an integer or a model value, which
\* the symbolic engine splits into its cases (encode/call.c).
EXTENDS Naturals, FiniteSets
CONSTANT NIL
VARIABLES next, head, used
Nodes == 1..4
RECURSIVE Len(_)
Len(n) == IF n = NIL THEN 0 ELSE 1 + Len(next[n])
Init == /\ head = NIL
        /\ next = [n \in Nodes |-> NIL]
        /\ used = {}
Push == \E n \in Nodes \ used :
          /\ next' = [next EXCEPT ![n] = head]
          /\ head' = n
          /\ used' = used \cup {n}
Pop == /\ head # NIL
       /\ head' = next[head]
       /\ used' = used \ {head}
       /\ UNCHANGED next
Next == Push \/ Pop
TypeOK == /\ head \in Nodes \cup {NIL}
          /\ next \in [Nodes -> Nodes \cup {NIL}]
          /\ used \subseteq Nodes
Counted == Len(head) = Cardinality(used)
Short == Len(head) < 3
====
