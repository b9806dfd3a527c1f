-------------------------- MODULE FunctionTheoremsTest --------------------------
(* brink's FunctionTheorems module defines no operators; the modules it    *)
(* extends (Functions, Integers) come along.                               *)
EXTENDS FunctionTheorems
VARIABLE x

ASSUME ExistsBijection({1, 2}, {-1, -2}) /\ Range([i \in {1} |-> -i]) = {-1}

Init == x = 0
Next == x' = x
=============================================================================
