---- MODULE M ----
Op == [S T]
====
