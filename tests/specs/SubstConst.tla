---- MODULE SubstConst ----
\* A config substitution of one constant by another: Leader <- L (as in the
\* corpus's EWD687a_anim.cfg), which TLC accepts.
CONSTANTS Leader, L, Procs
VARIABLE x
Init == x = Leader
Next == x' \in Procs
Inv == x \in Procs
====
