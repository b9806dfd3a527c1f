------------------------- MODULE SequencesExtTheoremsTest -------------------------
(* brink's SequencesExtTheorems module: its definitions exist with their   *)
(* arities (they quantify over Seq(S), so they are only referred to); the  *)
(* modules it extends come along.                                          *)
EXTENDS SequencesExtTheorems
VARIABLE x

Def(v, s) == v + 1
P1 == StrictPrefixesDetermineDef({1}, Def)
P2 == StrictSuffixesDetermineDef({1}, Def)
P3(f) == TailInductiveDefHypothesis(f, {1}, 0, Def) /\ TailInductiveDefConclusion(f, {1}, 0, Def)
P4(f) == FrontInductiveDefHypothesis(f, {1}, 0, Def) /\ FrontInductiveDefConclusion(f, {1}, 0, Def)

ASSUME Front(<<1, 2>>) = <<1>> /\ Cons(0, <<1>>) = <<0, 1>> /\ Range(<<-1>>) = {-1}

Init == x = 0
Next == x' = x
=============================================================================
