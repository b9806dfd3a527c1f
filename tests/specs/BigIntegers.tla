---- MODULE BigIntegers ----
\* Integers beyond 64 bits: x multiplies by 1000 each step; 10^21 no
\* longer fits in a machine word.  Below10e20 fails after 7 steps.
EXTENDS Integers
VARIABLE x
Init == x = 1
Next == x' = x * 1000
Below10e20 == x < 10^20
Positive == x > 0 /\ x % 1000 \in {0, 1} /\ -x < 0
\* Powers, \div and % at the edge of the machine-word fast path.
ASSUME 2^62 = 4611686018427387904 /\ 2^63 = 9223372036854775808
ASSUME (-2)^63 = -9223372036854775808 /\ (-2)^64 = 18446744073709551616
ASSUME (-3)^3 = -27 /\ 0^5 = 0 /\ 7^0 = 1 /\ 1^1000 = 1
ASSUME (-7) \div 2 = -4 /\ 7 \div (-2) = -4 /\ (-7) \div (-2) = 3
ASSUME (-7) % 2 = 1 /\ 7 % 2 = 1 /\ (-8) % 4 = 0
====
