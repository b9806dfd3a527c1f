------------------------------ MODULE StringOpsTest ------------------------------
(* The operators of the shipped modules that build or take apart strings.  *)
(* In TLA+ a string is a sequence of characters, so Len, \o and SubSeq     *)
(* apply to strings (TLC evaluates them); brink does not support that yet, *)
(* so this test fails until it does.  Expected values by hand.             *)
EXTENDS Integers, Sequences, TLC
VARIABLE x

S  == INSTANCE SVG
IO == INSTANCE IOUtils
DR == INSTANCE DyadicRationals
SE == INSTANCE SequencesExt

ASSUME IO!atoi("42") = 42 /\ IO!atoi("-17") = -17 /\ IO!atoi("0") = 0
ASSUME IO!atoi("+5") = 5 /\ IO!atoi("007") = 7
ASSUME IO!zeroPadN(42, 5) = "00042" /\ IO!zeroPadN(123, 3) = "123"
ASSUME IO!zeroPadN(7, 1) = "7" /\ IO!zeroPadN(0, 4) = "0000" /\ IO!zeroPadN(999, 2) = "999"

ASSUME DR!PrettyPrint(DR!Half(DR!One)) = "1/2"
ASSUME DR!PrettyPrint(DR!Add(DR!One, DR!Half(DR!Half(DR!One)))) = "5/4"

ASSUME S!SVGDoc(<< >>, 0, 0, 100, 50, << >>).attrs.viewBox = "0 0 100 50"
ASSUME S!SVGDoc(<< >>, 0, 0, 100, 50, << >>).children = << << >> >>
ASSUME S!SVGElemToString(S!SVGElem("g", << >>, << >>, "")) = "<g></g>"
ASSUME S!SVGElemToString(S!SVGElem("rect", [stroke_width |-> "2"], << >>, ""))
         = "<rect stroke-width='2'></rect>"
ASSUME S!SVGElemToString(S!Group(<<S!SVGElem("text", [x |-> "1"], << >>, "<<a>>")>>, << >>))
         = "<g><text x='1'>&lt;&lt;a&gt;&gt;</text></g>"
ASSUME S!SVGElemToString(S!SVGElem("line", [a |-> "1", b |-> "2"], << >>, ""))
         \in {"<line a='1' b='2'></line>", "<line b='2' a='1'></line>"}
ASSUME S!SVGElemToString(S!Group(0 :> S!Group(<< >>, << >>) @@ 1 :> S!Svg(<< >>, << >>), << >>))
         = "<g><g></g><svg></svg></g>"

ASSUME SE!FlattenSeq(<<"ab", "c">>) = "abc"
ASSUME SE!IsPrefix("ab", "abc") /\ ~ SE!IsPrefix("b", "abc") /\ SE!IsSuffix("bc", "abc")
ASSUME SE!ReplaceAllSubSeqs("x", "b", "abcb") = "axcx"

Init == x = 0
Next == x' = x
=============================================================================
