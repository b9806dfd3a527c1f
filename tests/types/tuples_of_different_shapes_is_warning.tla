---- MODULE tuples_of_different_shapes_is_warning ----
EXTENDS Naturals
VARIABLE msgs
Init == msgs = {<<"req", 1>>}
Next == msgs' = msgs \cup {<<"ack">>}
====
