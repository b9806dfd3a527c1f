---- MODULE MissingLabelFirst ----
EXTENDS Naturals
(* --algorithm MissingLabelFirst {
variables x = 0;
{ x := 1 }
} *)
====
