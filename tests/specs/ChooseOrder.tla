---- MODULE ChooseOrder ----
\* CHOOSE over sets of symbolic records, atoms (strings and model values)
\* and sets: the witness is the first in TLC's value order, and the
\* condition is evaluated in that order (an error at an element after the
\* witness never happens).  Each invariant holds exactly under that order.
\* The elements come from variables (nb, nv, nn) and a SUBSET choice, so
\* the symbolic engine sees them as symbolic values.
EXTENDS Naturals, FiniteSets
CONSTANTS a, b
VARIABLES msgs, names, sets, nb, nv, nn
Init == /\ msgs = {} /\ names = {} /\ sets = {}
        /\ nb = 1 /\ nv = "x" /\ nn = "q"
Pick == /\ nb' \in 1..2 /\ nv' \in {"x", "y"} /\ nn' \in {"q", "p", a, b}
        /\ UNCHANGED <<msgs, names, sets>>
\* A message with bal 2 only once there is one with bal 1.
Send == /\ nb = 2 => \E m \in msgs : m.bal = 1
        /\ msgs' = msgs \cup {[bal |-> nb, val |-> nv]}
        /\ UNCHANGED <<names, sets, nb, nv, nn>>
Name == names' = names \cup {nn} /\ UNCHANGED <<msgs, sets, nb, nv, nn>>
Put == \E s \in SUBSET {1, 2, 3} :
         /\ sets' = sets \cup {s}
         /\ UNCHANGED <<msgs, names, nb, nv, nn>>
Next == Pick \/ Send \/ Name \/ Put
Small == Cardinality(msgs) + Cardinality(names) + Cardinality(sets) <= 3
Least(S) == CHOOSE x \in S : TRUE
Min(D) == CHOOSE m \in D : \A o \in D : m <= o
LexLeq(A, B) == A = B \/ Min((A \ B) \cup (B \ A)) \in A
\* Records compare field by field in key order: bal, then val.
LeastMsg == \A m \in msgs : /\ Least(msgs).bal <= m.bal
                            /\ Least(msgs).bal = m.bal =>
                                 Least(msgs).val = "x" \/ m.val = "y"
\* Strings come before model values, "p" before "q".
LeastName == /\ "p" \in names => Least(names) = "p"
             /\ names \cap {"p", "q"} = {"q"} => Least(names) = "q"
             /\ names \subseteq {a, b} /\ names # {} =>
                  Least(names) = CHOOSE x \in {a, b} : x \in names
\* Sets: smaller first, then by their sorted elements.
LeastSet == \A s \in sets : /\ Cardinality(Least(sets)) <= Cardinality(s)
                            /\ Cardinality(Least(sets)) = Cardinality(s) =>
                                 LexLeq(Least(sets), s)
\* 6 \div 0 at bal 2, but a bal 1 message always comes first and is the
\* witness, so TLC never divides by zero.
Stops == msgs = {} \/ (CHOOSE m \in msgs : 6 \div (2 - m.bal) > 0).bal = 1
\* The same for \E, which stops at the first element making it true.
ExistsStops == msgs = {} \/ \E m \in msgs : m.bal = 1 \/ 6 \div (2 - m.bal) > 0
\* Violated by {[bal |-> 1, val |-> "y"], [bal |-> 2, val |-> "x"]}.
ByVal == \A m \in msgs : Least(msgs).val = "x" \/ m.val = "y"
\* Here the bal 1 message comes first and divides by zero.
Divides == msgs = {} \/ (CHOOSE m \in msgs : 6 \div (m.bal - 1) > 0).bal = 2
\* Violated: {2} is the least of the sets, after one Put.
NotTwo == sets = {} \/ Least(sets) # {2}
====
