---- MODULE MixtureOps ----
\* Variables that hold a model value in some states and a set or a
\* function in others (PlusCal's defaultInitValue): set operators and
\* EXCEPT on such a mixture act on the set or function it holds.
EXTENDS Naturals
CONSTANTS None, Proc
VARIABLES temp, f
Init == temp = [p \in Proc |-> None] /\ f = None
Fill(p) == /\ temp[p] = None
           /\ temp' = [temp EXCEPT ![p] = Proc \ {p}]
           /\ f' = IF f = None THEN [q \in Proc |-> 0] ELSE f
Take(p) == /\ temp[p] # None /\ temp[p] # {}
           /\ \E j \in temp[p] : /\ temp' = [temp EXCEPT ![p] = temp[p] \ {j}]
                                 /\ f' = IF f = None THEN f
                                         ELSE [f EXCEPT ![j] = @ + 1]
Reset == f # None /\ f' = None /\ UNCHANGED temp
Next == Reset \/ \E p \in Proc : Fill(p) \/ Take(p)
TypeOK == /\ \A p \in Proc : temp[p] = None \/ temp[p] \subseteq Proc \ {p}
          /\ f = None \/ \A q \in Proc : f[q] \in 0..2
\* Violated once some temp[p] is emptied: Fill(p) and two Takes.
NoneEmpty == \A p \in Proc : temp[p] # {}
====
