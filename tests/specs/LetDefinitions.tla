---- MODULE LetDefinitions ----
\* A LET definition without parameters is evaluated once per evaluation of
\* its LET (TLC's lazy values); each evaluation sees its own bindings:
\* inside quantifiers, operator calls with other arguments, recursion, and
\* steps that read primed variables.
EXTENDS Integers
ASSUME \A i \in 1..3 : LET sq == i * i IN sq >= i /\ sq = i ^ 2
Op(k) == LET t == k + 1 IN t * t
ASSUME Op(1) = 4 /\ Op(2) = 9 /\ Op(1) + Op(2) = 13
ASSUME LET a == 1
           b == a + 1
       IN  b = 2 /\ a = 1
RECURSIVE Reach(_, _)
Reach(E, S) ==
  IF S = {} THEN {}
  ELSE LET next == {e[2] : e \in {e \in E : e[1] \in S}}
       IN  next \cup Reach(E, next \ S)
ASSUME Reach({<<1, 2>>, <<2, 3>>, <<3, 4>>}, {1}) = {2, 3, 4}
ASSUME Reach({<<1, 2>>, <<2, 3>>, <<3, 4>>}, {3}) = {4}
VARIABLE x
Init == x = 0
Next == LET old == x IN
          /\ x < 4
          /\ x' = old + 1
          /\ LET d == x' - old IN d = 1 /\ d * 2 = 2
Inv == LET half == x \div 2 IN half * 2 <= x
====
