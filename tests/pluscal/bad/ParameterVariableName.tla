---- MODULE ParameterVariableName ----
EXTENDS Naturals, Sequences
(* --algorithm ParameterVariableName
variables y = 0;
procedure P(v)
variables v = 0;
begin PA: return;
end procedure;
begin A: call P(1);
end algorithm *)
====
