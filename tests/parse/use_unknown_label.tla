---- MODULE use_unknown_label ----
EXTENDS Naturals
THEOREM bar == lbl:: 1 + 1 = 2
HIDE bar!lbl!1, bar!foo
====
