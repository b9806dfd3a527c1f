---- MODULE annotation_mismatch ----
EXTENDS Integers
CONSTANT
  \* @type: Int;
  Ballot
Ballots == Ballot \cup {-1}
====
