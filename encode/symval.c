/* symval.c -- operations on symbolic values.
 *
 * Everything here is structural recursion over the representation in
 * symval.h, building terms through the smart constructors, so operations
 * on constant parts fold away: a set of constant cells compared with
 * another behaves like a bit-vector comparison.  ite over sets and
 * functions merges cells with structurally identical keys (the common
 * case: both branches come from the same universe), keeping values from
 * growing with every merge. */
#include "symval.h"

#include <stdlib.h>
#include <string.h>

static TermMgr *tm;

/* ---- memo: (operation, a, b) -> term ----
 * Symbolic values are immutable and never freed, so a pair of pointers
 * names a pair of values for the run; the terms belong to the manager, so
 * the table is emptied when the manager changes.  Only composite values
 * (sets, functions, mixtures) are memoised: scalars are cheaper to redo. */
enum { MEMO_EQ, MEMO_LT, MEMO_MEM, MEMO_SUB };
typedef struct MemoSlot {
  const void *a, *b;
  uint32_t op;
  TermId t;
} MemoSlot;
static MemoSlot *memo;
static size_t memo_cap, memo_len;

static size_t memo_hash(int op, const void *a, const void *b) {
  return (size_t)hash_mix(hash_mix((uint64_t)(uintptr_t)a, (uint64_t)(uintptr_t)b),
                          (uint64_t)op);
}

static TermId memo_get(int op, const void *a, const void *b) {
  if (!memo_cap)
    return TERM_NONE;
  for (size_t i = memo_hash(op, a, b) & (memo_cap - 1);; i = (i + 1) & (memo_cap - 1)) {
    MemoSlot *m = &memo[i];
    if (!m->a)
      return TERM_NONE;
    if (m->a == a && m->b == b && m->op == (uint32_t)op)
      return m->t;
  }
}

static TermId memo_put(int op, const void *a, const void *b, TermId t) {
  if (2 * (memo_len + 1) > memo_cap) {
    size_t old = memo_cap;
    MemoSlot *o = memo;
    memo_cap = old ? 2 * old : 1024;
    memo = xcalloc(memo_cap, sizeof *memo);
    memo_len = 0;
    for (size_t i = 0; i < old; i++)
      if (o[i].a)
        memo_put((int)o[i].op, o[i].a, o[i].b, o[i].t);
    free(o);
  }
  size_t i = memo_hash(op, a, b) & (memo_cap - 1);
  while (memo[i].a)
    i = (i + 1) & (memo_cap - 1);
  memo[i] = (MemoSlot){a, b, (uint32_t)op, t};
  memo_len++;
  return t;
}

static void memo_clear(void) {
  free(memo);
  memo = NULL;
  memo_cap = memo_len = 0;
}

void sv_set_mgr(TermMgr *m) {
  tm = m;
  memo_clear();
}
TermMgr *sv_mgr(void) { return tm; }

static SymVal *sv_new(SvKind k) {
  SymVal *s = xcalloc(1, sizeof *s);
  s->kind = k;
  return s;
}

SymVal *sv_bool(TermId t) {
  SymVal *s = sv_new(SV_BOOL);
  s->t = t;
  return s;
}

SymVal *sv_int(TermId t) {
  SymVal *s = sv_new(SV_INT);
  s->t = t;
  return s;
}

SymVal *sv_atom(TermId t) {
  SymVal *s = sv_new(SV_ATOM);
  s->t = t;
  return s;
}

static SymVal *sv_cells(SvKind k, SvCell *cells, uint32_t n) {
  SymVal *s = sv_new(k);
  s->n = n;
  s->cells = xmalloc((n + 1) * sizeof *cells);
  if (n)
    memcpy(s->cells, cells, n * sizeof *cells);
  return s;
}

static void canon_set(SymVal *s);

SymVal *sv_set(SvCell *cells, uint32_t n) {
  SymVal *s = sv_cells(SV_SET, cells, n);
  canon_set(s);
  return s;
}

SymVal *sv_fun(SvCell *cells, uint32_t n) { return sv_cells(SV_FUN, cells, n); }

/* ---- atoms ---- */

static VEC(Value *) atoms;

int sv_atom_index(const Value *v) {
  for (size_t i = 0; i < atoms.len; i++)
    if (atoms.data[i] == v)
      return (int)i;
  VEC_PUSH(atoms, (Value *)v);
  return (int)atoms.len - 1;
}

Value *sv_atom_value(int index) {
  return index >= 0 && (size_t)index < atoms.len ? atoms.data[index] : NULL;
}

int sv_atom_count(void) { return (int)atoms.len; }

/* ---- constants ---- */

SymVal *sv_from_value(const Value *v) {
  switch (v->kind) {
  case V_BOOL:
    return sv_bool(term_mk_bool(tm, v->u.b));
  case V_INT: {
    mpz_t z;
    mpz_init(z);
    val_get_mpz(v, z);
    SymVal *s = sv_int(term_mk_int(tm, z));
    mpz_clear(z);
    return s;
  }
  case V_STR:
  case V_MODEL:
    return sv_atom(term_mk_int_si(tm, sv_atom_index(v)));
  case V_SET: {
    SvCell *c = xmalloc((v->u.set.n + 1) * sizeof *c);
    for (uint32_t i = 0; i < v->u.set.n; i++)
      c[i] = (SvCell){sv_from_value(v->u.set.elems[i]), term_true(tm), NULL};
    SymVal *s = sv_set(c, v->u.set.n);
    free(c);
    return s;
  }
  case V_FUN: {
    SvCell *c = xmalloc((v->u.fun.n + 1) * sizeof *c);
    for (uint32_t i = 0; i < v->u.fun.n; i++)
      c[i] = (SvCell){sv_from_value(v->u.fun.keys[i]), term_true(tm),
                      sv_from_value(v->u.fun.vals[i])};
    SymVal *s = sv_fun(c, v->u.fun.n);
    free(c);
    return s;
  }
  default:
    return NULL;
  }
}

static bool is_const_uncached(const SymVal *s, Value **out);

/* Constancy is computed once per value (values never change), except for
 * sv_any, whose term belongs to the current manager. */
bool sv_is_const(const SymVal *s, Value **out) {
  if (s == sv_any())
    return is_const_uncached(s, out);
  SymVal *m = (SymVal *)s;
  if (!m->cstate) {
    Value *v = NULL;
    m->cstate = is_const_uncached(s, &v) ? 1 : -1;
    m->cval = v;
  }
  if (m->cstate > 0)
    *out = m->cval;
  return m->cstate > 0;
}

static bool is_const_uncached(const SymVal *s, Value **out) {
  switch (s->kind) {
  case SV_MIX:
    for (uint32_t i = 0; i < s->n; i++)
      if (term_is_true(tm, s->cells[i].mem))
        return sv_is_const(s->cells[i].key, out);
    return false;
  case SV_BOOL:
    if (term_is_true(tm, s->t) || term_is_false(tm, s->t)) {
      *out = val_bool(term_is_true(tm, s->t));
      return true;
    }
    return false;
  case SV_INT:
  case SV_ATOM: {
    if (!term_is_int_const(tm, s->t))
      return false;
    mpz_t z;
    mpz_init(z);
    term_int_value(tm, s->t, z);
    if (s->kind == SV_INT)
      *out = val_int_mpz(z);
    else
      *out = sv_atom_value((int)mpz_get_si(z));
    mpz_clear(z);
    return *out != NULL;
  }
  case SV_SET:
  case SV_FUN: {
    VEC(Value *) ks = {0};
    VEC(Value *) vs = {0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < s->n; i++) {
      SvCell *c = &s->cells[i];
      Value *k, *v = NULL;
      if (term_is_false(tm, c->mem))
        continue;
      if (!term_is_true(tm, c->mem) || !sv_is_const(c->key, &k) ||
          (s->kind == SV_FUN && !sv_is_const(c->val, &v))) {
        ok = false;
        break;
      }
      VEC_PUSH(ks, k);
      VEC_PUSH(vs, v);
    }
    if (ok)
      *out = s->kind == SV_SET ? val_set(ks.data, ks.len)
                               : val_fun(ks.data, vs.data, ks.len);
    if (ok && !*out)
      ok = false;
    VEC_FREE(ks);
    VEC_FREE(vs);
    return ok;
  }
  }
  return false;
}

/* ---- constant keys ----
 *
 * A set whose elements are all constants is kept as a characteristic
 * vector over them: cells sorted by val_cmp, one per element (sv_set
 * merges equal ones, or-ing their mems, and drops cells that are never
 * members).  Two such sets are compared element by element in one merge
 * walk, and a constant is looked up by binary search, where the general
 * operations compare every cell with every other.  Functions are not
 * reordered (sv_apply lets the first matching cell win), but one whose
 * keys happen to be constants in increasing order (records, tuples, and
 * functions built over such a set) is recognised lazily and gets the same
 * treatment. */

/* The constant key of a cell of a canonical set or function. */
static Value *key_value(const SvCell *c) { return c->key->cval; }

typedef struct KeyRef {
  Value *v;
  uint32_t i;
} KeyRef;

static int keyref_cmp(const void *pa, const void *pb) {
  const KeyRef *a = pa, *b = pb;
  int c = val_cmp(a->v, b->v);
  return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Are the keys of s constants (sv_any is not one), and if so their values
 * into vs (room for s->n)? */
static bool const_keys(const SymVal *s, Value **vs) {
  for (uint32_t i = 0; i < s->n; i++)
    if (s->cells[i].key == sv_any() || !sv_is_const(s->cells[i].key, &vs[i]))
      return false;
  return true;
}

static void canon_set(SymVal *s) {
  s->canon = -1;
  Value **vs = xmalloc((s->n + 1) * sizeof *vs);
  if (!const_keys(s, vs)) {
    free(vs);
    return;
  }
  bool sorted = true;
  for (uint32_t i = 0; i < s->n && sorted; i++)
    sorted = !term_is_false(tm, s->cells[i].mem) &&
             (i == 0 || val_cmp(vs[i - 1], vs[i]) < 0);
  if (!sorted) {
    KeyRef *ks = xmalloc((s->n + 1) * sizeof *ks);
    for (uint32_t i = 0; i < s->n; i++)
      ks[i] = (KeyRef){vs[i], i};
    qsort(ks, s->n, sizeof *ks, keyref_cmp);
    SvCell *out = xmalloc((s->n + 1) * sizeof *out);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->n; i++) {
      SvCell c = s->cells[ks[i].i];
      if (n > 0 && key_value(&out[n - 1]) == ks[i].v)
        out[n - 1].mem = term_mk_or2(tm, out[n - 1].mem, c.mem);
      else
        out[n++] = c;
    }
    uint32_t m = 0; /* drop the cells that are never members */
    for (uint32_t i = 0; i < n; i++)
      if (!term_is_false(tm, out[i].mem))
        out[m++] = out[i];
    free(s->cells);
    s->cells = out;
    s->n = m;
    free(ks);
  }
  free(vs);
  s->canon = 1;
}

/* Is s a set or function with constant keys in increasing order? */
static bool canon(const SymVal *s) {
  if (s->kind != SV_SET && s->kind != SV_FUN)
    return false;
  SymVal *m = (SymVal *)s;
  if (!m->canon) {
    Value **vs = xmalloc((s->n + 1) * sizeof *vs);
    bool ok = const_keys(s, vs);
    for (uint32_t i = 1; i < s->n && ok; i++)
      ok = val_cmp(vs[i - 1], vs[i]) < 0;
    free(vs);
    m->canon = ok ? 1 : -1;
  }
  return m->canon > 0;
}

/* The cell of canonical s whose key is v, or -1. */
static long canon_find(const SymVal *s, const Value *v) {
  uint32_t lo = 0, hi = s->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = val_cmp(key_value(&s->cells[mid]), v);
    if (c == 0)
      return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

/* Walks canonical a and b in key order: fn(ca, cb, arg) for each key, with
 * NULL for the side that lacks it. */
typedef void (*WalkFn)(const SvCell *ca, const SvCell *cb, void *arg);

static void canon_walk(const SymVal *a, const SymVal *b, WalkFn fn,
                       void *arg) {
  uint32_t i = 0, j = 0;
  while (i < a->n || j < b->n) {
    int c = i == a->n   ? 1
            : j == b->n ? -1
                        : val_cmp(key_value(&a->cells[i]),
                                  key_value(&b->cells[j]));
    if (c < 0)
      fn(&a->cells[i++], NULL, arg);
    else if (c > 0)
      fn(NULL, &b->cells[j++], arg);
    else {
      fn(&a->cells[i], &b->cells[j], arg);
      i++, j++;
    }
  }
}

typedef VEC(TermId) TermVec;

static TermId mem_of(const SvCell *c) { return c ? c->mem : term_false(tm); }

/* Sets: the same members.  Functions: the same domain, and the same values
 * on it. */
static void walk_equal(const SvCell *ca, const SvCell *cb, void *arg) {
  TermVec *parts = arg;
  TermId ma = mem_of(ca), mb = mem_of(cb);
  VEC_PUSH(*parts, term_mk_iff(tm, ma, mb));
  if (ca && cb && ca->val)
    VEC_PUSH(*parts, term_mk_implies(tm, ma, sv_equal(ca->val, cb->val)));
}

static void walk_subseteq(const SvCell *ca, const SvCell *cb, void *arg) {
  TermVec *parts = arg;
  if (ca)
    VEC_PUSH(*parts, term_mk_implies(tm, ca->mem, mem_of(cb)));
}

/* For A and B of one size, A first in TLC's order: the least element of
 * their symmetric difference lies in A.  Parts: that element at each key,
 * with `clear`: no element before it lies only in B. */
typedef struct LexWalk {
  TermVec alts;
  TermId clear;
} LexWalk;

static void walk_lex(const SvCell *ca, const SvCell *cb, void *arg) {
  LexWalk *w = arg;
  TermId ma = mem_of(ca), mb = mem_of(cb);
  TermId only_a = term_mk_and2(tm, ma, term_mk_not(tm, mb));
  TermId only_b = term_mk_and2(tm, mb, term_mk_not(tm, ma));
  VEC_PUSH(w->alts, term_mk_and2(tm, w->clear, only_a));
  w->clear = term_mk_and2(tm, w->clear, term_mk_not(tm, only_b));
}

typedef struct IteWalk {
  TermId c;
  VEC(SvCell) out;
} IteWalk;

static void walk_ite(const SvCell *ca, const SvCell *cb, void *arg) {
  IteWalk *w = arg;
  SvCell r = ca ? *ca : *cb;
  r.mem = term_mk_ite(tm, w->c, mem_of(ca), mem_of(cb));
  if (ca && cb && ca->val) /* functions: the value at the key */
    r.val = sv_ite(w->c, ca->val, cb->val);
  if (!term_is_false(tm, r.mem))
    VEC_PUSH(w->out, r);
}

static TermId walk_and(const SymVal *a, const SymVal *b, WalkFn fn) {
  TermVec parts = {0};
  canon_walk(a, b, fn, &parts);
  TermId r = term_mk_and(tm, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* ---- structure ---- */

bool sv_same(const SymVal *a, const SymVal *b) {
  if (a == b)
    return true;
  if (a->kind != b->kind)
    return false;
  if (a->kind <= SV_ATOM)
    return a->t == b->t;
  if (a->n != b->n)
    return false;
  for (uint32_t i = 0; i < a->n; i++) {
    if (a->cells[i].mem != b->cells[i].mem ||
        !sv_same(a->cells[i].key, b->cells[i].key))
      return false;
    if (a->kind == SV_FUN && !sv_same(a->cells[i].val, b->cells[i].val))
      return false;
  }
  return true;
}

TermId sv_eq(const SymVal *a, const SymVal *b, bool *unused) {
  (void)unused;
  return sv_equal(a, b);
}

static TermId equal_uncached(const SymVal *a, const SymVal *b);

static bool composite(const SymVal *v) { return v->kind >= SV_SET; }

TermId sv_equal(const SymVal *a, const SymVal *b) {
  if (a == b || !(composite(a) || composite(b)))
    return equal_uncached(a, b);
  TermId t = memo_get(MEMO_EQ, a, b);
  return t ? t : memo_put(MEMO_EQ, a, b, equal_uncached(a, b));
}

static TermId equal_uncached(const SymVal *a, const SymVal *b) {
  if (a == sv_any() || b == sv_any())
    return term_false(tm); /* an error is recorded wherever it is reached */
  Value *va, *vb;
  if (composite(a) && composite(b) && sv_is_const(a, &va) &&
      sv_is_const(b, &vb))
    return term_mk_bool(tm, va == vb); /* values are hash-consed */
  if (a->kind == b->kind && canon(a) && canon(b))
    return walk_and(a, b, walk_equal);
  if (a->kind == SV_MIX || b->kind == SV_MIX) {
    /* Equal when both are of one kind and equal as such; values of
     * different kinds differ (TLC compares model values with anything). */
    VEC(TermId) alts = {0};
    for (int k = 0; k < SV_NKINDS; k++) {
      TermId ma, mb;
      SymVal *ak = sv_alt((SymVal *)a, (SvKind)k, &ma);
      SymVal *bk = sv_alt((SymVal *)b, (SvKind)k, &mb);
      if (ak && bk)
        VEC_PUSH(alts, term_mk_and(tm, (TermId[]){ma, mb, sv_equal(ak, bk)},
                                   3));
    }
    TermId r = term_mk_or(tm, alts.data, alts.len);
    VEC_FREE(alts);
    return r;
  }
  if (a->kind != b->kind) /* whether that is an error: sv_eq_error */
    return term_false(tm);
  if (sv_same(a, b))
    return term_true(tm);
  switch (a->kind) {
  case SV_BOOL:
    return term_mk_iff(tm, a->t, b->t);
  case SV_INT:
  case SV_ATOM:
    return term_mk_eq(tm, a->t, b->t);
  case SV_SET:
    return term_mk_and2(tm, sv_subseteq(a, b), sv_subseteq(b, a));
  case SV_FUN: {
    /* Same domain, and equal values on it. */
    VEC(TermId) parts = {0};
    for (int dir = 0; dir < 2; dir++) {
      const SymVal *x = dir ? b : a, *y = dir ? a : b;
      for (uint32_t i = 0; i < x->n; i++) {
        SvCell *c = &x->cells[i];
        if (term_is_false(tm, c->mem))
          continue;
        VEC(TermId) alts = {0};
        for (uint32_t j = 0; j < y->n; j++) {
          SvCell *d = &y->cells[j];
          TermId k = sv_equal(c->key, d->key);
          if (term_is_false(tm, k))
            continue;
          TermId v = dir ? term_true(tm) : sv_equal(c->val, d->val);
          VEC_PUSH(alts, term_mk_and(tm, (TermId[]){d->mem, k, v}, 3));
        }
        VEC_PUSH(parts, term_mk_implies(tm, c->mem,
                                        term_mk_or(tm, alts.data, alts.len)));
        VEC_FREE(alts);
      }
    }
    TermId r = term_mk_and(tm, parts.data, parts.len);
    VEC_FREE(parts);
    return r;
  }
  case SV_MIX: /* handled above */
    break;
  }
  return term_false(tm);
}

/* The atom a is a string (not a model value), as a Bool term. */
static TermId atom_is_string(const SymVal *a) {
  Value *v;
  if (sv_is_const(a, &v))
    return term_mk_bool(tm, v->kind == V_STR);
  VEC(TermId) alts = {0};
  for (int i = 0; i < sv_atom_count(); i++)
    if (sv_atom_value(i)->kind == V_STR)
      VEC_PUSH(alts, term_mk_eq(tm, a->t, term_mk_int_si(tm, i)));
  TermId r = term_mk_or(tm, alts.data, alts.len);
  VEC_FREE(alts);
  return r;
}

/* Is key k a string (a record field name)? */
static TermId key_is_string(SymVal *k) {
  TermId m;
  SymVal *x = sv_alt(k, SV_ATOM, &m);
  return x ? term_mk_and2(tm, m, atom_is_string(x)) : term_false(tm);
}

/* f is a record: its domain is nonempty and holds strings only. */
static TermId fun_is_record(const SymVal *f) {
  VEC(TermId) all = {0};
  VEC(TermId) some = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    VEC_PUSH(some, f->cells[i].mem);
    VEC_PUSH(all, term_mk_implies(tm, f->cells[i].mem,
                                  key_is_string(f->cells[i].key)));
  }
  VEC_PUSH(all, term_mk_or(tm, some.data, some.len));
  TermId r = term_mk_and(tm, all.data, all.len);
  VEC_FREE(all);
  VEC_FREE(some);
  return r;
}

/* f's domain holds something that is not a string. */
static TermId fun_has_other_keys(const SymVal *f) {
  VEC(TermId) any = {0};
  for (uint32_t i = 0; i < f->n; i++)
    VEC_PUSH(any, term_mk_and2(tm, f->cells[i].mem,
                               term_mk_not(tm, key_is_string(
                                                   f->cells[i].key))));
  TermId r = term_mk_or(tm, any.data, any.len);
  VEC_FREE(any);
  return r;
}

TermId sv_eq_error(const SymVal *a, const SymVal *b) {
  if (a == sv_any() || b == sv_any())
    return term_false(tm);
  VEC(TermId) errs = {0};
  /* TLC cannot compare a record with a tuple or a function over other
   * values (the evaluator's values_equal). */
  TermId fa, fb;
  SymVal *ra = sv_alt((SymVal *)a, SV_FUN, &fa);
  SymVal *rb = sv_alt((SymVal *)b, SV_FUN, &fb);
  if (ra && rb) {
    TermId either = term_mk_or2(
        tm, term_mk_and2(tm, fun_is_record(ra), fun_has_other_keys(rb)),
        term_mk_and2(tm, fun_is_record(rb), fun_has_other_keys(ra)));
    TermId parts[3] = {fa, fb, either};
    VEC_PUSH(errs, term_mk_and(tm, parts, 3));
  }
  for (int ka = 0; ka < SV_NKINDS; ka++) {
    TermId ma, mb;
    SymVal *xa = sv_alt((SymVal *)a, (SvKind)ka, &ma);
    if (!xa)
      continue;
    TermId plain_a = ka == SV_ATOM ? atom_is_string(xa) : term_true(tm);
    for (int kb = 0; kb < SV_NKINDS; kb++) {
      SymVal *xb = kb == ka ? NULL : sv_alt((SymVal *)b, (SvKind)kb, &mb);
      if (!xb)
        continue;
      TermId plain_b = kb == SV_ATOM ? atom_is_string(xb) : term_true(tm);
      TermId parts[4] = {ma, mb, plain_a, plain_b};
      VEC_PUSH(errs, term_mk_and(tm, parts, 4));
    }
  }
  TermId r = term_mk_or(tm, errs.data, errs.len);
  VEC_FREE(errs);
  return r;
}

static TermId mem_uncached(const SymVal *x, const SymVal *s);

TermId sv_mem(const SymVal *x, const SymVal *s) {
  TermId t = memo_get(MEMO_MEM, x, s);
  return t ? t : memo_put(MEMO_MEM, x, s, mem_uncached(x, s));
}

static TermId mem_uncached(const SymVal *x, const SymVal *s) {
  Value *v;
  if (canon(s) && x != sv_any() && sv_is_const(x, &v)) {
    long i = canon_find(s, v);
    return i < 0 ? term_false(tm) : s->cells[i].mem;
  }
  VEC(TermId) alts = {0};
  for (uint32_t i = 0; i < s->n; i++) {
    TermId e = sv_equal(x, s->cells[i].key);
    if (!term_is_false(tm, e))
      VEC_PUSH(alts, term_mk_and2(tm, s->cells[i].mem, e));
  }
  TermId r = term_mk_or(tm, alts.data, alts.len);
  VEC_FREE(alts);
  return r;
}

static TermId subseteq_uncached(const SymVal *a, const SymVal *b);

TermId sv_subseteq(const SymVal *a, const SymVal *b) {
  TermId t = memo_get(MEMO_SUB, a, b);
  return t ? t : memo_put(MEMO_SUB, a, b, subseteq_uncached(a, b));
}

static TermId subseteq_uncached(const SymVal *a, const SymVal *b) {
  if (canon(a) && canon(b))
    return walk_and(a, b, walk_subseteq);
  VEC(TermId) parts = {0};
  for (uint32_t i = 0; i < a->n; i++)
    VEC_PUSH(parts, term_mk_implies(tm, a->cells[i].mem,
                                    sv_mem(a->cells[i].key, b)));
  TermId r = term_mk_and(tm, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

SymVal *sv_alt(SymVal *v, SvKind k, TermId *active) {
  if (v->kind == k) {
    *active = term_true(tm);
    return v;
  }
  if (v->kind == SV_MIX)
    for (uint32_t i = 0; i < v->n; i++)
      if (v->cells[i].key->kind == k) {
        *active = v->cells[i].mem;
        return v->cells[i].key;
      }
  *active = term_false(tm);
  return NULL;
}

/* if c then a else b, kind by kind; a mixture unless one kind remains. */
static SymVal *sv_mix_ite(TermId c, SymVal *a, SymVal *b) {
  SvCell cells[SV_NKINDS];
  uint32_t n = 0;
  for (int k = 0; k < SV_NKINDS; k++) {
    TermId ma, mb;
    SymVal *ak = sv_alt(a, (SvKind)k, &ma), *bk = sv_alt(b, (SvKind)k, &mb);
    if (!ak && !bk)
      continue;
    SvCell cell;
    if (ak && bk) {
      cell.key = sv_ite(c, ak, bk);
      cell.mem = term_mk_ite(tm, c, ma, mb);
    } else {
      cell.key = ak ? ak : bk;
      cell.mem = ak ? term_mk_and2(tm, c, ma)
                    : term_mk_and2(tm, term_mk_not(tm, c), mb);
    }
    cell.val = NULL;
    if (!term_is_false(tm, cell.mem))
      cells[n++] = cell;
  }
  if (n == 1)
    return cells[0].key;
  return sv_cells(SV_MIX, cells, n);
}

SymVal *sv_any(void) {
  static SymVal any = {SV_BOOL, 0, 0, NULL, 0, 0, NULL};
  any.t = term_false(tm); /* of the current manager */
  return &any;
}

SymVal *sv_ite(TermId c, SymVal *a, SymVal *b) {
  if (a == sv_any())
    return b;
  if (b == sv_any())
    return a;
  if (term_is_true(tm, c) || a == b)
    return a;
  if (term_is_false(tm, c))
    return b;
  if (a->kind != b->kind || a->kind == SV_MIX)
    return sv_mix_ite(c, a, b);
  if (a->kind <= SV_ATOM) {
    SymVal *s = sv_new(a->kind);
    s->t = term_mk_ite(tm, c, a->t, b->t);
    return s;
  }
  if (sv_same(a, b))
    return a;
  if (canon(a) && canon(b)) {
    IteWalk w = {c, {0}};
    canon_walk(a, b, walk_ite, &w);
    SymVal *s = sv_cells(a->kind, w.out.data, (uint32_t)w.out.len);
    s->canon = 1;
    VEC_FREE(w.out);
    return s;
  }
  /* Merge cells; a cell whose key is structurally identical to one of the
   * other side is shared.  Of the rest, a cell of a with a symbolic key
   * shares a cell with the next unshared cell of b of the same kind: its
   * key, membership and value become ites on c.  Branches that each add a
   * message with its own key then add one cell, not one per branch; cells
   * with constant keys are not paired, as they are matched by identity in
   * later frames and stay bounded by their universe.  (The pairing changes
   * only the order of b's cells, which sets ignore and functions do too:
   * their cells for one key carry one value.) */
  VEC(SvCell) out = {0};
  bool *used = xcalloc(b->n + 1, sizeof *used);
  bool *shared = xcalloc(a->n + 1, sizeof *shared);
  for (uint32_t i = 0; i < a->n; i++) {
    SvCell ca = a->cells[i];
    int match = -1;
    for (uint32_t j = 0; j < b->n && match < 0; j++)
      if (!used[j] && sv_same(ca.key, b->cells[j].key))
        match = (int)j;
    SvCell r = ca;
    shared[i] = match >= 0;
    if (match >= 0) {
      SvCell cb = b->cells[match];
      used[match] = true;
      r.mem = term_mk_ite(tm, c, ca.mem, cb.mem);
      if (a->kind == SV_FUN) {
        r.val = sv_ite(c, ca.val, cb.val);
      }
    } else {
      r.mem = term_mk_and2(tm, c, ca.mem);
    }
    VEC_PUSH(out, r);
  }
  {
    Value *ignored;
    uint32_t j = 0;
    for (uint32_t i = 0; i < a->n; i++) {
      SvCell *r = &out.data[i];
      if (shared[i] || r->key->kind == SV_MIX ||
          sv_is_const(r->key, &ignored))
        continue;
      while (j < b->n && (used[j] || b->cells[j].key->kind != r->key->kind ||
                          sv_is_const(b->cells[j].key, &ignored)))
        j++;
      if (j == b->n)
        break;
      SvCell cb = b->cells[j];
      SymVal *key = sv_ite(c, r->key, cb.key);
      SymVal *val = a->kind == SV_FUN ? sv_ite(c, r->val, cb.val) : NULL;
      if (!key || (a->kind == SV_FUN && !val))
        continue;
      used[j] = true;
      r->key = key;
      r->mem = term_mk_ite(tm, c, a->cells[i].mem, cb.mem);
      r->val = val;
    }
  }
  free(shared);
  for (uint32_t j = 0; j < b->n; j++)
    if (!used[j]) {
      SvCell r = b->cells[j];
      r.mem = term_mk_and2(tm, term_mk_not(tm, c), r.mem);
      VEC_PUSH(out, r);
    }
  free(used);
  SymVal *s = sv_cells(a->kind, out.data, (uint32_t)out.len);
  VEC_FREE(out);
  return s;
}

SymVal *sv_domain(const SymVal *f) {
  SvCell *c = xmalloc((f->n + 1) * sizeof *c);
  for (uint32_t i = 0; i < f->n; i++)
    c[i] = (SvCell){f->cells[i].key, f->cells[i].mem, NULL};
  SymVal *s = sv_set(c, f->n);
  free(c);
  return s;
}

SymVal *sv_apply(const SymVal *f, const SymVal *x, TermId *defined) {
  SymVal *r = NULL;
  Value *v;
  if (canon(f) && x != sv_any() && sv_is_const(x, &v)) {
    long i = canon_find(f, v);
    if (i < 0 || term_is_false(tm, f->cells[i].mem)) {
      *defined = term_false(tm);
      return NULL;
    }
    *defined = f->cells[i].mem;
    return f->cells[i].val;
  }
  VEC(TermId) hits = {0};
  /* Scan backwards so that the first matching cell wins in the ite. */
  for (uint32_t i = f->n; i-- > 0;) {
    SvCell *c = &f->cells[i];
    TermId hit = term_mk_and2(tm, c->mem, sv_equal(x, c->key));
    if (term_is_false(tm, hit))
      continue;
    VEC_PUSH(hits, hit);
    if (!r) {
      r = c->val;
    } else {
      r = sv_ite(hit, c->val, r);
    }
  }
  *defined = term_mk_or(tm, hits.data, hits.len);
  VEC_FREE(hits);
  return r;
}

SymVal *sv_update(const SymVal *f, const SymVal *key, SymVal *v) {
  SvCell *c = xmalloc((f->n + 1) * sizeof *c);
  for (uint32_t i = 0; i < f->n; i++) {
    c[i] = f->cells[i];
    TermId hit = sv_equal(key, c[i].key);
    if (!term_is_false(tm, hit))
      c[i].val = sv_ite(hit, v, c[i].val);
  }
  SymVal *s = sv_fun(c, f->n);
  free(c);
  return s;
}

TermId sv_card(const SymVal *s) {
  VEC(TermId) terms = {0};
  for (uint32_t i = 0; i < s->n && canon(s); i++) /* distinct elements */
    VEC_PUSH(terms, term_mk_ite(tm, s->cells[i].mem, term_mk_int_si(tm, 1),
                                term_mk_int_si(tm, 0)));
  for (uint32_t i = 0; i < s->n && !canon(s); i++) {
    /* Count a cell when it is a member and no earlier member equals it. */
    VEC(TermId) conds = {0};
    VEC_PUSH(conds, s->cells[i].mem);
    for (uint32_t j = 0; j < i; j++) {
      TermId dup = term_mk_and2(tm, s->cells[j].mem,
                                sv_equal(s->cells[j].key, s->cells[i].key));
      VEC_PUSH(conds, term_mk_not(tm, dup));
    }
    TermId counted = term_mk_and(tm, conds.data, conds.len);
    VEC_FREE(conds);
    VEC_PUSH(terms, term_mk_ite(tm, counted, term_mk_int_si(tm, 1),
                                term_mk_int_si(tm, 0)));
  }
  TermId sum = term_mk_int_si(tm, 0);
  for (size_t i = 0; i < terms.len; i++)
    sum = term_mk_add(tm, sum, terms.data[i]);
  VEC_FREE(terms);
  return sum;
}

/* ---- TLC's value order ----
 *
 * val_cmp orders kinds first (Booleans, integers, strings, model values,
 * sets, functions: the order of SvKind, with strings and model values both
 * atoms), then within a kind; sets and functions by size and then
 * element by element in their sorted order.  For two sets A and B of one
 * size that comparison is decided by the least element of their symmetric
 * difference: A comes first when it lies in A, that is, when some x in
 * A \ B is below every y in B \ A.  Functions compare their domains that
 * way, and on equal domains their values at the first key (in key order)
 * where they differ. */

static int *atom_rank;  /* by atom index: position in val_cmp order */
static size_t atom_ranked;

static int cmp_atom_index(const void *a, const void *b) {
  return val_cmp(atoms.data[*(const int *)a], atoms.data[*(const int *)b]);
}

static TermId atom_rank_term(const SymVal *a) {
  if (atom_ranked != atoms.len) {
    int *idx = xmalloc((atoms.len + 1) * sizeof *idx);
    for (size_t i = 0; i < atoms.len; i++)
      idx[i] = (int)i;
    qsort(idx, atoms.len, sizeof *idx, cmp_atom_index);
    free(atom_rank);
    atom_rank = xmalloc((atoms.len + 1) * sizeof *atom_rank);
    for (size_t i = 0; i < atoms.len; i++)
      atom_rank[idx[i]] = (int)i;
    free(idx);
    atom_ranked = atoms.len;
  }
  if (term_is_int_const(tm, a->t)) {
    mpz_t z;
    mpz_init(z);
    term_int_value(tm, a->t, z);
    long i = mpz_get_si(z);
    mpz_clear(z);
    return term_mk_int_si(tm, i >= 0 && (size_t)i < atoms.len ? atom_rank[i]
                                                               : -1);
  }
  TermId r = term_mk_int_si(tm, -1);
  for (size_t i = atoms.len; i-- > 0;)
    r = term_mk_ite(tm, term_mk_eq(tm, a->t, term_mk_int_si(tm, (long)i)),
                    term_mk_int_si(tm, atom_rank[i]), r);
  return r;
}

/* For A and B of one size: A's sorted elements come first. */
static TermId set_lex_lt(const SymVal *a, const SymVal *b) {
  if (canon(a) && canon(b)) {
    LexWalk w = {{0}, term_true(tm)};
    canon_walk(a, b, walk_lex, &w);
    TermId r = term_mk_or(tm, w.alts.data, w.alts.len);
    VEC_FREE(w.alts);
    return r;
  }
  TermId *only_b = xmalloc((b->n + 1) * sizeof *only_b);
  for (uint32_t j = 0; j < b->n; j++)
    only_b[j] = term_mk_and2(tm, b->cells[j].mem,
                             term_mk_not(tm, sv_mem(b->cells[j].key, a)));
  VEC(TermId) alts = {0};
  for (uint32_t i = 0; i < a->n; i++) {
    TermId only_a = term_mk_and2(tm, a->cells[i].mem,
                                 term_mk_not(tm, sv_mem(a->cells[i].key, b)));
    if (term_is_false(tm, only_a))
      continue;
    VEC(TermId) below = {0};
    VEC_PUSH(below, only_a);
    for (uint32_t j = 0; j < b->n; j++)
      if (!term_is_false(tm, only_b[j]))
        VEC_PUSH(below, term_mk_implies(tm, only_b[j],
                                        sv_lt(a->cells[i].key,
                                              b->cells[j].key)));
    VEC_PUSH(alts, term_mk_and(tm, below.data, below.len));
    VEC_FREE(below);
  }
  TermId r = term_mk_or(tm, alts.data, alts.len);
  VEC_FREE(alts);
  free(only_b);
  return r;
}

/* Size first, then set_lex_lt on equal sizes: a < b as sets. */
static TermId sized_lt(TermId na, TermId nb, TermId lex) {
  return term_mk_or2(tm, term_mk_lt(tm, na, nb),
                     term_mk_and2(tm, term_mk_eq(tm, na, nb), lex));
}

static TermId fun_lt(const SymVal *f, const SymVal *g) {
  SymVal *df = sv_domain(f), *dg = sv_domain(g);
  /* On equal domains: the values at the first key where they differ. */
  VEC(TermId) alts = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    SymVal *k = f->cells[i].key;
    TermId d1, d2;
    SymVal *fk = sv_apply(f, k, &d1), *gk = sv_apply(g, k, &d2);
    if (!fk || !gk)
      continue;
    VEC(TermId) c = {0};
    VEC_PUSH(c, f->cells[i].mem);
    VEC_PUSH(c, sv_lt(fk, gk));
    for (uint32_t j = 0; j < f->n; j++) {
      if (j == i)
        continue;
      SymVal *kj = f->cells[j].key;
      TermId before = term_mk_and2(tm, f->cells[j].mem, sv_lt(kj, k));
      if (term_is_false(tm, before))
        continue;
      TermId e1, e2;
      SymVal *fj = sv_apply(f, kj, &e1), *gj = sv_apply(g, kj, &e2);
      TermId same = fj && gj ? sv_equal(fj, gj) : term_false(tm);
      VEC_PUSH(c, term_mk_implies(tm, before, same));
    }
    VEC_PUSH(alts, term_mk_and(tm, c.data, c.len));
    VEC_FREE(c);
  }
  TermId vals = term_mk_or(tm, alts.data, alts.len);
  VEC_FREE(alts);
  TermId same_dom = sv_equal(df, dg);
  TermId lex = term_mk_or2(tm, set_lex_lt(df, dg),
                           term_mk_and2(tm, same_dom, vals));
  return sized_lt(sv_card(df), sv_card(dg), lex);
}

static TermId lt_same_kind(const SymVal *a, const SymVal *b) {
  switch (a->kind) {
  case SV_BOOL:
    return term_mk_and2(tm, term_mk_not(tm, a->t), b->t);
  case SV_INT:
    return term_mk_lt(tm, a->t, b->t);
  case SV_ATOM:
    return term_mk_lt(tm, atom_rank_term(a), atom_rank_term(b));
  case SV_SET:
    return sized_lt(sv_card(a), sv_card(b), set_lex_lt(a, b));
  case SV_FUN:
    return fun_lt(a, b);
  case SV_MIX:
    break;
  }
  return term_false(tm);
}

static TermId lt_uncached(const SymVal *a, const SymVal *b);

TermId sv_lt(const SymVal *a, const SymVal *b) {
  if (a == b || !(composite(a) || composite(b)))
    return lt_uncached(a, b);
  TermId t = memo_get(MEMO_LT, a, b);
  return t ? t : memo_put(MEMO_LT, a, b, lt_uncached(a, b));
}

static TermId lt_uncached(const SymVal *a, const SymVal *b) {
  if (a == sv_any() || b == sv_any() || a == b)
    return term_false(tm);
  Value *va, *vb;
  if (composite(a) && composite(b) && sv_is_const(a, &va) &&
      sv_is_const(b, &vb))
    return term_mk_bool(tm, val_cmp(va, vb) < 0);
  if (a->kind != SV_MIX && b->kind != SV_MIX) {
    if (a->kind != b->kind)
      return term_mk_bool(tm, a->kind < b->kind);
    if (sv_same(a, b))
      return term_false(tm);
    return lt_same_kind(a, b);
  }
  VEC(TermId) alts = {0};
  for (int ka = 0; ka < SV_NKINDS; ka++) {
    TermId ma, mb;
    SymVal *xa = sv_alt((SymVal *)a, (SvKind)ka, &ma);
    if (!xa)
      continue;
    for (int kb = 0; kb < SV_NKINDS; kb++) {
      SymVal *xb = sv_alt((SymVal *)b, (SvKind)kb, &mb);
      if (!xb || kb < ka)
        continue;
      TermId lt = kb > ka ? term_true(tm) : lt_same_kind(xa, xb);
      VEC_PUSH(alts, term_mk_and(tm, (TermId[]){ma, mb, lt}, 3));
    }
  }
  TermId r = term_mk_or(tm, alts.data, alts.len);
  VEC_FREE(alts);
  return r;
}
