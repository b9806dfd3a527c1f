---- MODULE value_contains_itself_is_warning ----
VARIABLE x
Init == x = {}
Next == x' = {x}
====
