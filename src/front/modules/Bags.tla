------------------------------- MODULE Bags ---------------------------------
(***************************************************************************)
(* brink's own definition of the standard module Bags.  A bag (multiset)   *)
(* is a function from its elements to their positive numbers of copies,    *)
(* e.g. (1 :> 2 @@ 5 :> 1) is the bag holding 1 twice and 5 once.          *)
(***************************************************************************)
LOCAL INSTANCE Naturals

(* The sum of the values of a function with a finite domain.               *)
LOCAL TotalOf(f) ==
  LET RECURSIVE Add(_)
      Add(D) == IF D = {} THEN 0
                ELSE LET d == CHOOSE e \in D : TRUE IN f[d] + Add(D \ {d})
  IN  Add(DOMAIN f)

(* TRUE iff B is a bag: each element has a positive number of copies.      *)
IsABag(B) == \A e \in DOMAIN B : B[e] \in Nat /\ B[e] > 0

(* The set of elements of B, and the bag holding each element of S once.   *)
BagToSet(B) == DOMAIN B
SetToBag(S) == [e \in S |-> 1]

(* TRUE iff e is in B; the number of copies of e in B (0 if none).         *)
BagIn(e, B) == e \in DOMAIN B
CopiesIn(e, B) == IF e \in DOMAIN B THEN B[e] ELSE 0

(* The bag with no elements.                                               *)
EmptyBag == [e \in {} |-> 0]

(* The sum of two bags: copies add up.                                     *)
B1 (+) B2 ==
  [e \in DOMAIN B1 \cup DOMAIN B2 |-> CopiesIn(e, B1) + CopiesIn(e, B2)]

(* The difference: the copies of B1 that B2 does not match.               *)
B1 (-) B2 ==
  [e \in {d \in DOMAIN B1 : B1[d] > CopiesIn(d, B2)} |-> B1[e] - CopiesIn(e, B2)]

(* The sum of all the bags in the finite set S of bags.                    *)
BagUnion(S) ==
  [e \in UNION {DOMAIN B : B \in S} |->
     TotalOf([B \in S |-> CopiesIn(e, B)])]

(* TRUE iff B1 is a sub-bag of B2: no element has more copies in B1.       *)
B1 \sqsubseteq B2 ==
  /\ DOMAIN B1 \subseteq DOMAIN B2
  /\ \A e \in DOMAIN B1 : B1[e] <= B2[e]

(* The set of all sub-bags of B (including EmptyBag and B itself), built  *)
(* element by element: each element of B keeps 0 up to B[e] copies.       *)
SubBag(B) ==
  LET RECURSIVE Subs(_)
      Subs(D) ==
        IF D = {} THEN {EmptyBag}
        ELSE LET d == CHOOSE e \in D : TRUE
                 R == Subs(D \ {d})
             IN  R \cup { [e \in DOMAIN r \cup {d} |-> IF e = d THEN k ELSE r[e]] :
                          r \in R, k \in 1..B[d] }
  IN  Subs(DOMAIN B)

(* The bag of the values F(e) for the copies e of B: each copy of e        *)
(* contributes one copy of F(e).                                           *)
BagOfAll(F(_), B) ==
  [v \in {F(d) : d \in DOMAIN B} |->
     TotalOf([d \in {c \in DOMAIN B : F(c) = v} |-> B[d]])]

(* The total number of copies in B.                                        *)
BagCardinality(B) == TotalOf(B)

=============================================================================
