--------------------------- MODULE LeaderElection ---------------------------
(***************************************************************************)
(* The leader election of seed 002 ("TLA+ for Backend Devs"), as the seed  *)
(* writes it, with these repairs and additions:                            *)
(*  - the seed calls Cardinality but EXTENDS only Naturals, Sequences and  *)
(*    TLC; FiniteSets is added so that the module parses;                  *)
(*  - the PlusCal translator (1.12) rejects the seed's \forall and \and    *)
(*    inside the algorithm; they are written \A and /\ here;              *)
(*  - TypeOK (not in the seed) states the variables' types;                *)
(*  - the seed names LivenessEventuallyElection (its model's PROPERTY)     *)
(*    without defining it; it is defined here as its requirement reads:    *)
(*    eventually some server is leader;                                    *)
(*  - the servers are fair processes: the seed's requirement "the          *)
(*    remaining nodes must eventually elect a leader" means nothing        *)
(*    without fairness (an unfair server may simply stop).                 *)
(* A server times out (becomes candidate for the next term, voting for     *)
(* itself) or votes for a peer candidate whose term is not behind its own; *)
(* a candidate with a majority becomes leader.  Nothing makes a leader     *)
(* step down and a vote is not remembered per term, so two servers become *)
(* leader (AtMostOneLeader violated after 4 steps), and the servers may    *)
(* also time out until MaxTerm with no leader ever elected                 *)
(* (LivenessEventuallyElection violated).  TLC's figures: the .cfg files.  *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS Servers, MaxTerm

(* --algorithm election
variables
    currentTerm = [s \in Servers |-> 0],
    state = [s \in Servers |-> "Follower"],
    votesGranted = [s \in Servers |-> {}];

define
    (* Safety Invariant: At most one leader can exist per term *)
    AtMostOneLeader ==
        \A t \in 0..MaxTerm :
            \A s1, s2 \in Servers :
                (state[s1] = "Leader" /\ state[s2] = "Leader" /\ currentTerm[s1] = t)
                => (s1 = s2)

    (* Not in the seed's algorithm: its types, for the type-aware engines *)
    TypeOK ==
        /\ currentTerm \in [Servers -> 0..MaxTerm]
        /\ state \in [Servers -> {"Follower", "Candidate", "Leader"}]
        /\ votesGranted \in [Servers -> SUBSET Servers]

    (* The seed's PROPERTY: eventually a leader is elected *)
    LivenessEventuallyElection == <>(\E s \in Servers : state[s] = "Leader")
end define;

macro RequestVotes(self) begin
    state[self] := "Candidate";
    currentTerm[self] := currentTerm[self] + 1;
    votesGranted[self] := {self};
end macro;

fair process server \in Servers
begin
    FollowLoop:
        while currentTerm[self] < MaxTerm do
            either
                (* Action 1: Timeout and request votes *)
                when state[self] = "Follower" \/ state[self] = "Candidate";
                RequestVotes(self);
            or
                (* Action 2: Receive vote from peer *)
                with peer \in Servers \ {self} do
                    when state[peer] = "Candidate" /\ (currentTerm[peer] >= currentTerm[self]);
                    votesGranted[peer] := votesGranted[peer] \union {self};
                    if Cardinality(votesGranted[peer]) > (Cardinality(Servers) \div 2) then
                        state[peer] := "Leader";
                    end if;
                end with;
            end either;
        end while;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES pc, currentTerm, state, votesGranted

(* define statement *)
AtMostOneLeader ==
    \A t \in 0..MaxTerm :
        \A s1, s2 \in Servers :
            (state[s1] = "Leader" /\ state[s2] = "Leader" /\ currentTerm[s1] = t)
            => (s1 = s2)


TypeOK ==
    /\ currentTerm \in [Servers -> 0..MaxTerm]
    /\ state \in [Servers -> {"Follower", "Candidate", "Leader"}]
    /\ votesGranted \in [Servers -> SUBSET Servers]


LivenessEventuallyElection == <>(\E s \in Servers : state[s] = "Leader")


vars == << pc, currentTerm, state, votesGranted >>

ProcSet == (Servers)

Init == (* Global variables *)
        /\ currentTerm = [s \in Servers |-> 0]
        /\ state = [s \in Servers |-> "Follower"]
        /\ votesGranted = [s \in Servers |-> {}]
        /\ pc = [self \in ProcSet |-> "FollowLoop"]

FollowLoop(self) == /\ pc[self] = "FollowLoop"
                    /\ IF currentTerm[self] < MaxTerm
                          THEN /\ \/ /\ state[self] = "Follower" \/ state[self] = "Candidate"
                                     /\ state' = [state EXCEPT ![self] = "Candidate"]
                                     /\ currentTerm' = [currentTerm EXCEPT ![self] = currentTerm[self] + 1]
                                     /\ votesGranted' = [votesGranted EXCEPT ![self] = {self}]
                                  \/ /\ \E peer \in Servers \ {self}:
                                          /\ state[peer] = "Candidate" /\ (currentTerm[peer] >= currentTerm[self])
                                          /\ votesGranted' = [votesGranted EXCEPT ![peer] = votesGranted[peer] \union {self}]
                                          /\ IF Cardinality(votesGranted'[peer]) > (Cardinality(Servers) \div 2)
                                                THEN /\ state' = [state EXCEPT ![peer] = "Leader"]
                                                ELSE /\ TRUE
                                                     /\ state' = state
                                     /\ UNCHANGED currentTerm
                               /\ pc' = [pc EXCEPT ![self] = "FollowLoop"]
                          ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                               /\ UNCHANGED << currentTerm, state, 
                                               votesGranted >>

server(self) == FollowLoop(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Servers: server(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in Servers : WF_vars(server(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION
=============================================================================
