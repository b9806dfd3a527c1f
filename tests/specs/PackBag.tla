---- MODULE PackBag ----
(* PackRing's token as a bag of messages (a function with computed keys),
   as EWD998PCal's network is. *)
EXTENDS Naturals, Bags, BagsExt
VARIABLE box, x
Init == /\ box = [i \in 0..2 |-> IF i = 0 THEN SetToBag({[c |-> 0]})
                                          ELSE EmptyBag]
        /\ x = 0
Pass(i) == \E t \in DOMAIN box[i] :
             /\ box' = [box EXCEPT
                       ![i] = BagRemove(@, t),
                       ![(i + 1) % 3] = BagAdd(@, [c |-> (t.c + x) % 6])]
             /\ UNCHANGED x
Tick == x' = (x + 1) % 3 /\ UNCHANGED box
Next == Tick \/ \E i \in 0..2 : Pass(i)
OneToken == \A i \in 0..2 : \A t \in DOMAIN box[i] : box[i][t] = 1
Five == \A t \in DOMAIN box[0] : t.c # 5
====
