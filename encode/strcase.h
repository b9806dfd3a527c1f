/* strcase.h -- TLC's string operations on symbolic strings, by cases.
 *
 * TLC treats a string as a sequence of characters for Len, \o (of two
 * strings), Tail and SubSeq.  A symbolic string is an atom (symval.h): an
 * Int term indexing the atom table, which holds every string the run has
 * met.  An operation on symbolic strings is encoded by cases over the
 * strings of the table each argument may be:
 *     ite(s = i1, op(str1), ite(s = i2, op(str2), ...))
 * and its results join the table.  The unrolling encodes each step after
 * the steps before it, so a string a reachable state holds is in the table
 * by the time an operation reads it; an index of no string is reported to
 * the caller (`ok`, `failed` and `model` all false), which refuses there.
 *
 * Invariant: every atom index an argument term can take in a reachable
 * state is below sv_atom_count() when strcase_apply is called. */
#ifndef BRINK_STRCASE_H
#define BRINK_STRCASE_H

#include "symval.h"

/* The operation on concrete strings (V_STR values, n of them); NULL when
 * applying it is an evaluation error (Tail("")). */
typedef Value *(*StrOp)(Value **strs, void *arg);

typedef struct StrCases {
  SymVal *val;   /* the result where ok holds (NULL: nowhere) */
  TermId ok;     /* the arguments are strings and op gave a value */
  TermId failed; /* the arguments are strings and op gave none */
  TermId model;  /* an argument is a model value (TLC: an error) */
} StrCases;

#define STRCASE_MAX 20000 /* cases (argument combinations) at most */

/* Applies op to args (atoms, n of them) by cases; false (and nothing in
 * *out) when there would be more than STRCASE_MAX cases. */
bool strcase_apply(SymVal **args, int n, StrOp op, void *arg,
                   StrCases *out);

#endif
