---- MODULE BigIntegers ----
\* Integers beyond 64 bits: x multiplies by 1000 each step; 10^21 no
\* longer fits in a machine word.  Below10e20 fails after 7 steps.
EXTENDS Integers
VARIABLE x
Init == x = 1
Next == x' = x * 1000
Below10e20 == x < 10^20
Positive == x > 0 /\ x % 1000 \in {0, 1} /\ -x < 0
====
