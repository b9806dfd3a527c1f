---- MODULE unused_definition_mismatch_is_warning ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x + 1
Unused == x = "zero"
====
