------------------------------- MODULE JsonTest -------------------------------
(* brink's Json module: every operator exists with its arity; none can be  *)
(* evaluated by brink (they fail on purpose), so they are only referred to. *)
EXTENDS Json, Naturals
VARIABLE x

U1 == ToJson([a |-> 1])
U2 == ToJsonArray(<<1, 2>>)
U3 == ToJsonObject([a |-> 1])
U4 == JsonSerialize("/tmp/f.json", <<1>>)
U5 == JsonDeserialize("/tmp/f.json")
U6 == ndJsonSerialize("/tmp/f.ndjson", <<1>>)
U7 == ndJsonDeserialize("/tmp/f.ndjson")
ASSUME TRUE

Init == x = 0
Next == x' = x
=============================================================================
