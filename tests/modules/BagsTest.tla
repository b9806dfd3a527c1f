------------------------------ MODULE BagsTest ------------------------------
(* Checks brink's Bags module on small inputs (expected values by hand).  *)
EXTENDS Bags, Integers, TLC
VARIABLE x

B == (1 :> 2 @@ 5 :> 1)          \* {| 1, 1, 5 |}
C == (1 :> 1 @@ 7 :> 3)          \* {| 1, 7, 7, 7 |}

ASSUME IsABag(B) /\ IsABag(EmptyBag) /\ IsABag(SetToBag({"a"}))
ASSUME ~ IsABag(1 :> 0)
ASSUME ~ IsABag(1 :> -1)
ASSUME BagToSet(B) = {1, 5}
ASSUME SetToBag({3, 4}) = (3 :> 1 @@ 4 :> 1)
ASSUME SetToBag({}) = EmptyBag
ASSUME BagIn(5, B) /\ ~ BagIn(2, B)
ASSUME DOMAIN EmptyBag = {}
ASSUME CopiesIn(1, B) = 2 /\ CopiesIn(5, B) = 1 /\ CopiesIn(9, B) = 0
ASSUME B (+) C = (1 :> 3 @@ 5 :> 1 @@ 7 :> 3)
ASSUME B (+) EmptyBag = B
ASSUME B (-) C = (1 :> 1 @@ 5 :> 1)
ASSUME C (-) B = (7 :> 3)
ASSUME B (-) B = EmptyBag
ASSUME B (-) SetToBag({5}) = (1 :> 2)
ASSUME BagUnion({B, C, SetToBag({5})}) = (1 :> 3 @@ 5 :> 2 @@ 7 :> 3)
ASSUME BagUnion({}) = EmptyBag
ASSUME (1 :> 1) \sqsubseteq B
ASSUME B \sqsubseteq B
ASSUME EmptyBag \sqsubseteq B
ASSUME ~ ((1 :> 3) \sqsubseteq B)
ASSUME ~ ((2 :> 1) \sqsubseteq B)
ASSUME SubBag(B) = { EmptyBag, (1 :> 1), (1 :> 2), (5 :> 1),
                     (1 :> 1 @@ 5 :> 1), (1 :> 2 @@ 5 :> 1) }
ASSUME SubBag(EmptyBag) = {EmptyBag}
ASSUME BagOfAll(LAMBDA e : e % 2, (1 :> 2 @@ 3 :> 1 @@ 4 :> 5)) = (1 :> 3 @@ 0 :> 5)
ASSUME BagOfAll(LAMBDA e : e, B) = B
ASSUME BagCardinality(B) = 3
ASSUME BagCardinality(C) = 4
ASSUME BagCardinality(EmptyBag) = 0

Init == x = 0
Next == x' = x
=============================================================================
