---- MODULE HugeConstant ----
\* A constant of 2^31 for a size: the explicit engine refuses to enumerate
\* 1..N (exit 255, located, naming the set) instead of starting an endless
\* run; the symbolic engine checks the range without enumerating it.  A
\* function over it is refused by both (brink's limits on constructed
\* values).
EXTENDS Naturals
CONSTANT N
VARIABLE x
Init == x \in 1..N
Next == x' = x
Inv == x > 0
FunInit == x = [i \in 1..N |-> 0]
FunInv == TRUE
====
