----------------------------- MODULE BagsExtTest -----------------------------
(* Checks brink's BagsExt module on small inputs (expected values by hand).*)
EXTENDS BagsExt, Bags, Naturals, Sequences, TLC
VARIABLE x

B == (1 :> 2 @@ 2 :> 1 @@ 3 :> 3)   \* {| 1, 1, 2, 3, 3, 3 |}

ASSUME BagAdd(SetToBag({1, 2}), 2) = (1 :> 1 @@ 2 :> 2)
ASSUME BagAdd(SetToBag({1, 2}), 3) = (1 :> 1 @@ 2 :> 1 @@ 3 :> 1)
ASSUME BagAdd(EmptyBag, "a") = ("a" :> 1)
ASSUME BagRemove(SetToBag({1, 2}), 2) = SetToBag({1})
ASSUME BagRemove(1 :> 2 @@ 2 :> 1, 1) = (1 :> 1 @@ 2 :> 1)
ASSUME BagRemove(SetToBag({1}), 7) = SetToBag({1})
ASSUME BagRemove(SetToBag({1}), 1) = EmptyBag
ASSUME BagRemoveAll(1 :> 2 @@ 2 :> 1, 1) = (2 :> 1)
ASSUME BagRemoveAll(1 :> 2, 5) = (1 :> 2)
ASSUME MapThenFoldBag(LAMBDA a, b : a + b, 0, LAMBDA e : 1,
                      LAMBDA D : CHOOSE e \in D : TRUE, B) = 6
ASSUME MapThenFoldBag(LAMBDA a, b : a \o b, << >>, LAMBDA e : <<e>>,
                      LAMBDA D : CHOOSE e \in D : \A d \in D : e <= d, B)
         = <<1, 1, 2, 3, 3, 3>>
ASSUME MapThenFoldBag(LAMBDA a, b : a \o b, << >>, LAMBDA e : <<e>>,
                      LAMBDA D : CHOOSE e \in D : \A d \in D : d <= e, B)
         = <<3, 3, 3, 2, 1, 1>>
ASSUME FoldBag(LAMBDA a, b : a + b, 0, B) = 13
ASSUME FoldBag(LAMBDA a, b : a + b, 100, B) = 113
ASSUME FoldBag(LAMBDA a, b : a + b, 0, EmptyBag) = 0
ASSUME SumBag(1 :> 2 @@ 2 :> 1 @@ 3 :> 2) = 10
ASSUME ProductBag(2 :> 2 @@ 3 :> 1) = 12
ASSUME ProductBag(EmptyBag) = 1

Init == x = 0
Next == x' = x
=============================================================================
