---- MODULE M ----
Op == IF x THEN 1
====
