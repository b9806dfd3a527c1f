/* canhold.c -- which conditions can hold, one question per round
 * (canhold.h).
 *
 * Each round asserts a fresh literal implying the disjunction of the open
 * conditions and checks under it: conditions stay open until a model makes
 * them true or an unsatisfiable answer closes all of them at once, so most
 * calls take one or two questions.  Only "no" is an answer about every
 * behaviour; callers use CH_NEVER to drop or pack cells and treat the
 * others alike. */
#include "canhold.h"

void can_hold(Solver *s, TermMgr *tm, const TermId *assume, size_t nassume,
              const TermId *cond, size_t n, unsigned effort,
              unsigned char *out) {
  size_t *open = xmalloc((n + 1) * sizeof *open);
  TermId *ors = xmalloc((n + 1) * sizeof *ors);
  TermId *a = xmalloc((nassume + 1) * sizeof *a);
  size_t nopen = n;
  for (size_t i = 0; i < n; i++) {
    out[i] = CH_OPEN;
    open[i] = i;
  }
  for (size_t i = 0; i < nassume; i++)
    a[i] = assume[i];
  while (nopen > 0) {
    for (size_t i = 0; i < nopen; i++)
      ors[i] = cond[open[i]];
    a[nassume] = term_mk_fresh(tm, "canhold", SORT_BOOL);
    solver_assert(s, term_mk_implies(tm, a[nassume],
                                     term_mk_or(tm, ors, (uint32_t)nopen)));
    if (effort)
      solver_limit_next(s, effort);
    SolverResult r = solver_check(s, a, nassume + 1);
    if (r == SOLVER_UNKNOWN)
      break;
    if (r == SOLVER_UNSAT) {
      for (size_t i = 0; i < nopen; i++)
        out[open[i]] = CH_NEVER;
      break;
    }
    size_t m = 0;
    for (size_t i = 0; i < nopen; i++) {
      if (solver_value_bool(s, cond[open[i]]))
        out[open[i]] = CH_CAN;
      else
        open[m++] = open[i];
    }
    if (m == nopen)
      break; /* cannot happen with an exact model; do not loop */
    nopen = m;
  }
  free(open);
  free(ors);
  free(a);
}
