---- MODULE PowDeep ----
\* x ^ y in the symbolic engine: constant operands are computed exactly
\* whatever their size (2^n in a recursion over n, as in Bits.tla's And);
\* an exponent beyond 64 that is not a constant is refused only where a
\* reachable state needs it.
EXTENDS Naturals
VARIABLE x
Init == x \in 0..3
Next == x' = (x + 1) % 4
RECURSIVE Scale(_, _)
Scale(v, n) == IF n >= 70 THEN v ELSE Scale(v, n + 1) + 0 * 2^n
Exact == Scale(x, 0) = x /\ x * 2^100 < 2^102
Guarded == x < 3 => 2^(x * 30) > 0
Unguarded == 2^(x * 30) > 0
====
