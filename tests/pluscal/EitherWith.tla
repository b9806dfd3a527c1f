---- MODULE EitherWith ----
EXTENDS Integers
(* --algorithm EitherWith {
  variables a = 0, b = 0, s = {1, 2, 3};
  {
  P: either { a := 1 } or { b := 2 } or { await a > 0; a := 0 || b := a };
  Q: with (i \in s, j = i + 1) { a := j; s := s \ {i} };
  R: when s # {};
     with (k \in s) { b := k }
  }
} *)
====
