----------------------- MODULE SequencesExtTheorems ------------------------
(***************************************************************************)
(* brink's own definition of the library module SequencesExtTheorems:      *)
(* facts about the operators of SequencesExt, stated without proofs (brink *)
(* does not check proofs), and the definitions used to justify functions   *)
(* defined by recursion over sequences.  Like the library module it        *)
(* extends Sequences, SequencesExt, Functions and Integers.                *)
(***************************************************************************)
EXTENDS Sequences, SequencesExt, Functions, Integers
LOCAL INSTANCE WellFoundedInduction

(* Def(g, seq) depends only on the values of g at the strict prefixes      *)
(* (resp. strict suffixes) of seq.                                         *)
StrictPrefixesDetermineDef(S, Def(_,_)) ==
  \A g, h : \A seq \in Seq(S) :
    (\A pre \in Seq(S) : IsStrictPrefix(pre, seq) => g[pre] = h[pre])
      => Def(g, seq) = Def(h, seq)

StrictSuffixesDetermineDef(S, Def(_,_)) ==
  \A g, h : \A seq \in Seq(S) :
    (\A suf \in Seq(S) : IsStrictSuffix(suf, seq) => g[suf] = h[suf])
      => Def(g, seq) = Def(h, seq)

(* f on Seq(S) with f[<< >>] = f0 and f[s] = Def(f[Tail(s)], s) otherwise, *)
(* as the CHOOSE that the recursive definition stands for (Hypothesis) or  *)
(* as its recursion equation (Conclusion); likewise recursing on Front.    *)
TailInductiveDefHypothesis(f, S, f0, Def(_,_)) ==
  f = CHOOSE g : g = [s \in Seq(S) |-> IF s = << >> THEN f0 ELSE Def(g[Tail(s)], s)]
TailInductiveDefConclusion(f, S, f0, Def(_,_)) ==
  f = [s \in Seq(S) |-> IF s = << >> THEN f0 ELSE Def(f[Tail(s)], s)]

FrontInductiveDefHypothesis(f, S, f0, Def(_,_)) ==
  f = CHOOSE g : g = [s \in Seq(S) |-> IF s = << >> THEN f0 ELSE Def(g[Front(s)], s)]
FrontInductiveDefConclusion(f, S, f0, Def(_,_)) ==
  f = [s \in Seq(S) |-> IF s = << >> THEN f0 ELSE Def(f[Front(s)], s)]

-----------------------------------------------------------------------------

THEOREM ConsProperties ==
  ASSUME NEW S, NEW seq \in Seq(S), NEW elt \in S
  PROVE  /\ Cons(elt, seq) \in Seq(S)
         /\ Len(Cons(elt, seq)) = Len(seq) + 1
         /\ Head(Cons(elt, seq)) = elt /\ Tail(Cons(elt, seq)) = seq

THEOREM FrontProperties ==
  ASSUME NEW S, NEW seq \in Seq(S)
  PROVE  /\ Front(seq) \in Seq(S)
         /\ Len(Front(seq)) = IF seq = << >> THEN 0 ELSE Len(seq) - 1
         /\ \A i \in 1..(Len(seq) - 1) : Front(seq)[i] = seq[i]

THEOREM LastProperties ==
  ASSUME NEW S, NEW seq \in Seq(S), seq # << >>
  PROVE  Last(seq) \in S /\ Append(Front(seq), Last(seq)) = seq

THEOREM FrontLastAppend ==
  ASSUME NEW S, NEW seq \in Seq(S), NEW e \in S
  PROVE  Front(Append(seq, e)) = seq /\ Last(Append(seq, e)) = e

THEOREM SequencesInductionFront ==
  ASSUME NEW S, NEW P(_), P(<< >>), \A s \in Seq(S) : (s # << >> /\ P(Front(s))) => P(s)
  PROVE  \A s \in Seq(S) : P(s)

THEOREM ReverseProperties ==
  ASSUME NEW S, NEW seq \in Seq(S)
  PROVE  Reverse(seq) \in Seq(S) /\ Len(Reverse(seq)) = Len(seq) /\ Reverse(Reverse(seq)) = seq

THEOREM IsPrefixProperties ==
  ASSUME NEW S, NEW s \in Seq(S), NEW t \in Seq(S)
  PROVE  IsPrefix(s, t) <=> \E u \in Seq(S) : t = s \o u

THEOREM IsStrictPrefixWellFounded ==
  ASSUME NEW S
  PROVE  IsWellFoundedOn(OpToRel(IsStrictPrefix, Seq(S)), Seq(S))

THEOREM TailInductiveDef ==
  ASSUME NEW S, NEW Def(_,_), NEW f, NEW f0, TailInductiveDefHypothesis(f, S, f0, Def)
  PROVE  TailInductiveDefConclusion(f, S, f0, Def)

THEOREM FrontInductiveDef ==
  ASSUME NEW S, NEW Def(_,_), NEW f, NEW f0, FrontInductiveDefHypothesis(f, S, f0, Def)
  PROVE  FrontInductiveDefConclusion(f, S, f0, Def)

=============================================================================
