------------------------------- MODULE Graphs -------------------------------
(***************************************************************************)
(* brink's own definition of the community module Graphs.  A directed      *)
(* graph is a record [node |-> N, edge |-> E] with E \subseteq N \X N.     *)
(* Connectivity is computed by a reachability fixpoint rather than by      *)
(* enumerating paths, so it stays cheap on small graphs.                   *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

(* The nodes of G reachable from the node m in zero or more steps.         *)
LOCAL ReachableFrom(G, m) ==
  LET RECURSIVE Grow(_)
      Grow(R) ==
        LET R2 == R \cup {e[2] : e \in {d \in G.edge : d[1] \in R /\ d[2] \in G.node}}
        IN  IF R2 = R THEN R ELSE Grow(R2)
  IN  IF m \in G.node THEN Grow({m}) ELSE {}

IsDirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ G.edge \subseteq G.node \X G.node

(* All directed graphs whose nodes and edges are among those of G.         *)
DirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET (G.node \X G.node)] :
     IsDirectedGraph(H) /\ H.edge \subseteq G.edge}

(* G with every edge reversed.                                             *)
Transpose(G) == [node |-> G.node, edge |-> {<<e[2], e[1]>> : e \in G.edge}]

-----------------------------------------------------------------------------
(* An undirected graph here is a directed graph whose edges go both ways.  *)
IsUndirectedGraph(G) ==
  IsDirectedGraph(G) /\ \A e \in G.edge : <<e[2], e[1]>> \in G.edge

UndirectedSubgraph(G) == {H \in DirectedSubgraph(G) : IsUndirectedGraph(H)}

-----------------------------------------------------------------------------
(* The paths of G: non-empty sequences of nodes, each linked to the next   *)
(* by an edge (an infinite set if G has a cycle).                          *)
Path(G) ==
  {p \in Seq(G.node) :
     p # << >> /\ \A i \in 1..(Len(p) - 1) : <<p[i], p[i + 1]>> \in G.edge}

(* The paths that visit no node twice.                                     *)
SimplePath(G) ==
  LET RECURSIVE Extend(_)
      \* the simple paths that start with the simple path p
      Extend(p) ==
        {p} \cup UNION { Extend(Append(p, n)) :
                         n \in {m \in G.node : /\ <<p[Len(p)], m>> \in G.edge
                                                /\ \A i \in 1..Len(p) : p[i] # m} }
  IN  UNION {Extend(<<n>>) : n \in G.node}

(* TRUE iff some path of G leads from m to n (every node reaches itself).  *)
AreConnectedIn(m, n, G) == n \in ReachableFrom(G, m)

(* The Boolean matrix [m, n \in G.node |-> AreConnectedIn(m, n, G)].       *)
ConnectionsIn(G) ==
  LET R == [m \in G.node |-> ReachableFrom(G, m)]
  IN  [p \in G.node \X G.node |-> p[2] \in R[p[1]]]

(* TRUE iff every node of G reaches every node.                            *)
IsStronglyConnected(G) == \A m \in G.node : ReachableFrom(G, m) = G.node

-----------------------------------------------------------------------------
(* TRUE iff G is a tree whose edges point towards the root r: the root has *)
(* no outgoing edge, every other node at most one, and every node reaches  *)
(* r.                                                                      *)
IsTreeWithRoot(G, r) ==
  /\ IsDirectedGraph(G)
  /\ \A e \in G.edge : /\ e[1] # r
                       /\ \A f \in G.edge : (e[1] = f[1]) => (e = f)
  /\ \A n \in G.node : AreConnectedIn(n, r, G)

-----------------------------------------------------------------------------
(* The union of the nodes and of the edges of G and H.                     *)
GraphUnion(G, H) == [node |-> G.node \cup H.node, edge |-> G.edge \cup H.edge]

(* TRUE iff U and V split the nodes of G and every edge joins U and V.     *)
IsBipartiteWithPartitions(G, U, V) ==
  /\ U \cap V = {}
  /\ G.node \subseteq U \cup V
  /\ \A e \in G.edge : (e[1] \in U /\ e[2] \in V) \/ (e[1] \in V /\ e[2] \in U)

(* TRUE iff G has a cycle: a self-loop, or two distinct nodes that reach   *)
(* each other.                                                             *)
HasCycle(G) ==
  \/ \E n \in G.node : <<n, n>> \in G.edge
  \/ \E m, n \in G.node : m # n /\ AreConnectedIn(m, n, G) /\ AreConnectedIn(n, m, G)

(* TRUE iff G is a directed acyclic graph.                                 *)
IsDag(G) == IsDirectedGraph(G) /\ ~ HasCycle(G)

(* The immediate successors and predecessors of a node n, or of any node   *)
(* of a set S.                                                             *)
Successors(G, n) == {m \in G.node : <<n, m>> \in G.edge}
AllSuccessors(G, S) == UNION {Successors(G, n) : n \in S}
Predecessors(G, n) == {m \in G.node : <<m, n>> \in G.edge}
AllPredecessors(G, S) == UNION {Predecessors(G, n) : n \in S}

(* The nodes from which n can be reached in one or more steps, and the     *)
(* nodes that can be reached from n in one or more steps.                  *)
Ancestors(G, n) ==
  {m \in G.node : \E k \in Successors(G, m) : n \in ReachableFrom(G, k)}
Descendants(G, n) ==
  UNION {ReachableFrom(G, k) : k \in Successors(G, n)}

(* The numbers of incoming and outgoing edges of n.                        *)
InDegree(G, n) == Cardinality(Predecessors(G, n))
OutDegree(G, n) == Cardinality(Successors(G, n))

(* The nodes without incoming edges, and those without outgoing edges.     *)
Roots(G) == {n \in G.node : Predecessors(G, n) = {}}
Leaves(G) == {n \in G.node : Successors(G, n) = {}}

-----------------------------------------------------------------------------
(* The graph with no nodes, and all directed graphs whose nodes are S.     *)
EmptyGraph == [node |-> {}, edge |-> {}]
Graphs(S) == [node : {S}, edge : SUBSET (S \X S)]

=============================================================================
