---- MODULE proof_cites_nonexistent_operand ----
EXTENDS Naturals
THEOREM bar == 1 + 1 = 2
THEOREM baz == 2 = 1 + 1
  <1> DEFINE loc == 1
  <1>1. 2 = 2
    BY bar!1, loc
  <1>2. QED
    BY <1>1, bar!3 DEF bar
====
