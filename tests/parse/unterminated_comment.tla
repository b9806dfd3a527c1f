---- MODULE M ----
(* open (* nested *)
Op == 1
====
