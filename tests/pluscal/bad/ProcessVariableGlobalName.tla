---- MODULE ProcessVariableGlobalName ----
EXTENDS Naturals, Sequences
(* --algorithm ProcessVariableGlobalName
variables y = 0;
process p = 1
variables y = 2;
begin A: skip;
end process;
end algorithm *)
====
