---- MODULE with_unknown_parameter ----
---- MODULE Inner ----
CONSTANT k
====
I == INSTANCE Inner WITH nope <- 1
====
