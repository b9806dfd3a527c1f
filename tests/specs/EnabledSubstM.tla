---- MODULE EnabledSubstM ----
VARIABLES x, y
F == ENABLED (x' = 0 /\ y' = 1)
====
