---- MODULE AssertLayout ----
EXTENDS Naturals, TLC
(* --algorithm AssertLayout
variables sequenceOfNumbers = <<1, 2, 3>>, anotherLongVariableName = 0;
macro Check(v) begin
  assert v >= 0;
end macro;
begin
  A: Check(anotherLongVariableName);
  B: assert \/ /\ anotherLongVariableName = 0
               /\ sequenceOfNumbers = <<1, 2, 3>> /\ anotherLongVariableName < 1
            \/ anotherLongVariableName = 1;
end algorithm *)
====
