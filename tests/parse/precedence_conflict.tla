---- MODULE M ----
Op == a = b = c
====
