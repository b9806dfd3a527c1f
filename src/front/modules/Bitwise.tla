------------------------------- MODULE Bitwise -------------------------------
(***************************************************************************)
(* brink's own definition of the community module Bitwise: bitwise        *)
(* operations on natural numbers, computed bit by bit from the least       *)
(* significant end.                                                        *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* Combine the binary digits of the naturals a and b with the function     *)
(* bit(_, _) on {0, 1}, up to the highest set bit of a or b.               *)
LOCAL BitByBit(a, b, bit(_, _)) ==
  LET RECURSIVE Go(_, _, _)
      Go(x, y, weight) ==
        IF x = 0 /\ y = 0 THEN 0
        ELSE weight * bit(x % 2, y % 2) + Go(x \div 2, y \div 2, 2 * weight)
  IN  IF a >= 0 /\ b >= 0 THEN Go(a, b, 1)
      ELSE Fail("Bitwise: the operands must be natural numbers")

(* Bitwise AND, OR and XOR of two naturals.                                *)
a & b == BitByBit(a, b, LAMBDA u, v : u * v)
a | b == BitByBit(a, b, LAMBDA u, v : IF u + v > 0 THEN 1 ELSE 0)
a ^^ b == BitByBit(a, b, LAMBDA u, v : (u + v) % 2)

(* Bitwise NOT of the natural a within the bits of a itself, i.e. up to    *)
(* its highest set bit:  Not(5) = 2 (101 -> 010),  Not(0) = 0.             *)
Not(a) == BitByBit(a, 0, LAMBDA u, v : 1 - u)

(* The natural n shifted right by pos bits (zeros come in at the top).     *)
RECURSIVE shiftR(_, _)
shiftR(n, pos) == IF pos <= 0 THEN n ELSE shiftR(n \div 2, pos - 1)

=============================================================================
