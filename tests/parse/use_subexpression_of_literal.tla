---- MODULE use_subexpression_of_literal ----
EXTENDS Naturals
THEOREM bar == 1 + 1 = 2
USE bar!1!1!1
====
