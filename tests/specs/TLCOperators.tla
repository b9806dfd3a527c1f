---- MODULE TLCOperators ----
\* Permutations, SelectSeq, SortSeq, TLCSet/TLCGet registers and
\* TLCGet("level") (0 in an ASSUME and in Init, as in TLC; 1 in an initial
\* state, one more per step), TLCGet("config") and the search statistics.
EXTENDS Integers, Sequences, TLC, FiniteSets
VARIABLE x
ASSUME Permutations({1, 2, 3}) = {[i \in 1..3 |-> <<1,2,3>>[i]], <<1,3,2>>, <<2,1,3>>, <<2,3,1>>, <<3,1,2>>, <<3,2,1>>}
ASSUME Cardinality(Permutations({"a", "b", "c", "d"})) = 24
ASSUME SelectSeq(<<1, 2, 3, 4, 5>>, LAMBDA v : v % 2 = 1) = <<1, 3, 5>>
IsEven(v) == v % 2 = 0
ASSUME SelectSeq(<<1, 2, 3, 4>>, IsEven) = <<2, 4>>
ASSUME SortSeq(<<3, 1, 2, 1>>, <) = <<1, 1, 2, 3>>
ASSUME SortSeq(<<3, 1, 2>>, LAMBDA a, b : a > b) = <<3, 2, 1>>
ASSUME SortSeq(<<<<2, "a">>, <<1, "b">>, <<2, "c">>>>, LAMBDA a, b : a[1] < b[1]) = <<<<1, "b">>, <<2, "a">>, <<2, "c">>>>
ASSUME TLCSet(3, 42) /\ TLCGet(3) = 42
ASSUME TLCEval(1 + 1) = 2
ASSUME TLCGet("level") = 0
ASSUME TLCGet("config") = [mode |-> "bfs", depth |-> -1, deadlock |-> FALSE,
                           worker |-> 1]
ASSUME TLCGet("stats") = [queue |-> 0, distinct |-> 0, generated |-> 0,
                          diameter |-> 0, duration |-> TLCGet("duration")]
Init == x = TLCGet("level") + 1
Next == x < 5 /\ x' = TLCGet("level") + 1
Inv == /\ x = TLCGet("level")
       /\ TLCGet("stats").diameter = x
       /\ TLCGet("distinct") = x
       /\ TLCGet("generated") = x
       /\ TLCGet("queue") = 1
====
