---- MODULE ChosenBound ----
\* Ranges whose bound is a value chosen from a set (t \in {1, 3, 5}, then
\* t' \in 0..t): the symbolic engine bounds the fresh choice by the set.
EXTENDS Naturals
VARIABLES t, seen
Init == t \in {1, 3, 5} /\ seen = {}
Next == /\ t > 0
        /\ t' \in 0..(t - 1)
        /\ seen' = seen \cup {j * j : j \in 0..t}
NoBigSquare == \A x \in seen : x < 20
TypeOK == t \in 0..5 /\ seen \subseteq {j * j : j \in 0..5}
====
