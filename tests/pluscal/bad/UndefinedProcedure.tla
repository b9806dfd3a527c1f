---- MODULE UndefinedProcedure ----
EXTENDS Naturals
(* --algorithm UndefinedProcedure {
variables x = 0;
{ A: call Q(1);
  B: skip
}
} *)
====
