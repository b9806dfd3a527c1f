---- MODULE MissingLabelWhile ----
EXTENDS Naturals
(* --algorithm MissingLabelWhile {
variables x = 0;
{ A: x := 1;
     while (x < 3) { x := x + 1 }
}
} *)
====
