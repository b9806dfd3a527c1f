---- MODULE Procs ----
EXTENDS Naturals, Sequences, TLC
CONSTANT N
(* --algorithm Procs {
  variables total = 0;
  procedure Add(n = 1)
    variables tmp = 0; {
    A1: tmp := total + n;
    A2: total := tmp;
        return;
  }
  procedure Twice(m) {
    T1: call Add(m);
    T2: call Add(m);
    T3: return;
  }
  fair process (w \in 1..N) {
    W1: call Twice(self);
    W2: assert total > 0;
  }
  process (z = 0) variables k = 2; {
    Z1: call Add(k);
  }
} *)
====
