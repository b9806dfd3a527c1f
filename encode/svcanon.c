/* svcanon.c -- canonical forms: sets and functions over constant keys.
 *
 * A set whose elements are all constants is a characteristic vector over
 * them (described below); this file sorts and merges the cells of such a
 * set when it is built (canon_set), recognises functions whose keys happen
 * to be constants in increasing order (canon), finds a constant key by
 * binary search (canon_find), and walks two canonical values side by side
 * in key order (canon_walk), which equality, inclusion, ite and the value
 * order are written on; and it gives a set of bounded integer terms the
 * same form over the values they can take (sv_set_by_bounds). */
#include "svint.h"

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

void canon_set(SymVal *s) {
  TermMgr *tm = sv_ctx.tm;
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
bool canon(const SymVal *s) {
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
long canon_find(const SymVal *s, const Value *v) {
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

/* Walks canonical a and b in key order (svint.h). */
void canon_walk(const SymVal *a, const SymVal *b, WalkFn fn, void *arg) {
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

static TermId mem_of(const SvCell *c) {
  return c ? c->mem : term_false(sv_ctx.tm);
}

/* Sets: the same members.  Functions: the same domain, and the same values
 * on it. */
void walk_equal(const SvCell *ca, const SvCell *cb, void *arg) {
  TermMgr *tm = sv_ctx.tm;
  TermVec *parts = arg;
  TermId ma = mem_of(ca), mb = mem_of(cb);
  VEC_PUSH(*parts, term_mk_iff(tm, ma, mb));
  if (ca && cb && ca->val)
    VEC_PUSH(*parts, term_mk_implies(tm, ma, sv_equal(ca->val, cb->val)));
}

void walk_subseteq(const SvCell *ca, const SvCell *cb, void *arg) {
  TermMgr *tm = sv_ctx.tm;
  TermVec *parts = arg;
  if (ca)
    VEC_PUSH(*parts, term_mk_implies(tm, ca->mem, mem_of(cb)));
}

/* For A and B of one size, A first in TLC's order: the least element of
 * their symmetric difference lies in A.  Parts: that element at each key,
 * with `clear`: no element before it lies only in B. */
void walk_lex(const SvCell *ca, const SvCell *cb, void *arg) {
  TermMgr *tm = sv_ctx.tm;
  LexWalk *w = arg;
  TermId ma = mem_of(ca), mb = mem_of(cb);
  TermId only_a = term_mk_and2(tm, ma, term_mk_not(tm, mb));
  TermId only_b = term_mk_and2(tm, mb, term_mk_not(tm, ma));
  VEC_PUSH(w->alts, term_mk_and2(tm, w->clear, only_a));
  w->clear = term_mk_and2(tm, w->clear, term_mk_not(tm, only_b));
}

/* ite cell by cell: the cells of either side, merged where keys agree. */
void walk_ite(const SvCell *ca, const SvCell *cb, void *arg) {
  TermMgr *tm = sv_ctx.tm;
  IteWalk *w = arg;
  SvCell r = ca ? *ca : *cb;
  r.mem = term_mk_ite(tm, w->c, mem_of(ca), mem_of(cb));
  if (ca && cb && ca->val) /* functions: the value at the key */
    r.val = sv_ite(w->c, ca->val, cb->val);
  if (!term_is_false(tm, r.mem))
    VEC_PUSH(w->out, r);
}

TermId walk_and(const SymVal *a, const SymVal *b, WalkFn fn) {
  TermMgr *tm = sv_ctx.tm;
  TermVec parts = {0};
  canon_walk(a, b, fn, &parts);
  TermId r = term_mk_and(tm, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* ---- sets of bounded scalars ----
 *
 * A set of integers (or of strings and model values) whose elements are
 * terms, not constants, is made canonical over the values its elements
 * can take: term_int_bounds gives each element an interval lo..hi that
 * holds whatever the variables below it are (for a fresh choice, where
 * the choice is a member of its set: nowhere else is the value used), so
 * the cells (u, \/_i (m_i /\ e_i = u)) for u in the union of the
 * intervals hold the same members, each once and by a constant key.  A
 * cell whose element is sv_any (an error wherever it is reached) equals
 * nothing and is dropped. */

/* The interval of an integer or atom element; false when it has none. */
static bool elem_bounds(const SymVal *e, SvKind k, mpz_t lo, mpz_t hi) {
  if (e->kind != k || !term_int_bounds(sv_ctx.tm, e->t, lo, hi))
    return false;
  /* an atom's index names an atom of the run */
  return k == SV_INT ||
         (mpz_sgn(lo) >= 0 && mpz_cmp_si(hi, sv_atom_count()) < 0);
}

SymVal *sv_set_by_bounds(SymVal *s, uint32_t max) {
  if (s->kind != SV_SET || canon(s))
    return s;
  SvKind k = SV_BOOL;
  for (uint32_t i = 0; i < s->n && k == SV_BOOL; i++)
    if (s->cells[i].key != sv_any())
      k = s->cells[i].key->kind;
  if (k != SV_INT && k != SV_ATOM)
    return s;
  TermMgr *tm = sv_ctx.tm;
  mpz_t lo, hi, l, h, u;
  mpz_inits(lo, hi, l, h, u, NULL);
  bool ok = true, first = true;
  for (uint32_t i = 0; i < s->n && ok; i++) {
    if (s->cells[i].key == sv_any())
      continue;
    ok = elem_bounds(s->cells[i].key, k, l, h);
    if (first || mpz_cmp(l, lo) < 0)
      mpz_set(lo, l);
    if (first || mpz_cmp(h, hi) > 0)
      mpz_set(hi, h);
    first = false;
  }
  mpz_sub(u, hi, lo);
  SymVal *r = s;
  if (ok && mpz_cmp_ui(u, max) < 0) {
    uint32_t n = (uint32_t)mpz_get_ui(u) + 1;
    TermVec *mem = xcalloc(n, sizeof *mem);
    for (uint32_t i = 0; i < s->n; i++) {
      const SvCell *c = &s->cells[i];
      if (c->key == sv_any())
        continue;
      elem_bounds(c->key, k, l, h);
      mpz_sub(l, l, lo); /* the cells of l..h, by index */
      mpz_sub(h, h, lo);
      for (uint32_t j = (uint32_t)mpz_get_ui(l); j <= mpz_get_ui(h); j++) {
        mpz_add_ui(u, lo, j);
        VEC_PUSH(mem[j], term_mk_and2(tm, c->mem,
                                      term_mk_eq(tm, c->key->t,
                                                 term_mk_int(tm, u))));
      }
    }
    SvCell *cells = xmalloc((n + 1) * sizeof *cells);
    for (uint32_t j = 0; j < n; j++) {
      mpz_add_ui(u, lo, j);
      TermId key = term_mk_int(tm, u);
      cells[j] = (SvCell){k == SV_INT ? sv_int(key) : sv_atom(key),
                          term_mk_or(tm, mem[j].data, (uint32_t)mem[j].len),
                          NULL};
      VEC_FREE(mem[j]);
    }
    r = sv_set(cells, n);
    free(cells);
    free(mem);
  }
  mpz_clears(lo, hi, l, h, u, NULL);
  return r;
}
