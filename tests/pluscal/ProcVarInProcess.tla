---- MODULE ProcVarInProcess ----
EXTENDS Naturals, Sequences, TLC
(* --algorithm ProcVarInProcess
procedure Init2(a = 1)
variable x = 42;
begin I1: return;
end procedure;
process P \in 1..2
begin
  P1: assert x = 42;
  P2: call Init2(7);
end process;
end algorithm *)
====
