/* symval.h -- symbolic TLA+ values: small structs of terms.
 *
 * Representation (DESIGN.md, decision 4):
 *   SV_BOOL  t: a Bool term
 *   SV_INT   t: an Int term
 *   SV_ATOM  t: an Int term indexing the atom table (strings and model
 *            values of the run; sv_atom_value maps an index back)
 *   SV_SET   cells[i] = (elem, mem): elem is in the set when mem holds.
 *            A set whose elements are all constants is a characteristic
 *            vector: sv_set sorts its cells by val_cmp and merges equal
 *            elements (their mems or-ed), so the elements are distinct and
 *            increasing (`canon` is set), and equality, membership,
 *            inclusion, ite, cardinality and order work element-wise or
 *            by binary search.  Otherwise two cells may hold equal
 *            elements (then the set holds it when either mem holds);
 *            operations that count take care of it.
 *   SV_FUN   cells[i] = (key, mem, val): key is in the domain when mem
 *            holds, and then maps to val.  Records and tuples are
 *            functions whose keys are constant strings / 1..n.
 *   SV_MIX   a value whose kind depends on the path: cells[i] = (alt,
 *            mem): the value is alt when mem holds; the alts have distinct
 *            kinds (none SV_MIX) and exactly one mem holds.  TLC lets a
 *            variable hold a record in one state and a model value (NoVal)
 *            in another; merging such branches makes a mixture.
 * Symbolic values are immutable and live for the run.  Cells built from
 * constant sets keep val_cmp order, which CHOOSE relies on. */
#ifndef BRINK_SYMVAL_H
#define BRINK_SYMVAL_H

#include "diag.h"
#include "term.h"
#include "value.h"

typedef enum SvKind { SV_BOOL, SV_INT, SV_ATOM, SV_SET, SV_FUN, SV_MIX } SvKind;
#define SV_NKINDS 5 /* kinds a mixture can hold */

typedef struct SymVal SymVal;
typedef struct SvCell {
  SymVal *key; /* the element (sets) or the key (functions) */
  TermId mem;
  SymVal *val; /* functions only */
} SvCell;

struct SymVal {
  SvKind kind;
  TermId t;
  uint32_t n;
  SvCell *cells;
  /* Caches, filled on first use (values never change): */
  int8_t cstate; /* 1: a constant, cval; -1: not; 0: not yet known */
  int8_t canon;  /* sets, functions: 1 when the keys are constants in
                  * strictly increasing val_cmp order; -1 not; 0 unknown */
  Value *cval;
};

/* The term manager everything below builds in; set once per run (enc_new
 * sets it).  It, the memo of operations and the atom table are the one
 * context of symbolic values, sv_ctx (encode/svint.h). */
void sv_set_mgr(TermMgr *tm);
TermMgr *sv_mgr(void);

SymVal *sv_bool(TermId t);
SymVal *sv_int(TermId t);
SymVal *sv_atom(TermId t);
SymVal *sv_set(SvCell *cells, uint32_t n);  /* copies */
SymVal *sv_fun(SvCell *cells, uint32_t n);  /* copies */
/* s, a set of integers or of atoms that are not all constants, as the
 * canonical set over the values its elements can take (the union of their
 * term_int_bounds intervals) when that union has at most max values; s
 * itself otherwise. */
SymVal *sv_set_by_bounds(SymVal *s, uint32_t max);
/* The symbolic constant for a concrete value (NULL for infinite sets). */
SymVal *sv_from_value(const Value *v);
/* s with every term t of it (the scalars', the cells' memberships, and
 * those inside keys, values and a mixture's alternatives) replaced by
 * fn(arg, t), kinds and cell counts kept. */
SymVal *sv_map_terms(SymVal *s, TermId (*fn)(void *arg, TermId t), void *arg);
/* Is this a constant (no variable anywhere)?  Then *out is its value. */
bool sv_is_const(const SymVal *s, Value **out);

/* Atoms: strings and model values. */
int sv_atom_index(const Value *v);
Value *sv_atom_value(int index);
int sv_atom_count(void);

/* Structural identity (same terms everywhere). */
bool sv_same(const SymVal *a, const SymVal *b);
/* TLA+ equality as a Bool term.  Values of different kinds are unequal;
 * whether comparing them with = is an evaluation error is sv_eq_error's
 * question (membership, function application and set operations compare
 * silently, as the evaluator does).  sv_eq is sv_equal with a flag it never
 * sets (NULL allowed), for callers written against the older interface. */
TermId sv_equal(const SymVal *a, const SymVal *b);
TermId sv_eq(const SymVal *a, const SymVal *b, bool *unused);
/* The state vals (n variables) as a constraint on the symbolic state st:
 * each variable equals its value; TERM_NONE when some value has no
 * encoding (sv_from_value). */
TermId sv_state_is(SymVal *const *st, Value *const *vals, int n);
/* When evaluating a = b is an error, as a Bool term: the two are of
 * different kinds (Boolean, integer, string or model value, set,
 * function) and neither is a model value, which TLC compares with
 * anything; or one is a record (a nonempty domain of strings) and the
 * other a function whose domain holds a non-string (a tuple). */
TermId sv_eq_error(const SymVal *a, const SymVal *b);
/* A stand-in for the value of an expression whose evaluation is an error
 * wherever it is reached (Head(<<>>)): the Bool FALSE, except that sv_ite
 * drops it for the other branch. */
SymVal *sv_any(void);
/* The part of v of kind k (v itself when it has that kind, an alternative
 * of a mixture) and in *active when v is that part; NULL (and FALSE) when v
 * cannot have kind k. */
SymVal *sv_alt(SymVal *v, SvKind k, TermId *active);
/* if c then a else b (a mixture when the kinds differ). */
SymVal *sv_ite(TermId c, SymVal *a, SymVal *b);
/* x \in s (s an SV_SET). */
TermId sv_mem(const SymVal *x, const SymVal *s);
TermId sv_subseteq(const SymVal *a, const SymVal *b);
/* The domain of a function, as a set. */
SymVal *sv_domain(const SymVal *f);
/* f[x]: the value and the condition that x is in the domain (*defined). */
SymVal *sv_apply(const SymVal *f, const SymVal *x, TermId *defined);
/* f with the value at key replaced by v when key is in the domain. */
SymVal *sv_update(const SymVal *f, const SymVal *key, SymVal *v);
/* Number of distinct members of a set, as an Int term. */
TermId sv_card(const SymVal *s);
/* a comes before b in TLC's value order (val_cmp, the order CHOOSE and
 * quantifiers visit a set in), as a Bool term. */
TermId sv_lt(const SymVal *a, const SymVal *b);

#endif
