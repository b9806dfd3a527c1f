/* packcells.c -- a new frame's symbolic-key cells, packed to the number
 * the previous frame had.
 *
 * A set or function with non-constant keys (a bag of messages whose
 * fields are computed, a set of floors read from other variables) gains
 * cells every step: Next's union or EXCEPT appends a cell for the element
 * it adds, whether or not that element is already there or an old cell
 * has stopped being a member.  The cells stay live (dead cells are
 * dropped by deadcells.c), yet the value they hold may have no more
 * distinct members than before: EWD998's token moves from bag to bag, a
 * node's bag holding at most one token at a time, but each bag gains a
 * token cell per step.
 *
 * For such a place (a variable's value, or one nested under constant keys
 * as a function's value or a record's field), with cells (k_i, m_i) of
 * non-constant key in order and M the number the same place had in the
 * previous frame: cell i is counted when it is a member and no earlier
 * cell, nor a cell with a constant key, is a member with an equal key;
 * the j-th counted cell (j < M) goes to slot j, whose key (and value) is
 * an ite over the cells that can be the j-th and whose membership is that
 * one of them is; the value overflows when a cell is counted after M
 * others.  The packed value has the constant-key cells unchanged and the M
 * slots, and it is the same TLA+ value as the old one in every model
 * where the overflow is false.  One query asks whether any place can
 * overflow under what is asserted; a satisfying model names the places
 * that can, and the question is asked again of the others (canhold.h, as
 * for dead cells).  Only an unsatisfiable answer is used: then the bound is a
 * consequence of the assertions, and the places take their packed values
 * (their overflows' negations are asserted as lemmas).  Dropping a
 * function's duplicate-key cell relies on symval.h's rule that cells for
 * one key carry one value (sv_ite's pairing relies on it too).  A place
 * that only gained cells is left alone (only_added).
 *
 * Measured (CaDiCaL): EWD998PCal, 12 steps 16.2 s -> 2.6 s, network 101
 * -> 25 cells, in the corpus benchmark's 10x limit depth 14 -> 18;
 * ElevatorSafetySmall 20 steps 33 s -> 11 s (ElevatorState 78 -> 14). */
#include "packcells.h"

#include "canhold.h"

typedef struct Place {
  SymVal *packed; /* NULL: not packable */
  TermId over;    /* more distinct members than packed has slots */
  bool ok;        /* proved: packed replaces the value */
} Place;

typedef struct Walk {
  TermMgr *tm;
  bool collect; /* collect places, or rebuild with the proved ones */
  VEC(Place) places;
  size_t next; /* the place the rebuild meets next */
} Walk;

static bool const_key(const SymVal *k) {
  Value *ignored;
  return sv_is_const(k, &ignored);
}

/* Cells of v with a non-constant key that may be members. */
static uint32_t sym_cells(TermMgr *tm, const SymVal *v) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < v->n; i++)
    if (!const_key(v->cells[i].key) && !term_is_false(tm, v->cells[i].mem))
      n++;
  return n;
}

/* Does cur hold prev's cells with a non-constant key unchanged, in their
 * order, and more?  Then
 * prev's members are all still members and the new cells hold new
 * elements unless they repeat one: a set that only grows (the messages
 * sent so far), which packing seldom shrinks and whose query would cost
 * every step (MultiPaxos_MC_small, 9 steps: 17 s -> 26 s). */
static bool only_added(const SymVal *prev, const SymVal *cur) {
  uint32_t j = 0;
  for (uint32_t i = 0; i < prev->n; i++) {
    const SvCell *p = &prev->cells[i];
    if (const_key(p->key))
      continue;
    while (j < cur->n && const_key(cur->cells[j].key))
      j++;
    if (j == cur->n)
      return false;
    const SvCell *c = &cur->cells[j++];
    if (c->mem != p->mem || !sv_same(c->key, p->key) ||
        (cur->kind == SV_FUN && !sv_same(c->val, p->val)))
      return false;
  }
  return true;
}

/* The value of slot j: an ite over the cells sel[i] picks, the last that
 * can be picked the default.  NULL when an ite cannot be built. */
static SymVal *pick(const SvCell *cells, const TermId *sel, uint32_t n,
                    bool val) {
  SymVal *acc = NULL;
  for (uint32_t i = n; i-- > 0;) {
    if (term_is_false(sv_mgr(), sel[i]))
      continue; /* never this slot's cell */
    SymVal *x = val ? cells[i].val : cells[i].key;
    if (!x)
      return NULL;
    acc = acc ? sv_ite(sel[i], x, acc) : x;
    if (!acc)
      return NULL;
  }
  return acc;
}

/* v packed to m slots for its non-constant keys, and its overflow. */
static Place pack(TermMgr *tm, const SymVal *v, uint32_t m) {
  Place p = {NULL, term_false(tm), false};
  VEC(SvCell) out = {0}; /* the constant-key cells, then the slots */
  VEC(SvCell) sym = {0};
  for (uint32_t i = 0; i < v->n; i++) {
    if (term_is_false(tm, v->cells[i].mem))
      continue;
    if (const_key(v->cells[i].key))
      VEC_PUSH(out, v->cells[i]);
    else
      VEC_PUSH(sym, v->cells[i]);
  }
  uint32_t n = (uint32_t)sym.len, nconst = (uint32_t)out.len;
  TermId *before = xmalloc((m + 1) * sizeof *before); /* j counted so far */
  TermId *sel = xmalloc(((size_t)n * m + 1) * sizeof *sel); /* [j * n + i] */
  TermId full = m == 0 ? term_true(tm) : term_false(tm); /* m so far */
  VEC(TermId) over = {0};
  for (uint32_t j = 0; j < m; j++)
    before[j] = j == 0 ? term_true(tm) : term_false(tm);
  for (uint32_t i = 0; i < n; i++) {
    /* Counted: a member whose key no earlier member holds. */
    VEC(TermId) conds = {0};
    VEC_PUSH(conds, sym.data[i].mem);
    for (uint32_t j = 0; j < nconst + i; j++) {
      const SvCell *d = j < nconst ? &out.data[j] : &sym.data[j - nconst];
      TermId eq = sv_equal(d->key, sym.data[i].key);
      if (!term_is_false(tm, eq))
        VEC_PUSH(conds, term_mk_not(tm, term_mk_and2(tm, d->mem, eq)));
    }
    TermId c = term_mk_and(tm, conds.data, (uint32_t)conds.len);
    VEC_FREE(conds);
    for (uint32_t j = 0; j < m; j++)
      sel[(size_t)j * n + i] = term_mk_and2(tm, c, before[j]);
    VEC_PUSH(over, term_mk_and2(tm, c, full));
    if (m > 0) {
      full = term_mk_or2(tm, full, term_mk_and2(tm, c, before[m - 1]));
      for (uint32_t j = m - 1; j > 0; j--)
        before[j] = term_mk_ite(tm, c, before[j - 1], before[j]);
      before[0] = term_mk_and2(tm, term_mk_not(tm, c), before[0]);
    }
  }
  p.over = term_mk_or(tm, over.data, (uint32_t)over.len);
  VEC_FREE(over);
  bool built = true;
  for (uint32_t j = 0; j < m && built; j++) {
    const TermId *sj = &sel[(size_t)j * n];
    TermId mem = term_mk_or(tm, sj, n);
    if (term_is_false(tm, mem))
      continue;
    SvCell slot = {pick(sym.data, sj, n, false), mem, NULL};
    if (v->kind == SV_FUN)
      slot.val = pick(sym.data, sj, n, true);
    built = slot.key && (v->kind != SV_FUN || slot.val);
    VEC_PUSH(out, slot);
  }
  if (built)
    p.packed = v->kind == SV_SET ? sv_set(out.data, (uint32_t)out.len)
                                 : sv_fun(out.data, (uint32_t)out.len);
  free(before);
  free(sel);
  VEC_FREE(out);
  VEC_FREE(sym);
  return p;
}

/* cur with its places packed (rebuild) or as it is (collect), walking
 * cur and prev together under constant keys. */
static SymVal *walk(Walk *W, const SymVal *prev, SymVal *cur) {
  if (!prev || !cur || prev->kind != cur->kind ||
      (cur->kind != SV_SET && cur->kind != SV_FUN))
    return cur;
  uint32_t m = sym_cells(W->tm, prev);
  if (sym_cells(W->tm, cur) > m && !only_added(prev, cur)) {
    if (W->collect) {
      VEC_PUSH(W->places, pack(W->tm, cur, m));
      return cur;
    }
    Place *p = &W->places.data[W->next++];
    return p->ok ? p->packed : cur;
  }
  if (cur->kind != SV_FUN)
    return cur;
  SvCell *cells = NULL;
  for (uint32_t i = 0; i < cur->n; i++) {
    const SvCell *c = &cur->cells[i];
    if (!c->val || !const_key(c->key))
      continue;
    const SvCell *d = NULL; /* prev's cell for the same key */
    for (uint32_t j = 0; j < prev->n && !d; j++) {
      uint32_t jj = (i + j) % prev->n; /* the same position first */
      if (sv_same(prev->cells[jj].key, c->key))
        d = &prev->cells[jj];
    }
    if (!d)
      continue;
    SymVal *nv = walk(W, d->val, c->val);
    if (nv == c->val)
      continue;
    if (!cells) {
      cells = xmalloc((cur->n + 1) * sizeof *cells);
      for (uint32_t j = 0; j < cur->n; j++)
        cells[j] = cur->cells[j];
    }
    cells[i].val = nv;
  }
  if (!cells)
    return cur;
  SymVal *r = sv_fun(cells, cur->n);
  free(cells);
  return r;
}

int pack_cells_frame(Solver *s, TermMgr *tm, SymVal *const *prev,
                     SymVal **cur, int nvars, const TermId *assume,
                     size_t nassume) {
  Walk W = {tm, true, {0}, 0};
  for (int v = 0; v < nvars; v++)
    walk(&W, prev[v], cur[v]);
  VEC(size_t) asked = {0}; /* the places in question */
  VEC(TermId) overs = {0};
  for (size_t i = 0; i < W.places.len; i++) {
    Place *p = &W.places.data[i];
    if (p->packed && term_is_false(tm, p->over)) {
      p->ok = true;
    } else if (p->packed) {
      VEC_PUSH(asked, i);
      VEC_PUSH(overs, p->over);
    }
  }
  unsigned char *out = xmalloc(asked.len + 1);
  can_hold(s, tm, assume, nassume, overs.data, overs.len, 0, out);
  TermId assumed = term_mk_and(tm, assume, (uint32_t)nassume);
  for (size_t i = 0; i < asked.len; i++) {
    if (out[i] != CH_NEVER)
      continue;
    Place *p = &W.places.data[asked.data[i]];
    p->ok = true;
    solver_assert(s, term_mk_implies(tm, assumed, term_mk_not(tm, p->over)));
  }
  free(out);
  VEC_FREE(asked);
  VEC_FREE(overs);
  int packed = 0;
  for (size_t i = 0; i < W.places.len; i++)
    packed += W.places.data[i].ok;
  if (packed > 0) {
    W.collect = false;
    for (int v = 0; v < nvars; v++)
      cur[v] = walk(&W, prev[v], cur[v]);
  }
  VEC_FREE(W.places);
  return packed;
}
