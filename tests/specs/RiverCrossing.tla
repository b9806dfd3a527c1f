---- MODULE RiverCrossing ----
\* The wolf, the goat and the cabbage, as sets: `left` is what is on the
\* left bank; the farmer is where the boat is.  The shortest crossing takes
\* seven trips (8 states).
EXTENDS Naturals, FiniteSets
Items == {"wolf", "goat", "cabbage"}
VARIABLES left, boat
Safe(bank) == /\ ~({"wolf", "goat"} \subseteq bank)
              /\ ~({"goat", "cabbage"} \subseteq bank)
Here == IF boat = "L" THEN left ELSE Items \ left
Cross(c) == LET nl == IF boat = "L" THEN left \ c ELSE left \cup c
                unattended == IF boat = "L" THEN nl ELSE Items \ nl
            IN  /\ Safe(unattended)
                /\ left' = nl
                /\ boat' = IF boat = "L" THEN "R" ELSE "L"
Init == left = Items /\ boat = "L"
Next == \E c \in SUBSET Here : Cardinality(c) <= 1 /\ Cross(c)
TypeOK == left \subseteq Items /\ boat \in {"L", "R"}
NotDone == ~(left = {} /\ boat = "R")
====
