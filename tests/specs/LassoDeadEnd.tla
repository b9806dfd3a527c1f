---- MODULE LassoDeadEnd ----
\* Lassos that end in a state with no successor, which stutters for ever:
\* x = 1 has none (Stop), and x = 3's only successor, x = 4, is outside
\* the CONSTRAINT of LassoDeadEndCons.cfg (where Out is not fair).  Other behaviours go on (Spin),
\* so the unrolling's frames after such a state are those of other paths:
\* what the safety unrolling asserted of them must not cut the lasso
\* (src/engine/lasso.c, "the unrolling's frames").
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = 0
Stop == x = 0 /\ x' = 1 /\ UNCHANGED y
Go == x = 0 /\ x' = 2 /\ UNCHANGED y
Spin == x = 2 /\ y' = (y + 1) % 3 /\ UNCHANGED x
Leave == x = 2 /\ y = 2 /\ x' = 3 /\ UNCHANGED y
Out == x = 3 /\ x' = 4 /\ UNCHANGED y
Next == Stop \/ Go \/ Spin \/ Leave \/ Out
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
NoStop == Go \/ Spin \/ Leave \/ Out
SpecNoStop == Init /\ [][NoStop]_vars /\ WF_vars(Go \/ Spin \/ Leave)
Small == x < 4
ReachesTwo == <>(x = 2)
SettlesAtTwo == <>[](x = 2)
====
