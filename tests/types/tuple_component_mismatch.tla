---- MODULE tuple_component_mismatch ----
VARIABLE pair
Init == pair = <<1, "one">>
Next == pair' = <<pair[2], pair[1]>>
====
