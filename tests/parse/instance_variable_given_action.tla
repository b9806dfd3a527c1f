---- MODULE instance_variable_given_action ----
---- MODULE Inner ----
CONSTANT K
VARIABLE y
F == y = K
====
VARIABLE x
I == INSTANCE Inner WITH K <- 1, y <- x'
====
