---- MODULE Fairness ----
EXTENDS Naturals, Sequences
(* --algorithm Fairness
variables x = 0, y = 0;
procedure Inc()
begin
  I1:+ x := x + 1;
  I2:- return;
end procedure;
fair process a \in {1, 2}
begin
  A1:- skip;
  A2:+ call Inc();
  A3:- y := y + 1;
end process;
fair+ process b = 3
begin
  B1: call Inc();
end process;
end algorithm; *)
====
