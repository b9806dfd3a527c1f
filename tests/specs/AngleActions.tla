---- MODULE AngleActions ----
\* [A]_v and <<A>>_v are actions: in Next ([A]_v also allows a step that
\* leaves v unchanged) and in an ACTION_CONSTRAINT (EWD998ChanTrace uses
\* <<A>>_vars there).  The constraint keeps the steps that change x, and
\* those that change y from a state with x = 2: 10 states, 7 levels.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
IncX == x < 3 /\ x' = x + 1 /\ y' = y
IncY == y < 3 /\ y' = y + 1 /\ x' = x
Next == [IncX]_<<x, y>> \/ <<IncY>>_y
Moves == <<TRUE>>_x \/ (x = 2 /\ <<TRUE>>_y)
SumBelowSix == x + y < 6
====
