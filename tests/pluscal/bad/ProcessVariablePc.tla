---- MODULE ProcessVariablePc ----
EXTENDS Naturals, Sequences
(* --algorithm ProcessVariablePc
variables y = 0;
process p = 1
variables pc = 0;
begin A: skip;
end process;
end algorithm *)
====
