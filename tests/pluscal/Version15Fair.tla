---- MODULE Version15Fair ----
EXTENDS Naturals
(* PlusCal options (version 1.5)
--algorithm Version15Fair
variables n = 0;
fair+ begin
  Count: while n < 2 do n := n + 1 end while;
end algorithm *)
====
