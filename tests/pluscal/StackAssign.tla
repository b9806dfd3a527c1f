---- MODULE StackAssign ----
EXTENDS Naturals, Sequences
(* --algorithm StackAssign {
procedure Back(n = 0) {
  b1: stack[1].n := n + 1;
  b2: return;
}
process (Caller \in {1, 2})
variables got = 0;
{ c1: call Back(self);
  c2: got := n;
}
} *)
====
