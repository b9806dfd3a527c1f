---- MODULE BoolBinaryCounter ----
\* A 3-bit binary counter in Booleans: b0 is the low bit; /= on Booleans
\* is exclusive or.  All ones is reached after 7 steps, then it wraps.
VARIABLES b0, b1, b2
vars == <<b0, b1, b2>>
Init == b0 = FALSE /\ b1 = FALSE /\ b2 = FALSE
Next == /\ b0' = ~b0
        /\ b1' = (b1 /= b0)
        /\ b2' = (b2 /= (b1 /\ b0))
Spec == Init /\ [][Next]_vars
TypeOK == {b0, b1, b2} \subseteq BOOLEAN
NotAllOnes == ~(b0 /\ b1 /\ b2)
Implications == (b2 => b2) /\ (FALSE => b0) /\ ((b0 <=> b1) \/ (b0 # b1))
====
