---- MODULE InitParens ----
EXTENDS Naturals
(* --algorithm InitParens {
variables x = 1, same = x = 1, s \in {1} \cup {2}, t = x + 1;
macro Check(c, v) { assert c; x := v; assert c /\ TRUE }
procedure P(q = 1 # 2)
variables r = q = TRUE;
{ p1: Check(x > 0, x + 1); return }
{ m1: call P(FALSE); }
} *)
====
