---- MODULE ParenTrue ----
EXTENDS Naturals
(* --algorithm ParenTrue
variables x = 0;
process Inc \in {1, 2}
begin
  Wait: while (TRUE) do
          await x < 2;
    Add:  x := x + 1;
        end while;
end process;
end algorithm *)
====
