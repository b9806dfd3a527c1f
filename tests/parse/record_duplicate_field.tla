---- MODULE record_duplicate_field ----
VARIABLE x
Init == x = [a |-> 1, b |-> 2, a |-> 1]
====
