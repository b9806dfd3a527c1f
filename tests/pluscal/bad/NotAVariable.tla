---- MODULE NotAVariable ----
EXTENDS Naturals
(* --algorithm NotAVariable {
variables x = 0;
{ A: y := 1
}
} *)
====
