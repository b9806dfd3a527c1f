--------------------------- MODULE TwoPhaseCommit ---------------------------
(***************************************************************************)
(* The two-phase commit of seed 004 ("Formal Verification": PlusCal deep   *)
(* dive), whose published text kept the prose and lost the algorithm.     *)
(* Written from the prose: resource managers (RMs) prepare or abort on     *)
(* their own; a transaction manager (TM) waits in TM_Wait until every RM   *)
(* is prepared (then it commits) or one has aborted (then it aborts); the  *)
(* RMs follow its decision.  The TM may crash (TMMayFail), in TM_Wait, as  *)
(* the seed says.  Every process is weakly fair.                           *)
(*                                                                         *)
(* What the seed reports, and TLC confirms (figures in the .cfg files):    *)
(* the Consistent invariant holds; the liveness property TMDecides does    *)
(* not when the TM may crash -- it crashes in TM_Wait and the prepared RMs *)
(* wait forever (the blocking problem of 2PC).  Where the TM cannot fail   *)
(* TMDecides holds.  A crashed TM with prepared RMs is also a deadlock;    *)
(* the cfgs that are not about it say CHECK_DEADLOCK FALSE.                *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, TLC

CONSTANTS RM,         \* the resource managers
          TMMayFail   \* whether the TM may crash

(* --algorithm TwoPhaseCommit
variables
  rmState = [rm \in RM |-> "working"],
  tmState = "init";

define
  canCommit == \A rm \in RM : rmState[rm] \in {"prepared", "committed"}
  canAbort == \E rm \in RM : rmState[rm] = "aborted"

  TypeOK ==
    /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
    /\ tmState \in {"init", "committed", "aborting", "crashed"}

  \* No RM commits while another aborts.
  Consistent ==
    \A rm1, rm2 \in RM : ~(rmState[rm1] = "aborted" /\ rmState[rm2] = "committed")

  \* The seed's liveness check: the TM eventually decides.
  TMDecides == <>(tmState = "committed" \/ tmState = "aborting")
end define;

fair process RManager \in RM
begin
  RM_Loop:
    while rmState[self] \in {"working", "prepared"} do
      either
        await rmState[self] = "working";
        rmState[self] := "prepared";
      or
        \* an RM may abort on its own before it has prepared
        await rmState[self] = "working";
        rmState[self] := "aborted";
      or
        await tmState = "committed";
        rmState[self] := "committed";
      or
        await tmState = "aborting";
        rmState[self] := "aborted";
      end either;
    end while;
end process;

fair process TManager = "TM"
begin
  TM_Wait:
    either
      await canCommit;
      tmState := "committed";
    or
      await canAbort;
      tmState := "aborting";
    or
      await TMMayFail;
      tmState := "crashed";
    end either;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES pc, rmState, tmState

(* define statement *)
canCommit == \A rm \in RM : rmState[rm] \in {"prepared", "committed"}
canAbort == \E rm \in RM : rmState[rm] = "aborted"

TypeOK ==
  /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
  /\ tmState \in {"init", "committed", "aborting", "crashed"}


Consistent ==
  \A rm1, rm2 \in RM : ~(rmState[rm1] = "aborted" /\ rmState[rm2] = "committed")


TMDecides == <>(tmState = "committed" \/ tmState = "aborting")


vars == << pc, rmState, tmState >>

ProcSet == (RM) \cup {"TM"}

Init == (* Global variables *)
        /\ rmState = [rm \in RM |-> "working"]
        /\ tmState = "init"
        /\ pc = [self \in ProcSet |-> CASE self \in RM -> "RM_Loop"
                                        [] self = "TM" -> "TM_Wait"]

RM_Loop(self) == /\ pc[self] = "RM_Loop"
                 /\ IF rmState[self] \in {"working", "prepared"}
                       THEN /\ \/ /\ rmState[self] = "working"
                                  /\ rmState' = [rmState EXCEPT ![self] = "prepared"]
                               \/ /\ rmState[self] = "working"
                                  /\ rmState' = [rmState EXCEPT ![self] = "aborted"]
                               \/ /\ tmState = "committed"
                                  /\ rmState' = [rmState EXCEPT ![self] = "committed"]
                               \/ /\ tmState = "aborting"
                                  /\ rmState' = [rmState EXCEPT ![self] = "aborted"]
                            /\ pc' = [pc EXCEPT ![self] = "RM_Loop"]
                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                            /\ UNCHANGED rmState
                 /\ UNCHANGED tmState

RManager(self) == RM_Loop(self)

TM_Wait == /\ pc["TM"] = "TM_Wait"
           /\ \/ /\ canCommit
                 /\ tmState' = "committed"
              \/ /\ canAbort
                 /\ tmState' = "aborting"
              \/ /\ TMMayFail
                 /\ tmState' = "crashed"
           /\ pc' = [pc EXCEPT !["TM"] = "Done"]
           /\ UNCHANGED rmState

TManager == TM_Wait

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == TManager
           \/ (\E self \in RM: RManager(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in RM : WF_vars(RManager(self))
        /\ WF_vars(TManager)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION
=============================================================================
