/* term.h -- the solver-independent term IR.
 *
 * Terms form a hash-consed DAG owned by a TermMgr and are referred to by
 * 32-bit ids: structurally equal terms have the same id, so id equality is
 * structural equality and passes memoise in id-indexed arrays.  Ids are
 * dense, starting at 1; 0 is never a valid term (TERM_NONE).
 *
 * Sorts: SORT_BOOL, SORT_INT (mathematical integers) and bit-vectors
 * sort_bv(w) (reserved for the bit-blasting back end).
 *
 * Two layers: term_raw_* only hash-conses a node as given; the term_mk_*
 * smart constructors fold constants and apply local simplifications
 * (x /\ TRUE = x, ite(TRUE, a, b) = a, eq(x, x) = TRUE, 1 + 2 = 3, ...) and
 * are the only ones the encoder calls.
 *
 * Integer semantics are TLA+'s: DIV is floor division and MOD the
 * matching remainder (a = b * (a DIV b) + a MOD b, with the remainder's
 * sign that of b); both are undefined for b = 0 (the encoder guards). */
#ifndef BRINK_TERM_H
#define BRINK_TERM_H

#include <stdio.h> /* FILE; before gmp.h, which then declares mpz_out_str */

#include <gmp.h>

#include "util.h"

typedef uint32_t TermId;
#define TERM_NONE 0u

typedef uint32_t Sort;
#define SORT_BOOL 0u
#define SORT_INT 1u
static inline Sort sort_bv(uint32_t width) { return 1u + width; }
static inline bool sort_is_bv(Sort s) { return s >= 2u; }
static inline uint32_t sort_bv_width(Sort s) { return s - 1u; }

#define TERM_KINDS(X)                                                          \
  X(FALSE, 0)   /* constant */                                               \
  X(TRUE, 0)    /* constant */                                               \
  X(INTCONST, 0) /* integer constant (term_int_value) */                     \
  X(VAR, 0)     /* uninterpreted constant with a name and a sort */          \
  X(NOT, 1)                                                                  \
  X(AND, -1)    /* n-ary, n >= 2 */                                          \
  X(OR, -1)     /* n-ary, n >= 2 */                                          \
  X(ITE, 3)     /* cond, then, else (any sort) */                            \
  X(EQ, 2)      /* same sort; for Bool this is <=> */                        \
  X(LT, 2)      /* Int */                                                    \
  X(LE, 2)      /* Int */                                                    \
  X(ADD, -1)    /* Int, n-ary, n >= 2 */                                     \
  X(MUL, 2)     /* Int */                                                    \
  X(NEG, 1)     /* Int */                                                    \
  X(DIV, 2)     /* Int, floor division */                                    \
  X(MOD, 2)     /* Int, floor remainder */

typedef enum TermKind {
#define X(k, a) TERM_##k,
  TERM_KINDS(X)
#undef X
      TERM__COUNT
} TermKind;

typedef struct TermMgr TermMgr;

TermMgr *term_mgr_new(void);
void term_mgr_delete(TermMgr *tm);

/* Inspection. */
TermKind term_kind(const TermMgr *tm, TermId t);
Sort term_sort(const TermMgr *tm, TermId t);
uint32_t term_nargs(const TermMgr *tm, TermId t);
TermId term_arg(const TermMgr *tm, TermId t, uint32_t i);
const char *term_var_name(const TermMgr *tm, TermId t);
void term_int_value(const TermMgr *tm, TermId t, mpz_t out); /* INTCONST */
bool term_is_true(const TermMgr *tm, TermId t);
bool term_is_false(const TermMgr *tm, TermId t);
bool term_is_int_const(const TermMgr *tm, TermId t);
uint32_t term_count(const TermMgr *tm); /* largest id + 1 */
const char *term_kind_name(TermKind k);
/* Prints the term as an SMT-LIB-like s-expression (for debugging/tests). */
void term_print(const TermMgr *tm, TermId t, FILE *out);

/* Raw hash-consing layer. */
TermId term_raw(TermMgr *tm, TermKind k, Sort s, const TermId *args,
                uint32_t n);

/* Smart constructors. */
TermId term_true(TermMgr *tm);
TermId term_false(TermMgr *tm);
TermId term_mk_bool(TermMgr *tm, bool b);
TermId term_mk_int(TermMgr *tm, const mpz_t v);
TermId term_mk_int_si(TermMgr *tm, long v);
/* Variables: the same (name, sort) gives the same term. */
TermId term_mk_var(TermMgr *tm, const char *name, Sort s);
/* A new variable whose name starts with prefix and is unique. */
TermId term_mk_fresh(TermMgr *tm, const char *prefix, Sort s);
TermId term_mk_not(TermMgr *tm, TermId a);
TermId term_mk_and2(TermMgr *tm, TermId a, TermId b);
TermId term_mk_or2(TermMgr *tm, TermId a, TermId b);
TermId term_mk_and(TermMgr *tm, const TermId *a, uint32_t n); /* n=0: TRUE */
TermId term_mk_or(TermMgr *tm, const TermId *a, uint32_t n);  /* n=0: FALSE */
TermId term_mk_implies(TermMgr *tm, TermId a, TermId b);
TermId term_mk_iff(TermMgr *tm, TermId a, TermId b);
TermId term_mk_ite(TermMgr *tm, TermId c, TermId a, TermId b);
TermId term_mk_eq(TermMgr *tm, TermId a, TermId b);
TermId term_mk_lt(TermMgr *tm, TermId a, TermId b);
TermId term_mk_le(TermMgr *tm, TermId a, TermId b);
TermId term_mk_add(TermMgr *tm, TermId a, TermId b);
TermId term_mk_sub(TermMgr *tm, TermId a, TermId b);
TermId term_mk_mul(TermMgr *tm, TermId a, TermId b);
TermId term_mk_neg(TermMgr *tm, TermId a);
TermId term_mk_div(TermMgr *tm, TermId a, TermId b);
TermId term_mk_mod(TermMgr *tm, TermId a, TermId b);

/* Raw leaves (added for termmk.c): hash-cons an INTCONST with value v or a
 * VAR with an owned copy of name; term_find_var looks a variable up without
 * creating it (TERM_NONE when there is none). */
TermId term_raw_int(TermMgr *tm, const mpz_t v);
TermId term_raw_var(TermMgr *tm, const char *name, Sort s);
TermId term_find_var(const TermMgr *tm, const char *name, Sort s);

/* The variables below t whose ids are at least min_id (those created after
 * a mark), sorted by id; *out is malloc'd. */
void term_vars_since(const TermMgr *tm, TermId t, TermId min_id, TermId **out,
                     size_t *n);
/* t with from[i] replaced by to[i], rebuilt through the smart constructors
 * (so constants fold). */
TermId term_subst(TermMgr *tm, TermId t, const TermId *from, const TermId *to,
                  size_t n);
/* Bounds lo <= t <= hi that hold whatever the variables below the Int term
 * t are, from its constants, ite branches and arithmetic; false when t is
 * unbounded that way (a variable, a product of unbounded terms, ...). */
bool term_int_bounds(const TermMgr *tm, TermId t, mpz_t lo, mpz_t hi);
/* Bounds the encoder knows for an Int variable it constrains itself (a
 * fresh choice from a finite set); term_int_bounds uses them. */
void term_var_set_bounds(TermMgr *tm, TermId var, const mpz_t lo,
                         const mpz_t hi);
bool term_var_bounds(const TermMgr *tm, TermId var, mpz_t lo, mpz_t hi);

#endif
