/* svops.c -- operations on symbolic values: equality, membership,
 * inclusion, ite, and the function operations.
 *
 * Each operation on composite values (sets, functions, mixtures) is
 * memoised by the pair of values (sv_memo_get), and works element-wise on
 * canonical operands (svcanon.c) and cell by cell otherwise.  ite over
 * sets and functions merges cells with structurally identical keys (the
 * common case: both branches come from the same universe), keeping values
 * from growing with every merge; values of different kinds make a
 * mixture. */
#include "svint.h"

static TermId equal_uncached(const SymVal *a, const SymVal *b);
static TermId mem_uncached(const SymVal *x, const SymVal *s);
static TermId subseteq_uncached(const SymVal *a, const SymVal *b);

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

TermId sv_state_is(SymVal *const *st, Value *const *vals, int n) {
  TermMgr *tm = sv_mgr();
  TermId r = term_true(tm);
  for (int v = 0; v < n; v++) {
    SymVal *c = sv_from_value(vals[v]);
    if (!c)
      return TERM_NONE;
    r = term_mk_and2(tm, r, sv_equal(st[v], c));
  }
  return r;
}

bool composite(const SymVal *v) { return v->kind >= SV_SET; }

TermId sv_equal(const SymVal *a, const SymVal *b) {
  if (a == b || !(composite(a) || composite(b)))
    return equal_uncached(a, b);
  TermId t = sv_memo_get(MEMO_EQ, a, b);
  return t ? t : sv_memo_put(MEMO_EQ, a, b, equal_uncached(a, b));
}

static TermId equal_uncached(const SymVal *a, const SymVal *b) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
  TermId m;
  SymVal *x = sv_alt(k, SV_ATOM, &m);
  return x ? term_mk_and2(tm, m, atom_is_string(x)) : term_false(tm);
}

/* f is a record: its domain is nonempty and holds strings only. */
static TermId fun_is_record(const SymVal *f) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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

TermId sv_mem(const SymVal *x, const SymVal *s) {
  TermId t = sv_memo_get(MEMO_MEM, x, s);
  return t ? t : sv_memo_put(MEMO_MEM, x, s, mem_uncached(x, s));
}

static TermId mem_uncached(const SymVal *x, const SymVal *s) {
  TermMgr *tm = sv_ctx.tm;
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

TermId sv_subseteq(const SymVal *a, const SymVal *b) {
  TermId t = sv_memo_get(MEMO_SUB, a, b);
  return t ? t : sv_memo_put(MEMO_SUB, a, b, subseteq_uncached(a, b));
}

static TermId subseteq_uncached(const SymVal *a, const SymVal *b) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
  static SymVal any = {SV_BOOL, 0, 0, NULL, 0, 0, NULL};
  any.t = term_false(tm); /* of the current manager */
  return &any;
}

SymVal *sv_ite(TermId c, SymVal *a, SymVal *b) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
