---- MODULE Version14Loop ----
EXTENDS Naturals
(* PlusCal options (-version 1.4, wf)
--algorithm Version14Loop {
variables n = 0;
{ while (TRUE) { n := (n + 1) % 3 } }
} *)
====
