---- MODULE M ----
Op == 
====
