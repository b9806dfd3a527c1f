---- MODULE PcalMarkerStars ----
(* The translator finds its markers as a line holding BEGIN, spaces and
   TRANSLATION (here after "\**"); brink must read the translation below
   as the file's own and not translate the algorithm a second time. *)
EXTENDS Naturals
(* --algorithm Count
variables x = 0;
begin
  Loop: while x < 3 do
          x := x + 1;
        end while;
end algorithm *)
\** BEGIN TRANSLATION
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "Loop"

Loop == /\ pc = "Loop"
        /\ IF x < 3
              THEN /\ x' = x + 1
                   /\ pc' = "Loop"
              ELSE /\ pc' = "Done"
                   /\ x' = x

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Loop
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\** END TRANSLATION
Small == x < 3
====
