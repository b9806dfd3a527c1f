---- MODULE value_contains_itself ----
VARIABLE x
Init == x = {}
Next == x' = {x}
====
