------------------------------- MODULE CSVTest -------------------------------
(* brink's CSV module: every operator exists with its arity; they read or  *)
(* write files and fail on purpose when evaluated, so they are only        *)
(* referred to.                                                            *)
EXTENDS CSV, Naturals
VARIABLE x

U1 == CSVWrite("%1$s#%2$s", <<"a", 1>>, "/tmp/f.csv")
U2 == CSVWriteRecord([a |-> 1], ",", TRUE, "/tmp/f.csv")
U3 == CSVRead(<<"a", "b">>, ",", "/tmp/f.csv")
U4 == CSVRecords("/tmp/f.csv")
ASSUME TRUE

Init == x = 0
Next == x' = x
=============================================================================
