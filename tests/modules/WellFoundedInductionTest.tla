------------------------ MODULE WellFoundedInductionTest ------------------------
(* brink's WellFoundedInduction module: the definitions on finite sets     *)
(* evaluate as documented (expected values by hand).                       *)
EXTENDS WellFoundedInduction, TLC
VARIABLE x

S == {1, 2, 3}
Lt == {<<1, 2>>, <<1, 3>>, <<2, 3>>}

ASSUME IsTransitivelyClosedOn(Lt, S)
ASSUME ~ IsTransitivelyClosedOn({<<1, 2>>, <<2, 3>>}, S)
ASSUME SetLessThan(3, Lt, S) = {1, 2} /\ SetLessThan(1, Lt, S) = {}
ASSUME OpToRel(<, S) = Lt
ASSUME OpToRel(\subseteq, {{}, {1}}) = {<<{}, {}>>, <<{}, {1}>>, <<{1}, {1}>>}
ASSUME TransitiveClosureOn({<<1, 2>>, <<2, 3>>}, S) = Lt
ASSUME TransitiveClosureOn({<<1, 2>>, <<2, 9>>}, S) = {<<1, 2>>}
ASSUME PreImage(LAMBDA n : -n, {1, 2}, OpToRel(<, {-1, -2})) = {<<2, 1>>}
ASSUME LexPairOrdering(OpToRel(<, {0, 1}), OpToRel(<, {0, 1}), {0, 1}, {0, 1}) =
         { << <<0, 0>>, <<0, 1>> >>, << <<0, 0>>, <<1, 0>> >>, << <<0, 0>>, <<1, 1>> >>,
           << <<0, 1>>, <<1, 0>> >>, << <<0, 1>>, <<1, 1>> >>, << <<1, 0>>, <<1, 1>> >> }
ASSUME LexProductOrdering(OpToRel(<, {0, 1}), {0, 1}, 1) = { << <<0>>, <<1>> >> }
ASSUME << <<0, 1>>, <<1, 0>> >> \in LexProductOrdering(OpToRel(<, {0, 1}), {0, 1}, 2)
ASSUME << <<1, 0>>, <<0, 1>> >> \notin LexProductOrdering(OpToRel(<, {0, 1}), {0, 1}, 2)
\* WellFoundedInduction extends NaturalsInduction
ASSUME FiniteNatInductiveDefConclusion(<<0, 1>>, 0, LAMBDA v, i : v + 1, 1, 2)

\* definitions that quantify over infinite sets, only referred to
WF == IsWellFoundedOn(Lt, S)
Def(g, n) == IF n = 1 THEN 0 ELSE g[n - 1]
D1 == WFDefOn(Lt, S, Def)
D2(f) == OpDefinesFcn(f, S, Def) /\ WFInductiveDefines(f, S, Def)
D3 == WFInductiveUnique(S, Def)

Init == x = 0
Next == x' = x
=============================================================================
