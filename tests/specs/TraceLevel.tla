---- MODULE TraceLevel ----
\* A trace-validation spec in the form TLC's TTrace files take: step i of
\* Next follows the i-th element of a recorded trace, found by
\* TLCGet("level"), which is the level of the state the step starts from.
EXTENDS Naturals, Sequences, TLC
VARIABLE x
Trace == <<0, 2, 5, 9>>
Init == x = Trace[1]
Next == \E i, j \in DOMAIN Trace :
          /\ j = i + 1
          /\ i = TLCGet("level")
          /\ x = Trace[i]
          /\ x' = Trace[j]
NotAtEnd == ~(TLCGet("level") = Len(Trace) /\ x = 9)
====
