---- MODULE Tabs ----
EXTENDS Naturals
(* --algorithm Tabs {
variables x = 0;
{ a1:	x := IF /\ x = 0
		   /\ TRUE
		THEN 1
		ELSE 2;
	assert x = 1 }
} *)
====
