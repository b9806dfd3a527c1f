---- MODULE wrong_arity ----
F(a) == a
G == F(1, 2)
====
