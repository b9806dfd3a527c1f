--------------------------- MODULE DyadicRationalsTest ---------------------------
(* Checks brink's DyadicRationals module on small inputs (expected values  *)
(* by hand).                                                               *)
EXTENDS DyadicRationals, Naturals
VARIABLE x

H == Half(One)                     \* 1/2
Q == Half(H)                       \* 1/4

ASSUME Zero = [num |-> 0, den |-> 1] /\ One = [num |-> 1, den |-> 1]
ASSUME H = [num |-> 1, den |-> 2] /\ Q = [num |-> 1, den |-> 4]
ASSUME Half(Zero) = Zero
ASSUME Add(Zero, Q) = Q /\ Add(Q, Zero) = Q
ASSUME Add(H, Q) = [num |-> 3, den |-> 4]
ASSUME Add(Q, Q) = H /\ Add(H, H) = One
ASSUME Add(One, H) = [num |-> 3, den |-> 2]
ASSUME Add(Add(Q, H), Q) = One
ASSUME Half([num |-> 3, den |-> 4]) = [num |-> 3, den |-> 8]
ASSUME IsDyadicRational(Q) /\ IsDyadicRational(One) /\ IsDyadicRational(Zero)
ASSUME ~ IsDyadicRational([num |-> 1, den |-> 3])
ASSUME ~ IsDyadicRational([num |-> 1, den |-> 6])
ASSUME PrettyPrint(Zero) = "0" /\ PrettyPrint(One) = "1"

Init == x = 0
Next == x' = x
=============================================================================
