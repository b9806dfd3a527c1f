---- MODULE M ----
Op == WF_vars A
====
