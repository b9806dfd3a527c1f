---- MODULE M ----
Op == IF x ELSE 2
====
