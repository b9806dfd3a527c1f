---- MODULE SubsetPowerset ----
(* SUBSET A \subseteq SUBSET B is decided as A \subseteq B, without building
   a powerset (TLC does so): the powersets of 1..30 and 0..40 have 2^30 and
   2^41 elements. *)
EXTENDS Integers
VARIABLE ok
Init == ok = TRUE
Next == ok' = /\ SUBSET (1..30) \subseteq SUBSET (0..40)
              /\ ~(SUBSET (1..40) \subseteq SUBSET (1..30))
              /\ SUBSET SUBSET (1..3) \subseteq SUBSET SUBSET (1..4)
              /\ ~(SUBSET SUBSET (1..4) \subseteq SUBSET SUBSET (1..3))
              /\ SUBSET {} \subseteq SUBSET {}
              /\ SUBSET {2} \subseteq SUBSET Nat
Inv == ok
Bad == ok /\ ~(SUBSET (1..25) \subseteq SUBSET (1..30))
====
