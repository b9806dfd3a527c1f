-------------------------------- MODULE Json --------------------------------
(***************************************************************************)
(* brink's own definition of the community module Json.  Converting an     *)
(* arbitrary value to JSON needs to tell sets, functions, records and      *)
(* sequences apart, which TLA+ cannot express, and the other operators     *)
(* read or write files: brink supports none of them, and evaluating one    *)
(* fails with a message naming it.                                         *)
(***************************************************************************)
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The JSON text of value: records become objects, sequences and sets      *)
(* arrays, other values their JSON form.                                   *)
ToJson(value) ==
  Fail("ToJson (module Json) is not supported by brink")

(* The JSON array of the sequence (or set) value.                          *)
ToJsonArray(value) ==
  Fail("ToJsonArray (module Json) is not supported by brink")

(* The JSON object of the record (or function) value.                      *)
ToJsonObject(value) ==
  Fail("ToJsonObject (module Json) is not supported by brink")

(* Write value as JSON to the file absoluteFilename; read the JSON value   *)
(* in that file.                                                           *)
JsonSerialize(absoluteFilename, value) ==
  Fail("JsonSerialize (module Json) writes a file, which brink does not support")
JsonDeserialize(absoluteFilename) ==
  Fail("JsonDeserialize (module Json) reads a file, which brink does not support")

(* The same with newline-delimited JSON: one line per element of the       *)
(* sequence value; a sequence with one element per line of the file.      *)
ndJsonSerialize(absoluteFilename, value) ==
  Fail("ndJsonSerialize (module Json) writes a file, which brink does not support")
ndJsonDeserialize(absoluteFilename) ==
  Fail("ndJsonDeserialize (module Json) reads a file, which brink does not support")

=============================================================================
