---- MODULE CadicalSquares ----
\* x squares itself in each step, so after k steps it has about 2^k bits:
\* after 9 steps more than the bit-blaster's widest integers (512 bits).
\* Positive holds, but with --backend cadical the answer at 9 steps
\* depends on integers it cannot represent: it must say so (an overflow),
\* never answer with wrapped values.
EXTENDS Integers
VARIABLE x
Init == x \in 2..3
Next == x' = x * x
Positive == x > 0
====
