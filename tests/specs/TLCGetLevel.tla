---- MODULE TLCGetLevel ----
\* TLCGet("level") as TLC has it: 0 in Init, the level of the state a step
\* starts from in Next (an initial state is at level 1), the state's own in
\* invariants and CONSTRAINTs.  The symbolic engine refuses an answer that
\* depends on it: a frame of the unrolling can hold a state that an earlier
\* frame reaches too, so it knows the level only to lie in 1..frame+1.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = TLCGet("level")
Next == x' = x + TLCGet("level")
Below == x >= 0 /\ TLCGet("level") < 6
Sum == x = ((TLCGet("level") - 1) * TLCGet("level")) \div 2
\* x is 0, 1, 3, 6, ...: violated in the state at level 4.
XSmall == x < 6
\* A key the symbolic engine does not know.
Diameter == x >= 0 /\ TLCGet("diameter") >= 0
====
