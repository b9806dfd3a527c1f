/* tighten.c -- a new frame's integers, bounded by what the solver proves.
 *
 * A frame's integer is an ite over Next's actions of expressions over the
 * previous frame, and term_int_bounds joins the branches' bounds: a value
 * that every action keeps within 0..31 (a tower of Hanoi as a bit set, a
 * counter reset at a limit) still gets bounds that widen by a step's
 * change every frame and soon take in negative numbers no state has.
 * Everything reads those bounds: the bit-blaster gives a term the bits its
 * range needs, and the encoder unfolds a recursive operator until its
 * argument's bounds decide the base case (Bits' x & d never ends for a
 * negative x, so the encoder unfolds it to its limit and records an
 * evaluation error the solver must then refute at every depth).
 *
 * So, for each integer of a new frame -- a variable's value, or one nested
 * under constant keys (a function's value at a constant key, a record's
 * field) -- the range the same place had in the previous frame is a
 * candidate: a constant, the bounds of its variable when it was
 * tightened, or the candidate tried there last.  Where the candidate
 * needs fewer bits than the term's own bounds, the sides are asked in
 * turn, one question for all such integers at once: can any be below its
 * candidate's lower end, under what is asserted (Init, the steps, the
 * proved invariants and CONSTRAINTs)?  Then the same of the upper ends.
 * The sides are apart because their proofs are: in Hanoi a tower stays
 * non-negative by its own step's guard, but stays below 32 only because
 * the disks are on one tower each, which the solver must find again
 * through the whole unrolling.  A model that says yes names the integers
 * that can; each of their ends is widened past the model's value (to the
 * next power of two: the bits are what a range costs) and the question is
 * asked again, at most TG_ROUNDS times.  Only the answer "no" is used:
 * then every model of the assertions keeps the integers within those
 * ends, so a fresh variable with the proved ends as bounds (the term's
 * own at a side not proved), defined equal to the term, is the same value
 * in every behaviour, and the frames built from it see the tighter
 * bounds.  An end widened to the term's own needs no question.  Each
 * question is bounded to TG_EFFORT conflicts; a side still open after
 * the questions (the bound, or TG_ROUNDS models) is not asked again at
 * its place for 2, 4, 8, then 16 depths.
 *
 * Measured (CPU, 3 runs each, against --no-tighten): Hanoi Model_1 at 20
 * steps 2.79 s -> 1.53 s (the step-error question, which had to refute
 * the unfolded x & d for negative towers, 1.71 s -> 0.01 s; the bounds'
 * questions take about 1.4 s, nearly all proving the upper ends);
 * MCDieHardest at 11 2.3 s -> 1.1 s; Disruptor_MPMC at 20 8.5 s ->
 * 5.5 s; SimplifiedFastPaxos at 14 11.0 s -> 8.5 s; UploaderFixed at 20
 * 2.0 s -> 1.7 s. */
#include "tighten.h"

/* Questions per side and frame, and the conflicts each may take. */
#define TG_ROUNDS 3
#define TG_EFFORT 5000
/* Depths a side is left alone after its candidate could not be kept, at
 * most. */
#define TG_MAX_REST 16
/* Bits a range must save to be asked about (or its sign): with 1, the
 * questions about SDP_Attack_Spec's slowly growing counters and channels
 * (up to 32 leaves a depth, all proved) cost 0.9 s of its 2.5 s at 10
 * steps, where it took 1.2 s without them; with 2, 1.55 s, and
 * MCDieHardest at 11 steps 1.25 s -> 0.5 s, Hanoi Model_1 at 20 the same
 * within noise (1.6-2.0 s), Disruptor_MPMC at 20 4.7-5.5 s -> 6.7-7.4 s
 * (8.5 s without any). */
#define TG_MIN_GAIN 2

enum { LO, HI }; /* the sides of a range */

/* What is known of one place across depths, by its order in the walk. */
typedef struct Place {
  mpz_t end[2]; /* the candidate tried last, by side */
  bool have[2];
  int fails[2]; /* in a row */
  int due[2];   /* the first depth to try the side at again */
} Place;

struct Tighten {
  VEC(Place) places;
};

enum { TG_NONE, TG_OPEN, TG_PROVED };

/* One distinct integer term of the new frame. */
typedef struct Leaf {
  TermId t;
  mpz_t end[2];  /* the candidate */
  mpz_t tend[2]; /* term_int_bounds of t, when tb */
  bool tb;
  int state[2];
  bool asked[2]; /* open when the questions began */
  VEC(size_t) places;
} Leaf;

typedef struct Walk {
  Tighten *tg;
  TermMgr *tm;
  int k;
  size_t next; /* the ordinal of the next place */
  VEC(Leaf) leaves;
  uint32_t *leaf_of; /* by term id below nterms: leaf index + 1, or 0 */
  TermId nterms;
  TermId *var_of; /* by term id below nterms: its variable, or 0 */
} Walk;

Tighten *tighten_new(void) { return xcalloc(1, sizeof(Tighten)); }

void tighten_delete(Tighten *tg) {
  if (!tg)
    return;
  for (size_t i = 0; i < tg->places.len; i++)
    mpz_clears(tg->places.data[i].end[LO], tg->places.data[i].end[HI], NULL);
  VEC_FREE(tg->places);
  free(tg);
}

/* Bits of a two's-complement number for lo..hi, the sign bit counted only
 * when lo is negative: the measure worth() compares ranges by.  (The
 * bit-blaster's own width, blast_width_of_range, always has a sign bit;
 * it is one more for a non-negative range and the same otherwise.) */
static size_t width(const mpz_t lo, const mpz_t hi) {
  size_t w = 0;
  const mpz_srcptr ends[2] = {lo, hi};
  mpz_t m;
  mpz_init(m);
  for (int i = 0; i < 2; i++) {
    if (mpz_sgn(ends[i]) < 0) /* -x-1 has the bits of x's magnitude */
      mpz_com(m, ends[i]);
    else
      mpz_set(m, ends[i]);
    size_t b = mpz_sgn(m) == 0 ? 0 : mpz_sizeinbase(m, 2);
    if (b > w)
      w = b;
  }
  mpz_clear(m);
  return w + (mpz_sgn(lo) < 0);
}

static Place *place(Tighten *tg, size_t i) {
  while (tg->places.len <= i) {
    Place p = {.have = {false, false}};
    mpz_inits(p.end[LO], p.end[HI], NULL);
    VEC_PUSH(tg->places, p);
  }
  return &tg->places.data[i];
}

/* The range prev's integer p stands for, into lo..hi: its value, its
 * variable's bounds, or its term's bounds, each end replaced by the
 * candidate tried last at its place when p's own says less.  False when
 * there is none. */
static bool prev_range(Walk *W, TermId p, const Place *pl, mpz_t lo,
                       mpz_t hi) {
  TermMgr *tm = W->tm;
  if (term_is_int_const(tm, p)) {
    term_int_value(tm, p, lo);
    mpz_set(hi, lo);
    return true;
  }
  if (term_kind(tm, p) == TERM_VAR)
    return term_var_bounds(tm, p, lo, hi);
  if (!term_int_bounds(tm, p, lo, hi))
    return false;
  if (pl->have[LO] && mpz_cmp(pl->end[LO], lo) > 0)
    mpz_set(lo, pl->end[LO]);
  if (pl->have[HI] && mpz_cmp(pl->end[HI], hi) < 0)
    mpz_set(hi, pl->end[HI]);
  return true;
}

/* The place ordinal o, with cur's integer t and prev's p. */
static void visit(Walk *W, TermId p, TermId t) {
  size_t o = W->next++;
  TermMgr *tm = W->tm;
  TermKind kind = term_kind(tm, t);
  if (kind == TERM_INTCONST || kind == TERM_VAR)
    return;
  Place *pl = place(W->tg, o);
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  if (!prev_range(W, p, pl, lo, hi)) {
    mpz_clears(lo, hi, NULL);
    return;
  }
  uint32_t li = t < W->nterms ? W->leaf_of[t] : 0;
  if (li) { /* a term at several places: the hull of their candidates */
    Leaf *l = &W->leaves.data[li - 1];
    if (mpz_cmp(lo, l->end[LO]) < 0)
      mpz_set(l->end[LO], lo);
    if (mpz_cmp(hi, l->end[HI]) > 0)
      mpz_set(l->end[HI], hi);
    for (int d = 0; d < 2; d++)
      if (pl->due[d] > W->k)
        l->state[d] = TG_NONE;
    VEC_PUSH(l->places, o);
    mpz_clears(lo, hi, NULL);
    return;
  }
  Leaf l = {.t = t};
  mpz_init_set(l.end[LO], lo);
  mpz_init_set(l.end[HI], hi);
  mpz_inits(l.tend[LO], l.tend[HI], NULL);
  l.tb = term_int_bounds(tm, t, l.tend[LO], l.tend[HI]);
  for (int d = 0; d < 2; d++)
    l.state[d] = pl->due[d] > W->k ? TG_NONE : TG_OPEN;
  VEC_PUSH(l.places, o);
  VEC_PUSH(W->leaves, l);
  W->leaf_of[t] = (uint32_t)W->leaves.len;
  mpz_clears(lo, hi, NULL);
}

static bool const_key(const SymVal *k) {
  Value *ignored;
  return sv_is_const(k, &ignored);
}

/* Visits cur's integers, under constant keys, with prev's at the same
 * places; the places get ordinals in this order whether or not they are
 * visited. */
static void walk(Walk *W, const SymVal *prev, const SymVal *cur) {
  if (!cur)
    return;
  if (cur->kind == SV_INT) {
    if (prev && prev->kind == SV_INT)
      visit(W, prev->t, cur->t);
    else
      W->next++;
    return;
  }
  if (cur->kind != SV_FUN)
    return;
  for (uint32_t i = 0; i < cur->n; i++) {
    const SvCell *c = &cur->cells[i];
    if (!c->val || !const_key(c->key))
      continue;
    const SvCell *d = NULL; /* prev's cell for the same key */
    for (uint32_t j = 0; prev && prev->kind == SV_FUN && j < prev->n && !d;
         j++) {
      uint32_t jj = (i + j) % prev->n; /* the same position first */
      if (sv_same(prev->cells[jj].key, c->key))
        d = &prev->cells[jj];
    }
    walk(W, d ? d->val : NULL, c->val);
  }
}

/* The range the leaf gets: each end proved, or its term's. */
static bool result(const Leaf *l, mpz_t lo, mpz_t hi) {
  for (int d = 0; d < 2; d++) {
    if (l->state[d] == TG_PROVED)
      mpz_set(d == LO ? lo : hi, l->end[d]);
    else if (l->tb)
      mpz_set(d == LO ? lo : hi, l->tend[d]);
    else
      return false;
  }
  return true;
}

/* Are lo..hi worth a variable: bounds where the term has none, no
 * negative numbers where the term's bounds have some, or at least
 * TG_MIN_GAIN bits fewer than the term's bounds? */
static bool worth(const Leaf *l, const mpz_t lo, const mpz_t hi) {
  if (!l->tb || (mpz_sgn(l->tend[LO]) < 0 && mpz_sgn(lo) >= 0))
    return true;
  return width(lo, hi) + TG_MIN_GAIN <= width(l->tend[LO], l->tend[HI]);
}

/* Side d of the candidate: within the term's bounds, and not asked when
 * it says no more than they do. */
static void clamp(Leaf *l, int d) {
  if (!l->tb || l->state[d] != TG_OPEN)
    return;
  int c = mpz_cmp(l->end[d], l->tend[d]);
  if (d == LO ? c <= 0 : c >= 0) {
    mpz_set(l->end[d], l->tend[d]);
    l->state[d] = TG_NONE;
  }
}

/* Widens side d of the candidate to take in m, a value beyond it: a
 * non-negative range's upper end to the next power of two less one, its
 * lower end to 0, a negative lower end to the next negative power of two
 * -- the bits, not the ends, are what a range costs, so a range that needs
 * a bit more takes in all that bit allows and the next model seldom leaves
 * it -- and an end of the other sign by as much again. */
static void widen(Leaf *l, int d, const mpz_t m) {
  mpz_ptr e = l->end[d];
  if (d == HI && mpz_sgn(m) >= 0) {
    size_t b = mpz_sgn(m) > 0 ? mpz_sizeinbase(m, 2) : 0;
    mpz_set_ui(e, 0);
    mpz_setbit(e, b);
    mpz_sub_ui(e, e, 1);
  } else if (d == HI) {
    mpz_sub(e, m, e);
    mpz_add(e, m, e);
    if (mpz_sgn(e) >= 0)
      mpz_set_si(e, -1);
  } else if (mpz_sgn(m) < 0) {
    mpz_com(e, m); /* -m-1 >= 0 */
    size_t b = mpz_sgn(e) == 0 ? 0 : mpz_sizeinbase(e, 2);
    mpz_set_ui(e, 0);
    mpz_setbit(e, b);
    mpz_neg(e, e);
  } else {
    mpz_set_ui(e, 0);
  }
  clamp(l, d);
}

/* Beyond side d of the leaf's candidate, as a Bool term. */
static TermId beyond(TermMgr *tm, const Leaf *l, int d) {
  TermId e = term_mk_int(tm, l->end[d]);
  return d == LO ? term_mk_lt(tm, l->t, e) : term_mk_lt(tm, e, l->t);
}

/* Asks about side d of the open leaves until "no", "unknown" or
 * TG_ROUNDS models. */
static void ask(Walk *W, Solver *s, int d) {
  TermMgr *tm = W->tm;
  mpz_t m;
  mpz_init(m);
  for (int round = 0; round < TG_ROUNDS; round++) {
    VEC(TermId) ors = {0};
    for (size_t i = 0; i < W->leaves.len; i++)
      if (W->leaves.data[i].state[d] == TG_OPEN)
        VEC_PUSH(ors, beyond(tm, &W->leaves.data[i], d));
    if (ors.len == 0) {
      VEC_FREE(ors);
      break;
    }
    TermId a = term_mk_fresh(tm, "tighten", SORT_BOOL);
    solver_assert(s, term_mk_implies(tm, a, term_mk_or(tm, ors.data,
                                                       (uint32_t)ors.len)));
    VEC_FREE(ors);
    solver_limit_next(s, TG_EFFORT);
    SolverResult r = solver_check(s, &a, 1);
    if (r == SOLVER_UNKNOWN)
      break;
    if (r == SOLVER_UNSAT) {
      for (size_t i = 0; i < W->leaves.len; i++)
        if (W->leaves.data[i].state[d] == TG_OPEN)
          W->leaves.data[i].state[d] = TG_PROVED;
      break;
    }
    bool moved = false;
    for (size_t i = 0; i < W->leaves.len; i++) {
      Leaf *l = &W->leaves.data[i];
      if (l->state[d] != TG_OPEN)
        continue;
      solver_value_int(s, l->t, m);
      int c = mpz_cmp(m, l->end[d]);
      if (d == LO ? c >= 0 : c <= 0)
        continue;
      moved = true;
      widen(l, d, m);
    }
    if (!moved)
      break; /* cannot happen with an exact model; do not loop */
  }
  mpz_clear(m);
}

static TermId to_var(void *arg, TermId t) {
  Walk *W = arg;
  return t < W->nterms && W->var_of[t] ? W->var_of[t] : t;
}

/* Records what was learnt at the leaf's places for the next depths: a
 * side still open (the effort bound, or TG_ROUNDS models that left it)
 * rests for a while. */
static void remember(Tighten *tg, int k, const Leaf *l) {
  for (size_t j = 0; j < l->places.len; j++) {
    Place *pl = place(tg, l->places.data[j]);
    for (int d = 0; d < 2; d++) {
      if (!l->asked[d])
        continue;
      mpz_set(pl->end[d], l->end[d]);
      pl->have[d] = true;
      if (l->state[d] != TG_OPEN) { /* proved, or no better than t's */
        pl->fails[d] = 0;
      } else {
        pl->fails[d]++;
        int rest = 1 << (pl->fails[d] < 4 ? pl->fails[d] : 4);
        pl->due[d] = k + (rest < TG_MAX_REST ? rest : TG_MAX_REST);
      }
    }
  }
}

TermId tighten_frame(Tighten *tg, Solver *s, TermMgr *tm, int k,
                     SymVal *const *prev, SymVal **cur, int nvars) {
  /* On Z3 an integer costs the same whatever its bounds, and the
   * questions and definitions only slow it down (the counter's 34-step
   * final count: 31.6 s of CPU without them, over 150 s with). */
  if (!solver_sized_ints(s))
    return term_true(tm);
  Walk W = {.tg = tg, .tm = tm, .k = k, .nterms = term_count(tm)};
  W.leaf_of = xcalloc(W.nterms, sizeof *W.leaf_of);
  for (int v = 0; v < nvars; v++)
    walk(&W, prev[v], cur[v]);
  size_t asked[2] = {0, 0};
  for (size_t i = 0; i < W.leaves.len; i++) {
    Leaf *l = &W.leaves.data[i];
    clamp(l, LO);
    clamp(l, HI);
    if (!worth(l, l->end[LO], l->end[HI]))
      l->state[LO] = l->state[HI] = TG_NONE;
    for (int d = 0; d < 2; d++) {
      l->asked[d] = l->state[d] == TG_OPEN;
      asked[d] += l->asked[d];
    }
  }
  for (int d = 0; d < 2; d++)
    if (asked[d])
      ask(&W, s, d);
  VEC(TermId) defs = {0};
  W.var_of = xcalloc(W.nterms, sizeof *W.var_of);
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  for (size_t i = 0; i < W.leaves.len; i++) {
    Leaf *l = &W.leaves.data[i];
    remember(tg, k, l);
    if (!result(l, lo, hi) || !worth(l, lo, hi))
      continue;
    TermId v = term_mk_fresh(tm, "bnd", SORT_INT);
    term_var_set_bounds(tm, v, lo, hi);
    W.var_of[l->t] = v;
    VEC_PUSH(defs, term_mk_eq(tm, v, l->t));
  }
  mpz_clears(lo, hi, NULL);
  if (defs.len)
    for (int v = 0; v < nvars; v++)
      if (cur[v])
        cur[v] = sv_map_terms(cur[v], to_var, &W);
  TermId r = term_mk_and(tm, defs.data, (uint32_t)defs.len);
  VEC_FREE(defs);
  for (size_t i = 0; i < W.leaves.len; i++) {
    Leaf *l = &W.leaves.data[i];
    mpz_clears(l->end[LO], l->end[HI], l->tend[LO], l->tend[HI], NULL);
    VEC_FREE(l->places);
  }
  VEC_FREE(W.leaves);
  free(W.leaf_of);
  free(W.var_of);
  return r;
}
