---- MODULE CompoundId ----
EXTENDS Naturals, Sequences
CONSTANT N
(* --algorithm CompoundId {
variables y = 0;
procedure Set(q = 0) { s1: y := q; return; }
process (Hub = N + 1)
{ h1: y := y + 1;
  h2: call Set(2);
}
process (Node \in 1..N) { n1: y := 0 }
} *)
====
