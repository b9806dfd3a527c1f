/* freshen.c -- cutting a frame's values off the terms that computed them.
 *
 * A frame's symbolic state is built from the previous frame's terms by
 * substitution (DESIGN.md, decision 7), so the terms of frame k are a DAG
 * that reaches back to Init.  fr_state replaces every term of a state that
 * is not a constant or a variable by a fresh variable of its sort and
 * returns the equalities that define them, which the caller asserts: the
 * same states, with formulas over a frame that stop at its own variables
 * instead of unfolding every earlier step.  Only Bool terms are cut (the members of sets, Booleans):
 * an integer term keeps what the encoder reads from its shape -- its
 * bounds and width in the bit-blaster, the few constants a denominator
 * may be (community.c) -- and mixtures (SV_MIX) stay as they are.
 *
 * Measured on specs/Uploader.tla (UploaderFixed, characteristic vectors
 * on): Z3's solve time at depth 8 falls from 9.5 s to 2.5 s, at depth 10
 * to 12 s; CaDiCaL, which shares the cone through the AIG anyway, is
 * unchanged. */
#include "freshen.h"

static TermId cut(TermId t, TermVecFr *defs) {
  TermMgr *tm = sv_mgr();
  TermKind k = term_kind(tm, t);
  if (k == TERM_TRUE || k == TERM_FALSE || k == TERM_INTCONST || k == TERM_VAR)
    return t;
  if (term_sort(tm, t) != SORT_BOOL)
    return t;
  TermId v = term_mk_fresh(tm, "st", SORT_BOOL);
  VEC_PUSH(*defs, term_mk_eq(tm, v, t));
  return v;
}

static SymVal *fr_val(SymVal *s, TermVecFr *defs) {
  switch (s->kind) {
  case SV_BOOL:
    return sv_bool(cut(s->t, defs));
  case SV_INT:
    return sv_int(cut(s->t, defs));
  case SV_ATOM:
    return sv_atom(cut(s->t, defs));
  case SV_SET:
  case SV_FUN: {
    Value *cv;
    if (sv_is_const(s, &cv))
      return s;
    SvCell *c = xmalloc(((size_t)s->n + 1) * sizeof *c);
    for (uint32_t i = 0; i < s->n; i++) {
      c[i].key = fr_val(s->cells[i].key, defs);
      c[i].mem = cut(s->cells[i].mem, defs);
      c[i].val = s->cells[i].val ? fr_val(s->cells[i].val, defs) : NULL;
    }
    SymVal *r = s->kind == SV_SET ? sv_set(c, s->n) : sv_fun(c, s->n);
    free(c);
    return r;
  }
  default:
    return s;
  }
}

TermId fr_state(SymVal **state, int nvars) {
  TermVecFr defs = {0};
  for (int v = 0; v < nvars; v++)
    if (state[v])
      state[v] = fr_val(state[v], &defs);
  TermId r = term_mk_and(sv_mgr(), defs.data, (uint32_t)defs.len);
  VEC_FREE(defs);
  return r;
}
