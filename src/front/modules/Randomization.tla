-------------------------- MODULE Randomization ------------------------------
(***************************************************************************)
(* brink's own definition of the Randomization module.  TLC picks these    *)
(* subsets pseudo-randomly; in TLA+ they are values chosen once and for    *)
(* all (like CHOOSE), and brink computes them deterministically from the   *)
(* order in which CHOOSE takes the elements of S.  Every result has the    *)
(* documented shape, but the same arguments always give the same subset.  *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The elements of the finite set S, in the order CHOOSE takes them.       *)
LOCAL Listed(S) ==
  LET RECURSIVE List(_)
      List(T) == IF T = {} THEN << >>
                 ELSE LET x == CHOOSE y \in T : TRUE IN <<x>> \o List(T \ {x})
  IN  List(S)

(***************************************************************************)
(* A subset of the finite set S with k elements (0 <= k <= |S|).           *)
(***************************************************************************)
RandomSubset(k, S) ==
  IF k \in 0..Cardinality(S)
  THEN LET RECURSIVE Pick(_, _)
           Pick(m, T) == IF m = 0 THEN {}
                         ELSE LET x == CHOOSE y \in T : TRUE IN {x} \cup Pick(m - 1, T \ {x})
       IN  Pick(k, S)
  ELSE Fail("RandomSubset(k, S): k must be in 0..Cardinality(S)")

(***************************************************************************)
(* A set of at most k subsets of the finite set S, each with n elements    *)
(* (TLC: with n elements on average).  Here subset number i consists of    *)
(* the n elements that follow position i in a circular listing of S.       *)
(***************************************************************************)
RandomSetOfSubsets(k, n, S) ==
  IF k \in Nat /\ n \in 0..Cardinality(S)
  THEN LET L == Listed(S)
           c == Len(L)
       IN  {{L[((i + j) % c) + 1] : j \in 0..(n - 1)} : i \in 0..(k - 1)}
  ELSE Fail("RandomSetOfSubsets(k, n, S): k must be a natural number and n in 0..Cardinality(S)")

(***************************************************************************)
(* The sizes of five sets RandomSetOfSubsets(k, n, S), to help choose k.   *)
(***************************************************************************)
TestRandomSetOfSubsets(k, n, S) ==
  [i \in 1..5 |-> Cardinality(RandomSetOfSubsets(k, n, S))]

=============================================================================
