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
 * Most satisfiable questions are costly (the solver builds a behaviour of
 * the whole depth), and a variable whose new cells were live at one depth
 * is usually live at the next (a set that accumulates messages).  So the
 * variables are asked in two groups: those whose last answer was "dead"
 * (or that were never asked) as above, then those whose last answer was
 * "live", each of that group's queries bounded to DC_LIVE_EFFORT conflicts.
 * Past the bound the group keeps its cells, and its variables join the
 * first group at the next depth, so a queue that fills up is still trimmed
 * from the depth after.  The bound counts conflicts, not time, so the
 * frames are the same on a busy machine as on an idle one.
 *
 * Measured (CaDiCaL): MCWriteThroughCache's memQ stays at 8 cells instead
 * of gaining 8 per step, 8 steps 94.7 s -> 2.0 s; SchedulingAllocator in
 * 30 s: depth 6 -> 20. */
#include "deadcells.h"

#include "canhold.h"

/* Conflicts allowed to each question about variables found live before. */
#define DC_LIVE_EFFORT 100

enum { DC_ASK, DC_LIVE }; /* per variable: its last answer */

struct DeadCells {
  int nvars;
  unsigned char *last;
};

DeadCells *dead_cells_new(int nvars) {
  DeadCells *dc = xcalloc(1, sizeof *dc);
  dc->nvars = nvars;
  dc->last = xcalloc(nvars > 0 ? (size_t)nvars : 1, 1);
  return dc;
}

void dead_cells_delete(DeadCells *dc) {
  if (!dc)
    return;
  free(dc->last);
  free(dc);
}

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

/* Asks about the variables of grown (with live[i] the membership of
 * grown[i]'s new cells), each question bounded to effort conflicts (0:
 * none), and trims those that no model makes live.  Marks the variables
 * found live DC_LIVE, the others DC_ASK. */
static void ask_group(DeadCells *dc, Solver *s, TermMgr *tm, SymVal **cur,
                      const Growth *grown, const TermId *live, size_t n,
                      const TermId *assume, size_t nassume,
                      unsigned effort) {
  unsigned char *out = xmalloc(n + 1);
  can_hold(s, tm, assume, nassume, live, n, effort, out);
  for (size_t i = 0; i < n; i++) {
    int v = grown[i].var;
    dc->last[v] = out[i] == CH_CAN ? DC_LIVE : DC_ASK;
    if (out[i] == CH_NEVER)
      cur[v] = without_cells(cur[v], grown[i].from);
  }
  free(out);
}

void dead_cells_drop(DeadCells *dc, Solver *s, TermMgr *tm,
                     SymVal *const *prev, SymVal **cur, const TermId *assume,
                     size_t nassume) {
  VEC(Growth) grown[2] = {{0}, {0}}; /* by last answer: DC_ASK, DC_LIVE */
  VEC(TermId) live[2] = {{0}, {0}};
  for (int v = 0; v < dc->nvars; v++) {
    const SymVal *p = prev[v], *c = cur[v];
    if (!p || !c || p->kind != c->kind || c->n <= p->n ||
        (c->kind != SV_SET && c->kind != SV_FUN))
      continue;
    TermId any = new_cells(tm, c, p->n);
    if (any == TERM_NONE)
      continue;
    int g = dc->last[v] == DC_LIVE;
    VEC_PUSH(grown[g], ((Growth){v, p->n}));
    VEC_PUSH(live[g], any);
  }
  ask_group(dc, s, tm, cur, grown[0].data, live[0].data, grown[0].len, assume,
            nassume, 0);
  ask_group(dc, s, tm, cur, grown[1].data, live[1].data, grown[1].len, assume,
            nassume, DC_LIVE_EFFORT);
  for (int g = 0; g < 2; g++) {
    VEC_FREE(grown[g]);
    VEC_FREE(live[g]);
  }
}
