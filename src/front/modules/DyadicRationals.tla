-------------------------- MODULE DyadicRationals ---------------------------
(***************************************************************************)
(* brink's own definition of the community module DyadicRationals.  A      *)
(* dyadic rational num / 2^k is a record [num |-> n, den |-> d]; the       *)
(* operators keep fractions reduced.                                       *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

RECURSIVE GCD(_, _)
LOCAL GCD(a, b) == IF b = 0 THEN a ELSE GCD(b, a % b)

LOCAL Frac(n, d) == [num |-> n, den |-> d]

(* p in lowest terms (a zero numerator gives Zero).                        *)
LOCAL Reduced(p) ==
  LET g == GCD(IF p.num < 0 THEN -p.num ELSE p.num, p.den)
  IN  Frac(p.num \div g, p.den \div g)

(* TRUE iff the denominator of r is a power of two.                        *)
IsDyadicRational(r) == \E i \in 0..r.den : 2^i = r.den

Zero == Frac(0, 1)
One == Frac(1, 1)

(* The sum of two dyadic rationals (q itself if p is Zero); the larger     *)
(* denominator is a multiple of the smaller one.                           *)
Add(p, q) ==
  IF p = Zero THEN q ELSE
  LET d == IF p.den >= q.den THEN p.den ELSE q.den
  IN  Reduced(Frac(p.num * (d \div p.den) + q.num * (d \div q.den), d))

(* p / 2.                                                                  *)
Half(p) == Reduced(Frac(p.num, 2 * p.den))

(* p as a string: "0", "1", or "num/den".                                  *)
PrettyPrint(p) ==
  IF p = Zero THEN "0"
  ELSE IF p = One THEN "1"
  ELSE ToString(p.num) \o "/" \o ToString(p.den)

=============================================================================
