---- MODULE NoSemicolonBeforeDefine ----
(* The translator accepts a variable list that ends without `;' right
   before `define' (as BPConProof in the TLA+ Examples does). *)
EXTENDS Naturals
(* --algorithm Count {
  variables x = 0,
            seen = {}
  define {
    Small == x < 4
  }
  macro Inc() { x := x + 1; seen := seen \cup {self} }
  process (p \in {1, 2}) {
    l: while (x < 3) { Inc() }
   }
} *)
====
