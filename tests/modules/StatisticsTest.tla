---------------------------- MODULE StatisticsTest ----------------------------
(* brink's Statistics module: ChiSquare exists with the documented arity;  *)
(* evaluating it must fail (it is not supported), so it is only referred   *)
(* to, never evaluated, here.                                              *)
EXTENDS Statistics
VARIABLE x

Test(e, a) == ChiSquare(e, a, "0.05")
ASSUME TRUE

Init == x = 0
Next == x' = x
=============================================================================
