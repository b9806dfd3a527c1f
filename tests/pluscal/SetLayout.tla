---- MODULE SetLayout ----
EXTENDS Naturals
(* --algorithm SetLayout {
variables n = 0;
process (Lead = 0) { l1: n := n + 1 }
process (Worker \in {1,
                     2})
variables got = 0, pick \in {3,
                             4};
{ w1: got := pick }
} *)
====
