---- MODULE instance_constant_given_action ----
---- MODULE Inner ----
CONSTANT K
VARIABLE y
F == y = K
====
VARIABLE x
I == INSTANCE Inner WITH K <- x', y <- x
====
