---- MODULE M ----
Op == CASE x = 1 [] OTHER -> 2
====
