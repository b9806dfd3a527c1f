---- MODULE EnabledImageChoice ----
(* ENABLED of an action that chooses a function on a set built by a map,
   {y[v] : v \in S}: eight cells with symbolic elements but at most two
   distinct values.  With a choice per cell, eliminating the choices under
   ENABLED made 5^8 combinations (refused); over the elements' values
   1 .. 5 as constant keys each choice stands alone. *)
EXTENDS Naturals
S == 1 .. 8
V == 1 .. 5
VARIABLES y, t
Image == {y[v] : v \in S}
Init == y \in [S -> {1, 2}] /\ t = 0
Next == /\ t < 3
        /\ \E f \in {g \in [Image -> V] : \A w \in Image : g[w] # w} :
              /\ y' = [v \in S |-> f[y[v]]]
              /\ t' = t + 1
Done == ~(ENABLED Next) <=> t = 3
DoneEarly == ~(ENABLED Next) <=> t = 2
====
