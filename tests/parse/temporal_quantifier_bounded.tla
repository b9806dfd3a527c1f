---- MODULE temporal_quantifier_bounded ----
VARIABLE x
A == \EE y \in {1} : x = y
====
