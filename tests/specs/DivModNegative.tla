---- MODULE DivModNegative ----
\* \div rounds towards negative infinity and % is never negative (TLC's
\* semantics, not C's truncation).  x counts down from 0.
EXTENDS Integers
VARIABLE x
Init == x = 0
Next == x' = x - 1
\* With truncating division -5 \div 4 would be -1; it is -2.
DivFloor == x \div 4 > -2
\* With C's remainder -1 % 4 would be -1; it is 3.
ModNonNeg == x % 4 /= 3
\* Identities that hold on every state (constant checks included).
DivModOK == /\ (x \div 3) * 3 + (x % 3) = x
            /\ x % 3 \in 0..2
            /\ (-7) \div 2 = -4 /\ (-7) % 2 = 1 /\ 7 \div 2 = 3 /\ 7 % 2 = 1
            /\ (-8) \div 4 = -2 /\ (-8) % 4 = 0
Bounded == x > -8
====
