------------------------------ MODULE IOUtils ------------------------------
(***************************************************************************)
(* brink's own definition of the community module IOUtils.  Its operators  *)
(* read and write files, run commands and read the environment, which      *)
(* cannot be expressed in TLA+.  brink's evaluator implements IOEnv,       *)
(* IOExec and IOEnvExec (src/native.c); the two that run commands do so    *)
(* only while brink evaluates a POSTCONDITION, and are a located error     *)
(* elsewhere.  TLC's binary serialization (IOSerialize, IODeserialize,     *)
(* Serialize, Deserialize) and the template forms of IOExec are not        *)
(* supported: evaluating one fails with a message naming it.  atoi and     *)
(* zeroPadN are ordinary string functions, defined here.                   *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* Write val to the file absoluteFilename in TLC's binary format           *)
(* (compressed if compress), and read a value back from such a file.       *)
IOSerialize(val, absoluteFilename, compress) ==
  Fail("IOSerialize (module IOUtils) writes a file, which brink does not support")
IODeserialize(absoluteFilename, compressed) ==
  Fail("IODeserialize (module IOUtils) reads a file, which brink does not support")

(* Write value to dest, and read a value from src, with the serializer     *)
(* named by options.format.                                                *)
Serialize(value, dest, options) ==
  Fail("Serialize (module IOUtils) writes a file, which brink does not support")
Deserialize(src, options) ==
  Fail("Deserialize (module IOUtils) reads a file, which brink does not support")

(* Run the command <<program, arg1, ...>> (with the extra environment      *)
(* variables env, or with the printf-style template filled in with         *)
(* parameters); the result is [exitValue |-> .., stdout |-> .., stderr |-> ..]. *)
IOExec(command) ==
  Fail("IOExec (module IOUtils) is implemented by brink's evaluator")
IOEnvExec(env, command) ==
  Fail("IOEnvExec (module IOUtils) is implemented by brink's evaluator")
IOExecTemplate(commandTemplate, parameters) ==
  Fail("IOExecTemplate (module IOUtils) runs a command, which brink does not support")
IOEnvExecTemplate(env, commandTemplate, parameters) ==
  Fail("IOEnvExecTemplate (module IOUtils) runs a command, which brink does not support")

(* The environment variables of the process, as a record of strings.       *)
IOEnv ==
  Fail("IOEnv (module IOUtils) is implemented by brink's evaluator")

(***************************************************************************)
(* The integer written in decimal in the string str, with an optional      *)
(* sign:  atoi("42") = 42,  atoi("-17") = -17,  atoi("007") = 7.           *)
(***************************************************************************)
atoi(str) ==
  LET Digit(i) == CHOOSE d \in 0..9 : ToString(d) = SubSeq(str, i, i)
      RECURSIVE Value(_, _)
      \* the number written in positions from..upto
      Value(from, upto) == IF upto < from THEN 0
                           ELSE 10 * Value(from, upto - 1) + Digit(upto)
      first == SubSeq(str, 1, 1)
  IN  IF str \notin STRING \/ Len(str) = 0
      THEN Fail("The argument of atoi should be a string of digits")
      ELSE IF first = "-" THEN -Value(2, Len(str))
      ELSE IF first = "+" THEN Value(2, Len(str))
      ELSE Value(1, Len(str))

(***************************************************************************)
(* The decimal digits of the natural n, padded with leading zeros to at    *)
(* least `width' characters:  zeroPadN(42, 5) = "00042",                   *)
(* zeroPadN(123, 2) = "123".                                               *)
(***************************************************************************)
zeroPadN(n, width) ==
  LET s == ToString(n)
      RECURSIVE Zeros(_)
      Zeros(k) == IF k <= 0 THEN "" ELSE "0" \o Zeros(k - 1)
  IN  Zeros(width - Len(s)) \o s

============================================================================
