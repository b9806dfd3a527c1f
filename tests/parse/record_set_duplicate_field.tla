---- MODULE record_set_duplicate_field ----
VARIABLE x
Init == x \in [a : {1}, a : {2}]
====
