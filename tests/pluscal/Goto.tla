---- MODULE Goto ----
EXTENDS Naturals
(* --fair algorithm Goto {
  variables x = 0, f = [i \in 1..2 |-> [v |-> 0]];
  macro bump(var, d) { var := var + d }
  {
  L1: bump(x, 2);
      f[1].v := x;
      if (x < 6) goto L1 else goto L2;
  L2: bump(f[2].v, 1);
      if (x = 6) { L3: x := 0 };
  L4: skip
  }
} *)
====
