---- MODULE sequence_element_mismatch ----
EXTENDS Sequences
VARIABLE queue
Init == queue = <<1, 2>>
Next == queue' = Append(queue, "three")
====
