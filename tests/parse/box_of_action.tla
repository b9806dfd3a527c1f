---- MODULE box_of_action ----
EXTENDS Naturals
VARIABLE x
P == [](x' > x)
====
