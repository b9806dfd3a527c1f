------------------------------- MODULE TLAPS --------------------------------
(***************************************************************************)
(* brink's own definition of the TLAPS module of the TLA+ proof system.    *)
(* Its operators are pragmas: proofs cite them (BY SMT, BY Zenon, ...) to  *)
(* select a back-end prover, a tactic or a time limit.  They have no       *)
(* meaning for model checking; each one is simply TRUE, so that specs      *)
(* extending TLAPS load and can be checked.  brink skips proofs.           *)
(***************************************************************************)

(* SMT solvers: the default one, CVC3/CVC4, Yices, veriT, Z3 and the       *)
(* Zipperposition and SPASS provers.  The ...T(X) forms take a time limit  *)
(* (or a resource budget) X.                                               *)
SimpleArithmetic == TRUE
SMT == TRUE
SMTT(X) == TRUE
CVC3 == TRUE
CVC3T(X) == TRUE
CVC4 == TRUE
CVC4T(X) == TRUE
Yices == TRUE
YicesT(X) == TRUE
veriT == TRUE
veriTT(X) == TRUE
Zipper == TRUE
ZipperT(X) == TRUE
Z3 == TRUE
Z3T(X) == TRUE
Spass == TRUE
SpassT(X) == TRUE

(* Propositional temporal logic (the LS4 back end).                        *)
LS4 == TRUE
LS4T(X) == TRUE
PTL == TRUE

(* Zenon, with the default or a given time limit, and the older named      *)
(* time limits.                                                            *)
Zenon == TRUE
ZenonT(X) == TRUE
SlowZenon == TRUE
SlowerZenon == TRUE
VerySlowZenon == TRUE
SlowestZenon == TRUE

(* Isabelle: time limit X, tactic X, tactic X with time limit Y.           *)
Isa == TRUE
IsaT(X) == TRUE
IsaM(X) == TRUE
IsaMT(X, Y) == TRUE
IsaWithSetExtensionality == TRUE

(* Isabelle tactics under their own names, with growing time limits.       *)
Auto == TRUE
SlowAuto == TRUE
SlowerAuto == TRUE
SlowestAuto == TRUE
Force == TRUE
SlowForce == TRUE
SlowerForce == TRUE
SlowestForce == TRUE
SimplifyAndSolve == TRUE
SlowSimplifyAndSolve == TRUE
SlowerSimplifyAndSolve == TRUE
SlowestSimplifyAndSolve == TRUE
Simplification == TRUE
SlowSimplification == TRUE
SlowerSimplification == TRUE
SlowestSimplification == TRUE
Blast == TRUE
SlowBlast == TRUE
SlowerBlast == TRUE
SlowestBlast == TRUE
AutoBlast == TRUE

(* Several back ends tried one after the other.                            *)
AllProvers == TRUE
AllProversT(X) == TRUE
AllSMT == TRUE
AllSMTT(X) == TRUE
AllIsa == TRUE
AllIsaT(X) == TRUE

(* Expansion of ENABLED and \cdot, and related proof steps.               *)
ExpandENABLED == TRUE
ExpandCdot == TRUE
AutoUSE == TRUE
Lambdify == TRUE
ENABLEDaxioms == TRUE
ENABLEDrewrites == TRUE
ENABLEDrules == TRUE
LevelComparison == TRUE
EnabledWrapper(Op(_)) == FALSE
CdotWrapper(Op(_)) == FALSE

(* Only the trivial checks of the proof manager.                           *)
Trivial == TRUE

(* Two facts of set theory that proofs cite by name.                       *)
THEOREM SetExtensionality == \A S, T : (\A x : x \in S <=> x \in T) => S = T
THEOREM NoSetContainsEverything == \A S : \E x : x \notin S

=============================================================================
