---- MODULE M ----
Op == LET a == 1
       a + 1
====
