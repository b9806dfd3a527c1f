---- MODULE PowSymbolic ----
\* x ^ y with an exponent that depends on the state (bounded: k grows by
\* 1 or 2 up to at most 6); a negative exponent and 0 ^ 0 are errors.
EXTENDS Integers
VARIABLES k, v
Init == k = 0 /\ v = 1
Next == k < 5 /\ \E d \in {1, 2} : k' = k + d /\ v' = v * 2 ^ d
PowOk == /\ 2 ^ k = v
         /\ (k - 2) ^ 2 >= 0
         /\ (-1) ^ k \in {-1, 1}
\* Violated once k = 4: after 2 steps.
Small == 3 ^ k < 81
\* 2 ^ (2 - k) once k = 3: a negative exponent, after 2 steps.
NegExp == k < 3 \/ 2 ^ (2 - k) > 0
\* (k - 2) ^ (k - 2) is 0 ^ 0 at k = 2, after 1 step.
ZeroZero == k < 2 \/ (k - 2) ^ (k - 2) > 0
====
