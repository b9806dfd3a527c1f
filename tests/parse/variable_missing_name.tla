---- MODULE M ----
VARIABLE 1
====
