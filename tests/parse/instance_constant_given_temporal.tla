---- MODULE instance_constant_given_temporal ----
---- MODULE Inner ----
CONSTANT K
VARIABLE y
F == y = K
====
VARIABLE x
INSTANCE Inner WITH K <- []x, y <- x
====
