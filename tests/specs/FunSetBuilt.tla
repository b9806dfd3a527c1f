---- MODULE FunSetBuilt ----
\* Sets of functions and records over a domain that changes from state to
\* state, used as values: counted, filtered, quantified over, compared, and
\* (lazily) tested for membership in UNIONs and products of them.
EXTENDS Naturals, FiniteSets
VARIABLES dom, f
Init == dom = {1} /\ f = [x \in {1} |-> 0]
Grow == /\ Cardinality(dom) < 3
        /\ dom' = dom \cup {Cardinality(dom) + 1}
        /\ f' \in [dom' -> {0, 1}]
Flip == \E x \in dom : f' = [f EXCEPT ![x] = 1 - @] /\ UNCHANGED dom
Next == Grow \/ Flip
Counts == /\ Cardinality([dom -> {0, 1}]) \in {2, 4, 8}
          /\ Cardinality([dom -> {0, 1}]) = 2 * Cardinality([dom \ {1} -> {0, 1}])
          /\ Cardinality([a : dom, b : {"x", "y"}]) = 2 * Cardinality(dom)
          /\ Cardinality({g \in [dom -> {0, 1}] : \A x \in dom : g[x] = 0}) = 1
Members == /\ f \in [dom -> {0, 1}]
           /\ \E g \in [dom -> {0, 1}] : g = f
           /\ f \in UNION {[dom -> {0}], [dom -> {1}], [dom -> {0, 1}]}
           /\ <<f[1], Cardinality(dom)>> \in {0, 1} \X (1..3)
           /\ [dom -> {0, 1}] # {}
           /\ [dom -> {}] = {}
\* Violated once dom = {1, 2, 3}: after 2 steps.
Small == Cardinality([dom -> {0, 1}]) < 8
\* Violated once f is 1 on all of dom (after one Flip).
NotAllOne == f \notin [dom -> {1}]
====
