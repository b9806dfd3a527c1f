---- MODULE PackRing ----
(* Tokens carrying a computed number pass around a ring of three boxes; a
   box gains a cell with a computed key per step, which brink packs (its
   src/engine/packcells.c).  A second token may join once (Spawn, after
   four Ticks), so a box may hold two: packing must not lose it (Single). *)
EXTENDS Naturals, FiniteSets
VARIABLE box, x, n, spawned
Init == /\ box = [i \in 0..2 |-> IF i = 0 THEN {[c |-> 0]} ELSE {}]
        /\ x = 0 /\ n = 0
        /\ spawned = FALSE
Pass(i) == \E t \in box[i] :
             /\ box' = [box EXCEPT
                       ![i] = @ \ {t},
                       ![(i + 1) % 3] = @ \cup {[c |-> (t.c + x) % 6]}]
             /\ UNCHANGED <<x, n, spawned>>
Tick == /\ x' = (x + 1) % 3 /\ n' = IF n < 4 THEN n + 1 ELSE n
        /\ UNCHANGED <<box, spawned>>
Spawn == /\ ~spawned /\ n = 4
         /\ box' = [box EXCEPT ![2] = @ \cup {[c |-> x + 1]}]
         /\ spawned' = TRUE /\ UNCHANGED <<x, n>>
Next == Tick \/ Spawn \/ \E i \in 0..2 : Pass(i)
Inv == \A i \in 0..2 : \A t \in box[i] : t.c < 6
Five == \A i \in 0..2 : \A t \in box[i] : t.c # 5 \/ i # 0
Single == \A i \in 0..2 : Cardinality(box[i]) <= 1
====
