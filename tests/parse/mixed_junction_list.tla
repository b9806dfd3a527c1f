---- MODULE mixed_junction_list ----
VARIABLE x
P == /\ [](x = 1)
     /\ x' = x
====
