------------------------- MODULE UndirectedGraphs ----------------------------
(***************************************************************************)
(* brink's own definition of the community module UndirectedGraphs.  An    *)
(* undirected graph is a record [node |-> N, edge |-> E] whose edges are   *)
(* sets {a, b} of nodes ({a} is a self-loop).  Connectivity is computed by *)
(* a reachability fixpoint rather than by enumerating paths.               *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

(* The nodes of G reachable from the node m (m included).                  *)
LOCAL ReachableFrom(G, m) ==
  LET RECURSIVE Grow(_)
      Grow(R) ==
        LET R2 == R \cup {b \in G.node : \E a \in R : {a, b} \in G.edge}
        IN  IF R2 = R THEN R ELSE Grow(R2)
  IN  IF m \in G.node THEN Grow({m}) ELSE {}

IsUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : e = {a, b}

(* The same, but no edge joins a node to itself.                           *)
IsLoopFreeUndirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ \A e \in G.edge : \E a, b \in G.node : a # b /\ e = {a, b}

(* All undirected graphs whose nodes and edges are among those of G.       *)
UndirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET G.edge] : IsUndirectedGraph(H)}

-----------------------------------------------------------------------------
(* The paths of G: non-empty sequences of nodes, each joined to the next   *)
(* by an edge (an infinite set as soon as G has an edge).                  *)
Path(G) ==
  {p \in Seq(G.node) :
     p # << >> /\ \A i \in 1..(Len(p) - 1) : {p[i], p[i + 1]} \in G.edge}

(* The paths that visit no node twice.                                     *)
SimplePath(G) ==
  LET RECURSIVE Extend(_)
      \* the simple paths that start with the simple path p
      Extend(p) ==
        {p} \cup UNION { Extend(Append(p, n)) :
                         n \in {m \in G.node : /\ {p[Len(p)], m} \in G.edge
                                                /\ \A i \in 1..Len(p) : p[i] # m} }
  IN  UNION {Extend(<<n>>) : n \in G.node}

(* TRUE iff some path of G leads from m to n (every node reaches itself).  *)
AreConnectedIn(m, n, G) == n \in ReachableFrom(G, m)

-----------------------------------------------------------------------------
(* The connected components of G: the maximal non-empty sets of nodes any  *)
(* two of which are joined by a path.  G is strongly connected iff it has  *)
(* exactly one component, holding all its nodes.                           *)
ConnectedComponents(G) == {ReachableFrom(G, n) : n \in G.node}

IsStronglyConnected(G) == ConnectedComponents(G) = {G.node}

-----------------------------------------------------------------------------
(* All undirected graphs whose nodes are S (self-loops included).          *)
UndirectedGraphs(S) == [node : {S}, edge : SUBSET {{a, b} : a, b \in S}]

=============================================================================
