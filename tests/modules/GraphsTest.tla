------------------------------ MODULE GraphsTest ------------------------------
(* Checks brink's Graphs module on small inputs (expected values by hand). *)
EXTENDS Graphs, Naturals, Sequences, FiniteSets
VARIABLE x

Chain == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}]
Ring  == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>, <<3, 1>>}]
Tree  == [node |-> {1, 2, 3}, edge |-> {<<2, 1>>, <<3, 1>>}]
Sym   == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 1>>, <<2, 3>>, <<3, 2>>}]

ASSUME IsDirectedGraph(Chain) /\ IsDirectedGraph(EmptyGraph)
ASSUME ~ IsDirectedGraph([node |-> {1}, edge |-> {<<1, 2>>}])
ASSUME ~ IsDirectedGraph([node |-> {1}, edge |-> {}, extra |-> 0])
ASSUME [node |-> {1, 2}, edge |-> {<<1, 2>>}] \in DirectedSubgraph(Chain)
ASSUME [node |-> {1, 2}, edge |-> {<<2, 1>>}] \notin DirectedSubgraph(Chain)
ASSUME Cardinality(DirectedSubgraph([node |-> {1, 2}, edge |-> {<<1, 2>>}])) = 5
ASSUME Transpose(Chain) = [node |-> {1, 2, 3}, edge |-> {<<2, 1>>, <<3, 2>>}]
ASSUME IsUndirectedGraph(Sym) /\ ~ IsUndirectedGraph(Chain)
ASSUME [node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}] \in UndirectedSubgraph(Sym)
ASSUME [node |-> {1, 2}, edge |-> {<<1, 2>>}] \notin UndirectedSubgraph(Sym)
ASSUME SimplePath(Chain) = {<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 3>>, <<1, 2, 3>>}
ASSUME <<1, 2, 3>> \in SimplePath(Ring) /\ <<1, 2, 3, 1>> \notin SimplePath(Ring)
ASSUME Cardinality(SimplePath(Ring)) = 9
ASSUME AreConnectedIn(1, 3, Chain) /\ ~ AreConnectedIn(3, 1, Chain)
ASSUME AreConnectedIn(2, 2, Chain)
ASSUME ConnectionsIn(Chain)[1, 3] /\ ~ ConnectionsIn(Chain)[3, 1]
ASSUME ConnectionsIn(Chain) =
         [p \in Chain.node \X Chain.node |-> p[1] <= p[2]]
ASSUME IsStronglyConnected(Ring) /\ ~ IsStronglyConnected(Chain)
ASSUME IsTreeWithRoot(Tree, 1) /\ ~ IsTreeWithRoot(Tree, 2)
ASSUME ~ IsTreeWithRoot(Chain, 1) /\ IsTreeWithRoot(Transpose(Chain), 1)
ASSUME GraphUnion([node |-> {1, 2}, edge |-> {<<1, 2>>}], [node |-> {2, 3}, edge |-> {<<2, 3>>}])
         = Chain
ASSUME IsBipartiteWithPartitions([node |-> {1, 2, 3, 4}, edge |-> {<<1, 2>>, <<2, 3>>, <<3, 4>>}],
                                 {1, 3}, {2, 4})
ASSUME ~ IsBipartiteWithPartitions(Ring, {1, 3}, {2})
ASSUME HasCycle(Ring) /\ ~ HasCycle(Chain)
ASSUME HasCycle([node |-> {1}, edge |-> {<<1, 1>>}])
ASSUME IsDag(Chain) /\ IsDag(Tree) /\ ~ IsDag(Ring)
ASSUME Successors([node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<1, 3>>}], 1) = {2, 3}
ASSUME Successors(Chain, 3) = {}
ASSUME AllSuccessors([node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<1, 3>>}], {1, 2}) = {2, 3}
ASSUME Predecessors(Tree, 1) = {2, 3} /\ Predecessors(Tree, 2) = {}
ASSUME AllPredecessors(Tree, {1, 2}) = {2, 3}
ASSUME Ancestors([node |-> {1, 2, 3, 4}, edge |-> {<<4, 2>>, <<2, 1>>, <<3, 1>>}], 1) = {2, 3, 4}
ASSUME Descendants([node |-> {1, 2, 3, 4}, edge |-> {<<4, 2>>, <<2, 1>>, <<3, 1>>}], 4) = {1, 2}
ASSUME Ancestors(Ring, 1) = {1, 2, 3} /\ Descendants(Chain, 1) = {2, 3}
ASSUME InDegree(Tree, 1) = 2 /\ OutDegree(Tree, 1) = 0 /\ OutDegree(Chain, 1) = 1
ASSUME Roots(Chain) = {1} /\ Leaves(Chain) = {3}
ASSUME Roots(Tree) = {2, 3} /\ Leaves(Tree) = {1} /\ Roots(Ring) = {}
ASSUME EmptyGraph = [node |-> {}, edge |-> {}]
ASSUME Cardinality(Graphs({1, 2})) = 16
ASSUME [node |-> {1, 2}, edge |-> {<<1, 2>>}] \in Graphs({1, 2})

Init == x = 0
Next == x' = x
=============================================================================
