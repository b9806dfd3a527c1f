/* term.c -- the raw hash-consed term table.
 *
 * Every term is one TermNode in an id-indexed array (id 0 is a placeholder
 * so that TERM_NONE is never valid); arguments live in one shared pool of
 * TermIds and a node records its offset and count there.  Leaves carry a
 * payload: an INTCONST holds its value inline when it fits a long (always
 * so for values that fit, which keeps the representation canonical) and
 * otherwise the index of an mpz in a side table; a VAR holds the index of
 * its owned name.  The unique table is open addressing with linear probing
 * over ids, keyed on (kind, sort, args, payload); each node caches its hash
 * so growing the table never rehashes arguments.  This layer never
 * simplifies: the smart constructors in termmk.c sit on top of it (the
 * split of Yices' terms.c and term_manager.c).  FALSE and TRUE are created
 * first, so they are ids 1 and 2. */
#include "term.h"
#include "termbounds.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stop.h"

typedef struct TermNode {
  uint8_t kind;    /* TermKind */
  uint8_t big;     /* INTCONST: payload indexes TermMgr.bigs */
  Sort sort;       /* result sort */
  uint32_t nargs;  /* number of arguments */
  uint32_t args;   /* offset of the first argument in TermMgr.args */
  uint32_t hash;   /* cached hash of the key */
  int64_t payload; /* INTCONST: value or bigs index; VAR: names index */
} TermNode;

typedef struct BigInt {
  mpz_t v;
} BigInt;

struct TermMgr {
  VEC(TermNode) nodes; /* by id; nodes.data[0] is unused */
  VEC(TermId) args;    /* argument pool */
  VEC(char *) names;   /* VAR names (owned) */
  VEC(BigInt) bigs;    /* INTCONST values that do not fit a long */
  TermId *table;       /* unique table: ids, 0 = empty; power-of-2 size */
  size_t tcap;
  /* Known bounds of Int variables: bound_of[id] indexes bounds (0 = none). */
  VEC(uint32_t) bound_of;
  VEC(BigInt) bounds; /* pairs: lo at 2k, hi at 2k+1 (k >= 1) */
  TermBoundsMemo *bmemo; /* term_int_bounds's intervals (termbounds.c) */
};

/* A lookup key: the node to find or create. */
typedef struct TermKey {
  TermKind kind;
  Sort sort;
  const TermId *args;
  uint32_t nargs;
  long small;       /* INTCONST fitting a long */
  mpz_srcptr big;   /* INTCONST not fitting a long, else NULL */
  const char *name; /* VAR */
} TermKey;

static const int term_arity[TERM__COUNT] = {
#define X(k, a) a,
    TERM_KINDS(X)
#undef X
};

static const char *const term_names[TERM__COUNT] = {
#define X(k, a) #k,
    TERM_KINDS(X)
#undef X
};

/* SMT-LIB-like operator names used by term_print. */
static const char *const term_ops[TERM__COUNT] = {
    [TERM_FALSE] = "false", [TERM_TRUE] = "true", [TERM_NOT] = "not",
    [TERM_AND] = "and",     [TERM_OR] = "or",     [TERM_ITE] = "ite",
    [TERM_EQ] = "=",        [TERM_LT] = "<",      [TERM_LE] = "<=",
    [TERM_ADD] = "+",       [TERM_MUL] = "*",     [TERM_NEG] = "-",
    [TERM_DIV] = "div",     [TERM_MOD] = "mod",
};

const char *term_kind_name(TermKind k) {
  assert(k < TERM__COUNT);
  return term_names[k];
}

static const TermNode *term_node(const TermMgr *tm, TermId t) {
  assert(t != TERM_NONE && t < tm->nodes.len);
  return &tm->nodes.data[t];
}

/* ---- hashing and equality ---- */

static uint32_t term_key_hash(const TermKey *k) {
  uint64_t h = hash_mix((uint64_t)k->kind, (uint64_t)k->sort);
  for (uint32_t i = 0; i < k->nargs; i++)
    h = hash_mix(h, k->args[i]);
  if (k->kind == TERM_INTCONST) {
    if (k->big)
      h = hash_mix(h, hash_bytes(mpz_limbs_read(k->big),
                                 mpz_size(k->big) * sizeof(mp_limb_t),
                                 (uint64_t)mpz_sgn(k->big) + 7));
    else
      h = hash_mix(h, (uint64_t)k->small);
  } else if (k->kind == TERM_VAR) {
    h = hash_mix(h, hash_bytes(k->name, strlen(k->name), 0));
  }
  return (uint32_t)(h ^ (h >> 32));
}

static bool term_key_equal(const TermMgr *tm, const TermNode *n,
                           const TermKey *k) {
  if (n->kind != k->kind || n->sort != k->sort || n->nargs != k->nargs)
    return false;
  if (k->nargs &&
      memcmp(&tm->args.data[n->args], k->args, k->nargs * sizeof(TermId)))
    return false;
  if (k->kind == TERM_INTCONST) {
    if (n->big != (k->big != NULL))
      return false;
    if (k->big)
      return mpz_cmp(tm->bigs.data[n->payload].v, k->big) == 0;
    return n->payload == k->small;
  }
  if (k->kind == TERM_VAR)
    return strcmp(tm->names.data[n->payload], k->name) == 0;
  return true;
}

static void term_table_grow(TermMgr *tm) {
  size_t ncap = tm->tcap ? tm->tcap * 2 : 1024;
  TermId *t = xcalloc(ncap, sizeof *t);
  for (size_t id = 1; id < tm->nodes.len; id++) {
    size_t j = tm->nodes.data[id].hash & (ncap - 1);
    while (t[j])
      j = (j + 1) & (ncap - 1);
    t[j] = (TermId)id;
  }
  free(tm->table);
  tm->table = t;
  tm->tcap = ncap;
}

/* Returns the slot holding the term with key k, or the empty slot where it
 * belongs. */
static size_t term_lookup_slot(const TermMgr *tm, const TermKey *k,
                               uint32_t h) {
  size_t j = h & (tm->tcap - 1);
  while (tm->table[j]) {
    const TermNode *n = &tm->nodes.data[tm->table[j]];
    if (n->hash == h && term_key_equal(tm, n, k))
      return j;
    j = (j + 1) & (tm->tcap - 1);
  }
  return j;
}

/* Finds or creates the node with key k. */
static TermId term_intern(TermMgr *tm, const TermKey *k) {
  stop_poll(); /* a long encoding stops here (stop.h) */
  if (2 * (tm->nodes.len + 1) > tm->tcap)
    term_table_grow(tm);
  uint32_t h = term_key_hash(k);
  size_t j = term_lookup_slot(tm, k, h);
  if (tm->table[j])
    return tm->table[j];
  assert(tm->nodes.len < UINT32_MAX);
  assert(tm->args.len + k->nargs < UINT32_MAX);
  TermNode n = {.kind = (uint8_t)k->kind,
                .sort = k->sort,
                .nargs = k->nargs,
                .args = (uint32_t)tm->args.len,
                .hash = h};
  VEC_RESERVE(tm->args, tm->args.len + k->nargs);
  if (k->nargs)
    memcpy(&tm->args.data[tm->args.len], k->args, k->nargs * sizeof(TermId));
  tm->args.len += k->nargs;
  if (k->kind == TERM_INTCONST) {
    if (k->big) {
      BigInt b;
      mpz_init_set(b.v, k->big);
      n.big = 1;
      n.payload = (int64_t)tm->bigs.len;
      VEC_PUSH(tm->bigs, b);
    } else {
      n.payload = k->small;
    }
  } else if (k->kind == TERM_VAR) {
    n.payload = (int64_t)tm->names.len;
    VEC_PUSH(tm->names, xstrdup(k->name));
  }
  TermId id = (TermId)tm->nodes.len;
  VEC_PUSH(tm->nodes, n);
  tm->table[j] = id;
  return id;
}

/* ---- the raw constructors ---- */

TermId term_raw(TermMgr *tm, TermKind k, Sort s, const TermId *args,
                uint32_t n) {
  assert(k < TERM__COUNT && k != TERM_INTCONST && k != TERM_VAR);
  assert(term_arity[k] < 0 ? n >= 2 : n == (uint32_t)term_arity[k]);
  for (uint32_t i = 0; i < n; i++)
    assert(args[i] != TERM_NONE && args[i] < tm->nodes.len);
  TermKey key = {.kind = k, .sort = s, .args = args, .nargs = n};
  return term_intern(tm, &key);
}

TermId term_raw_int(TermMgr *tm, const mpz_t v) {
  TermKey key = {.kind = TERM_INTCONST, .sort = SORT_INT};
  if (mpz_fits_slong_p(v))
    key.small = mpz_get_si(v);
  else
    key.big = v;
  return term_intern(tm, &key);
}

TermId term_raw_var(TermMgr *tm, const char *name, Sort s) {
  TermKey key = {.kind = TERM_VAR, .sort = s, .name = name};
  return term_intern(tm, &key);
}

TermId term_find_var(const TermMgr *tm, const char *name, Sort s) {
  TermKey key = {.kind = TERM_VAR, .sort = s, .name = name};
  size_t j = term_lookup_slot(tm, &key, term_key_hash(&key));
  return tm->table[j];
}

/* ---- manager ---- */

TermMgr *term_mgr_new(void) {
  TermMgr *tm = xcalloc(1, sizeof *tm);
  tm->bmemo = term_bounds_memo_new();
  VEC_PUSH(tm->nodes, (TermNode){0});
  term_table_grow(tm);
  TermId f = term_raw(tm, TERM_FALSE, SORT_BOOL, NULL, 0);
  TermId t = term_raw(tm, TERM_TRUE, SORT_BOOL, NULL, 0);
  assert(f == 1 && t == 2);
  (void)f;
  (void)t;
  return tm;
}

void term_mgr_delete(TermMgr *tm) {
  if (!tm)
    return;
  for (size_t i = 0; i < tm->names.len; i++)
    free(tm->names.data[i]);
  for (size_t i = 0; i < tm->bigs.len; i++)
    mpz_clear(tm->bigs.data[i].v);
  VEC_FREE(tm->nodes);
  VEC_FREE(tm->args);
  VEC_FREE(tm->names);
  VEC_FREE(tm->bigs);
  for (size_t i = 0; i < tm->bounds.len; i++)
    mpz_clear(tm->bounds.data[i].v);
  VEC_FREE(tm->bounds);
  VEC_FREE(tm->bound_of);
  free(tm->table);
  term_bounds_memo_delete(tm->bmemo);
  free(tm);
}

TermBoundsMemo *term_bounds_memo(const TermMgr *tm) { return tm->bmemo; }

void term_var_set_bounds(TermMgr *tm, TermId var, const mpz_t lo,
                         const mpz_t hi) {
  assert(term_node(tm, var)->kind == TERM_VAR);
  if (tm->bounds.len == 0) { /* slots 0 and 1: "none" */
    for (int i = 0; i < 2; i++) {
      BigInt b;
      mpz_init(b.v);
      VEC_PUSH(tm->bounds, b);
    }
  }
  while (tm->bound_of.len <= var)
    VEC_PUSH(tm->bound_of, 0);
  tm->bound_of.data[var] = (uint32_t)(tm->bounds.len / 2);
  term_bounds_memo_forget(tm->bmemo, var);
  BigInt l, h;
  mpz_init_set(l.v, lo);
  mpz_init_set(h.v, hi);
  VEC_PUSH(tm->bounds, l);
  VEC_PUSH(tm->bounds, h);
}

bool term_var_bounds(const TermMgr *tm, TermId var, mpz_t lo, mpz_t hi) {
  if (var >= tm->bound_of.len || !tm->bound_of.data[var])
    return false;
  uint32_t k = tm->bound_of.data[var];
  mpz_set(lo, tm->bounds.data[2 * k].v);
  mpz_set(hi, tm->bounds.data[2 * k + 1].v);
  return true;
}

/* ---- inspection ---- */

TermKind term_kind(const TermMgr *tm, TermId t) {
  return (TermKind)term_node(tm, t)->kind;
}

Sort term_sort(const TermMgr *tm, TermId t) { return term_node(tm, t)->sort; }

uint32_t term_nargs(const TermMgr *tm, TermId t) {
  return term_node(tm, t)->nargs;
}

TermId term_arg(const TermMgr *tm, TermId t, uint32_t i) {
  const TermNode *n = term_node(tm, t);
  assert(i < n->nargs);
  return tm->args.data[n->args + i];
}

const char *term_var_name(const TermMgr *tm, TermId t) {
  const TermNode *n = term_node(tm, t);
  assert(n->kind == TERM_VAR);
  return tm->names.data[n->payload];
}

void term_int_value(const TermMgr *tm, TermId t, mpz_t out) {
  const TermNode *n = term_node(tm, t);
  assert(n->kind == TERM_INTCONST);
  if (n->big)
    mpz_set(out, tm->bigs.data[n->payload].v);
  else
    mpz_set_si(out, (long)n->payload);
}

bool term_is_true(const TermMgr *tm, TermId t) {
  return term_node(tm, t)->kind == TERM_TRUE;
}

bool term_is_false(const TermMgr *tm, TermId t) {
  return term_node(tm, t)->kind == TERM_FALSE;
}

bool term_is_int_const(const TermMgr *tm, TermId t) {
  return term_node(tm, t)->kind == TERM_INTCONST;
}

uint32_t term_count(const TermMgr *tm) { return (uint32_t)tm->nodes.len; }

/* ---- printing ---- */

/* Prints a leaf, or opens a compound term with "(op". */
static void term_print_head(const TermMgr *tm, TermId t, FILE *out) {
  const TermNode *n = term_node(tm, t);
  switch ((TermKind)n->kind) {
  case TERM_INTCONST:
    if (n->big)
      mpz_out_str(out, 10, tm->bigs.data[n->payload].v);
    else
      fprintf(out, "%lld", (long long)n->payload);
    break;
  case TERM_VAR:
    fputs(tm->names.data[n->payload], out);
    break;
  default:
    fprintf(out, n->nargs ? "(%s" : "%s", term_ops[n->kind]);
    break;
  }
}

/* Iterative, so that deep terms (long ITE chains) cannot overflow the C
 * stack; shared subterms are printed each time they occur. */
void term_print(const TermMgr *tm, TermId t, FILE *out) {
  typedef struct {
    TermId t;
    uint32_t next; /* next argument to print */
  } Frame;
  VEC(Frame) stack = {0};
  term_print_head(tm, t, out);
  if (term_nargs(tm, t))
    VEC_PUSH(stack, ((Frame){t, 0}));
  while (stack.len) {
    Frame *f = &VEC_LAST(stack);
    if (f->next == term_nargs(tm, f->t)) {
      fputc(')', out);
      stack.len--;
      continue;
    }
    TermId a = term_arg(tm, f->t, f->next++);
    fputc(' ', out);
    term_print_head(tm, a, out);
    if (term_nargs(tm, a))
      VEC_PUSH(stack, ((Frame){a, 0}));
  }
  VEC_FREE(stack);
}
