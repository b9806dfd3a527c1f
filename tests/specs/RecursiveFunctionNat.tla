---- MODULE RecursiveFunctionNat ----
\* Functions of several arguments over infinite domains are applied at an
\* argument without enumerating the domain (TLC's lazy functions; the
\* TC5 definition of TransitiveClosure.tla recurses over n \in Nat).
EXTENDS Integers
Binom[n \in Nat, k \in Nat] ==
  IF k = 0 \/ k = n THEN 1
  ELSE IF k > n THEN 0 ELSE Binom[n - 1, k - 1] + Binom[n - 1, k]
Sum3[<<a, b>> \in Nat \X Nat, c \in {0, 1}] == a + b + c
ASSUME Binom[6, 3] = 20
ASSUME Sum3[<<1, 2>>, 1] = 4
ASSUME <<3, 4>> \in Nat \X Nat /\ <<3, -1>> \notin Nat \X Nat
\* A function definition passed to an operator is applied where the
\* operator applies it, not built (GameOfLife's Sum(sc, points)).
Double[n \in Nat] == 2 * n
At(g, k) == g[k]
Twice(g, k) == At(g, At(g, k))
ASSUME Twice(Double, 5) = 20
VARIABLE x
Init == x = Binom[4, 2]
Next == x < 10 /\ x' = Sum3[<<x, 1>>, 0]
Small == x < 9
====
