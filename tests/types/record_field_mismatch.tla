---- MODULE record_field_mismatch ----
EXTENDS Naturals
VARIABLE msg
Init == msg = [kind |-> "ping", seq |-> 0]
Next == msg' = [msg EXCEPT !.seq = "next"]
====
