---- MODULE AutoLabelVars ----
EXTENDS Naturals
(* --algorithm AutoLabelVars {
variables x = 0, y = 0, z = 0;
procedure P(p = 0) {
  y := p; y := y + 1; return;
}
{ x := 1; y := 2; x := x + y;
  with (v \in {1, 2}) { y := v };
  if (x > 2) { z := 1 } else { call P(x) };
  z := z + 1;
  call P(z); x := 0;
  while (x < 2) { x := x + 1; x := x * 1 }
}
} *)
====
