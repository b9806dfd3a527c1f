---------------------------- MODULE FunctionsTest ----------------------------
(* Checks brink's Functions module on small inputs (expected values by     *)
(* hand).                                                                  *)
EXTENDS Functions, Naturals, Sequences, FiniteSets, TLC
VARIABLE x

sq == [n \in 0..4 |-> n * n]

ASSUME Restrict(sq, {1, 3}) = (1 :> 1 @@ 3 :> 9)
ASSUME Restrict(<<"a", "b", "c">>, {}) = << >>
ASSUME RestrictDomain(sq, LAMBDA n : n % 2 = 0) = (0 :> 0 @@ 2 :> 4 @@ 4 :> 16)
ASSUME RestrictValues(sq, LAMBDA v : v > 5) = (3 :> 9 @@ 4 :> 16)
ASSUME RestrictValues(<<5, 6, 7>>, LAMBDA v : v # 6) = (1 :> 5 @@ 3 :> 7)
ASSUME IsRestriction([a |-> 1], [a |-> 1, b |-> 2])
ASSUME IsRestriction([a |-> 1], [a |-> 1])
ASSUME ~ IsRestriction([a |-> 1, b |-> 2], [a |-> 1, b |-> 3])
ASSUME ~ IsRestriction([a |-> 1, b |-> 2], [b |-> 2])
ASSUME Range(sq) = {0, 1, 4, 9, 16}
ASSUME Range(<< >>) = {}
ASSUME Range(<<"x", "y", "x">>) = {"x", "y"}
ASSUME Pointwise([a |-> 0, b |-> 1], [a |-> 1, b |-> 1], LAMBDA u, v : u + v)
         = [a |-> 1, b |-> 2]
ASSUME Pointwise(<<1, 2>>, <<10, 20, 30>>, LAMBDA u, v : u * v) = <<10, 40>>
ASSUME Inverse([a |-> 0, b |-> 1], {"a", "b"}, {0, 1}) = (0 :> "a" @@ 1 :> "b")
ASSUME LET I == Inverse([a |-> 0, b |-> 1], {"a", "b"}, {1, 3})
       IN  DOMAIN I = {1, 3} /\ I[1] = "b" /\ I[3] \in {"a", "b"}
ASSUME AntiFunction(<<"a", "b", "c">>) = [a |-> 1, b |-> 2, c |-> 3]
ASSUME IsInjective(<<1, 2, 3>>)
ASSUME ~ IsInjective(<<1, 2, 1>>)
ASSUME IsInjective(<< >>)
ASSUME ~ IsInjective([a |-> 1, b |-> 1])
ASSUME Injection({1, 2}, {3}) = {}
ASSUME Cardinality(Injection({1, 2}, {3, 4, 5})) = 6
ASSUME Injection({1}, {3, 4}) = {(1 :> 3), (1 :> 4)}
ASSUME Surjection({1, 2, 3}, {4, 5}) =
         { (1 :> 4 @@ 2 :> 4 @@ 3 :> 5), (1 :> 4 @@ 2 :> 5 @@ 3 :> 4),
           (1 :> 4 @@ 2 :> 5 @@ 3 :> 5), (1 :> 5 @@ 2 :> 4 @@ 3 :> 4),
           (1 :> 5 @@ 2 :> 4 @@ 3 :> 5), (1 :> 5 @@ 2 :> 5 @@ 3 :> 4) }
ASSUME Bijection({1, 2}, {3, 4}) = {(1 :> 3 @@ 2 :> 4), (1 :> 4 @@ 2 :> 3)}
ASSUME Bijection({1, 2}, {3}) = {}
ASSUME ExistsInjection({1, 2}, {3, 4, 5})
ASSUME ~ ExistsInjection({1, 2, 3}, {4, 5})
ASSUME ~ ExistsSurjection({1, 2}, {3, 4, 5})
ASSUME ExistsSurjection({1, 2, 3}, {4, 5})
ASSUME ExistsBijection({1, 2}, {3, 4})
ASSUME ~ ExistsBijection({1, 2}, {3, 4, 5})
ASSUME ExistsBijection({}, {})
ASSUME FoldFunction(LAMBDA a, b : {a} \cup b, {}, <<1, 2, 1>>) = {1, 2}
ASSUME FoldFunction(LAMBDA a, b : a + b, 0, sq) = 30
ASSUME FoldFunction(LAMBDA a, b : a + b, 5, << >>) = 5
ASSUME FoldFunctionOnSet(LAMBDA a, b : a + b, 0, sq, {2, 3}) = 13
ASSUME FoldFunctionOnSet(LAMBDA a, b : {a} \cup b, {}, <<1, 2>>, {}) = {}
\* Functions extends Folds
ASSUME MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA e : e,
                      LAMBDA T : CHOOSE e \in T : TRUE, {4, 5}) = 9

Init == x = 0
Next == x' = x
=============================================================================
