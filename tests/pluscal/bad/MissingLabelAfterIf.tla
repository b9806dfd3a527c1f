---- MODULE MissingLabelAfterIf ----
EXTENDS Naturals
(* --algorithm MissingLabelAfterIf {
variables x = 0;
{ A: if (x = 0) { B: x := 1 };
     x := 2
}
} *)
====
