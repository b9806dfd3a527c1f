---- MODULE GlobalDefinedTwice ----
EXTENDS Naturals, Sequences
(* --algorithm GlobalDefinedTwice
variables y = 0, y = 1;
begin A: skip;
end algorithm *)
====
