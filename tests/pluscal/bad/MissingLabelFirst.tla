---- MODULE MissingLabelFirst ----
EXTENDS Naturals
(* --algorithm MissingLabelFirst {
variables x = 0;
process (p = 1) { x := 1 }
} *)
====
