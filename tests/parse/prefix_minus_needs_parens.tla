---- MODULE M ----
Op == a * -b
====
