/* strcase.c -- string operations on symbolic atoms, by cases.
 *
 * Design.  Each argument contributes the atom indices it may hold: its
 * own when it is a constant; the leaves of its term when that is a tree
 * of ites over constants and bounded choices (a state variable given by
 * x' = e, substituted, is such a tree); otherwise every index of the table
 * as it is now (see strcase.h for why that suffices).  Indices of model values go
 * into the `model` condition; the combinations of string indices are
 * enumerated like an odometer, each giving a guard (the conjunction of
 * arg = index) and op's result, which become one ite chain.  Equality
 * with a constant index folds, so a constant argument costs one case. */
#include "strcase.h"

#include <stdlib.h>

typedef struct Cands {
  VEC(int) strs; /* atom indices of strings the argument may be */
  TermId model;  /* the argument is a model value */
} Cands;

static TermId is_index(TermMgr *tm, const SymVal *a, int i) {
  return term_mk_eq(tm, a->t, term_mk_int_si(tm, i));
}

/* The atom indices an Int term may take, when it is an ite tree whose
 * leaves are constants or variables with known bounds: marks them in
 * may[0..n) and returns true; false when a leaf is unbounded, or the tree
 * too large to walk.  seen memoises the nodes visited (open addressing). */
typedef struct Walk {
  const TermMgr *tm;
  bool *may;
  int n;
  TermId *seen;
  size_t cap, used;
} Walk;

static bool walk_seen(Walk *w, TermId t) {
  size_t i = (t * 0x9e3779b1u) & (w->cap - 1);
  while (w->seen[i] && w->seen[i] != t)
    i = (i + 1) & (w->cap - 1);
  if (w->seen[i])
    return true;
  w->seen[i] = t;
  w->used++;
  return false;
}

static bool walk_leaves(Walk *w, TermId t, int depth) {
  if (walk_seen(w, t))
    return true;
  if (depth > 2000 || w->used * 2 > w->cap)
    return false;
  switch (term_kind(w->tm, t)) {
  case TERM_ITE:
    return walk_leaves(w, term_arg(w->tm, t, 1), depth + 1) &&
           walk_leaves(w, term_arg(w->tm, t, 2), depth + 1);
  case TERM_INTCONST:
  case TERM_VAR: {
    mpz_t lo, hi;
    mpz_inits(lo, hi, NULL);
    bool ok = term_int_bounds(w->tm, t, lo, hi) && mpz_fits_slong_p(lo) &&
              mpz_fits_slong_p(hi);
    long l = ok ? mpz_get_si(lo) : 0, h = ok ? mpz_get_si(hi) : -1;
    mpz_clears(lo, hi, NULL);
    if (!ok)
      return false;
    for (long i = l < 0 ? 0 : l; i <= h && i < w->n; i++)
      w->may[i] = true;
    return true;
  }
  default:
    return false;
  }
}

static void candidates(TermMgr *tm, const SymVal *a, Cands *c) {
  Value *v;
  int lo = 0, hi = sv_atom_count();
  if (sv_is_const(a, &v)) {
    lo = sv_atom_index(v);
    hi = lo + 1;
  }
  Walk w = {tm, xcalloc((size_t)hi + 1, sizeof(bool)), hi,
            xcalloc(1u << 13, sizeof(TermId)), 1u << 13, 0};
  if (lo + 1 < hi && !walk_leaves(&w, a->t, 0))
    for (int i = 0; i < hi; i++)
      w.may[i] = true;
  else if (lo + 1 == hi)
    w.may[lo] = true;
  VEC(TermId) models = {0};
  for (int i = lo; i < hi; i++) {
    if (!w.may[i])
      continue;
    Value *x = sv_atom_value(i);
    if (x && x->kind == V_STR)
      VEC_PUSH(c->strs, i);
    else if (x && x->kind == V_MODEL)
      VEC_PUSH(models, is_index(tm, a, i));
  }
  c->model = term_mk_or(tm, models.data, (uint32_t)models.len);
  VEC_FREE(models);
  free(w.may);
  free(w.seen);
}

bool strcase_apply(SymVal **args, int n, StrOp op, void *arg,
                   StrCases *out) {
  TermMgr *tm = sv_mgr();
  Cands *c = xcalloc((size_t)n + 1, sizeof *c);
  size_t cases = 1;
  TermId models[n > 0 ? n : 1];
  for (int k = 0; k < n; k++) {
    candidates(tm, args[k], &c[k]);
    models[k] = c[k].model;
    cases *= c[k].strs.len;
    if (cases > STRCASE_MAX)
      cases = STRCASE_MAX + 1;
  }
  bool fits = cases <= STRCASE_MAX;
  if (fits) {
    VEC(TermId) ok = {0}, failed = {0};
    VEC(SymVal *) vals = {0};
    size_t *at = xcalloc((size_t)n + 1, sizeof *at);
    Value **strs = xcalloc((size_t)n + 1, sizeof *strs);
    TermId *eqs = xcalloc((size_t)n + 1, sizeof *eqs);
    for (size_t m = 0; m < cases; m++) {
      for (int k = 0; k < n; k++) {
        int i = c[k].strs.data[at[k]];
        strs[k] = sv_atom_value(i);
        eqs[k] = is_index(tm, args[k], i);
      }
      TermId guard = term_mk_and(tm, eqs, (uint32_t)n);
      Value *r = op(strs, arg);
      if (r) {
        VEC_PUSH(ok, guard);
        VEC_PUSH(vals, sv_from_value(r));
      } else {
        VEC_PUSH(failed, guard);
      }
      for (int k = n - 1; k >= 0 && ++at[k] == c[k].strs.len; k--)
        at[k] = 0; /* the odometer's next reading */
    }
    out->val = vals.len ? vals.data[vals.len - 1] : NULL;
    for (size_t i = vals.len - 1; vals.len && i-- > 0;)
      out->val = sv_ite(ok.data[i], vals.data[i], out->val);
    out->ok = term_mk_or(tm, ok.data, (uint32_t)ok.len);
    out->failed = term_mk_or(tm, failed.data, (uint32_t)failed.len);
    out->model = term_mk_or(tm, models, (uint32_t)n);
    VEC_FREE(ok);
    VEC_FREE(failed);
    VEC_FREE(vals);
    free(at);
    free(strs);
    free(eqs);
  }
  for (int k = 0; k < n; k++)
    VEC_FREE(c[k].strs);
  free(c);
  return fits;
}
