--------------------------- MODULE JsonExportInv ---------------------------
(* An invariant that writes the state with JsonSerialize (community module *)
(* Json) only where its real test fails, as EWD840_json does.  The symbolic *)
(* engine cannot write files: it answers as long as the export is never    *)
(* reached, and refuses (exit 255) where it is, naming the operator;       *)
(* brink's evaluator writes only in a POSTCONDITION and stops with an      *)
(* evaluation error.                                                        *)
EXTENDS Naturals, Json

VARIABLE x

Init == x = 0
Next == x < 3 /\ x' = x + 1

Inv == x < 5 \/ JsonSerialize("x.json", x)
Low == x < 2 \/ JsonSerialize("x.json", x)
=============================================================================
