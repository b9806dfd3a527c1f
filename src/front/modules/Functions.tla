------------------------------ MODULE Functions -----------------------------
(***************************************************************************)
(* brink's own definition of the community module Functions: restriction, *)
(* range, inverse, injections, surjections, bijections and folds over the  *)
(* values of a function.  Like the community module, it extends Folds, so  *)
(* MapThenFoldSet is available to the modules that extend Functions.       *)
(***************************************************************************)
EXTENDS Folds

(* f restricted to the set S (S should be a subset of DOMAIN f).           *)
Restrict(f, S) == [x \in S |-> f[x]]

(* f restricted to the arguments x with Test(x).                           *)
RestrictDomain(f, Test(_)) == [x \in {y \in DOMAIN f : Test(y)} |-> f[x]]

(* f restricted to the arguments whose value satisfies Test; the result    *)
(* keeps the original arguments, so it is in general not a sequence:       *)
(*   RestrictValues(<<5, 6, 7>>, LAMBDA v : v # 6) = (1 :> 5 @@ 3 :> 7)    *)
RestrictValues(f, Test(_)) == [x \in {y \in DOMAIN f : Test(f[y])} |-> f[x]]

(* TRUE iff narrow is wide restricted to a part of its domain.             *)
IsRestriction(narrow, wide) ==
  /\ DOMAIN narrow \subseteq DOMAIN wide
  /\ \A x \in DOMAIN narrow : narrow[x] = wide[x]

(* The set of values of f (its image).                                     *)
Range(f) == {f[x] : x \in DOMAIN f}

(* The function on DOMAIN f that combines the values of f and g at each    *)
(* argument with T (DOMAIN f should be a subset of DOMAIN g).              *)
Pointwise(f, g, T(_,_)) == [x \in DOMAIN f |-> T(f[x], g[x])]

(* A function from T to S that maps every value t of f that lies in T to   *)
(* some argument s \in S with f[s] = t (an arbitrary s \in S for the other *)
(* elements of T).                                                         *)
Inverse(f, S, T) ==
  [t \in T |-> CHOOSE s \in S : (t \in Range(f)) => (f[s] = t)]

(* The inverse of f, from its range back to its domain.                    *)
AntiFunction(f) == Inverse(f, DOMAIN f, Range(f))

(* TRUE iff f maps distinct arguments to distinct values.                  *)
IsInjective(f) == \A x, y \in DOMAIN f : (f[x] = f[y]) => (x = y)

(* The injective, surjective and bijective functions from S to T.          *)
Injection(S, T) == {g \in [S -> T] : IsInjective(g)}
Surjection(S, T) == {g \in [S -> T] : \A t \in T : \E s \in S : g[s] = t}
Bijection(S, T) == Injection(S, T) \cap Surjection(S, T)

(* Whether such functions exist.                                           *)
ExistsInjection(S, T) == Injection(S, T) # {}
ExistsSurjection(S, T) == Surjection(S, T) # {}
ExistsBijection(S, T) == Bijection(S, T) # {}

(***************************************************************************)
(* FoldFunctionOnSet(op, base, fun, indices) combines the values fun[i]    *)
(* for i \in indices (a subset of DOMAIN fun) with op, starting from base, *)
(* in an unspecified order (op should be associative and commutative):     *)
(*    op(fun[i1], op(fun[i2], ... op(fun[ik], base) ...))                  *)
(* FoldFunction does the same for all of DOMAIN fun.                       *)
(***************************************************************************)
FoldFunctionOnSet(op(_,_), base, fun, indices) ==
  MapThenFoldSet(op, base, LAMBDA i : fun[i],
                 LAMBDA D : CHOOSE i \in D : TRUE, indices)

FoldFunction(op(_,_), base, fun) ==
  FoldFunctionOnSet(op, base, fun, DOMAIN fun)

=============================================================================
