---- MODULE LooseSyntax ----
EXTENDS Naturals, Sequences, TLC
(* --algorithm LooseSyntax {
variables count = 0, sem = [i \in 1..2 |-> 1]
procedure Take(k) {
  T1: { await sem[k] = 1;
        sem[k] := 0 };
      count := count + 1;
      return
}
process (P \in 1..2) {
  P1: call Take(self)
}
} *)
====
