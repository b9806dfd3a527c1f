---- MODULE ProcedureDefinedTwice ----
EXTENDS Naturals, Sequences
(* --algorithm ProcedureDefinedTwice
variables y = 0;
procedure P(a)
begin PA: y := a; return;
end procedure;
procedure P(b)
begin PB: y := b; return;
end procedure;
begin B: call P(y);
end algorithm *)
====
