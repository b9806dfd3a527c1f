---- MODULE M ----
Op == 1
