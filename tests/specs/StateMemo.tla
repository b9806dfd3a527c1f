---- MODULE StateMemo ----
\* Definitions the explicit engine memoises by the values of the variables
\* they read (Sum, Twice, Window), used unprimed and primed, beside ones it
\* must evaluate every time (Calls has an effect; Level reads the level).
EXTENDS Naturals, FiniteSets, TLC
VARIABLES x, y, z
Sum == x + y
Twice == 2 * Sum
Window == {v \in 0..6 : v >= Sum}
Calls == TLCSet(1, TLCGet(1) + 1)
Level == TLCGet("level")
Init == x = 0 /\ y = 0 /\ z = 0 /\ TLCSet(1, 0)
Next == \/ x < 3 /\ x' = x + 1 /\ UNCHANGED <<y, z>> /\ Twice' <= 8
        \/ y < 3 /\ y' = y + 1 /\ UNCHANGED <<x, z>> /\ Sum' \in Window
        \/ z' = (z + Sum) % 4 /\ UNCHANGED <<x, y>> /\ Cardinality(Window') >= 1
Inv == Calls /\ Twice = 2 * (x + y) /\ Level <= 12
Post == TLCGet(1) = 61
====
