---------------------------- MODULE VectorClocks -------------------------------
(***************************************************************************)
(* brink's own definition of the community module VectorClocks: checking  *)
(* and establishing a causal order on a log whose entries carry vector     *)
(* clocks.  A vector clock is a function from nodes to naturals; a node    *)
(* missing from a clock's domain counts as 0.  Like the community module,  *)
(* it extends Naturals, Sequences and Functions.                           *)
(***************************************************************************)
EXTENDS Naturals, Sequences, Functions

(* The clocks c and d over the union of their domains (missing = 0).       *)
LOCAL Widen(c, D) == [n \in D |-> IF n \in DOMAIN c THEN c[n] ELSE 0]

(* v happened before w: no entry larger, some entry smaller.               *)
LOCAL Before(v, w) ==
  LET D == DOMAIN v \cup DOMAIN w
      a == Widen(v, D)
      b == Widen(w, D)
  IN  (\A n \in D : a[n] <= b[n]) /\ (\E n \in D : a[n] < b[n])

(* v and w are concurrent: each is ahead of the other somewhere.           *)
LOCAL Concurrent(v, w) ==
  LET D == DOMAIN v \cup DOMAIN w
      a == Widen(v, D)
      b == Widen(w, D)
  IN  \E n, m \in D : a[n] < b[n] /\ a[m] > b[m]

(***************************************************************************)
(* TRUE iff no entry of log comes after an entry that it happened before:  *)
(* for all positions j < i, the clock of log[j] happened before, or is     *)
(* concurrent with, the clock of log[i].  clock(e) is the vector clock of  *)
(* the entry e.                                                            *)
(***************************************************************************)
IsCausalOrder(log, clock(_)) ==
  \A i \in 1..Len(log) : \A j \in 1..(i - 1) :
    Before(clock(log[j]), clock(log[i])) \/ Concurrent(clock(log[j]), clock(log[i]))

(***************************************************************************)
(* The entries of log rearranged into a causal order (a topological sort   *)
(* by the happened-before relation of their clocks).  clock(e) is the      *)
(* vector clock of entry e; node(e) (the entry's node) and domain(c) (the  *)
(* nodes of clock c) are part of the community interface but the order is  *)
(* determined by the clocks alone.  Entries with equal clocks cannot be    *)
(* ordered causally.                                                       *)
(***************************************************************************)
CausalOrder(log, clock(_), node(_), domain(_)) ==
  LET RECURSIVE Sort(_)
      \* the positions in P, sorted
      Sort(P) ==
        IF P = {} THEN << >>
        ELSE LET i == CHOOSE k \in P :
                        \A j \in P \ {k} : ~ Before(clock(log[j]), clock(log[k]))
             IN  <<log[i]>> \o Sort(P \ {i})
  IN  Sort(DOMAIN log)

===============================================================================
