---- MODULE NestedInstanceFunction ----
\* A recursive function of the enclosing module used through a
\* parameterized INSTANCE of a nested module (as ChannelRefinement does).
EXTENDS Naturals, Sequences
VARIABLES bits, n
Val[s \in Seq({0, 1})] == IF s = << >> THEN 0 ELSE Head(s) + 2 * Val[Tail(s)]
  ---- MODULE Inner ----
  VARIABLE buf
  Step == \E b \in {0, 1} :
            IF Len(buf) < 3 THEN buf' = <<b>> \o buf /\ UNCHANGED n
            ELSE buf' = << >> /\ n' = Val[<<b>> \o buf]
  ====
I(buf) == INSTANCE Inner
Init == bits = << >> /\ n = 0
Next == I(bits)!Step
Small == n < 15
====
