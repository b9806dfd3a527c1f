---- MODULE M ----
Op == [a |-> 1, b |-> ]
====
