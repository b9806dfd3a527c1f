---- MODULE use_nonexistent_operand ----
EXTENDS Naturals
THEOREM bar == TRUE
  OBVIOUS
USE bar!1
====
