---- MODULE M ----
Op == "abc
====
