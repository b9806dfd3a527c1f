---- MODULE at_outside_except ----
EXTENDS Naturals
A == @ + 1
====
