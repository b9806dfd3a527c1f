---- MODULE CadicalWiden ----
\* Integers that outgrow a narrow --int-width: x triples or gains 100 in
\* each step.  With --backend cadical --int-width 4 the bit-blaster must
\* widen its integers, never wrap them: Below2000 fails after 4 steps
\* (2, 102, 306, 918, 2754) and Positive holds.
EXTENDS Integers
VARIABLE x
Init == x \in {1, 2}
Next == x' = 3 * x \/ x' = x + 100
Below2000 == x < 2000
Positive == x > 0 /\ x % 3 \in {0, 1, 2}
====
