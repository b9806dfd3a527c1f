/* community.h -- direct encodings of operators of brink's shipped
 * community modules (between encode.c and community.c).
 *
 * The shipped modules (src/modules/) define their operators in TLA+, and
 * the encoder unfolds those definitions like any other.  For some of them
 * unfolding cannot work or works badly: DyadicRationals' IsDyadicRational
 * ranges over 0..r.den with a symbolic denominator, its Add and Half
 * divide by symbolic denominators, the folds recurse with CHOOSE and
 * T \ {x} once per element.  A definition of a shipped module (never one
 * of the same name next to the spec) may have an encoding here, which
 * computes what the TLA+ definition computes under brink's semantics.
 * An encoding may decline (return NULL) for arguments it does not cover;
 * the definition is then unfolded.  An operator that only the evaluator
 * implements (its TLA+ body merely fails: Json, CSV, IOUtils, ...) is a
 * refusal recorded where the call is reached, never an answer.
 *
 * The encoder gives an encoding its call site through the opaque CommCall
 * and answers the requests below. */
#ifndef BRINK_COMMUNITY_H
#define BRINK_COMMUNITY_H

#include "ast.h"
#include "symval.h"

typedef struct CommCall CommCall;
/* The value of the call, or NULL to have the definition unfolded. */
typedef SymVal *(*CommFn)(CommCall *c);

/* The encoding of the shipped definition d (looked through INSTANCE
 * copies), or NULL. */
CommFn comm_lookup(const Def *d);

/* ---- provided by encode.c ---- */

/* The definition called, and the call expression (its location). */
const Def *comm_def(const CommCall *c);
Expr *comm_site(const CommCall *c);
/* Argument i of the call, encoded (once; later requests reuse it). */
SymVal *comm_arg(CommCall *c, int i);
/* Argument i (an operator argument) applied to n values, encoded where
 * `when` holds on the current path (its errors are conditioned on it). */
SymVal *comm_apply_op(CommCall *c, int i, SymVal **vals, int n, TermId when);
/* f[x], the error for x outside the domain recorded for where `when`
 * holds; NULL when f is not a function. */
SymVal *comm_apply_fun(CommCall *c, SymVal *f, SymVal *x, TermId when);
/* Records an evaluation error (code: EXIT_EVAL, or EXIT_OTHER for a
 * refusal of the symbolic engine) that happens where cond holds on the
 * current path. */
void comm_error(CommCall *c, TermId cond, const char *msg, int code);

#endif
