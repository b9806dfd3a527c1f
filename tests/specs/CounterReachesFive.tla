---- MODULE CounterReachesFive ----
\* The simplest violation: a counter that breaks x < 5 after 5 steps.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x + 1
Below5 == x < 5
====
