---- MODULE proof_cites_unknown_step ----
EXTENDS Naturals
THEOREM bar == 1 + 1 = 2
  <1>1. 1 + 1 = 2
    OBVIOUS
  <1>2. QED
    BY <1>1,
       <1>3
====
