------------------------------- MODULE TLCExt -------------------------------
(***************************************************************************)
(* brink's own definition of the TLCExt module (assertions and TLC         *)
(* extensions).  Operators that only make sense inside TLC (its trace,     *)
(* registers, fingerprints, model values or interactive mode) cannot be    *)
(* written in TLA+: evaluating one of them fails with a message naming it. *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

-----------------------------------------------------------------------------

(* a = b; when the two differ, both values are printed first.              *)
AssertEq(a, b) ==
  IF a = b THEN TRUE
  ELSE PrintT(<<"AssertEq failed:", a, b>>) /\ FALSE

(* TRUE iff evaluating exp fails with the error message err (TLC only).    *)
AssertError(err, exp) == Fail("AssertError (module TLCExt) is not supported by brink")

-----------------------------------------------------------------------------

(* TLCGet(key) if the register key was set, defaultVal otherwise.          *)
TLCGetOrDefault(key, defaultVal) == Fail("TLCGetOrDefault (module TLCExt) is not supported by brink")

(* Set the register key to Op(old, val), where old is its value (or        *)
(* defaultVal); equals old.                                                *)
TLCGetAndSet(key, Op(_,_), val, defaultVal) == Fail("TLCGetAndSet (module TLCExt) is not supported by brink")

-----------------------------------------------------------------------------

(* The behaviour from an initial state to the current state, as a          *)
(* sequence of records mapping variable names to values.                   *)
Trace == Fail("Trace (module TLCExt) is not supported by brink")

(* The counterexample graph [state |-> ..., action |-> ...] in the scope   *)
(* of a POSTCONDITION, and its conversion to a sequence of states.         *)
CounterExample == Fail("CounterExample (module TLCExt) is not supported by brink")
ToTrace(CE) == Fail("ToTrace (module TLCExt) is not supported by brink")

(* The TLC model value whose name is the string str.                       *)
TLCModelValue(str) == Fail("TLCModelValue (module TLCExt) is not supported by brink")

(* Defer the evaluation of expression to a later time or never: here it is *)
(* never evaluated.                                                        *)
TLCDefer(expression) == TRUE

-----------------------------------------------------------------------------

(* val itself (a hook for debugging TLC's evaluator).                      *)
TLCNoOp(val) == val

(* TRUE when exp holds; otherwise TLC lets the user pick the successor     *)
(* state interactively, which brink cannot do.                             *)
PickSuccessor(exp) ==
  IF exp THEN TRUE
  ELSE Fail("PickSuccessor (module TLCExt): brink cannot pick successor states interactively")

(* The value of expression (TLC caches it per value of closure).           *)
TLCCache(expression, closure) == expression

(* TLC's fingerprint of a value.                                           *)
TLCFP(var) == Fail("TLCFP (module TLCExt) is not supported by brink")

(* The value of the definition named by the string definitionName.         *)
TLCEvalDefinition(definitionName) == Fail("TLCEvalDefinition (module TLCExt) is not supported by brink")

=============================================================================
