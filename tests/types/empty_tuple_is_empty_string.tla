---- MODULE empty_tuple_is_empty_string ----
EXTENDS Naturals, Sequences
VARIABLE s
Init == s = << >>
Next == s' = s \o "a"
Bad == s + 1
====
