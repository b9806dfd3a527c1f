---- MODULE M ----
Op == CHOOSE x \in S x
====
