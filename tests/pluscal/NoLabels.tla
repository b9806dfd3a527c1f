---- MODULE NoLabels ----
EXTENDS Naturals
(* --algorithm NoLabels {
variables x = 0;
{ x := 1; while (x < 3) { x := x + 1 }; x := 0 }
} *)
====
