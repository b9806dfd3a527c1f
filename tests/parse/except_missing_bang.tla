---- MODULE M ----
Op == [f EXCEPT [1] = 2]
====
