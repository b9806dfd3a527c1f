---- MODULE UniLoop ----
EXTENDS Naturals
(* --algorithm UniLoop {
variables x = 0;
{ l: while (TRUE) { either { x := (x + 1) % 3 } or { skip } } }
} *)
====
