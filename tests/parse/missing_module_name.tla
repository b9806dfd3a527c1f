---- MODULE ----
Op == 1
====
