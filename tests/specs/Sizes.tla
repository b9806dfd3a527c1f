---- MODULE Sizes ----
EXTENDS Sequences
VARIABLE q
Size == Len(q)
Sized(k) == Size = k
====
