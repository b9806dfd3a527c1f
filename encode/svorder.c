/* svorder.c -- TLC's value order on symbolic values (sv_lt).
 *
 * CHOOSE and the quantifiers visit a set in val_cmp order, so the encoder
 * needs `a comes before b` as a term: kinds first, then within a kind, as
 * described below.  Atoms are compared by their rank in val_cmp order,
 * computed once per atom table. */
#include "svint.h"

static TermId lt_uncached(const SymVal *a, const SymVal *b);

/* ---- TLC's value order ----
 *
 * val_cmp orders kinds first (Booleans, integers, strings, model values,
 * sets, functions: the order of SvKind, with strings and model values both
 * sv_ctx.atoms), then within a kind; sets and functions by size and then
 * element by element in their sorted order.  For two sets A and B of one
 * size that comparison is decided by the least element of their symmetric
 * difference: A comes first when it lies in A, that is, when some x in
 * A \ B is below every y in B \ A.  Functions compare their domains that
 * way, and on equal domains their values at the first key (in key order)
 * where they differ. */

static int cmp_atom_index(const void *a, const void *b) {
  return val_cmp(sv_ctx.atoms.data[*(const int *)a], sv_ctx.atoms.data[*(const int *)b]);
}

static TermId atom_rank_term(const SymVal *a) {
  TermMgr *tm = sv_ctx.tm;
  if (sv_ctx.atom_ranked != sv_ctx.atoms.len) {
    int *idx = xmalloc((sv_ctx.atoms.len + 1) * sizeof *idx);
    for (size_t i = 0; i < sv_ctx.atoms.len; i++)
      idx[i] = (int)i;
    qsort(idx, sv_ctx.atoms.len, sizeof *idx, cmp_atom_index);
    free(sv_ctx.atom_rank);
    sv_ctx.atom_rank = xmalloc((sv_ctx.atoms.len + 1) * sizeof *sv_ctx.atom_rank);
    for (size_t i = 0; i < sv_ctx.atoms.len; i++)
      sv_ctx.atom_rank[idx[i]] = (int)i;
    free(idx);
    sv_ctx.atom_ranked = sv_ctx.atoms.len;
  }
  if (term_is_int_const(tm, a->t)) {
    mpz_t z;
    mpz_init(z);
    term_int_value(tm, a->t, z);
    long i = mpz_get_si(z);
    mpz_clear(z);
    return term_mk_int_si(tm, i >= 0 && (size_t)i < sv_ctx.atoms.len ? sv_ctx.atom_rank[i]
                                                               : -1);
  }
  TermId r = term_mk_int_si(tm, -1);
  for (size_t i = sv_ctx.atoms.len; i-- > 0;)
    r = term_mk_ite(tm, term_mk_eq(tm, a->t, term_mk_int_si(tm, (long)i)),
                    term_mk_int_si(tm, sv_ctx.atom_rank[i]), r);
  return r;
}

/* For A and B of one size: A's sorted elements come first. */
static TermId set_lex_lt(const SymVal *a, const SymVal *b) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
  return term_mk_or2(tm, term_mk_lt(tm, na, nb),
                     term_mk_and2(tm, term_mk_eq(tm, na, nb), lex));
}

static TermId fun_lt(const SymVal *f, const SymVal *g) {
  TermMgr *tm = sv_ctx.tm;
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
  TermMgr *tm = sv_ctx.tm;
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

TermId sv_lt(const SymVal *a, const SymVal *b) {
  if (a == b || !(composite(a) || composite(b)))
    return lt_uncached(a, b);
  TermId t = sv_memo_get(MEMO_LT, a, b);
  return t ? t : sv_memo_put(MEMO_LT, a, b, lt_uncached(a, b));
}

static TermId lt_uncached(const SymVal *a, const SymVal *b) {
  TermMgr *tm = sv_ctx.tm;
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
