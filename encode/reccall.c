/* reccall.c -- cases of scalar arguments and the memo of recursive calls.
 *
 * The memo is an open-addressing hash table of slots holding a key (owned
 * copy of the argument array), its hash and the entry.  Hashes are
 * structural (sv_hash), so a lookup costs one walk over the arguments plus
 * sv_same on the slots with the same hash.  rc_cases walks the ite tree of
 * a scalar once per distinct node (a small visited list bounds the walk),
 * collecting the constant leaves. */
#include "reccall.h"

#include <string.h>

uint64_t sv_hash(const SymVal *v) {
  uint64_t h = hash_mix(0x5eed, (uint64_t)v->kind);
  if (v->kind <= SV_ATOM)
    return hash_mix(h, v->t);
  h = hash_mix(h, v->n);
  for (uint32_t i = 0; i < v->n; i++) {
    h = hash_mix(h, v->cells[i].mem);
    h = hash_mix(h, sv_hash(v->cells[i].key));
    if (v->kind == SV_FUN)
      h = hash_mix(h, sv_hash(v->cells[i].val));
  }
  return h;
}

/* ---- cases ---- */

#define RC_MAX_NODES 4096 /* ite nodes walked before giving up */

typedef struct Walk {
  TermMgr *tm;
  uint32_t max;
  TermId *out;
  uint32_t n;
  bool exact;
  VEC(TermId) seen;
} Walk;

static bool add_case(Walk *w, TermId c) {
  for (uint32_t i = 0; i < w->n; i++)
    if (w->out[i] == c)
      return true;
  if (w->n == w->max)
    return false;
  w->out[w->n++] = c;
  return true;
}

static bool walk(Walk *w, TermId t) {
  for (size_t i = 0; i < w->seen.len; i++)
    if (w->seen.data[i] == t)
      return true;
  if (w->seen.len >= RC_MAX_NODES)
    return false;
  VEC_PUSH(w->seen, t);
  switch (term_kind(w->tm, t)) {
  case TERM_INTCONST:
  case TERM_TRUE:
  case TERM_FALSE:
    return add_case(w, t);
  case TERM_ITE:
    return walk(w, term_arg(w->tm, t, 1)) && walk(w, term_arg(w->tm, t, 2));
  case TERM_VAR: {
    if (term_sort(w->tm, t) != SORT_INT)
      return false;
    mpz_t lo, hi, i;
    mpz_inits(lo, hi, i, NULL);
    bool ok = term_var_bounds(w->tm, t, lo, hi);
    if (ok) {
      mpz_sub(i, hi, lo);
      ok = mpz_cmp_ui(i, w->max) < 0;
    }
    for (mpz_set(i, lo); ok && mpz_cmp(i, hi) <= 0; mpz_add_ui(i, i, 1))
      ok = add_case(w, term_mk_int(w->tm, i));
    mpz_clears(lo, hi, i, NULL);
    w->exact = false;
    return ok;
  }
  default:
    return false;
  }
}

static int cmp_id(const void *a, const void *b) {
  TermId x = *(const TermId *)a, y = *(const TermId *)b;
  return (x > y) - (x < y);
}

bool rc_cases(const SymVal *v, uint32_t max, TermId *out, uint32_t *n,
              bool *exact) {
  TermMgr *tm = sv_mgr();
  *n = 0;
  *exact = true;
  if (v->kind > SV_ATOM || max < 2)
    return false;
  if (v->kind == SV_BOOL) {
    if (term_is_true(tm, v->t) || term_is_false(tm, v->t))
      return false;
    out[0] = term_false(tm);
    out[1] = term_true(tm);
    *n = 2;
    return true;
  }
  if (term_is_int_const(tm, v->t))
    return false;
  Walk w = {tm, max, out, 0, true, {0}};
  bool ok = walk(&w, v->t);
  VEC_FREE(w.seen);
  if (!ok && v->kind == SV_INT) {
    /* Arithmetic (x % 7, n - 1): the integers its bounds allow. */
    mpz_t lo, hi, i;
    mpz_inits(lo, hi, i, NULL);
    w.n = 0;
    ok = term_int_bounds(tm, v->t, lo, hi);
    if (ok) {
      mpz_sub(i, hi, lo);
      ok = mpz_cmp_ui(i, max) < 0;
    }
    for (mpz_set(i, lo); ok && mpz_cmp(i, hi) <= 0; mpz_add_ui(i, i, 1))
      ok = add_case(&w, term_mk_int(tm, i));
    mpz_clears(lo, hi, i, NULL);
    w.exact = false;
  }
  if (!ok || w.n == 0)
    return false;
  qsort(out, w.n, sizeof *out, cmp_id);
  *n = w.n;
  *exact = w.exact;
  return true;
}

/* The constant of kind k (a scalar kind) with term c. */
static SymVal *scalar_const(SvKind k, TermId c) {
  return k == SV_BOOL ? sv_bool(c) : k == SV_INT ? sv_int(c) : sv_atom(c);
}

/* x = c for the scalar x and the constant term c of its kind. */
static TermId scalar_is(TermMgr *tm, const SymVal *x, TermId c) {
  if (x->kind == SV_BOOL)
    return term_is_true(tm, c) ? x->t : term_mk_not(tm, x->t);
  return term_mk_eq(tm, x->t, c);
}

bool rc_split_cases(const SymVal *v, uint32_t max, TermId *is, SymVal **vals,
                    uint32_t *n, bool *exact) {
  TermMgr *tm = sv_mgr();
  TermId *cases = xmalloc((max + 1) * sizeof *cases);
  uint32_t m;
  bool ok = true;
  *n = 0;
  *exact = true;
  if (v->kind != SV_MIX) {
    ok = rc_cases(v, max, cases, &m, exact);
    for (uint32_t k = 0; ok && k < m; k++) {
      is[k] = scalar_is(tm, v, cases[k]);
      vals[k] = scalar_const(v->kind, cases[k]);
    }
    *n = ok ? m : 0;
    free(cases);
    return ok;
  }
  for (uint32_t a = 0; ok && a < v->n; a++) {
    SymVal *alt = v->cells[a].key;
    TermId active = v->cells[a].mem;
    bool ex;
    if (term_is_false(tm, active))
      continue;
    if (alt->kind > SV_ATOM) {
      ok = false;
    } else if (term_is_int_const(tm, alt->t) || term_is_true(tm, alt->t) ||
               term_is_false(tm, alt->t)) {
      ok = *n < max;
      if (ok) {
        is[*n] = active;
        vals[(*n)++] = alt;
      }
    } else {
      ok = rc_cases(alt, max - *n, cases, &m, &ex);
      *exact = *exact && ex;
      for (uint32_t k = 0; ok && k < m; k++) {
        is[*n] = term_mk_and2(tm, active, scalar_is(tm, alt, cases[k]));
        vals[(*n)++] = scalar_const(alt->kind, cases[k]);
      }
    }
  }
  free(cases);
  if (!ok || *n == 0) {
    *n = 0;
    return false;
  }
  return true;
}

/* ---- the memo ---- */

typedef struct Slot {
  uint64_t hash;
  const void *owner, *ctx;
  int budget;
  SymVal **args;
  uint32_t nargs;
  CmEntry e;
  bool used;
} Slot;

struct CallMemo {
  Slot *slots;
  size_t cap, len;
};

static uint64_t key_hash(const CmKey *k) {
  uint64_t h = hash_mix((uint64_t)(uintptr_t)k->owner,
                        (uint64_t)(uintptr_t)k->ctx);
  h = hash_mix(h, (uint64_t)(int64_t)k->budget);
  h = hash_mix(h, k->nargs);
  for (uint32_t i = 0; i < k->nargs; i++)
    h = hash_mix(h, sv_hash(k->args[i]));
  return h;
}

static bool key_is(const Slot *s, uint64_t h, const CmKey *k) {
  if (s->hash != h || s->owner != k->owner || s->ctx != k->ctx ||
      s->budget != k->budget || s->nargs != k->nargs)
    return false;
  for (uint32_t i = 0; i < k->nargs; i++)
    if (!sv_same(s->args[i], k->args[i]))
      return false;
  return true;
}

CallMemo *cm_new(void) { return xcalloc(1, sizeof(CallMemo)); }

static void slot_free(Slot *s) {
  free(s->args);
  free(s->e.errs);
  free(s->e.uses);
}

void cm_clear(CallMemo *m) {
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].used)
      slot_free(&m->slots[i]);
  if (m->cap)
    memset(m->slots, 0, m->cap * sizeof *m->slots);
  m->len = 0;
}

void cm_delete(CallMemo *m) {
  if (!m)
    return;
  cm_clear(m);
  free(m->slots);
  free(m);
}

size_t cm_size(const CallMemo *m) { return m->len; }

static size_t probe(const CallMemo *m, uint64_t h, const CmKey *k) {
  size_t i = h & (m->cap - 1);
  while (m->slots[i].used && !key_is(&m->slots[i], h, k))
    i = (i + 1) & (m->cap - 1);
  return i;
}

const CmEntry *cm_find(const CallMemo *m, const CmKey *k) {
  if (!m->cap)
    return NULL;
  size_t i = probe(m, key_hash(k), k);
  return m->slots[i].used ? &m->slots[i].e : NULL;
}

static void grow(CallMemo *m) {
  size_t ncap = m->cap ? 2 * m->cap : 64;
  Slot *ns = xcalloc(ncap, sizeof *ns);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slots[i].used)
      continue;
    size_t j = m->slots[i].hash & (ncap - 1);
    while (ns[j].used)
      j = (j + 1) & (ncap - 1);
    ns[j] = m->slots[i];
  }
  free(m->slots);
  m->slots = ns;
  m->cap = ncap;
}

void cm_put(CallMemo *m, const CmKey *k, const CmEntry *e) {
  if (2 * (m->len + 1) > m->cap)
    grow(m);
  uint64_t h = key_hash(k);
  size_t i = probe(m, h, k);
  Slot *s = &m->slots[i];
  if (s->used)
    slot_free(s);
  else
    m->len++;
  s->used = true;
  s->hash = h;
  s->owner = k->owner;
  s->ctx = k->ctx;
  s->budget = k->budget;
  s->nargs = k->nargs;
  s->args = xmalloc((k->nargs + 1) * sizeof *s->args);
  memcpy(s->args, k->args, k->nargs * sizeof *s->args);
  s->e.val = e->val;
  s->e.nerrs = e->nerrs;
  s->e.errs = xmalloc((e->nerrs + 1) * sizeof *s->e.errs);
  if (e->nerrs)
    memcpy(s->e.errs, e->errs, e->nerrs * sizeof *s->e.errs);
  s->e.uses = xmalloc((k->nargs + 1) * sizeof *s->e.uses);
  if (k->nargs)
    memcpy(s->e.uses, e->uses, k->nargs * sizeof *s->e.uses);
}
