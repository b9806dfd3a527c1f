---- MODULE TraceValidation ----
\* Trace validation in the style of TLC's trace specs: a log of two
\* nodes' events, read with ndJsonDeserialize, put in causal order by
\* their vector clocks (CausalOrder), and replayed step by step through
\* TLCGet("level"); the POSTCONDITION accepts the trace when the search
\* got to its end.
EXTENDS Naturals, Sequences, TLC, Json, IOUtils, VectorClocks
CONSTANT LogFile
VARIABLES a, b
Log == CausalOrder(ndJsonDeserialize(LogFile), LAMBDA l : l.vc,
                   LAMBDA l : l.node, LAMBDA vc : DOMAIN vc)
Init == a = 0 /\ b = 0
IncA == a' = a + 1 /\ UNCHANGED b
IncB == b' = b + 1 /\ UNCHANGED a
TraceNext ==
  LET i == TLCGet("level") IN
  /\ i <= Len(Log)
  /\ \/ Log[i].node = "a" /\ IncA /\ a' = Log[i].val
     \/ Log[i].node = "b" /\ IncB /\ b' = Log[i].val
Accepted == TLCGet("stats").diameter - 1 = Len(Log)
====
