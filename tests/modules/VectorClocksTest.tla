---------------------------- MODULE VectorClocksTest ----------------------------
(* Checks brink's VectorClocks module on small inputs (expected values by  *)
(* hand).                                                                  *)
EXTENDS VectorClocks, Naturals, Sequences, TLC
VARIABLE x

\* log entries: [id |-> ..., n |-> node, vc |-> vector clock]
e1 == [id |-> 1, n |-> "a", vc |-> ("a" :> 1)]
e2 == [id |-> 2, n |-> "b", vc |-> ("a" :> 1 @@ "b" :> 1)]
e3 == [id |-> 3, n |-> "a", vc |-> ("a" :> 2)]
e4 == [id |-> 4, n |-> "b", vc |-> ("a" :> 2 @@ "b" :> 2)]

Clock(e) == e.vc
Node(e) == e.n

ASSUME IsCausalOrder(<< >>, Clock)
ASSUME IsCausalOrder(<<e1, e2, e3, e4>>, Clock)
\* e2 and e3 are concurrent, so either order is fine
ASSUME IsCausalOrder(<<e1, e3, e2, e4>>, Clock)
ASSUME ~ IsCausalOrder(<<e2, e1>>, Clock)
ASSUME ~ IsCausalOrder(<<e1, e4, e3>>, Clock)
\* identical clocks are neither ordered nor concurrent
ASSUME ~ IsCausalOrder(<<e1, e1>>, Clock)
ASSUME LET s == CausalOrder(<<e4, e2, e3, e1>>, Clock, Node, LAMBDA c : DOMAIN c)
       IN  /\ IsCausalOrder(s, Clock)
           /\ Len(s) = 4 /\ {s[i] : i \in 1..4} = {e1, e2, e3, e4}
           /\ s[1] = e1 /\ s[4] = e4
ASSUME CausalOrder(<<e3, e1>>, Clock, Node, LAMBDA c : DOMAIN c) = <<e1, e3>>
ASSUME CausalOrder(<< >>, Clock, Node, LAMBDA c : DOMAIN c) = << >>
\* VectorClocks extends Functions
ASSUME Range(<<1, 1>>) = {1}

Init == x = 0
Next == x' = x
=============================================================================
