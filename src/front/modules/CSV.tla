-------------------------------- MODULE CSV --------------------------------
(***************************************************************************)
(* brink's own definition of the community module CSV.  Its operators read *)
(* and write files, which cannot be expressed in TLA+: brink's evaluator   *)
(* implements them (src/native.c).  CSVRead and CSVRecords work anywhere; *)
(* CSVWrite and CSVWriteRecord write only while brink evaluates a          *)
(* POSTCONDITION, and are a located error elsewhere.                       *)
(***************************************************************************)
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* Append to file the line made from the printf-style template (%1$s is    *)
(* val[1], ...) and the sequence of values val.                            *)
CSVWrite(template, val, file) ==
  Fail("CSVWrite (module CSV) is implemented by brink's evaluator")

(* Append the record to file as a line of values separated by delim,       *)
(* preceded by a line of field names if headers holds and file is empty.   *)
CSVWriteRecord(record, delim, headers, file) ==
  Fail("CSVWriteRecord (module CSV) is implemented by brink's evaluator")

(* The lines of file, split at delimiter, as a sequence of records with    *)
(* the fields named in the sequence columns (values are strings).          *)
CSVRead(columns, delimiter, file) ==
  Fail("CSVRead (module CSV) is implemented by brink's evaluator")

(* The number of lines in file (0 if it does not exist).                   *)
CSVRecords(file) ==
  Fail("CSVRecords (module CSV) is implemented by brink's evaluator")

============================================================================
