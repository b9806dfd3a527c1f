---- MODULE MissingLabelBeforeReturn ----
EXTENDS Naturals, Sequences
(* --algorithm MissingLabelBeforeReturn
variables y = 0;
procedure P(a) variables v = 0;
begin PA: v := a; return;
end procedure;
begin B: call P(1);
end algorithm *)
====
