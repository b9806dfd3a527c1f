---- MODULE UniWhile ----
EXTENDS Naturals, TLC
(* --algorithm UniWhile
variables x = 0, y = 0;
begin
  Loop: while x < 3 do
          x := x + 1;
          y := x + y;
        end while;
        assert y = 6;
  Fin:  print y;
end algorithm; *)
====
