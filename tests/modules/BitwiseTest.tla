------------------------------ MODULE BitwiseTest ------------------------------
(* Checks brink's Bitwise module on small inputs (expected values by hand).*)
EXTENDS Bitwise, Naturals
VARIABLE x

ASSUME 12 & 10 = 8 /\ 12 | 10 = 14 /\ 12 ^^ 10 = 6
ASSUME 0 & 5 = 0 /\ 5 & 0 = 0 /\ 7 & 7 = 7 /\ 6 & 1 = 0 /\ 7 & 1 = 1
ASSUME 0 | 0 = 0 /\ 1 | 2 = 3 /\ 5 | 5 = 5 /\ 8 | 7 = 15
ASSUME 0 ^^ 0 = 0 /\ 1 ^^ 1 = 0 /\ 5 ^^ 3 = 6 /\ 4 ^^ 1 = 5 /\ 2 ^^ 3 = 1
ASSUME \A n \in 0..31 : n ^^ (31 - n) = 31
ASSUME \A n, m \in 0..7 : (n & m) + (n | m) = n + m
ASSUME \A n, m \in 0..7 : n ^^ m = (n | m) - (n & m)
ASSUME 255 & 256 = 0 /\ 255 | 256 = 511
ASSUME Not(5) = 2 /\ Not(0) = 0 /\ Not(1) = 0 /\ Not(8) = 7 /\ Not(6) = 1
ASSUME shiftR(8, 1) = 4 /\ shiftR(9, 1) = 4 /\ shiftR(9, 3) = 1 /\ shiftR(9, 4) = 0
ASSUME shiftR(5, 0) = 5
ASSUME \A n \in 0..50 : shiftR(n, 1) = n \div 2

Init == x = 0
Next == x' = x
=============================================================================
