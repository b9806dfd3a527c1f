------------------------------ MODULE ToolboxTest ------------------------------
(* brink's Toolbox module: _TETrace and _TEPosition exist; _TETrace has no *)
(* value unless replaced, so they are only referred to here.               *)
EXTENDS Toolbox, Naturals
VARIABLE x

U1 == _TETrace
U2 == _TEPosition
ASSUME TRUE

Init == x = 0
Next == x' = x
=============================================================================
