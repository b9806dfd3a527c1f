---- MODULE MissingLabelAfterGoto ----
EXTENDS Naturals
(* --algorithm MissingLabelAfterGoto {
variables x = 0;
{ A: goto B;
     x := 1;
  B: skip
}
} *)
====
