---- MODULE NestedSets ----
\* A set of groups, each a set of positions on a 3x3 grid (9 positions:
\* SUBSET Pos has 512 elements, too many for a vector over it), so the
\* symbolic engine keeps each group as a vector over Pos (encode/charvec.c).
\* A move shifts one group right; ChooseOne is the unique-witness idiom
\* (encode/quant.c).
EXTENDS Integers, FiniteSets
VARIABLE groups
Pos == (0..2) \X (0..2)
Group == SUBSET Pos
TypeOK == groups \in SUBSET Group
ChooseOne(S, P(_)) == CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => y = x
Shift(g) == {<<p[1] + 1, p[2]>> : p \in g}
Init == groups = {{<<0, 0>>, <<0, 1>>}, {<<1, 2>>}}
Next == \E p \in UNION groups :
          LET g == ChooseOne(groups, LAMBDA h : p \in h)
          IN  /\ Shift(g) \subseteq Pos
              /\ Shift(g) \cap UNION (groups \ {g}) = {}
              /\ groups' = (groups \ {g}) \cup {Shift(g)}
\* Without the collision check two groups can overlap, and then ChooseOne
\* has no witness (an evaluation error, also through the idiom).
InitClash == groups = {{<<0, 0>>, <<0, 1>>}, {<<1, 1>>}}
NextClash == \E p \in UNION groups :
               LET g == ChooseOne(groups, LAMBDA h : p \in h)
               IN  /\ Shift(g) \subseteq Pos
                   /\ groups' = (groups \ {g}) \cup {Shift(g)}
NotFar == <<2, 1>> \notin UNION groups
\* Not the idiom: the antecedent is another operator, and several groups
\* can be witnesses; CHOOSE takes the least in TLC's order (sets by size
\* first), which PickIsLeast checks.
Right(g) == \E p \in g : p[1] > 0
Far(g) == \E p \in g : p[1] > 5
Pick == CHOOSE x \in groups : Right(x) /\ \A y \in groups : Far(y) => y = x
PickIsLeast == \A g \in groups : Right(g) => Cardinality(Pick) <= Cardinality(g)
\* A universe that misses <<2, 2>>, which B reaches in one step: the
\* vectors would lose it, so the symbolic engine checks again with lists.
Small == ((0..3) \X (0..2)) \ {<<2, 2>>}
Inside == groups \in SUBSET SUBSET Small
====
