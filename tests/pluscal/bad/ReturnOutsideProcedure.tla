---- MODULE ReturnOutsideProcedure ----
EXTENDS Naturals
(* --algorithm ReturnOutsideProcedure {
variables x = 0;
{ A: return
}
} *)
====
