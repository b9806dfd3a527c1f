-------------------------------- MODULE Json --------------------------------
(***************************************************************************)
(* brink's own definition of the community module Json.  Converting an     *)
(* arbitrary value to JSON needs to tell sets, functions, records and      *)
(* sequences apart, which TLA+ cannot express, and the other operators     *)
(* read or write files: brink's evaluator implements all of them itself   *)
(* (src/native.c), and the bodies below only name them.  Reading works     *)
(* anywhere; JsonSerialize and ndJsonSerialize write only while brink      *)
(* evaluates a POSTCONDITION, and are a located error elsewhere.  A        *)
(* relative file name is looked up in the working directory, then in the  *)
(* spec's folder.  JSON objects become records, arrays sequences.          *)
(***************************************************************************)
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The JSON text of value: records become objects, sequences and sets      *)
(* arrays, other values their JSON form.                                   *)
ToJson(value) ==
  Fail("ToJson (module Json) is implemented by brink's evaluator")

(* The JSON array of the sequence (or set) value.                          *)
ToJsonArray(value) ==
  Fail("ToJsonArray (module Json) is implemented by brink's evaluator")

(* The JSON object of the record (or function) value.                      *)
ToJsonObject(value) ==
  Fail("ToJsonObject (module Json) is implemented by brink's evaluator")

(* Write value as JSON to the file absoluteFilename; read the JSON value   *)
(* in that file.                                                           *)
JsonSerialize(absoluteFilename, value) ==
  Fail("JsonSerialize (module Json) is implemented by brink's evaluator")
JsonDeserialize(absoluteFilename) ==
  Fail("JsonDeserialize (module Json) is implemented by brink's evaluator")

(* The same with newline-delimited JSON: one line per element of the       *)
(* sequence value; a sequence with one element per line of the file.      *)
ndJsonSerialize(absoluteFilename, value) ==
  Fail("ndJsonSerialize (module Json) is implemented by brink's evaluator")
ndJsonDeserialize(absoluteFilename) ==
  Fail("ndJsonDeserialize (module Json) is implemented by brink's evaluator")

=============================================================================
