---- MODULE TypeChoices ----
\* Types whose representation the uses leave open (brink typecheck --verbose).
EXTENDS Naturals, Sequences
CONSTANT Word
VARIABLES log, board, edge, seen
Init == /\ log = <<>>
        /\ board = [i \in 1..3 |-> FALSE]
        /\ edge = <<1, 2>>
        /\ seen = {}
Next == /\ log' = Append(log, "tick")
        /\ board' = [board EXCEPT ![edge[1]] = TRUE]
        /\ edge' = <<edge[2], edge[1]>>
        /\ Len(Word) < 5
        /\ UNCHANGED seen
====
