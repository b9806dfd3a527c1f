---- MODULE M ----
Op == .5
====
