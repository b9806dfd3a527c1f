---- MODULE M ----
Op == [x \in S |-> x
====
