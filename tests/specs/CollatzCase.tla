---- MODULE CollatzCase ----
\* CASE ... OTHER in an operator with a parameter, and an integer constant.
\* From 6 the orbit is 6 3 10 5 16 8 4 2 1 (9 states), then 4 2 1 again;
\* from 7 it climbs to 52 after 5 steps.
EXTENDS Naturals
CONSTANT Start
VARIABLE x
Step(n) == CASE n = 1 -> 4
             [] n % 2 = 0 -> n \div 2
             [] OTHER -> 3 * n + 1
Init == x = Start
Next == x' = Step(x)
TypeOK == x \in 1..52
Below16 == x < 16
Below50 == x < 50
====
