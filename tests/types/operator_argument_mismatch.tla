---- MODULE operator_argument_mismatch ----
EXTENDS Naturals
Apply(F(_), v) == F(v)
Twice == Apply(LAMBDA x : x + 1, "two")
====
