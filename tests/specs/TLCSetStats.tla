---------------------------- MODULE TLCSetStats ----------------------------
(* TLCSet used for statistics only: register 1 is written on every step   *)
(* and read nowhere the checker looks, so the symbolic engine may take the  *)
(* TLCSet conjunct as TRUE (after evaluating its value, whose errors are   *)
(* TLC's).  With --inv Counted the register is read by an invariant, and  *)
(* the symbolic engine must refuse rather than guess.  TLCSet("exit", ..)  *)
(* acts on TLC's search and is refused where it is reached.               *)
EXTENDS Naturals, TLC

VARIABLE x

Init == x = 0
Next == /\ x < 4
        /\ x' = x + 1
        /\ TLCSet(1, x')

Small == x < 3
Counted == x = 0 \/ TLCGet(1) = x
Exits == x < 2 \/ TLCSet("exit", TRUE)
=============================================================================
