---- MODULE ProcedureArity ----
EXTENDS Naturals
(* --algorithm ProcedureArity {
variables x = 0;
procedure P(a, b) { P1: return }
{ A: call P(1);
  B: skip
}
} *)
====
