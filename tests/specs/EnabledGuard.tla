---- MODULE EnabledGuard ----
\* ENABLED in both polarities: in a guard (~ENABLED IncX), in invariants
\* on either side of <=>, and over actions that choose (\E, x' \in S), whose
\* choices the symbolic engine eliminates.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
IncX == x < 3 /\ x' = x + 1 /\ UNCHANGED y
IncY == ~ENABLED IncX /\ y < 2 /\ y' = y + 1 /\ UNCHANGED x
Next == IncX \/ IncY
Jump == \E d \in 1..2 : x' = x + d /\ x' <= 3 /\ y' = y
Pick == x' \in {x + 2, x + 3} /\ x' <= 3 /\ y' = y
YOnlyAfterX == y > 0 => x = 3
JumpIff == ENABLED Jump <=> x < 3
PickIff == ENABLED Pick <=> x < 2
DoneIff == ~ENABLED Next <=> (x = 3 /\ y = 2)
\* Violated in the last state, (3, 2), after 5 steps.
NotDone == ENABLED Next
\* An error inside ENABLED on its only path: <<1, 2>>[3] once x = 2.
BadIndex == ENABLED (x' = <<1, 2>>[x + 1] /\ y' = y)
\* With a branch before it that succeeds, TLC never evaluates <<1, 2>>[3];
\* the symbolic engine does not follow TLC's enumeration order and says so.
Guarded == ENABLED ((x' = x + 1 /\ y' = y) \/ (x' = <<1, 2>>[x + 1] /\ y' = y))
\* With no successor at all, every branch is evaluated: an error once x = 2.
Blocked == x < 2 \/ ENABLED ((x > 5 /\ x' = x /\ y' = y) \/
                              (x' = <<1, 2>>[x + 1] /\ x' > 5 /\ y' = y))
====
