---- MODULE M ----
Op == \A x \in S x > 1
====
