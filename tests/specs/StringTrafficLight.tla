---- MODULE StringTrafficLight ----
\* Strings as values, CASE, and a variable remembering the previous light.
VARIABLES light, prev
Init == light = "red" /\ prev = "none"
Next == /\ light' = CASE light = "red"    -> "green"
                      [] light = "green"  -> "yellow"
                      [] light = "yellow" -> "red"
        /\ prev' = light
TypeOK == /\ light \in {"red", "green", "yellow"}
          /\ prev \in {"red", "green", "yellow", "none"}
NoRedAfterGreen == ~(light = "red" /\ prev = "green")
NeverYellowAfterGreen == ~(light = "yellow" /\ prev = "green")
====
