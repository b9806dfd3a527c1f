---- MODULE RecordNestedExcept ----
\* Records: r.a, nested field paths in EXCEPT (!.pos.x, with @), and the
\* record set [a : S] in the type invariant.
EXTENDS Naturals
VARIABLE r
Init == r = [pos |-> [x |-> 0, y |-> 0], steps |-> 0]
Right == r.pos.x < 2 /\ r' = [r EXCEPT !.pos.x = @ + 1, !.steps = @ + 1]
Up == r.pos.y < 2 /\ r' = [r EXCEPT !.pos.y = @ + 1, !.steps = @ + 1]
Stay == r.pos = [x |-> 2, y |-> 2] /\ UNCHANGED r
Next == Right \/ Up \/ Stay
TypeOK == r \in [pos : [x : 0..2, y : 0..2], steps : 0..4]
StepsOK == r.steps = r.pos.x + r.pos.y
NotCorner == r.pos /= [y |-> 2, x |-> 2]
====
