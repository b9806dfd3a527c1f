---- MODULE GotoNoSuchLabel ----
EXTENDS Naturals
(* --algorithm GotoNoSuchLabel {
variables x = 0;
{ A: x := 1;
     goto C
}
} *)
====
