---- MODULE record_used_as_set ----
VARIABLE r
Init == r = [name |-> "a", age |-> 3]
Next == r' = r \cup {}
====
