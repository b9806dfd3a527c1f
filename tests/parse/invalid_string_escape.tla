---- MODULE M ----
Op == "a\qb"
====
