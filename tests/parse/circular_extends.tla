---- MODULE circular_extends ----
EXTENDS circular_extends
====
