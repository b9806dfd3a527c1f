---- MODULE KindCompare ----
\* Comparisons across kinds, by TLC's rule as the evaluator applies it: a
\* model value may be compared with anything and equals only itself; = on,
\* say, a string and an integer is an evaluation error, and so is
\* membership of a string in Nat (TLC cannot decide it).  Messages are
\* records of two shapes, as in Paxos.
EXTENDS Naturals, FiniteSets
CONSTANTS None, Acc
VARIABLES msgs, last
Init == msgs = {} /\ last = None
Send1b(a) == /\ msgs' = msgs \cup {[type |-> "1b", acc |-> a, mbal |-> 1,
                                    mval |-> None]}
             /\ last' = 1
Send2a(b) == /\ msgs' = msgs \cup {[type |-> "2a", bal |-> b, val |-> "v"]}
             /\ last' = "v"
Next == (\E a \in Acc : Send1b(a)) \/ (\E b \in 1..2 : Send2a(b))
\* Holds: every comparison is decided without an error.
Fine == /\ \A m \in msgs : /\ m.type = "1b" =>
                                /\ m.mval = None
                                /\ <<m.mbal, m.mval>> \notin {<<1, "v">>}
                           /\ m.type = "2a" => <<m.bal, m.val>> \in
                                                 {<<1, "v">>, <<2, "v">>}
\* "v" \in Nat once a 2a message is sent: TLC cannot decide it, an
\* evaluation error (membership in Nat, Int and STRING checks the kind).
InNat == last = None \/ last \in Nat \/ last \in {"v"}
\* "v" = 1 once a 2a message is sent: an evaluation error.
StrEqInt == last = None \/ last = 1 \/ last = "v"
\* Violated by two 2a messages.
FewTwoA == Cardinality({m \in msgs : m.type = "2a"}) < 2
\* x' = e where x' already holds a string: comparing it with 1 fails.
BadTest == Send2a(1) /\ last' = 1
====
