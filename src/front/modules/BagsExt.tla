------------------------------ MODULE BagsExt ------------------------------
(***************************************************************************)
(* brink's own definition of the community module BagsExt: adding and      *)
(* removing single copies, and folds over bags (see the standard module    *)
(* Bags for the representation of bags).                                   *)
(***************************************************************************)
LOCAL INSTANCE Bags
LOCAL INSTANCE Integers

(* B with one more copy of x (the same as B (+) SetToBag({x})).            *)
BagAdd(B, x) ==
  [e \in DOMAIN B \cup {x} |-> IF e = x THEN CopiesIn(x, B) + 1 ELSE B[e]]

(* B with one copy of x less, B itself if x is not in B (the same as       *)
(* B (-) SetToBag({x})).                                                   *)
BagRemove(B, x) ==
  IF x \notin DOMAIN B THEN B
  ELSE [e \in {d \in DOMAIN B : d # x \/ B[d] > 1} |->
          IF e = x THEN B[e] - 1 ELSE B[e]]

(* B without any copy of x.                                                *)
BagRemoveAll(B, x) == [e \in DOMAIN B \ {x} |-> B[e]]

(***************************************************************************)
(* Fold op over the images f(e) of all copies e in the bag B, starting     *)
(* from base.  The distinct elements are taken in the order given by       *)
(* choose (as in MapThenFoldSet), and all copies of an element are taken   *)
(* one after the other: for the bag {| a, a, b |} with a taken first,      *)
(*    op(f(a), op(f(a), op(f(b), base)))                                   *)
(***************************************************************************)
MapThenFoldBag(op(_,_), base, f(_), choose(_), B) ==
  LET RECURSIVE Copies(_, _, _)
      \* op(f(x), ... op(f(x), acc)) with n applications
      Copies(x, n, acc) == IF n = 0 THEN acc ELSE op(f(x), Copies(x, n - 1, acc))
      RECURSIVE Rest(_)
      Rest(D) == IF D = {} THEN base
                 ELSE LET x == choose(D) IN Copies(x, B[x], Rest(D \ {x}))
  IN  Rest(DOMAIN B)

(* Fold op over all copies in B, starting from base, in an unspecified     *)
(* order (op should be associative and commutative).                       *)
FoldBag(op(_,_), base, B) ==
  MapThenFoldBag(op, base, LAMBDA e : e, LAMBDA D : CHOOSE e \in D : TRUE, B)

(* The sum and the product of the copies in a bag of integers.             *)
SumBag(B) == FoldBag(LAMBDA a, b : a + b, 0, B)
ProductBag(B) == FoldBag(LAMBDA a, b : a * b, 1, B)

=============================================================================
