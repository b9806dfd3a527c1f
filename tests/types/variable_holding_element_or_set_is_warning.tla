---- MODULE variable_holding_element_or_set_is_warning ----
CONSTANT Proc
VARIABLE temp
Init == temp \in Proc
Next == temp' = Proc \ {temp}
====
