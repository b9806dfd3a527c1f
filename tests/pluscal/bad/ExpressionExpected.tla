---- MODULE ExpressionExpected ----
EXTENDS Naturals
(* --algorithm ExpressionExpected {
variables x = 0;
{ A: x := ;
}
} *)
====
