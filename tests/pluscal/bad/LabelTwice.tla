---- MODULE LabelTwice ----
EXTENDS Naturals
(* --algorithm LabelTwice {
variables x = 0;
{ A: x := 1;
  A: x := 2
}
} *)
====
