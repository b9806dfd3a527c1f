---- MODULE OverrideOriginal ----
\* The config replaces Step by DoubleStep, which calls the original Step
\* through an instance (TLC's idiom, as in MCCheckpointCoordination): O!Step
\* is the instance's own copy, untouched by `Step <- DoubleStep`.
EXTENDS OverrideOriginalBase
DoubleStep(n) == LET O == INSTANCE OverrideOriginalBase IN O!Step(O!Step(n))
Odd == x % 2 = 1
====
