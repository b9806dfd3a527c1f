---- MODULE M ----
Op == (1 + 2
Foo == 3
====
