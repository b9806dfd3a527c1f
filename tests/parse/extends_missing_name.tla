---- MODULE M ----
EXTENDS Naturals,
====
