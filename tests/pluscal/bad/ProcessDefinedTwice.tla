---- MODULE ProcessDefinedTwice ----
EXTENDS Naturals, Sequences
(* --algorithm ProcessDefinedTwice
variables y = 0;
process p = 1
begin A: skip;
end process;
process p = 2
begin B: skip;
end process;
end algorithm *)
====
