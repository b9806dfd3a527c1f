---- MODULE sequence_used_as_set ----
EXTENDS Naturals, Sequences
VARIABLE log
Init == log = <<>>
Next == /\ Len(log) < 3
        /\ log' = log \cup {1}
====
