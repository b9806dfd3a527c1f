-------------------------- MODULE PathMembershipTest --------------------------
(* Membership in the infinite sets Path(G) of the modules Graphs and       *)
(* UndirectedGraphs, {p \in Seq(G.node) : ...}.  TLC decides such a        *)
(* membership by testing p \in Seq(G.node) and the condition; brink        *)
(* currently refuses the set ("Seq(S) is infinite"), so this test fails    *)
(* until brink supports it.  Expected values by hand.                      *)
EXTENDS Naturals, Sequences
VARIABLE x

D == INSTANCE Graphs
U == INSTANCE UndirectedGraphs

Chain == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}]
Line3 == [node |-> {1, 2, 3}, edge |-> {{1, 2}, {2, 3}}]

ASSUME <<1, 2, 3>> \in D!Path(Chain) /\ <<3, 2>> \notin D!Path(Chain)
ASSUME <<2>> \in D!Path(Chain) /\ << >> \notin D!Path(Chain)
ASSUME <<1, 2, 3>> \in U!Path(Line3) /\ <<3, 2, 1, 2>> \in U!Path(Line3)
ASSUME <<1, 3>> \notin U!Path(Line3)

Init == x = 0
Next == x' = x
=============================================================================
