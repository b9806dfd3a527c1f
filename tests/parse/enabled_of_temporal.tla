---- MODULE enabled_of_temporal ----
VARIABLE x
A == ENABLED [](x = 1)
====
