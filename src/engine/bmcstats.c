/* bmcstats.c -- the counters and lines of `--stats` (bmcstats.h).
 *
 * Counters are cumulative; each depth line prints the difference from the
 * previous line, so that the lines of a run add up to the summary.  The
 * line of depth K comes right after the driver's "depth K checked", so it
 * covers the step into frame K (the CONSTRAINTs of frame K-1, Next from
 * it, the deadlock check of frame K-1) and the invariant query of frame
 * K.  It reads
 *   brink: stats depth K: encode E s, translate T s, solve S s (Q queries:
 *     invariants s, deadlock s, ...); frame K: N terms (+D), A AIG nodes,
 *     C clauses, V vars
 * where the sizes are those of the whole unrolling so far (the solver is
 * incremental), +D the terms this depth added, and the back end's counts
 * it lacks are left out (Z3 reports the terms it translated instead).
 * The second line gives the terms each formula added (below), the third
 * the cells of each variable's symbolic value in frame K (nested cells
 * included: the size of its representation).  The terms:
 *   brink: stats depth K terms: Init +n, Next +n (Act +n, ...),
 *     invariants +n (Inv +n, ...), properties +n, constraints +n,
 *     step errors +n, deadlock +n, other +n
 * where "other" is what the driver itself built (the queries'
 * disjunctions, lemmas, assumption literals).  Groups with nothing in
 * them are left out.  An action's terms include those of the definitions
 * it calls; Next's include the merge of its branches, which no action
 * owns.  Times are CPU seconds of the process (solver_clock: on a shared
 * machine wall-clock times stretch with the load); the summary adds the
 * wall-clock time.  In the summary the actions and invariants are
 * sorted by terms, largest first: the formulas that dominate. */
#include "bmcstats.h"

#include "symval.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct BstAction {
  const char *name;
  uint64_t terms, shown; /* cumulative, and as of the last depth line */
} BstAction;

struct BmcStats {
  const Spec *spec;
  TermMgr *tm;
  Solver *solver;
  const Enc *enc;
  double t0, enter_t, enter_solve;
  uint32_t enter_terms;
  double enc_s;
  double cpu0;
  uint64_t part[BST__COUNT];
  double solve[BST__COUNT]; /* the solver's search time, by part */
  uint64_t *inv; /* by invariant */
  VEC(BstAction) actions;
  /* As of the last depth line. */
  double shown_enc, shown_tr, shown_solve, shown_psolve[BST__COUNT];
  long shown_checks;
  uint32_t shown_count;
  uint64_t shown_part[BST__COUNT];
  uint64_t *shown_inv;
};

BmcStats *bst_new(bool on, const Spec *spec, TermMgr *tm, Solver *s,
                  const Enc *enc) {
  if (!on)
    return NULL;
  BmcStats *st = xcalloc(1, sizeof *st);
  st->spec = spec;
  st->tm = tm;
  st->solver = s;
  st->enc = enc;
  st->t0 = util_now();
  st->cpu0 = solver_clock();
  st->inv = xcalloc(spec->invariants.len + 1, sizeof *st->inv);
  st->shown_inv = xcalloc(spec->invariants.len + 1, sizeof *st->shown_inv);
  for (size_t i = 0; i < spec->actions.len; i++) {
    const char *n = spec->actions.data[i].name;
    bool dup = !n;
    for (size_t j = 0; j < st->actions.len && !dup; j++)
      dup = strcmp(st->actions.data[j].name, n) == 0;
    if (!dup)
      VEC_PUSH(st->actions, ((BstAction){n, 0, 0}));
  }
  return st;
}

void bst_delete(BmcStats *st) {
  if (!st)
    return;
  free(st->inv);
  free(st->shown_inv);
  VEC_FREE(st->actions);
  free(st);
}

void bst_enter(BmcStats *st) {
  if (!st)
    return;
  SolverStats ss;
  solver_stats(st->solver, &ss);
  st->enter_solve = ss.solve_s;
  st->enter_t = solver_clock();
  st->enter_terms = term_count(st->tm);
}

void bst_leave(BmcStats *st, BstPart part, size_t index, bool encoding) {
  if (!st)
    return;
  uint32_t made = term_count(st->tm) - st->enter_terms;
  st->part[part] += made;
  if (part == BST_INV && index < st->spec->invariants.len)
    st->inv[index] += made;
  if (encoding)
    st->enc_s += solver_clock() - st->enter_t;
  SolverStats ss;
  solver_stats(st->solver, &ss);
  st->solve[part] += part == BST_INDUCT ? solver_clock() - st->enter_t
                                        : ss.solve_s - st->enter_solve;
}

static const char *const bst_names[BST__COUNT] = {
    "Init",        "Next",        "invariants", "properties",
    "constraints", "step errors", "deadlock",   "dead cells",
    "induction",   "packed cells", "bounds",    "dead ends"};

/* ": invariants 1.20 s, deadlock 6.00 s": the parts the search spent
 * time on since the last line (at least 5 ms). */
static void bst_solve_split(BmcStats *st) {
  const char *sep = ": ";
  for (int p = 0; p < BST__COUNT; p++) {
    double d = st->solve[p] - st->shown_psolve[p];
    if (d >= 0.005) {
      fprintf(stderr, "%s%s %.2f s", sep, bst_names[p], d);
      sep = ", ";
    }
  }
}

/* The actions' cumulative terms, from the encoder's table. */
static void bst_read_actions(BmcStats *st) {
  const EncDefTerms *dt;
  size_t n = enc_def_terms(st->enc, &dt);
  for (size_t i = 0; i < st->actions.len; i++)
    for (size_t j = 0; j < n; j++)
      if (strcmp(sym_str(dt[j].name), st->actions.data[i].name) == 0)
        st->actions.data[i].terms = dt[j].terms;
}

/* "frame K: N terms (+D), ..." or, for the summary, without the frame. */
static void bst_sizes(uint32_t terms, const SolverStats *ss, uint32_t delta,
                      bool with_delta) {
  fprintf(stderr, "%u terms", terms);
  if (with_delta)
    fprintf(stderr, " (+%u)", delta);
  if (ss->aig_nodes >= 0)
    fprintf(stderr, ", %ld AIG nodes", ss->aig_nodes);
  if (ss->clauses >= 0)
    fprintf(stderr, ", %ld clauses", ss->clauses);
  if (ss->vars >= 0)
    fprintf(stderr, ", %ld vars", ss->vars);
  if (ss->terms >= 0)
    fprintf(stderr, ", %ld terms translated", ss->terms);
}

typedef struct BstItem {
  const char *name;
  uint64_t n;
} BstItem;

static int bst_item_cmp(const void *a, const void *b) {
  const BstItem *x = a, *y = b;
  return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->name, y->name);
}

/* " (a +1, b +2)" of the nonzero items; sorted by size when sort. */
static void bst_list(BstItem *it, size_t n, const char *sign, bool sort) {
  if (sort)
    qsort(it, n, sizeof *it, bst_item_cmp);
  const char *sep = " (";
  for (size_t i = 0; i < n; i++)
    if (it[i].n) {
      fprintf(stderr, "%s%s %s%llu", sep, it[i].name, sign,
              (unsigned long long)it[i].n);
      sep = ", ";
    }
  if (strcmp(sep, ", ") == 0)
    fprintf(stderr, ")");
}

/* The terms by formula: since the last line (cur - base), or in all. */
static void bst_terms(BmcStats *st, const uint64_t *base,
                      const uint64_t *inv_base, bool since, uint32_t total) {
  const char *sign = since ? "+" : "";
  size_t nact = st->actions.len, ninv = st->spec->invariants.len;
  BstItem *it = xcalloc((nact > ninv ? nact : ninv) + 1, sizeof *it);
  uint64_t parts = 0;
  const char *sep = "";
  for (int p = 0; p < BST__COUNT; p++) {
    uint64_t n = st->part[p] - (since ? base[p] : 0);
    parts += n;
    if (!n)
      continue;
    fprintf(stderr, "%s%s %s%llu", sep, bst_names[p], sign, (unsigned long long)n);
    sep = ", ";
    if (p == BST_NEXT) {
      for (size_t i = 0; i < nact; i++) {
        BstAction *a = &st->actions.data[i];
        it[i] = (BstItem){a->name, a->terms - (since ? a->shown : 0)};
      }
      bst_list(it, nact, sign, !since);
    } else if (p == BST_INV) {
      for (size_t i = 0; i < ninv; i++)
        it[i] = (BstItem){sym_str(st->spec->invariants.data[i].name),
                          st->inv[i] - (since ? inv_base[i] : 0)};
      bst_list(it, ninv, sign, !since);
    }
  }
  fprintf(stderr, "%sother %s%llu\n", sep, sign,
          (unsigned long long)(total > parts ? total - parts : 0));
  free(it);
}

/* The cells of a symbolic value, nested ones included: how big the
 * representation of a variable is. */
static uint64_t bst_cells(const SymVal *v) {
  if (!v)
    return 0;
  uint64_t n = v->n;
  for (uint32_t i = 0; i < v->n; i++)
    n += bst_cells(v->cells[i].key) + bst_cells(v->cells[i].val);
  return n;
}

/* The hull of the bounds of v's integers (its own, or under a function's
 * constant keys) into lo..hi; *some when there is one, *open when one has
 * no bounds. */
static void bst_int_hull(const TermMgr *tm, const SymVal *v, mpz_t lo,
                         mpz_t hi, bool *some, bool *open) {
  if (!v)
    return;
  if (v->kind == SV_FUN) {
    Value *ignored;
    for (uint32_t i = 0; i < v->n; i++)
      if (sv_is_const(v->cells[i].key, &ignored))
        bst_int_hull(tm, v->cells[i].val, lo, hi, some, open);
    return;
  }
  if (v->kind != SV_INT)
    return;
  mpz_t l, h;
  mpz_inits(l, h, NULL);
  if (!term_int_bounds(tm, v->t, l, h)) {
    *open = true;
  } else if (!*some) {
    mpz_set(lo, l);
    mpz_set(hi, h);
  } else {
    if (mpz_cmp(l, lo) < 0)
      mpz_set(lo, l);
    if (mpz_cmp(h, hi) > 0)
      mpz_set(hi, h);
  }
  *some = true;
  mpz_clears(l, h, NULL);
}

/* "brink: stats depth K bounds: x 0..7, towers -16..47, n unbounded": the
 * hull of each variable's integers' bounds, for the variables that have
 * integers; nothing when none has. */
static void bst_bounds_line(BmcStats *st, int k, SymVal *const *frame) {
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  const char *sep = NULL;
  for (int v = 0; v < st->spec->nvars; v++) {
    bool some = false, open = false;
    bst_int_hull(st->tm, frame[v], lo, hi, &some, &open);
    if (!some)
      continue;
    if (!sep)
      fprintf(stderr, "brink: stats depth %d bounds:", k);
    fprintf(stderr, "%s %s ", sep ? sep : "",
            sym_str(st->spec->prog->vars.data[v]->name));
    if (open)
      fprintf(stderr, "unbounded");
    else
      gmp_fprintf(stderr, "%Zd..%Zd", lo, hi);
    sep = ",";
  }
  if (sep)
    fprintf(stderr, "\n");
  mpz_clears(lo, hi, NULL);
}

void bst_depth(BmcStats *st, int k, SymVal *const *frame) {
  if (!st)
    return;
  SolverStats ss;
  solver_stats(st->solver, &ss);
  bst_read_actions(st);
  uint32_t count = term_count(st->tm), delta = count - st->shown_count;
  fprintf(stderr, "brink: stats depth %d: encode %.2f s", k,
          st->enc_s - st->shown_enc);
  if (ss.translate_s >= 0)
  {
    fprintf(stderr, ", translate %.2f s, solve %.2f s (%ld quer%s",
            ss.translate_s - st->shown_tr, ss.solve_s - st->shown_solve,
            ss.checks - st->shown_checks,
            ss.checks - st->shown_checks == 1 ? "y" : "ies");
    bst_solve_split(st);
    fprintf(stderr, ")");
  }
  fprintf(stderr, "; frame %d: ", k);
  bst_sizes(count, &ss, delta, true);
  fprintf(stderr, "\nbrink: stats depth %d terms: ", k);
  bst_terms(st, st->shown_part, st->shown_inv, true, delta);
  fprintf(stderr, "brink: stats depth %d cells:", k);
  for (int v = 0; v < st->spec->nvars; v++)
    fprintf(stderr, "%s %s %llu", v ? "," : "",
            sym_str(st->spec->prog->vars.data[v]->name),
            (unsigned long long)bst_cells(frame[v]));
  fprintf(stderr, "\n");
  bst_bounds_line(st, k, frame);
  st->shown_enc = st->enc_s;
  st->shown_tr = ss.translate_s;
  st->shown_solve = ss.solve_s;
  st->shown_checks = ss.checks;
  memcpy(st->shown_psolve, st->solve, sizeof st->solve);
  st->shown_count = count;
  memcpy(st->shown_part, st->part, sizeof st->part);
  memcpy(st->shown_inv, st->inv,
         st->spec->invariants.len * sizeof *st->shown_inv);
  for (size_t i = 0; i < st->actions.len; i++)
    st->actions.data[i].shown = st->actions.data[i].terms;
}

void bst_summary(BmcStats *st) {
  if (!st)
    return;
  SolverStats ss;
  solver_stats(st->solver, &ss);
  bst_read_actions(st);
  double wall = util_now() - st->t0, cpu = solver_clock() - st->cpu0;
  fprintf(stderr, "brink: stats total: encode %.2f s", st->enc_s);
  double other = cpu - st->enc_s;
  if (ss.translate_s >= 0) {
    fprintf(stderr, ", translate %.2f s, solve %.2f s", ss.translate_s,
            ss.solve_s);
    other -= ss.translate_s + ss.solve_s;
  }
  fprintf(stderr, ", other %.2f s (%.2f s of CPU in all, %.2f s of wall "
                  "clock",
          other > 0 ? other : 0, cpu, wall);
  if (ss.checks >= 0) {
    fprintf(stderr, ", %ld quer%s", ss.checks, ss.checks == 1 ? "y" : "ies");
    memset(st->shown_psolve, 0, sizeof st->shown_psolve);
    bst_solve_split(st);
  }
  fprintf(stderr, "); ");
  bst_sizes(term_count(st->tm), &ss, 0, false);
  fprintf(stderr, "\nbrink: stats terms by formula: ");
  bst_terms(st, NULL, NULL, false, term_count(st->tm));
}

void bst_mark(BstMark *m, Solver *s, TermMgr *tm) {
  m->cpu = solver_clock();
  solver_stats(s, &m->ss);
  m->terms = term_count(tm);
}

void bst_lasso(const BstMark *m, Solver *s, TermMgr *tm, const char *label,
               int k, const char *answer) {
  SolverStats ss;
  solver_stats(s, &ss);
  double cpu = solver_clock() - m->cpu;
  uint32_t count = term_count(tm);
  fprintf(stderr, "brink: stats lasso %s k=%d: ", label, k);
  if (ss.translate_s >= 0) {
    double tr = ss.translate_s - m->ss.translate_s,
           so = ss.solve_s - m->ss.solve_s, enc = cpu - tr - so;
    fprintf(stderr, "encode %.2f s, translate %.2f s, solve %.2f s (%s); ",
            enc > 0 ? enc : 0, tr, so, answer);
  } else {
    fprintf(stderr, "%.2f s (%s); ", cpu, answer);
  }
  bst_sizes(count, &ss, count - m->terms, true);
  fprintf(stderr, "\n");
}
