---- MODULE ProcedureProcessName ----
EXTENDS Naturals, Sequences
(* --algorithm ProcedureProcessName
variables y = 0;
procedure P(a)
begin PA: y := a; return;
end procedure;
process P = 2
begin B: call P(y);
end process;
end algorithm *)
====
