---- MODULE MissingLabelAfterCall ----
EXTENDS Naturals
(* --algorithm MissingLabelAfterCall {
variables x = 0;
procedure P() { P1: return }
{ A: call P();
     x := 2
}
} *)
====
