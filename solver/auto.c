/* auto.c -- `--backend auto`: CaDiCaL while every integer is bounded,
 * Z3 from the first query that is not.
 *
 * The bit-blaster gives an Int variable without encoder bounds (a choice
 * from Nat or Int) a fixed number of bits, which would limit what an UNSAT
 * answer covers (cadical.c).  So this decorator starts on CaDiCaL, records
 * what is asserted, and looks at every new assertion and assumption; the
 * first one that mentions such a variable moves the run to Z3: a Z3
 * solver is created, every recorded assertion is replayed into it, the
 * CaDiCaL one is dropped, and everything after goes to Z3.  A query that
 * CaDiCaL gives up on because its integers outgrow the widest bit-vectors
 * it tries (cadical.c) moves the run the same way and is asked again.
 * Answers CaDiCaL gave before are exact (no unbounded variable was
 * involved), so the run stays sound; the summary names the back end it
 * ended on. */
#include "solver.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct AutoSolver {
  Solver base; /* must be first */
  Solver *cur;
  bool on_z3;
  VEC(TermId) asserted;
  uint8_t *seen; /* by term id: looked at */
  size_t seen_cap;
  unsigned timeout_ms;
  const char *why; /* why the run moved to z3 */
  char *dump_cnf;
  char *desc;
} AutoSolver;

/* Does t mention an Int variable without encoder bounds?  Terms looked at
 * before are skipped (they had none, or the run moved already). */
static bool auto_unbounded(AutoSolver *s, TermId root) {
  const TermMgr *tm = s->base.tm;
  size_t need = term_count(tm);
  if (need > s->seen_cap) {
    size_t ncap = s->seen_cap ? 2 * s->seen_cap : 4096;
    while (ncap < need)
      ncap *= 2;
    s->seen = xrealloc(s->seen, ncap);
    memset(s->seen + s->seen_cap, 0, ncap - s->seen_cap);
    s->seen_cap = ncap;
  }
  bool found = false;
  VEC(TermId) stack = {0};
  VEC_PUSH(stack, root);
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  while (stack.len && !found) {
    TermId t = VEC_POP(stack);
    if (s->seen[t])
      continue;
    s->seen[t] = 1;
    if (term_kind(tm, t) == TERM_VAR && term_sort(tm, t) == SORT_INT &&
        !term_var_bounds(tm, t, lo, hi))
      found = true;
    for (uint32_t i = 0; i < term_nargs(tm, t); i++)
      VEC_PUSH(stack, term_arg(tm, t, i));
  }
  mpz_clears(lo, hi, NULL);
  VEC_FREE(stack);
  return found;
}

static void auto_move_to_z3(AutoSolver *s) {
  Solver *z3 = solver_z3_new(s->base.tm);
  z3->ops->set_timeout_ms(z3, s->timeout_ms);
  for (size_t i = 0; i < s->asserted.len; i++)
    solver_assert(z3, s->asserted.data[i]);
  solver_delete(s->cur);
  s->cur = z3;
  s->on_z3 = true;
  VEC_FREE(s->asserted);
  if (s->dump_cnf) {
    FILE *f = fopen(s->dump_cnf, "w");
    if (f) {
      fprintf(f, "c brink: no CNF: --backend auto moved to z3 (%s)\n",
              s->why);
      fclose(f);
    } else {
      fprintf(stderr, "brink: cannot write %s: %s\n", s->dump_cnf,
              strerror(errno));
    }
  }
}

static void auto_assert_term(Solver *base, TermId t) {
  AutoSolver *s = (AutoSolver *)base;
  if (!s->on_z3) {
    if (auto_unbounded(s, t)) {
      s->why = "the spec chooses integers from Nat or Int";
      VEC_PUSH(s->asserted, t);
      auto_move_to_z3(s);
      return;
    }
    VEC_PUSH(s->asserted, t);
  }
  solver_assert(s->cur, t);
}

static SolverResult auto_check(Solver *base, const TermId *a, size_t n) {
  AutoSolver *s = (AutoSolver *)base;
  for (size_t i = 0; i < n && !s->on_z3; i++)
    if (auto_unbounded(s, a[i])) {
      s->why = "the spec chooses integers from Nat or Int";
      auto_move_to_z3(s);
    }
  SolverResult r = solver_check(s->cur, a, n);
  const char *why = r == SOLVER_UNKNOWN && !s->on_z3
                        ? s->cur->ops->reason_unknown(s->cur)
                        : NULL;
  if (why && strncmp(why, "integer overflow", 16) == 0) {
    /* Integers wider than the bit-blaster goes: Z3 has no such limit. */
    s->why = "integers beyond the bit-blaster's widest";
    auto_move_to_z3(s);
    r = solver_check(s->cur, a, n);
  }
  return r;
}

static bool auto_value_bool(Solver *base, TermId t) {
  return solver_value_bool(((AutoSolver *)base)->cur, t);
}

static void auto_value_int(Solver *base, TermId t, mpz_t out) {
  solver_value_int(((AutoSolver *)base)->cur, t, out);
}

static const char *auto_reason_unknown(Solver *base) {
  Solver *c = ((AutoSolver *)base)->cur;
  return c->ops->reason_unknown(c);
}

static void auto_set_timeout_ms(Solver *base, unsigned ms) {
  AutoSolver *s = (AutoSolver *)base;
  s->timeout_ms = ms;
  s->cur->ops->set_timeout_ms(s->cur, ms);
}

static void auto_limit_next(Solver *base, unsigned conflicts) {
  solver_limit_next(((AutoSolver *)base)->cur, conflicts);
}

static bool auto_sized_ints(Solver *base) {
  return solver_sized_ints(((AutoSolver *)base)->cur);
}

static const char *auto_describe(Solver *base) {
  AutoSolver *s = (AutoSolver *)base;
  free(s->desc);
  if (s->on_z3)
    s->desc = xsprintf("z3, picked by auto: %s", s->why);
  else
    s->desc = xsprintf("%s, picked by auto: every integer is bounded",
                       solver_describe(s->cur));
  return s->desc;
}

static const char *auto_caveat(Solver *base) {
  return solver_caveat(((AutoSolver *)base)->cur);
}

static bool auto_partial_model(Solver *base) {
  return solver_partial_model(((AutoSolver *)base)->cur);
}

/* The counters of the back end in use (after a move to Z3: Z3's only). */
static void auto_stats(Solver *base, SolverStats *out) {
  solver_stats(((AutoSolver *)base)->cur, out);
}

static void auto_destroy(Solver *base) {
  AutoSolver *s = (AutoSolver *)base;
  solver_delete(s->cur);
  VEC_FREE(s->asserted);
  free(s->seen);
  free(s->dump_cnf);
  free(s->desc);
  free(s);
}

static const SolverOps auto_ops = {
    .name = "auto",
    .assert_term = auto_assert_term,
    .check = auto_check,
    .value_bool = auto_value_bool,
    .value_int = auto_value_int,
    .reason_unknown = auto_reason_unknown,
    .set_timeout_ms = auto_set_timeout_ms,
    .limit_next = auto_limit_next,
    .sized_ints = auto_sized_ints,
    .destroy = auto_destroy,
    .describe = auto_describe,
    .caveat = auto_caveat,
    .partial_model = auto_partial_model,
    .stats = auto_stats,
};

Solver *solver_auto_new(TermMgr *tm, const CadicalOptions *o) {
  AutoSolver *s = xcalloc(1, sizeof *s);
  s->base.ops = &auto_ops;
  s->base.tm = tm;
  s->cur = solver_cadical_new(tm, o);
  s->dump_cnf = o && o->dump_cnf ? xstrdup(o->dump_cnf) : NULL;
  return &s->base;
}
