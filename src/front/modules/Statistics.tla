------------------------------ MODULE Statistics ------------------------------
(***************************************************************************)
(* brink's own definition of the community module Statistics.  TLC        *)
(* evaluates ChiSquare with a floating-point statistics library; brink     *)
(* cannot, and evaluating it fails with a message saying so.               *)
(***************************************************************************)
EXTENDS Naturals
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(***************************************************************************)
(* ChiSquare(expected, actual, alpha): TRUE iff a chi-square goodness-of-  *)
(* fit test at significance level alpha (a string such as "0.05") does not *)
(* reject the hypothesis that the observed counts `actual' follow the      *)
(* distribution of the expected counts `expected' (both functions from the *)
(* same outcomes to counts).                                               *)
(***************************************************************************)
ChiSquare(expected, actual, alpha) ==
  Fail("ChiSquare (module Statistics) is not supported by brink")

===============================================================================
