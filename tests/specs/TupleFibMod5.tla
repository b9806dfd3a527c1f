---- MODULE TupleFibMod5 ----
\* Tuples: <<a, b>>, t[i], and \X.  Fibonacci numbers modulo 5 repeat with
\* period 20 (the Pisano period), so there are 20 distinct states.
EXTENDS Naturals
VARIABLE t
Init == t = <<0, 1>>
Next == t' = <<t[2], (t[1] + t[2]) % 5>>
TypeOK == t \in (0..4) \X (0..4)
NotBothZero == t /= <<0, 0>>
NotFourFour == t /= <<4, 4>>
====
