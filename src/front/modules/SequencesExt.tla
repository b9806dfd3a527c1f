---------------------------- MODULE SequencesExt ----------------------------
(***************************************************************************)
(* brink's own definition of the community module SequencesExt: more       *)
(* operators on sequences.  Like the community module it extends           *)
(* Sequences, Naturals, FiniteSets, FiniteSetsExt, Folds, Functions, Bags  *)
(* and TLC, so their operators (Range, Max, FoldFunction, ...) come along. *)
(*                                                                         *)
(* Operators that pick "some" order (SetToSeq, FoldSeq, ...) take elements *)
(* in the order CHOOSE yields; no operator here relies on SortSeq,         *)
(* SelectSeq or Permutations.                                              *)
(***************************************************************************)
EXTENDS Sequences, Naturals, FiniteSets, FiniteSetsExt, Folds, Functions,
        Bags, TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The subsequence of the elements of s that satisfy Test (SelectSeq).     *)
LOCAL Keep(s, Test(_)) ==
  LET RECURSIVE Upto(_)
      Upto(i) == IF i = 0 THEN << >>
                 ELSE IF Test(s[i]) THEN Append(Upto(i - 1), s[i])
                 ELSE Upto(i - 1)
  IN  Upto(Len(s))

(* The set of elements of s.   ToSet(<<1, 2, 1>>) = {1, 2}                  *)
ToSet(s) == {s[i] : i \in DOMAIN s}

(* The bag of the elements of s (see module Bags).                         *)
ToBag(s) == [x \in ToSet(s) |-> Cardinality({i \in DOMAIN s : s[i] = x})]

(* A sequence holding every element of the finite set S exactly once.      *)
SetToSeq(S) ==
  LET RECURSIVE List(_)
      List(T) == IF T = {} THEN << >>
                 ELSE LET x == CHOOSE y \in T : TRUE IN <<x>> \o List(T \ {x})
  IN  List(S)

(* All the sequences holding every element of S exactly once:              *)
(*   SetToSeqs({1, 2}) = {<<1, 2>>, <<2, 1>>},  SetToSeqs({}) = {<< >>}    *)
SetToSeqs(S) ==
  LET RECURSIVE All(_)
      All(T) == IF T = {} THEN {<< >>}
                ELSE UNION { {<<x>> \o p : p \in All(T \ {x})} : x \in T }
  IN  All(S)

(* The elements of S sorted by the order op ("less than"): each element is *)
(* preceded only by elements it is not below.                              *)
SetToSortSeq(S, op(_,_)) ==
  LET RECURSIVE Sorted(_)
      Sorted(T) ==
        IF T = {} THEN << >>
        ELSE LET m == CHOOSE x \in T : \A y \in T \ {x} : ~ op(y, x)
             IN  <<m>> \o Sorted(T \ {m})
  IN  Sorted(S)

(* All sequences of distinct elements of S, of every length 0..|S|.        *)
SetToAllKPermutations(S) == UNION {SetToSeqs(T) : T \in SUBSET S}

(* The sequences of length n, and of length at most n, over `set'.         *)
TupleOf(set, n) == [1..n -> set]
SeqOf(set, n) == UNION {[1..k -> set] : k \in 0..n}
BoundedSeq(S, n) == SeqOf(S, n)

-----------------------------------------------------------------------------

(* TRUE iff e occurs in s.                                                 *)
Contains(s, e) == \E i \in 1..Len(s) : s[i] = e

(* TRUE iff op(s[i], s[j]) holds for all positions i < j.                  *)
IsSorted(s, op(_,_)) == \A i, j \in 1..Len(s) : (i < j) => op(s[i], s[j])

(* s backwards.                                                            *)
Reverse(s) == [i \in 1..Len(s) |-> s[Len(s) + 1 - i]]

(* s without any occurrence of e.                                          *)
Remove(s, e) == Keep(s, LAMBDA x : x # e)

(* s with every occurrence of old replaced by new.                         *)
ReplaceAll(s, old, new) == [i \in 1..Len(s) |-> IF s[i] = old THEN new ELSE s[i]]

-----------------------------------------------------------------------------

(* The position of the first element of seq that satisfies Test, 0 if      *)
(* there is none.                                                          *)
SelectInSeq(seq, Test(_)) ==
  LET RECURSIVE From(_)
      From(i) == IF i > Len(seq) THEN 0
                 ELSE IF Test(seq[i]) THEN i ELSE From(i + 1)
  IN  From(1)

(* SelectInSeq on SubSeq(seq, from, to); the position counts from `from'.   *)
SelectInSubSeq(seq, from, to, Test(_)) == SelectInSeq(SubSeq(seq, from, to), Test)

(* The position of the last element of seq that satisfies Test, 0 if none. *)
SelectLastInSeq(seq, Test(_)) ==
  LET RECURSIVE Down(_)
      Down(i) == IF i = 0 THEN 0
                 ELSE IF Test(seq[i]) THEN i ELSE Down(i - 1)
  IN  Down(Len(seq))

SelectLastInSubSeq(seq, from, to, Test(_)) ==
  SelectLastInSeq(SubSeq(seq, from, to), Test)

-----------------------------------------------------------------------------

(* s with e inserted at position i (the elements from i on move up one).   *)
InsertAt(s, i, e) == SubSeq(s, 1, i - 1) \o <<e>> \o SubSeq(s, i, Len(s))

(* s with the element at position i replaced by e.                         *)
ReplaceAt(s, i, e) == [s EXCEPT ![i] = e]

(* s without its element at position i.                                   *)
RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

(* s without the first occurrence of e (s if e does not occur).            *)
RemoveFirst(s, e) ==
  LET i == SelectInSeq(s, LAMBDA x : x = e)
  IN  IF i = 0 THEN s ELSE RemoveAt(s, i)

(* s without its first element that satisfies Test (s if there is none).   *)
RemoveFirstMatch(s, Test(_)) ==
  LET i == SelectInSeq(s, Test)
  IN  IF i = 0 THEN s ELSE RemoveAt(s, i)

-----------------------------------------------------------------------------

(* elt in front of seq, and elt after seq (Append with its arguments       *)
(* swapped, to suit the folds).                                            *)
Cons(elt, seq) == <<elt>> \o seq
Snoc(elt, seq) == Append(seq, elt)

(* s without its last element, and the last element of s.                  *)
Front(s) == SubSeq(s, 1, Len(s) - 1)
Last(s) == s[Len(s)]

-----------------------------------------------------------------------------

(* TRUE iff t starts with s (IsPrefix), or starts with s and is longer.    *)
IsPrefix(s, t) == Len(s) <= Len(t) /\ s = SubSeq(t, 1, Len(s))
IsStrictPrefix(s, t) == IsPrefix(s, t) /\ s # t

(* TRUE iff t ends with s (IsSuffix), or ends with s and is longer.        *)
IsSuffix(s, t) == Len(s) <= Len(t) /\ s = SubSeq(t, Len(t) - Len(s) + 1, Len(t))
IsStrictSuffix(s, t) == IsSuffix(s, t) /\ s # t

(* The prefixes and the suffixes of s, both including << >> and s.         *)
Prefixes(s) == {SubSeq(s, 1, k) : k \in 0..Len(s)}
Suffixes(s) == {SubSeq(s, k + 1, Len(s)) : k \in 0..Len(s)}

(* The sequences that are prefixes of every sequence in S, and the longest *)
(* of them.                                                                *)
CommonPrefixes(S) ==
  {p \in UNION {Prefixes(s) : s \in S} : \A t \in S : IsPrefix(p, t)}
LongestCommonPrefix(S) ==
  CHOOSE p \in CommonPrefixes(S) :
    \A q \in CommonPrefixes(S) : Len(q) <= Len(p)

-----------------------------------------------------------------------------

(* a modulo b, but in 1..b instead of 0..b-1 (to index sequences).         *)
SeqMod(a, b) == IF a % b = 0 THEN b ELSE a % b

(* Combine all elements of seq with op, starting from base, in an          *)
(* unspecified order (op should be associative and commutative).           *)
FoldSeq(op(_,_), base, seq) == FoldFunction(op, base, seq)

(* op(... op(op(base, s[1]), s[2]) ..., s[n])                               *)
FoldLeft(op(_,_), base, seq) ==
  LET RECURSIVE Upto(_)
      Upto(i) == IF i = 0 THEN base ELSE op(Upto(i - 1), seq[i])
  IN  Upto(Len(seq))

(* op(s[1], op(s[2], ... op(s[n], base) ...))                               *)
FoldRight(op(_,_), seq, base) ==
  LET RECURSIVE From(_)
      From(i) == IF i > Len(seq) THEN base ELSE op(seq[i], From(i + 1))
  IN  From(1)

(* FoldLeft and FoldRight over the positions 1..Len(seq) of seq.           *)
FoldLeftDomain(op(_,_), base, seq) == FoldLeft(op, base, [i \in 1..Len(seq) |-> i])
FoldRightDomain(op(_,_), seq, base) == FoldRight(op, [i \in 1..Len(seq) |-> i], base)

-----------------------------------------------------------------------------

(* The concatenation of the sequences in the sequence seqs:                *)
(*   FlattenSeq(<< <<1, 2>>, <<3>> >>) = <<1, 2, 3>>                       *)
FlattenSeq(seqs) ==
  LET RECURSIVE Upto(_)
      Upto(i) == IF i = 1 THEN seqs[1] ELSE Upto(i - 1) \o seqs[i]
  IN  IF Len(seqs) = 0 THEN << >> ELSE Upto(Len(seqs))

(* The pairs <<s[i], t[i]>>, as long as the shorter of s and t.            *)
Zip(s, t) ==
  [i \in 1..(IF Len(s) < Len(t) THEN Len(s) ELSE Len(t)) |-> <<s[i], t[i]>>]

(* << <<s[1]>>, <<t[1]>>, <<s[2]>>, <<t[2]>>, ... >>; s and t must have    *)
(* the same length.                                                        *)
Interleave(s, t) ==
  IF Len(s) = Len(t)
  THEN [k \in 1..(2 * Len(s)) |->
          IF k % 2 = 1 THEN <<s[(k + 1) \div 2]>> ELSE <<t[k \div 2]>>]
  ELSE Fail("Interleave: the two sequences must have the same length")

(* The contiguous subsequences of s (<< >> included).                       *)
SubSeqs(s) == {SubSeq(s, i + 1, j) : i, j \in 0..Len(s)}

(* All subsequences of s, contiguous or not: s with any of its elements    *)
(* left out, the rest in their original order.                             *)
AllSubSeqs(s) ==
  { LET P == SetToSortSeq(D, LAMBDA a, b : a < b)
    IN  [k \in 1..Len(P) |-> s[P[k]]] : D \in SUBSET (1..Len(s)) }

(* The first position at which s occurs as a contiguous part of t (1 for   *)
(* s = << >>); undefined (the evaluation fails) if s does not occur in t.  *)
IndexFirstSubSeq(s, t) ==
  LET At == {i \in 1..(Len(t) - Len(s) + 1) : SubSeq(t, i, i + Len(s) - 1) = s}
  IN  CHOOSE i \in At : \A j \in At : i <= j

(* t with the occurrence of s at position i replaced by r.                 *)
ReplaceSubSeqAt(i, r, s, t) ==
  SubSeq(t, 1, i - 1) \o r \o SubSeq(t, i + Len(s), Len(t))

(* t with the first occurrence of s replaced by r (t if s does not occur). *)
ReplaceFirstSubSeq(r, s, t) ==
  IF s \in SubSeqs(t) THEN ReplaceSubSeqAt(IndexFirstSubSeq(s, t), r, s, t)
  ELSE t

(***************************************************************************)
(* t with every occurrence of s replaced by r, scanning from the left:     *)
(* overlapping occurrences are resolved in favour of the leftmost one.     *)
(* An empty s occurs before every element of t:                            *)
(*   ReplaceAllSubSeqs(<<0>>, << >>, <<1, 2>>) = <<0, 1, 0, 2>>             *)
(*   ReplaceAllSubSeqs(<<9>>, <<1, 1>>, <<1, 1, 1>>) = <<9, 1>>             *)
(***************************************************************************)
ReplaceAllSubSeqs(r, s, t) ==
  LET n == Len(s)
      RECURSIVE Scan(_)
      Scan(i) ==
        IF i > Len(t) THEN SubSeq(t, i, i - 1)   \* empty, a string if t is one
        ELSE IF i + n - 1 <= Len(t) /\ SubSeq(t, i, i + n - 1) = s
             THEN r \o Scan(i + n)
             ELSE SubSeq(t, i, i) \o Scan(i + 1)
  IN  CASE s = t -> r
        [] r = s -> t
        [] n = 0 -> FlattenSeq([i \in 1..Len(t) |-> r \o SubSeq(t, i, i)])
        [] OTHER -> Scan(1)

=============================================================================
