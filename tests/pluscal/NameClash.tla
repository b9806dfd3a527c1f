---- MODULE NameClash ----
EXTENDS Naturals, Sequences, TLC
(* --algorithm NameClash
variables x = 0, y = 0;
procedure P(a)
variables v = 0;
begin
  PA: y := a;
  return;
end procedure;
fair process x = 1
variables v = 1;
begin
  A: v := v + 1;
  y: call P(v);
end process;
process q \in {2, 3}
variables v = 2;
begin
  A: v := v + x;
end process;
process r = 4
begin
  A: skip;
end process;
end algorithm *)
====
