---- MODULE AssignedTwice ----
EXTENDS Naturals
(* --algorithm AssignedTwice {
variables x = 0;
{ A: x := 1;
     x := 2
}
} *)
====
