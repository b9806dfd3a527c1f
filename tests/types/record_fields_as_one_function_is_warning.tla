---- MODULE record_fields_as_one_function_is_warning ----
VARIABLE r
Merge(a, b) == [f \in DOMAIN a \cup DOMAIN b |-> IF f \in DOMAIN a THEN a[f] ELSE b[f]]
Init == r = Merge([name |-> "n"], [age |-> 3])
Next == UNCHANGED r
====
