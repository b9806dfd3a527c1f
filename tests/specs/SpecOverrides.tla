---- MODULE SpecOverrides ----
\* SPECIFICATION in the config, overridden from the command line with
\* --init/--next/--inv.  Spec cycles through 0..3; Init2/Next2 count down
\* from 10 to 5 and stop.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x
Init2 == x = 10
Next2 == x > 5 /\ x' = x - 1
TypeOK == x \in 0..10
AboveSix == x > 6
====
