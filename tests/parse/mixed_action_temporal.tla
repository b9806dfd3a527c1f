---- MODULE mixed_action_temporal ----
VARIABLE x
P == (x' # x) \/ <>(x = 5)
====
