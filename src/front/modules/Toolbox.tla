----------------------------- MODULE Toolbox --------------------------------
(***************************************************************************)
(* brink's own definition of the Toolbox module that trace-exploration     *)
(* specs (the ..._TTrace_... modules written by TLC) extend.  _TETrace is  *)
(* the error trace being explored; such specs replace it in their          *)
(* configuration (CONSTANT _TETrace <- _trace).                            *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The trace: a sequence of states.  It has no value of its own.           *)
_TETrace ==
  Fail("_TETrace (module Toolbox) must be replaced in the configuration (_TETrace <- ...)")

(* The position in the trace of the current state: TLCGet("level"), kept   *)
(* within 1..Len(_TETrace).                                                *)
_TEPosition ==
  LET n == Cardinality(DOMAIN _TETrace)
  IN  IF TLCGet("level") >= n THEN n
      ELSE IF TLCGet("level") = 0 THEN 1 ELSE TLCGet("level")

=============================================================================
