---------------------------- MODULE RecursionCut ----------------------------
\* Recursion steered by a symbolic value: the symbolic engine unfolds it
\* until the unfolding bound, and reaching the bound on some behaviour is
\* reported, never taken as an answer.
EXTENDS Naturals

RECURSIVE Triangle(_)
Triangle(n) == IF n = 0 THEN 0 ELSE n + Triangle(n - 1)

VARIABLE x

Init == x \in 0..20
Next == x' = x

NotFiftyFive == Triangle(x) # 55

WideInit == x \in 0..40
TriangleNonNeg == Triangle(x) >= 0
==============================================================================
