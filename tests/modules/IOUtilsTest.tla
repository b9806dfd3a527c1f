------------------------------ MODULE IOUtilsTest ------------------------------
(* brink's IOUtils module: every operator exists with its arity.  The      *)
(* input/output ones fail on purpose when evaluated, and atoi/zeroPadN     *)
(* need strings as sequences (see StringOpsTest), so all are only referred *)
(* to here.                                                                *)
EXTENDS IOUtils, Naturals
VARIABLE x

U1 == IOSerialize(x, "/tmp/f", TRUE)
U2 == IODeserialize("/tmp/f", TRUE)
U3 == Serialize(x, "/tmp/f", [format |-> "TXT"])
U4 == Deserialize("/tmp/f", [format |-> "TXT"])
U5 == IOExec(<<"ls">>)
U6 == IOEnvExec({<<"A", "1">>}, <<"ls">>)
U7 == IOExecTemplate(<<"ls", "%s">>, <<"/tmp">>)
U8 == IOEnvExecTemplate({<<"A", "1">>}, <<"ls", "%s">>, <<"/tmp">>)
U9 == IOEnv
U10 == atoi("12")
U11 == zeroPadN(7, 3)
ASSUME TRUE

Init == x = 0
Next == x' = x
=============================================================================
