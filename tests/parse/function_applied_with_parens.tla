---- MODULE function_applied_with_parens ----
f[n \in {1}] == n
A == f(1)
====
