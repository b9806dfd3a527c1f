/* model.c -- a model read back into terms (solver.h). */
#include "solver.h"

TermId solver_model_subst(Solver *s, TermId t, const TermId *vars,
                          size_t n) {
  TermMgr *tm = s->tm;
  TermId *vals = xmalloc((n + 1) * sizeof *vals);
  mpz_t z;
  mpz_init(z);
  for (size_t i = 0; i < n; i++) {
    if (term_sort(tm, vars[i]) == SORT_BOOL) {
      vals[i] = term_mk_bool(tm, solver_value_bool(s, vars[i]));
    } else {
      solver_value_int(s, vars[i], z);
      vals[i] = term_mk_int(tm, z);
    }
  }
  mpz_clear(z);
  TermId r = term_subst(tm, t, vars, vals, n);
  free(vals);
  return r;
}
