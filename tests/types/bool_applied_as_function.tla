---- MODULE bool_applied_as_function ----
VARIABLE flag
Init == flag = TRUE
Next == flag' = flag[1]
====
