---- MODULE CfgUnknownConstant ----
(* The config gives a value to a name the module does not declare; TLC
   never reads it (it looks up the module's own constants and
   definitions) and checks the model: 3 distinct states, depth 3. *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 2 /\ x' = x + 1
====
