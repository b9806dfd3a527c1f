---- MODULE DivByZero ----
\* An evaluation error: 12 \div (3 - x) divides by zero in the successors
\* of the state with x = 3 (TLC exits 75).
EXTENDS Integers
VARIABLES x, y
Init == x = 0 /\ y = 0
Next == x' = x + 1 /\ y' = 12 \div (3 - x)
TypeOK == x \in Int /\ y \in Int
====
