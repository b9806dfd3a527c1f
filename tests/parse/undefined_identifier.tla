---- MODULE undefined_identifier ----
EXTENDS Naturals
A == foo + 1
====
