---- MODULE instance_used_as_value ----
EXTENDS Naturals
---- MODULE Inner ----
B == 1
====
I == INSTANCE Inner
A == I + 1
====
