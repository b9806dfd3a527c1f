/* symval.c -- symbolic values: the context, constructors, atoms and
 * constants.
 *
 * Everything in symval*.c is structural recursion over the representation
 * in symval.h, building terms through the smart constructors, so
 * operations on constant parts fold away: a set of constant cells
 * compared with another behaves like a bit-vector comparison.  This file
 * holds the one context they all share (sv_ctx, svint.h: the term manager,
 * the memo of operations on composite values, the atom table), the
 * constructors, and the conversion of concrete values to symbolic
 * constants and back.  svcanon.c keeps sets of constants canonical,
 * svops.c has equality, membership, ite and the function operations, and
 * svorder.c TLC's value order. */
#include "svint.h"

static bool is_const_uncached(const SymVal *s, Value **out);

SvCtx sv_ctx;

/* ---- memo: (operation, a, b) -> term ----
 * Symbolic values are immutable and never freed, so a pair of pointers
 * names a pair of values for the run; the terms belong to the manager, so
 * the table is emptied when the manager changes.  Only composite values
 * (sets, functions, mixtures) are memoised: scalars are cheaper to redo. */

static size_t memo_hash(int op, const void *a, const void *b) {
  return (size_t)hash_mix(hash_mix((uint64_t)(uintptr_t)a, (uint64_t)(uintptr_t)b),
                          (uint64_t)op);
}

TermId sv_memo_get(int op, const void *a, const void *b) {
  if (!sv_ctx.memo_cap)
    return TERM_NONE;
  for (size_t i = memo_hash(op, a, b) & (sv_ctx.memo_cap - 1);; i = (i + 1) & (sv_ctx.memo_cap - 1)) {
    MemoSlot *m = &sv_ctx.memo[i];
    if (!m->a)
      return TERM_NONE;
    if (m->a == a && m->b == b && m->op == (uint32_t)op)
      return m->t;
  }
}

TermId sv_memo_put(int op, const void *a, const void *b, TermId t) {
  if (2 * (sv_ctx.memo_len + 1) > sv_ctx.memo_cap) {
    size_t old = sv_ctx.memo_cap;
    MemoSlot *o = sv_ctx.memo;
    sv_ctx.memo_cap = old ? 2 * old : 1024;
    sv_ctx.memo = xcalloc(sv_ctx.memo_cap, sizeof *sv_ctx.memo);
    sv_ctx.memo_len = 0;
    for (size_t i = 0; i < old; i++)
      if (o[i].a)
        sv_memo_put((int)o[i].op, o[i].a, o[i].b, o[i].t);
    free(o);
  }
  size_t i = memo_hash(op, a, b) & (sv_ctx.memo_cap - 1);
  while (sv_ctx.memo[i].a)
    i = (i + 1) & (sv_ctx.memo_cap - 1);
  sv_ctx.memo[i] = (MemoSlot){a, b, (uint32_t)op, t};
  sv_ctx.memo_len++;
  return t;
}

static void memo_clear(void) {
  free(sv_ctx.memo);
  sv_ctx.memo = NULL;
  sv_ctx.memo_cap = sv_ctx.memo_len = 0;
}

void sv_set_mgr(TermMgr *m) {
  sv_ctx.tm = m;
  memo_clear();
}
TermMgr *sv_mgr(void) { return sv_ctx.tm; }

SymVal *sv_new(SvKind k) {
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

SymVal *sv_cells(SvKind k, SvCell *cells, uint32_t n) {
  SymVal *s = sv_new(k);
  s->n = n;
  s->cells = xmalloc((n + 1) * sizeof *cells);
  if (n)
    memcpy(s->cells, cells, n * sizeof *cells);
  return s;
}

SymVal *sv_set(SvCell *cells, uint32_t n) {
  SymVal *s = sv_cells(SV_SET, cells, n);
  canon_set(s);
  return s;
}

SymVal *sv_fun(SvCell *cells, uint32_t n) { return sv_cells(SV_FUN, cells, n); }

SymVal *sv_map_terms(SymVal *s, TermId (*fn)(void *arg, TermId t), void *arg) {
  switch (s->kind) {
  case SV_BOOL:
    return sv_bool(fn(arg, s->t));
  case SV_INT:
    return sv_int(fn(arg, s->t));
  case SV_ATOM:
    return sv_atom(fn(arg, s->t));
  default: {
    SvCell *c = xmalloc(((size_t)s->n + 1) * sizeof *c);
    for (uint32_t i = 0; i < s->n; i++) {
      c[i].key = sv_map_terms(s->cells[i].key, fn, arg);
      c[i].mem = fn(arg, s->cells[i].mem);
      c[i].val = s->cells[i].val ? sv_map_terms(s->cells[i].val, fn, arg)
                                 : NULL;
    }
    SymVal *r = s->kind == SV_SET ? sv_set(c, s->n) : sv_cells(s->kind, c, s->n);
    free(c);
    return r;
  }
  }
}

/* ---- atoms ---- */

int sv_atom_index(const Value *v) {
  for (size_t i = 0; i < sv_ctx.atoms.len; i++)
    if (sv_ctx.atoms.data[i] == v)
      return (int)i;
  VEC_PUSH(sv_ctx.atoms, (Value *)v);
  return (int)sv_ctx.atoms.len - 1;
}

Value *sv_atom_value(int index) {
  return index >= 0 && (size_t)index < sv_ctx.atoms.len ? sv_ctx.atoms.data[index] : NULL;
}

int sv_atom_count(void) { return (int)sv_ctx.atoms.len; }

/* ---- constants ---- */

SymVal *sv_from_value(const Value *v) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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
