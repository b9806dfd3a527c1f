---- MODULE except_missing_equals ----
A == [f EXCEPT ![1] 2]
====
