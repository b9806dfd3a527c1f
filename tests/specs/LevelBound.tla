---- MODULE LevelBound ----
\* TLCGet("level") where the symbolic engine's range for it (1..frame+1)
\* decides every comparison: Shallow and Guarded hold at any length up to
\* 19, and the symbolic engine answers.  Where the range does not decide it
\* (Stop, a guard of Next, at length 5) it refuses: a state of frame k may
\* have a level below k + 1.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Shallow == TLCGet("level") <= 20
Guarded == TLCGet("level") > 20 => x < 0
Bad == x < 2
StopNext == TLCGet("level") < 3 /\ x' = x + 1
====
