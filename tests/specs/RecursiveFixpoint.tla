---- MODULE RecursiveFixpoint ----
\* Recursion whose end depends on the state: a reachability fixpoint and a
\* maximum by removal (as in UndirectedGraphs and PaxosCommit).  The
\* symbolic engine unfolds them a bounded number of times past a symbolic
\* condition, and a reachable state that would need more is refused at
\* solve time, never answered wrongly (RecursionCut.tla).  CountUp's
\* argument is a constant at every call, so it unfolds like constant
\* recursion (up to 400 calls) and Counted is answered at length 36.
EXTENDS Integers, FiniteSets
CONSTANT N
VARIABLES edges, x
Nodes == 1..N
Init == edges = {} /\ x = 0
AddEdge == \E a, b \in Nodes : /\ a < b /\ {a, b} \notin edges
                               /\ edges' = edges \cup {{a, b}}
                               /\ UNCHANGED x
Tick == x < 40 /\ x' = x + 1 /\ UNCHANGED edges
Next == AddEdge \/ Tick
RECURSIVE Grow(_)
Grow(R) == LET R2 == R \cup {b \in Nodes : \E a \in R : {a, b} \in edges}
           IN  IF R2 = R THEN R ELSE Grow(R2)
Max(S) == LET M[T \in SUBSET S] ==
                IF T = {} THEN -1
                ELSE LET n == CHOOSE n \in T : TRUE
                         rmax == M[T \ {n}]
                     IN  IF n >= rmax THEN n ELSE rmax
          IN  M[S]
RECURSIVE CountUp(_)
CountUp(k) == IF k >= x THEN k ELSE CountUp(k + 1)
Sane == /\ Max({b \in Nodes : {1, b} \in edges}) \in {-1} \cup Nodes
        /\ Max({b \in Nodes : {1, b} \in edges}) =
             IF {b \in Nodes : {1, b} \in edges} = {} THEN -1
             ELSE CHOOSE b \in Nodes : {1, b} \in edges /\
                                       \A c \in Nodes : {1, c} \in edges => c <= b
        /\ 1 \in Grow({1})
\* Violated once the graph is connected: three edges for N = 4.
NotConnected == Grow({1}) # Nodes
Counted == CountUp(0) = x
====
