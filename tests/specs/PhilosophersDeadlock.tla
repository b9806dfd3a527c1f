---- MODULE PhilosophersDeadlock ----
\* Dining philosophers, each taking the left fork first: when every
\* philosopher holds a left fork nobody can move (a deadlock after N steps).
\* With Polite, a philosopher may also put a held fork back, so no deadlock.
EXTENDS Naturals
CONSTANTS N, Polite
VARIABLES holder, eating
P == 0..(N - 1)
Left(p) == p
Right(p) == (p + 1) % N
Free == N
Init == /\ holder = [f \in P |-> Free]
        /\ eating = {}
TakeLeft(p) == /\ holder[Left(p)] = Free /\ p \notin eating
               /\ holder' = [holder EXCEPT ![Left(p)] = p]
               /\ UNCHANGED eating
TakeRight(p) == /\ holder[Left(p)] = p /\ holder[Right(p)] = Free
                /\ holder' = [holder EXCEPT ![Right(p)] = p]
                /\ eating' = eating \cup {p}
Release(p) == /\ p \in eating
              /\ holder' = [f \in P |-> IF holder[f] = p THEN Free ELSE holder[f]]
              /\ eating' = eating \ {p}
PutBack(p) == /\ Polite /\ holder[Left(p)] = p /\ p \notin eating
              /\ holder' = [holder EXCEPT ![Left(p)] = Free]
              /\ UNCHANGED eating
Next == \E p \in P : TakeLeft(p) \/ TakeRight(p) \/ Release(p) \/ PutBack(p)
TypeOK == /\ holder \in [P -> 0..N]
          /\ eating \subseteq P
====
