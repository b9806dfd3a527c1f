--------------------------- MODULE SequencesExtTest ---------------------------
(* Checks brink's SequencesExt module on small inputs (expected values by  *)
(* hand).                                                                  *)
EXTENDS SequencesExt, Integers
VARIABLE x

Cat(a, b) == <<a, b>>

ASSUME ToSet(<< >>) = {} /\ ToSet(<<1, 1, 2>>) = {1, 2}
ASSUME ToBag(<<"a", "b", "a">>) = ("a" :> 2 @@ "b" :> 1)
ASSUME ToBag(<< >>) = EmptyBag
ASSUME SetToSeq({}) = << >>
ASSUME LET s == SetToSeq({3, 1, 2}) IN Len(s) = 3 /\ ToSet(s) = {1, 2, 3}
ASSUME SetToSeqs({}) = {<< >>}
ASSUME SetToSeqs({"t", "l"}) = {<<"t", "l">>, <<"l", "t">>}
ASSUME Cardinality(SetToSeqs(1..4)) = 24
ASSUME SetToSortSeq({3, 1, 2}, LAMBDA a, b : a < b) = <<1, 2, 3>>
ASSUME SetToSortSeq({3, 1, 2}, LAMBDA a, b : a > b) = <<3, 2, 1>>
ASSUME SetToSortSeq({}, LAMBDA a, b : a < b) = << >>
ASSUME SetToAllKPermutations({}) = {<< >>}
ASSUME SetToAllKPermutations({"a", "b"}) =
         {<< >>, <<"a">>, <<"b">>, <<"a", "b">>, <<"b", "a">>}
ASSUME TupleOf({0, 1}, 2) = {<<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}
ASSUME TupleOf({0, 1}, 0) = {<< >>}
ASSUME SeqOf({0, 1}, 2) = {<< >>, <<0>>, <<1>>, <<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}
ASSUME BoundedSeq({7}, 1) = {<< >>, <<7>>}

ASSUME Contains(<<1, 2, 3>>, 2) /\ ~ Contains(<<1, 2, 3>>, 4) /\ ~ Contains(<< >>, 1)
ASSUME IsSorted(<< >>, <) /\ IsSorted(<<5>>, <) /\ IsSorted(<<1, 2, 3>>, <)
ASSUME ~ IsSorted(<<1, 2, 2>>, <) /\ IsSorted(<<1, 2, 2>>, <=)
ASSUME ~ IsSorted(<<3, 2, 1>>, <) /\ IsSorted(<<3, 2, 1>>, >)
ASSUME Reverse(<< >>) = << >> /\ Reverse(<<1, 2, 3>>) = <<3, 2, 1>>
ASSUME Remove(<<"a", "a", "b">>, "a") = <<"b">>
ASSUME Remove(<<1, 2>>, 3) = <<1, 2>>
ASSUME ReplaceAll(<<1, 1, 2, 1, 1, 3>>, 1, 4) = <<4, 4, 2, 4, 4, 3>>

ASSUME SelectInSeq(<<3, 4, 5, 6>>, LAMBDA e : e % 2 = 0) = 2
ASSUME SelectInSeq(<<3, 5>>, LAMBDA e : e % 2 = 0) = 0
ASSUME SelectInSeq(<< >>, LAMBDA e : TRUE) = 0
ASSUME SelectLastInSeq(<<3, 4, 5, 6, 7>>, LAMBDA e : e % 2 = 0) = 4
ASSUME SelectLastInSeq(<<3, 5>>, LAMBDA e : e % 2 = 0) = 0
\* positions within the subsequence
ASSUME SelectInSubSeq(<<2, 3, 4, 5, 6>>, 2, 4, LAMBDA e : e % 2 = 0) = 2
ASSUME SelectLastInSubSeq(<<2, 3, 4, 5, 6>>, 1, 4, LAMBDA e : e % 2 = 0) = 3
ASSUME SelectInSubSeq(<<2, 3>>, 2, 2, LAMBDA e : e % 2 = 0) = 0

ASSUME InsertAt(<<1, 2, 3>>, 1, 0) = <<0, 1, 2, 3>>
ASSUME InsertAt(<<1, 2, 3>>, 2, 9) = <<1, 9, 2, 3>>
ASSUME InsertAt(<<1, 2, 3>>, 4, 9) = <<1, 2, 3, 9>>
ASSUME InsertAt(<< >>, 1, 9) = <<9>>
ASSUME ReplaceAt(<<1, 1, 1>>, 1, 2) = <<2, 1, 1>>
ASSUME RemoveAt(<<1, 2, 3>>, 2) = <<1, 3>>
ASSUME RemoveAt(<<1>>, 1) = << >>
ASSUME RemoveFirst(<<1, 2, 1, 2>>, 2) = <<1, 1, 2>>
ASSUME RemoveFirst(<<1, 2>>, 3) = <<1, 2>>
ASSUME RemoveFirstMatch(<<1, 2, 3, 4>>, LAMBDA e : e > 2) = <<1, 2, 4>>
ASSUME RemoveFirstMatch(<<1, 2>>, LAMBDA e : e > 2) = <<1, 2>>

ASSUME Cons(1, <<2, 3>>) = <<1, 2, 3>> /\ Cons(1, << >>) = <<1>>
ASSUME Snoc(3, <<1, 2>>) = <<1, 2, 3>>
ASSUME Front(<<1, 2, 3>>) = <<1, 2>> /\ Front(<<1>>) = << >> /\ Front(<< >>) = << >>
ASSUME Last(<<1, 2, 3>>) = 3

ASSUME IsPrefix(<<1, 2>>, <<1, 2, 3>>) /\ ~ IsPrefix(<<1, 3>>, <<1, 2, 3>>)
ASSUME IsPrefix(<< >>, <<1>>) /\ IsPrefix(<<1>>, <<1>>) /\ ~ IsPrefix(<<1, 2>>, <<1>>)
ASSUME IsStrictPrefix(<<1, 2>>, <<1, 2, 3>>) /\ ~ IsStrictPrefix(<<1, 2>>, <<1, 2>>)
ASSUME IsSuffix(<<2, 3>>, <<1, 2, 3>>) /\ ~ IsSuffix(<<1, 3>>, <<1, 2, 3>>)
ASSUME IsSuffix(<< >>, << >>) /\ ~ IsSuffix(<<0, 1, 2, 3>>, <<1, 2, 3>>)
ASSUME IsStrictSuffix(<<2, 3>>, <<1, 2, 3>>) /\ ~ IsStrictSuffix(<<1, 2, 3>>, <<1, 2, 3>>)
ASSUME Prefixes(<<1, 2>>) = {<< >>, <<1>>, <<1, 2>>}
ASSUME Prefixes(<< >>) = {<< >>}
ASSUME Suffixes(<<1, 2>>) = {<< >>, <<2>>, <<1, 2>>}
ASSUME CommonPrefixes({<<1, 2, 3>>, <<1, 2, 4>>, <<1, 5>>}) = {<< >>, <<1>>}
ASSUME LongestCommonPrefix({<<1, 2, 3>>, <<1, 2, 4>>}) = <<1, 2>>
ASSUME LongestCommonPrefix({<<1, 2>>}) = <<1, 2>>
ASSUME LongestCommonPrefix({<<1>>, <<2>>}) = << >>

ASSUME SeqMod(7, 3) = 1 /\ SeqMod(6, 3) = 3 /\ SeqMod(0, 3) = 3
ASSUME FoldSeq(LAMBDA a, b : a + b, 0, <<1, 2, 3>>) = 6
ASSUME FoldSeq(LAMBDA a, b : {a} \cup b, {}, <<1, 2, 1>>) = {1, 2}
ASSUME FoldLeft(Cat, 0, <<3, 1, 2>>) = << << <<0, 3>>, 1>>, 2>>
ASSUME FoldLeft(LAMBDA a, b : a + b, 0, <<1, 2, 3, 4>>) = 10
ASSUME FoldLeft(LAMBDA a, b : a - b, 10, <<1, 2>>) = 7
ASSUME FoldLeft(Cat, 0, << >>) = 0
ASSUME FoldRight(Cat, <<3, 1, 2>>, 0) = <<3, <<1, <<2, 0>> >> >>
ASSUME FoldRight(LAMBDA a, b : a - b, <<1, 2, 3>>, 0) = 2
ASSUME FoldRight(Cat, << >>, 0) = 0
ASSUME FoldLeftDomain(Cat, 0, <<"a", "b">>) = << <<0, 1>>, 2>>
ASSUME FoldRightDomain(Cat, <<"a", "b">>, 0) = <<1, <<2, 0>> >>

ASSUME FlattenSeq(<< <<1, 2>>, <<1>> >>) = <<1, 2, 1>>
ASSUME FlattenSeq(<< <<"a">>, <<"b">> >>) = <<"a", "b">>
ASSUME FlattenSeq(<< >>) = << >>
ASSUME FlattenSeq(<< << >>, <<3>>, << >> >>) = <<3>>
ASSUME Zip(<< >>, << >>) = << >>
ASSUME Zip(<<1, 3>>, <<2, 4>>) = << <<1, 2>>, <<3, 4>> >>
ASSUME Zip(<<"a", "b", "c">>, <<1>>) = << <<"a", 1>> >>
ASSUME Zip(<< >>, <<1, 2, 3>>) = << >>
ASSUME Interleave(<< >>, << >>) = << >>
ASSUME Interleave(<<1, 3>>, <<2, 4>>) = << <<1>>, <<2>>, <<3>>, <<4>> >>
ASSUME FlattenSeq(Interleave(<<1, 3>>, <<2, 4>>)) = <<1, 2, 3, 4>>
ASSUME SubSeqs(<<1, 2, 3>>) =
         {<< >>, <<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 3>>, <<1, 2, 3>>}
ASSUME SubSeqs(<< >>) = {<< >>}
ASSUME AllSubSeqs(<<1, 2, 3>>) =
         {<< >>, <<1>>, <<2>>, <<3>>, <<1, 2>>, <<1, 3>>, <<2, 3>>, <<1, 2, 3>>}
ASSUME Cardinality(AllSubSeqs(<<1, 2, 3, 4>>)) = 16
ASSUME AllSubSeqs(<<5, 5>>) = {<< >>, <<5>>, <<5, 5>>}
ASSUME IndexFirstSubSeq(<<1>>, <<1, 1, 1>>) = 1
ASSUME IndexFirstSubSeq(<<2, 3>>, <<1, 2, 3, 2, 3>>) = 2
ASSUME IndexFirstSubSeq(<< >>, <<4, 5>>) = 1
ASSUME ReplaceSubSeqAt(2, <<9, 9, 9>>, <<2, 3>>, <<1, 2, 3, 4>>) = <<1, 9, 9, 9, 4>>
ASSUME ReplaceFirstSubSeq(<<0>>, <<2, 3>>, <<1, 2, 3, 2, 3>>) = <<1, 0, 2, 3>>
ASSUME ReplaceFirstSubSeq(<<0>>, <<7>>, <<1, 2>>) = <<1, 2>>
ASSUME ReplaceFirstSubSeq(<<0>>, << >>, <<1, 2>>) = <<0, 1, 2>>
ASSUME ReplaceAllSubSeqs(<< >>, << >>, << >>) = << >>
ASSUME ReplaceAllSubSeqs(<<4>>, << >>, << >>) = <<4>>
ASSUME ReplaceAllSubSeqs(<<2>>, <<3>>, <<1, 3>>) = <<1, 2>>
ASSUME ReplaceAllSubSeqs(<<2, 2>>, <<1, 1>>, <<1, 1, 1>>) = <<2, 2, 1>>
ASSUME ReplaceAllSubSeqs(<<0>>, << >>, <<1, 2>>) = <<0, 1, 0, 2>>
ASSUME ReplaceAllSubSeqs(<<0>>, <<2, 3>>, <<2, 3, 1, 2, 3>>) = <<0, 1, 0>>
ASSUME ReplaceAllSubSeqs(<<0>>, <<5>>, <<1, 2>>) = <<1, 2>>
ASSUME ReplaceAllSubSeqs(<< >>, <<1>>, <<1, 2, 1>>) = <<2>>

\* SequencesExt extends FiniteSetsExt, Functions and Bags
ASSUME Max({1, 2}) = 2 /\ Range(<<4>>) = {4} /\ BagToSet(SetToBag({1})) = {1}

Init == x = 0
Next == x' = x
=============================================================================
