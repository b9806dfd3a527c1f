------------------------------ MODULE TLAPSTest ------------------------------
(* brink's TLAPS module: every pragma exists with its arity and is TRUE     *)
(* (EnabledWrapper and CdotWrapper are FALSE); a proof citing them parses. *)
EXTENDS TLAPS, Naturals
VARIABLE x

ASSUME /\ SimpleArithmetic /\ SMT /\ SMTT(10) /\ SMTT("r5") /\ CVC3 /\ CVC3T(5)
       /\ CVC4 /\ CVC4T(5) /\ Yices /\ YicesT(5) /\ veriT /\ veriTT(5)
       /\ Zipper /\ ZipperT(5) /\ Z3 /\ Z3T(5) /\ Spass /\ SpassT(5)
       /\ LS4 /\ LS4T(5) /\ PTL /\ Zenon /\ ZenonT(20)
       /\ SlowZenon /\ SlowerZenon /\ VerySlowZenon /\ SlowestZenon
       /\ Isa /\ IsaT(60) /\ IsaM("blast") /\ IsaMT("auto", 60)
       /\ IsaWithSetExtensionality
       /\ Auto /\ SlowAuto /\ SlowerAuto /\ SlowestAuto
       /\ Force /\ SlowForce /\ SlowerForce /\ SlowestForce
       /\ SimplifyAndSolve /\ SlowSimplifyAndSolve /\ SlowerSimplifyAndSolve
       /\ SlowestSimplifyAndSolve
       /\ Simplification /\ SlowSimplification /\ SlowerSimplification
       /\ SlowestSimplification
       /\ Blast /\ SlowBlast /\ SlowerBlast /\ SlowestBlast /\ AutoBlast
       /\ AllProvers /\ AllProversT(5) /\ AllSMT /\ AllSMTT(5) /\ AllIsa /\ AllIsaT(5)
       /\ ExpandENABLED /\ ExpandCdot /\ AutoUSE /\ Lambdify /\ ENABLEDaxioms
       /\ ENABLEDrewrites /\ ENABLEDrules /\ LevelComparison /\ Trivial
ASSUME ~ EnabledWrapper(LAMBDA v : v) /\ ~ CdotWrapper(LAMBDA v : v)

THEOREM Small == 1 + 1 = 2
  BY SMT, Zenon, IsaM("auto") DEF SMT

Init == x = 0
Next == x' = x
=============================================================================
