---- MODULE MissingLabelBeforeCall ----
EXTENDS Naturals, Sequences
(* --algorithm MissingLabelBeforeCall
variables y = 0;
procedure P(a) variables v = 0;
begin PA: v := a; call P(2);
end procedure;
begin B: call P(1);
end algorithm *)
====
