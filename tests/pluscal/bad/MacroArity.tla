---- MODULE MacroArity ----
EXTENDS Naturals
(* --algorithm MacroArity {
variables x = 0;
macro M(a) { x := a }
{ A: M(1, 2)
}
} *)
====
