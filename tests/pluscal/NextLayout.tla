---- MODULE NextLayout ----
EXTENDS Naturals, Sequences
(* --algorithm NextLayout {
variables x = 0;
procedure Alpha() { A1: return }
procedure BetaBetaBetaBeta() { B1: return }
procedure GammaGammaGamma() { G1: return }
procedure DeltaDeltaDelta() { D1: return }
process (processnumberone = 1) { P1: call Alpha() }
process (processnumbertwo = 2) { Q1: call BetaBetaBetaBeta() }
process (processnumberthree = 3) { R1: call GammaGammaGamma() }
process (processnumberfour = 4) { S1: call DeltaDeltaDelta() }
} *)
====
