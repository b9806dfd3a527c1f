---- MODULE DefaultInitValueName ----
EXTENDS Naturals, Sequences
(* --algorithm DefaultInitValueName
variables defaultInitValue = 0, x;
begin A: skip;
end algorithm *)
====
