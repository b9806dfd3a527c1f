---- MODULE ActionArgument ----
\* An action passed as an operator argument is enumerated where the
\* parameter is used, not evaluated as a guard (the pattern of
\* Stuttering.tla's NoStutter(A) == s = top /\ A /\ s' = s in LockHS).
EXTENDS Naturals
VARIABLES x, ok
Guarded(A) == ok /\ A /\ ok' = ok
Twice(A) == Guarded(Guarded(A))
Inc == x < 3 /\ x' = x + 1
Stop == x = 3 /\ UNCHANGED x
Init == x = 0 /\ ok = TRUE
Next == Twice(Inc) \/ Guarded(Stop)
Small == x < 3
====
