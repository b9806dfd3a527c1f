/* svint.h -- private to symval*.c: the one context of symbolic values,
 * the memo, and the canonical-form helpers the files share.
 *
 * The context.  Symbolic values are built in one term manager for the
 * run (sv_set_mgr, called by enc_new; tests set their own), and the
 * operations on them memoise their terms by value pair, so the manager,
 * the memo that belongs to it, the atom table (strings and model values,
 * indexed as they are first met) and the atoms' ranks in val_cmp order
 * are one process-wide context, sv_ctx.  It is the only state of the
 * symval files; changing the manager empties the memo (its terms belong
 * to the old one); atoms, being concrete values, outlive it. */
#ifndef BRINK_SVINT_H
#define BRINK_SVINT_H

#include "symval.h"

#include <stdlib.h>
#include <string.h>

/* The operations memoised on composite values (sets, functions,
 * mixtures), by (operation, a, b). */
enum { MEMO_EQ, MEMO_LT, MEMO_MEM, MEMO_SUB };
typedef struct MemoSlot {
  const void *a, *b;
  uint32_t op;
  TermId t;
} MemoSlot;

typedef struct SvCtx {
  TermMgr *tm;
  MemoSlot *memo; /* open addressing, memo_cap a power of two */
  size_t memo_cap, memo_len;
  VEC(Value *) atoms; /* index -> the string or model value */
  int *atom_rank;     /* by atom index: position in val_cmp order */
  size_t atom_ranked; /* atoms.len when atom_rank was computed */
} SvCtx;
extern SvCtx sv_ctx;

/* The memo: TERM_NONE when (op, a, b) is not in it; put returns t. */
TermId sv_memo_get(int op, const void *a, const void *b);
TermId sv_memo_put(int op, const void *a, const void *b, TermId t);

/* symval.c: a value of kind k with no cells; one with a copy of cells. */
SymVal *sv_new(SvKind k);
SymVal *sv_cells(SvKind k, SvCell *cells, uint32_t n);

/* ---- svcanon.c ---- */

typedef VEC(TermId) TermVec;

/* Sorts and merges the cells of a set of constant elements (canon). */
void canon_set(SymVal *s);
/* Are s's keys constants in strictly increasing val_cmp order? */
bool canon(const SymVal *s);
/* The cell of canonical s whose key is v, or -1. */
long canon_find(const SymVal *s, const Value *v);
/* Walks canonical a and b in key order: fn(ca, cb, arg) for each key, with
 * NULL for the side that lacks it. */
typedef void (*WalkFn)(const SvCell *ca, const SvCell *cb, void *arg);
void canon_walk(const SymVal *a, const SymVal *b, WalkFn fn, void *arg);
/* Walkers: arg is a TermVec of parts (equal, subseteq), a LexWalk, an
 * IteWalk; walk_and is the conjunction of the parts of a TermVec walk. */
typedef struct LexWalk {
  TermVec alts;
  TermId clear;
} LexWalk;
typedef struct IteWalk {
  TermId c;
  VEC(SvCell) out;
} IteWalk;
void walk_equal(const SvCell *ca, const SvCell *cb, void *arg);
void walk_subseteq(const SvCell *ca, const SvCell *cb, void *arg);
void walk_lex(const SvCell *ca, const SvCell *cb, void *arg);
void walk_ite(const SvCell *ca, const SvCell *cb, void *arg);
TermId walk_and(const SymVal *a, const SymVal *b, WalkFn fn);

/* ---- svops.c ---- */

/* Sets, functions and mixtures (the values the memo keeps). */
bool composite(const SymVal *v);

#endif
