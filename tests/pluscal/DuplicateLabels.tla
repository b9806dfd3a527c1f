---- MODULE DuplicateLabels ----
EXTENDS Naturals
(* --algorithm DuplicateLabels {
variables x = 0;
process (p = 1) { a: x := (x + 1) % 4; b: if (x > 0) goto a }
process (q = 2) { a: x := (x + 2) % 4; b: skip }
} *)
====
