/* reccall.h -- calls of recursive operators on symbolic values: their cases
 * and a memo of their encodings.
 *
 * A recursive operator applied to a symbolic argument unfolds into a term
 * that grows with every level (Balance(ledger, ledger[h].previous) calls
 * itself at ledger[ledger[h].previous].previous, ...), and one that calls
 * itself twice per level unfolds exponentially.  The encoder splits such a
 * call on the values a scalar argument can take (rc_cases): for an
 * argument that is one of a few constants, the call becomes an ite over
 * calls with constant arguments, which recur with equal arguments and are
 * encoded once (the memo, CallMemo).
 *
 * CallMemo maps a key -- an owner (the definition), a context (the state
 * the body reads), a budget (how many more splits the encoding may make
 * below the call) and the argument values -- to what the call encoded to:
 * the value, the evaluation errors recorded on the way relative to the call
 * (path condition TRUE), and per argument the condition, also relative,
 * under which the body read it.  Arguments compare with sv_same:
 * structurally identical values (the same term ids in the same places)
 * find the entry, nothing else does.  The table owns copies of the error
 * and use arrays; the SymVals live for the run anyway. */
#ifndef BRINK_RECCALL_H
#define BRINK_RECCALL_H

#include "encode.h"

/* A structural hash of v, equal for values sv_same calls the same. */
uint64_t sv_hash(const SymVal *v);

/* The values the scalar (SV_BOOL, SV_INT, SV_ATOM) v can take, when they
 * are at most max constants: v is an ite tree whose leaves are constants
 * or variables with encoder bounds (term_var_bounds) spanning few values,
 * or an integer whose bounds (term_int_bounds) span few values.
 * Fills out[0..*n) with constant terms, no duplicates, in increasing id
 * order; *exact is false when bounds contributed values, so that v lies
 * among them only where the variables respect their encoder bounds.
 * False when v is constant, not a scalar, or takes more values. */
bool rc_cases(const SymVal *v, uint32_t max, TermId *out, uint32_t *n,
              bool *exact);

/* The cases to split a recursive call on its argument v: v a scalar with
 * rc_cases's values, or a mixture whose alternatives are such scalars or
 * constants (a node or NIL: an integer or a model value); at most max.
 * Case k holds when is[k] and gives v the constant vals[k]; the cases are
 * disjoint, and exhaustive when *exact (as for rc_cases).  False (*n = 0)
 * when v is constant, not of that form, or takes more values. */
bool rc_split_cases(const SymVal *v, uint32_t max, TermId *is, SymVal **vals,
                    uint32_t *n, bool *exact);

typedef struct CallMemo CallMemo;

typedef struct CmKey {
  const void *owner;
  const void *ctx;
  int budget;
  SymVal *const *args;
  uint32_t nargs;
} CmKey;

typedef struct CmEntry {
  SymVal *val;
  WdErr *errs; /* conditions relative to the call */
  size_t nerrs;
  TermId *uses; /* per argument: when the body reads it (relative) */
} CmEntry;

CallMemo *cm_new(void);
void cm_delete(CallMemo *m);
/* Forgets every entry (a new state or entry point). */
void cm_clear(CallMemo *m);
size_t cm_size(const CallMemo *m);
/* The entry for k, or NULL. */
const CmEntry *cm_find(const CallMemo *m, const CmKey *k);
/* Records e for k (copying k's arguments and e's arrays); an entry
 * already there for k is replaced. */
void cm_put(CallMemo *m, const CmKey *k, const CmEntry *e);

#endif
