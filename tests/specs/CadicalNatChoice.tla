---- MODULE CadicalNatChoice ----
\* Choices from Nat: the bit-blaster can give such an integer only a fixed
\* number of bits.  --backend auto moves to z3; --backend cadical runs and
\* warns that a "no violation" covers only those values.  Small fails
\* after 3 steps (1, 3, 5, 7); NonNegative holds, with either Next.
EXTENDS Naturals
VARIABLE x
Init == x \in Nat /\ x < 3
Next == x' = x + 2
NextChoice == \E k \in Nat : k < 3 /\ x' = x + k
Small == x < 7
NonNegative == x >= 0
====
