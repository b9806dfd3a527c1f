---- MODULE RecordTupleEq ----
\* TLC cannot compare a record with a tuple (or a function over numbers):
\* "Attempted to check equality of record ... with non-record" (exit 75).
\* Records with other fields, and tuples with functions over 1..n, compare.
EXTENDS Naturals
VARIABLE x
Init == x = [a |-> 1]
Next == x' = IF x.a < 2 THEN [a |-> x.a + 1] ELSE x
WithTuple == x # <<1>>
WithFun == x # [i \in {1} |-> 1]
OtherRecord == x # [b |-> 1]
TupleFun == <<1, 2>> = [i \in 1..2 |-> i]
Small == x.a < 3
====
