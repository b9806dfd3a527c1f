------------------------ MODULE WellFoundedInduction ------------------------
(***************************************************************************)
(* brink's own definition of the TLAPS library module WellFoundedInduction *)
(* (induction and recursive definitions over well-founded relations).  A   *)
(* relation is a set of pairs: <<x, y>> \in R means "x is below y".  The   *)
(* theorems are stated without proofs; brink does not check proofs.        *)
(* Several operators quantify over infinite sets and are meant for proofs, *)
(* not for evaluation.                                                     *)
(***************************************************************************)
EXTENDS NaturalsInduction

(* R is transitive on S.                                                   *)
IsTransitivelyClosedOn(R, S) ==
  \A a, b, c \in S : (<<a, b>> \in R /\ <<b, c>> \in R) => <<a, c>> \in R

(* R has no infinite descending chain in S.                                *)
IsWellFoundedOn(R, S) ==
  ~ \E f \in [Nat -> S] : \A n \in Nat : <<f[n + 1], f[n]>> \in R

(* The elements of S below x.                                              *)
SetLessThan(x, R, S) == {y \in S : <<y, x>> \in R}

(* Def(g, x) depends only on the values of g below x.                      *)
WFDefOn(R, S, Def(_,_)) ==
  \A g, h : \A x \in S :
    (\A y \in SetLessThan(x, R, S) : g[y] = h[y]) => (Def(g, x) = Def(h, x))

(* f is the function that the recursive definition f[x \in S] == Def(f, x) *)
(* stands for; f satisfies that recursion equation; the equation has at    *)
(* most one solution.                                                      *)
OpDefinesFcn(f, S, Def(_,_)) == f = CHOOSE g : g = [x \in S |-> Def(g, x)]
WFInductiveDefines(f, S, Def(_,_)) == f = [x \in S |-> Def(f, x)]
WFInductiveUnique(S, Def(_,_)) ==
  \A g, h : (WFInductiveDefines(g, S, Def) /\ WFInductiveDefines(h, S, Def)) => (g = h)

(* The transitive closure of R restricted to S: the smallest transitive    *)
(* relation on S containing R \cap (S \X S).                               *)
TransitiveClosureOn(R, S) ==
  {p \in S \X S :
     \A U \in SUBSET (S \X S) :
       (R \cap (S \X S) \subseteq U /\ IsTransitivelyClosedOn(U, S)) => p \in U}

(* The relation {<<x, y>> : x \prec y} on S.                               *)
OpToRel(_\prec_, S) == {p \in S \X S : p[1] \prec p[2]}

(* The relation on S induced through f by the relation R.                  *)
PreImage(f(_), S, R) == {p \in S \X S : <<f(p[1]), f(p[2])>> \in R}

(* The lexicographic order on pairs, from R1 on S1 and R2 on S2.           *)
LexPairOrdering(R1, R2, S1, S2) ==
  {p \in (S1 \X S2) \X (S1 \X S2) :
     \/ <<p[1][1], p[2][1]>> \in R1
     \/ p[1][1] = p[2][1] /\ <<p[1][2], p[2][2]>> \in R2}

(* The lexicographic order on the n-tuples over S, from R on S.            *)
LexProductOrdering(R, S, n) ==
  {p \in [1..n -> S] \X [1..n -> S] :
     \E j \in 1..n : /\ \A i \in 1..(j - 1) : p[1][i] = p[2][i]
                     /\ <<p[1][j], p[2][j]>> \in R}

-----------------------------------------------------------------------------

THEOREM WFMin ==
  ASSUME NEW R, NEW S, IsWellFoundedOn(R, S), NEW T, T \subseteq S, T # {}
  PROVE  \E x \in T : \A y \in T : <<y, x>> \notin R

THEOREM MinWF ==
  ASSUME NEW R, NEW S,
         \A T \in SUBSET S : T # {} => \E x \in T : \A y \in T : <<y, x>> \notin R
  PROVE  IsWellFoundedOn(R, S)

THEOREM WFInduction ==
  ASSUME NEW P(_), NEW R, NEW S, IsWellFoundedOn(R, S),
         \A x \in S : (\A y \in SetLessThan(x, R, S) : P(y)) => P(x)
  PROVE  \A x \in S : P(x)

THEOREM WFDefOnUnique ==
  ASSUME NEW Def(_,_), NEW R, NEW S, IsWellFoundedOn(R, S), WFDefOn(R, S, Def)
  PROVE  WFInductiveUnique(S, Def)

THEOREM WFInductiveDef ==
  ASSUME NEW Def(_,_), NEW R, NEW S, NEW f,
         IsWellFoundedOn(R, S), WFDefOn(R, S, Def), OpDefinesFcn(f, S, Def)
  PROVE  WFInductiveDefines(f, S, Def)

THEOREM WFInductiveDefType ==
  ASSUME NEW Def(_,_), NEW f, NEW R, NEW S, NEW T, T # {},
         IsWellFoundedOn(R, S), WFDefOn(R, S, Def), WFInductiveDefines(f, S, Def),
         \A g \in [S -> T], s \in S : Def(g, s) \in T
  PROVE  f \in [S -> T]

THEOREM TransitiveClosureWF ==
  ASSUME NEW R, NEW S, IsWellFoundedOn(R, S)
  PROVE  IsWellFoundedOn(TransitiveClosureOn(R, S), S)

THEOREM NatLessThanWellFounded == IsWellFoundedOn(OpToRel(<, Nat), Nat)

THEOREM PreImageWellFounded ==
  ASSUME NEW S, NEW T, NEW R, NEW f(_), \A s \in S : f(s) \in T, IsWellFoundedOn(R, T)
  PROVE  IsWellFoundedOn(PreImage(f, S, R), S)

THEOREM WFLexPairOrdering ==
  ASSUME NEW R1, NEW R2, NEW S1, NEW S2, IsWellFoundedOn(R1, S1), IsWellFoundedOn(R2, S2)
  PROVE  IsWellFoundedOn(LexPairOrdering(R1, R2, S1, S2), S1 \X S2)

THEOREM WFLexProductOrdering ==
  ASSUME NEW R, NEW S, NEW n \in Nat, IsWellFoundedOn(R, S)
  PROVE  IsWellFoundedOn(LexProductOrdering(R, S, n), [1..n -> S])

=============================================================================
