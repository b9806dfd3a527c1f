---- MODULE TokenExpected ----
EXTENDS Naturals
(* --algorithm TokenExpected {
variables x = 0;
{ A: if (x = 0 { x := 1 }
}
} *)
====
