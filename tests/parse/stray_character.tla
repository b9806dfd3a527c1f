---- MODULE M ----
Op == 1 ? 2
====
