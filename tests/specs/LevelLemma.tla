---- MODULE LevelLemma ----
\* An invariant that reads TLCGet("level") beside a temporal property: the
\* lasso search asserts proved invariants as lemmas only where they read
\* the state alone, so the level's variable never makes it refuse (it did
\* for a moment: exit 255 instead of the violation of Bad).
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Inv == TLCGet("level") >= 1 /\ x < 3
Live == []<>(x = 2)
Bad == <>[](x = 2)
====
