---- MODULE M ----
Op == a \foo b
====
