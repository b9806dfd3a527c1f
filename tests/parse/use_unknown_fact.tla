---- MODULE use_unknown_fact ----
EXTENDS Naturals
THEOREM bar == 1 + 1 = 2
USE bar DEF nothere
====
