---- MODULE M ----
Op == {x \in Nat, y \in Int : x}
====
