---- MODULE IfElsif ----
EXTENDS Integers
(* --algorithm IfElsif
variables x \in 0..3, r = 0;
begin
  A: if x = 0 then r := 10;
     elsif x = 1 then r := 11;
     elsif x = 2 then skip;
     else r := x * 7;
     end if;
  B: r := r + 1;
end algorithm; *)
====
