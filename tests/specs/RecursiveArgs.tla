---- MODULE RecursiveArgs ----
(* Recursive operators over state-dependent arguments.  Down reads its
   second argument only when the countdown passes 5, so an argument whose
   evaluation fails is an error only then (TLC passes arguments by name).
   Walk follows a successor function twice per level (Sum and Hops call
   each other), which must not unfold exponentially. *)
EXTENDS Naturals
VARIABLES x, succ

RECURSIVE Down(_, _)
Down(n, d) == IF n = 0 THEN 0 ELSE IF n = 5 THEN d ELSE Down(n - 1, d)

RECURSIVE Sum(_, _), Hops(_, _)
Sum(f, i) == IF i = 0 THEN 0 ELSE i + Sum(f, f[i]) + Hops(f, f[i])
Hops(f, i) == IF i = 0 THEN 0 ELSE 1 + Sum(f, f[i]) - Sum(f, f[i])
                                      + Hops(f, f[i])

Init == /\ x \in 0..4
        /\ succ = [i \in 1..4 |-> i - 1]
Next == /\ x' = (x + 1) % 7
        /\ \E i \in 2..4 : \E j \in 0..(i - 1) : succ' = [succ EXCEPT ![i] = j]

LazyOk == Down(x, 10 \div (x - 3)) < 100
LazyBad == Down(x, 10 \div (x - 5)) < 100
HopsBound == \A i \in 1..4 : Hops(succ, i) <= i
SumNotSeven == Sum(succ, 4) # 7
====
