---- MODULE AutoLabelCall ----
EXTENDS Naturals, Sequences, TLC
(* --algorithm AutoLabelCall
variable r = 0;
procedure First(n = 0)
begin
  call Second(n + 1);
  r := r + n;
  return;
end procedure;
procedure Second(m = 0)
begin
  r := r + m;
  return;
end procedure;
begin
  call First(1);
end algorithm *)
====
