---- MODULE PcalHandEdited ----
(* An invariant written by hand between the translation markers (as in
   TLC's test model DieHard): the file is what TLC checks, so brink checks
   the file as it is and finds Inv violated. *)
EXTENDS Naturals
(* --algorithm Count
variables x = 0;
begin
  Loop: while x < 5 do
          x := x + 1;
        end while;
end algorithm *)
\* BEGIN TRANSLATION
VARIABLES pc, x

vars == << pc, x >>

Init == (* Global variables *)
        /\ x = 0
        /\ pc = "Loop"

Loop == /\ pc = "Loop"
        /\ IF x < 5
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

Inv == x # 3

\* END TRANSLATION
====
