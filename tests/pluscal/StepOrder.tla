---- MODULE StepOrder ----
EXTENDS Naturals
(* --algorithm StepOrder
variables x = 0, y = 0;
begin
  Loop: while x < 3 do
          if x = 0 then
            y := 1;
      Inner: y := 2;
          end if;
      After: x := x + 1;
        end while;
        either
          if y > 0 then Deep: y := 0 end if;
        Or1: skip;
        or
          x := 5;
        end either;
  Last: if y = 0 then
          Then1: y := 3;
        else
          if x > 0 then Nested: x := 0 end if;
        Else1: y := 4;
        end if;
end algorithm *)
====
