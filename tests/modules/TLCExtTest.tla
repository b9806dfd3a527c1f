------------------------------ MODULE TLCExtTest ------------------------------
(* brink's TLCExt module: the operators that can be written in TLA+        *)
(* evaluate as documented; the TLC-only ones exist with their arities and *)
(* are only referred to here (evaluating them fails on purpose).           *)
EXTENDS TLCExt, Naturals
VARIABLE x

ASSUME AssertEq(1 + 1, 2)
ASSUME AssertEq({1, 2}, {2, 1})
ASSUME TLCNoOp(<<1, 2>>) = <<1, 2>>
ASSUME TLCCache(3 * 3, {1}) = 9
ASSUME TLCDefer(1 = 2)
ASSUME PickSuccessor(TRUE)

U1 == AssertError("msg", 1 \div 0)
U2 == TLCGetOrDefault("k", 0)
U3 == TLCGetAndSet("k", LAMBDA a, b : a + b, 1, 0)
U4 == Trace
U5 == CounterExample
U6 == ToTrace(CounterExample)
U7 == TLCModelValue("T_a")
U8 == TLCFP(x)
U9 == TLCEvalDefinition("U1")
U10 == PickSuccessor(FALSE)

Init == x = 0
Next == x' = x
=============================================================================
