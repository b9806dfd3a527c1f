---- MODULE TokenModelValues ----
\* Model values: a set of processes and a lone sentinel None, both from
\* the config.  The token is free or held by one process.
EXTENDS FiniteSets
CONSTANTS Procs, None
VARIABLE holder
Init == holder = None
Grab == holder = None /\ \E p \in Procs : holder' = p
Release == holder /= None /\ holder' = None
Next == Grab \/ Release
TypeOK == holder \in Procs \cup {None} /\ None \notin Procs
NeverHeld == Cardinality({p \in Procs : holder = p}) = 0
====
