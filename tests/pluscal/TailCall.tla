---- MODULE TailCall ----
EXTENDS Naturals, Sequences, TLC
(* --algorithm TailCall {
  variables r = 0;
  procedure G(m) variables z = 0; { G1: r := r + m; return }
  procedure F(n) variables acc = 1; {
    F1: if (n = 0) { call G(acc); return }
        else { call F(n - 1); return }
  }
  process (p \in 1..2) { P1: call F(2); P2: assert r > 0 }
} *)
====
