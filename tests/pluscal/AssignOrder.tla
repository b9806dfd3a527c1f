---- MODULE AssignOrder ----
EXTENDS Naturals, Sequences
(* --algorithm AssignOrder {
variables zed = 0, alpha = 0, tally = <<0, 0>>;
procedure Bump(amount = 0, u = 1) {
  b1: tally[2] := amount || zed := u || tally[1] := amount;
      return;
}
procedure Tail(top = 0) {
  t1: call Bump(top, top);
      return;
}
{ a1: zed := 1 || alpha := 2;
  a2: call Bump(zed, alpha);
  a3: call Tail(1);
}
} *)
====
