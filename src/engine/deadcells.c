/* deadcells.c -- a new frame's cells that no behaviour makes members.
 *
 * A set or function in a new frame often has more cells than the one
 * before: the branches of Next are merged, and Append or \cup in one of
 * them adds cells whether or not its guard lets the step happen (a queue
 * guarded by Len(q) < QLen gains a position per frame).  A cell whose
 * membership is false in every model of what is asserted (Init, the
 * steps so far, the proved invariants) holds no element in any behaviour,
 * so the frame's value without it is the same value; every later frame is
 * built from it and is smaller.  For the cells a variable has beyond its
 * count in the previous frame, one query asks whether any of them can be a
 * member; a satisfying model names the variables whose new cells are
 * live, and the question is asked again of the others, so it takes at
 * most one query more than the variables that grow.  Only the answer "no
 * member" is used, and over-approximated facts (TLCGet("level")'s range)
 * make fewer cells dead, never more.
 *
 * Measured (CaDiCaL): MCWriteThroughCache's memQ stays at 8 cells instead
 * of gaining 8 per step, 8 steps 94.7 s -> 2.0 s; SchedulingAllocator in
 * 30 s: depth 6 -> 20. */
#include "deadcells.h"

typedef struct Growth {
  int var;
  uint32_t from; /* the previous frame's number of cells */
} Growth;

/* The membership of cells from..n-1 of v, or TERM_NONE when one of them
 * is constantly true (nothing to drop). */
static TermId new_cells(TermMgr *tm, const SymVal *v, uint32_t from) {
  VEC(TermId) mems = {0};
  for (uint32_t i = from; i < v->n; i++) {
    if (term_is_true(tm, v->cells[i].mem)) {
      VEC_FREE(mems);
      return TERM_NONE;
    }
    VEC_PUSH(mems, v->cells[i].mem);
  }
  TermId r = term_mk_or(tm, mems.data, mems.len);
  VEC_FREE(mems);
  return r;
}

static SymVal *without_cells(const SymVal *v, uint32_t from) {
  return v->kind == SV_SET ? sv_set(v->cells, from) : sv_fun(v->cells, from);
}

void dead_cells_drop(Solver *s, TermMgr *tm, SymVal *const *prev,
                     SymVal **cur, int nvars, const TermId *assume,
                     size_t nassume) {
  VEC(Growth) grown = {0};
  VEC(TermId) live = {0};
  for (int v = 0; v < nvars; v++) {
    const SymVal *p = prev[v], *c = cur[v];
    if (!p || !c || p->kind != c->kind || c->n <= p->n ||
        (c->kind != SV_SET && c->kind != SV_FUN))
      continue;
    TermId any = new_cells(tm, c, p->n);
    if (any == TERM_NONE)
      continue;
    VEC_PUSH(grown, ((Growth){v, p->n}));
    VEC_PUSH(live, any);
  }
  TermId *a = xmalloc((nassume + 1) * sizeof *a);
  for (size_t i = 0; i < nassume; i++)
    a[i] = assume[i];
  while (grown.len > 0) {
    a[nassume] = term_mk_fresh(tm, "trim", SORT_BOOL);
    solver_assert(s, term_mk_implies(tm, a[nassume],
                                     term_mk_or(tm, live.data, live.len)));
    SolverResult r = solver_check(s, a, nassume + 1);
    if (r == SOLVER_UNKNOWN)
      break; /* a stop, or the solver gave up: the frame stays as it is */
    if (r == SOLVER_UNSAT) {
      for (size_t i = 0; i < grown.len; i++) {
        int v = grown.data[i].var;
        cur[v] = without_cells(cur[v], grown.data[i].from);
      }
      break;
    }
    size_t n = 0; /* keep the variables whose new cells are all dead here */
    for (size_t i = 0; i < grown.len; i++)
      if (!solver_value_bool(s, live.data[i])) {
        grown.data[n] = grown.data[i];
        live.data[n++] = live.data[i];
      }
    if (n == grown.len)
      break; /* cannot happen with an exact model; do not loop */
    grown.len = n;
    live.len = n;
  }
  free(a);
  VEC_FREE(grown);
  VEC_FREE(live);
}
