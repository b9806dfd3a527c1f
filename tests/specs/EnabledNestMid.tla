---- MODULE EnabledNestMid ----
EXTENDS Naturals
VARIABLE x
R == INSTANCE EnabledNestInner WITH y <- x
S == INSTANCE EnabledNestInner WITH y <- (x + 0) % 2
====
