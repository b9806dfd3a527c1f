---- MODULE ProcedureVariableIn ----
EXTENDS Naturals, Sequences
(* --algorithm ProcedureVariableIn {
variables x = 0;
procedure P(a) variables b \in {1, 2}; { P1: x := a + b; return }
{ A: call P(1);
  B: skip }
} *)
====
