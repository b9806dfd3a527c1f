------------------------- MODULE UndirectedGraphsTest -------------------------
(* Checks brink's UndirectedGraphs module on small inputs (expected values *)
(* by hand).                                                               *)
EXTENDS UndirectedGraphs, Naturals, Sequences, FiniteSets
VARIABLE x

Line3 == [node |-> {1, 2, 3}, edge |-> {{1, 2}, {2, 3}}]
Two   == [node |-> {1, 2, 3, 4}, edge |-> {{1, 2}, {3, 4}}]
Loop  == [node |-> {1, 2}, edge |-> {{1}, {1, 2}}]

ASSUME IsUndirectedGraph(Line3) /\ IsUndirectedGraph(Loop)
ASSUME ~ IsUndirectedGraph([node |-> {1}, edge |-> {{1, 2}}])
ASSUME IsLoopFreeUndirectedGraph(Line3) /\ ~ IsLoopFreeUndirectedGraph(Loop)
ASSUME [node |-> {1, 2}, edge |-> {{1, 2}}] \in UndirectedSubgraph(Line3)
ASSUME [node |-> {1}, edge |-> {{1, 2}}] \notin UndirectedSubgraph(Line3)
ASSUME SimplePath(Line3) =
         {<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 1>>, <<2, 3>>, <<3, 2>>,
          <<1, 2, 3>>, <<3, 2, 1>>}
ASSUME SimplePath(Loop) = {<<1>>, <<2>>, <<1, 2>>, <<2, 1>>}
ASSUME AreConnectedIn(1, 2, Two) /\ ~ AreConnectedIn(1, 3, Two)
ASSUME AreConnectedIn(3, 1, Line3) /\ AreConnectedIn(4, 4, Two)
ASSUME ConnectedComponents(Two) = {{1, 2}, {3, 4}}
ASSUME ConnectedComponents(Line3) = {{1, 2, 3}}
ASSUME ConnectedComponents([node |-> {1, 2}, edge |-> {}]) = {{1}, {2}}
ASSUME IsStronglyConnected(Line3) /\ ~ IsStronglyConnected(Two)
ASSUME UndirectedGraphs({1, 2}) =
         { [node |-> {1, 2}, edge |-> E] :
           E \in SUBSET {{1}, {2}, {1, 2}} }
ASSUME Cardinality(UndirectedGraphs({1, 2, 3})) = 64

Init == x = 0
Next == x' = x
=============================================================================
