/* smt2.c -- `--dump-smt2 FILE`: the query as SMT-LIB 2, beside any back
 * end.
 *
 * A decorator: every call goes to the inner solver, and the assertions and
 * the last check's assumptions are recorded; when the solver is destroyed
 * the file is written.  The DAG is written once, shared subterms as
 * define-fun (one per compound term, in id order, which is a topological
 * order), so the file is linear in the query's size.  Integers are Int and
 * TLA+'s floor DIV and MOD are written as Z3's back end translates them
 * (solver/z3.c): (div a b) for b > 0, else (div (- a) (- b)), and the
 * matching mod.  The last check is written as check-sat-assuming over its
 * assumption literals (a non-literal assumption gets a named proxy). */
#include "solver.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct Smt2Solver {
  Solver base; /* must be first */
  Solver *inner;
  char *path;
  VEC(TermId) asserted;
  VEC(TermId) assumed;
  bool checked;
} Smt2Solver;

static void smt2_assert_term(Solver *base, TermId t) {
  Smt2Solver *s = (Smt2Solver *)base;
  VEC_PUSH(s->asserted, t);
  solver_assert(s->inner, t);
}

static SolverResult smt2_check(Solver *base, const TermId *a, size_t n) {
  Smt2Solver *s = (Smt2Solver *)base;
  s->assumed.len = 0;
  for (size_t i = 0; i < n; i++)
    VEC_PUSH(s->assumed, a[i]);
  s->checked = true;
  return solver_check(s->inner, a, n);
}

static bool smt2_value_bool(Solver *base, TermId t) {
  return solver_value_bool(((Smt2Solver *)base)->inner, t);
}
static void smt2_value_int(Solver *base, TermId t, mpz_t out) {
  solver_value_int(((Smt2Solver *)base)->inner, t, out);
}
static const char *smt2_reason_unknown(Solver *base) {
  Solver *in = ((Smt2Solver *)base)->inner;
  return in->ops->reason_unknown(in);
}
static void smt2_set_timeout_ms(Solver *base, unsigned ms) {
  Solver *in = ((Smt2Solver *)base)->inner;
  in->ops->set_timeout_ms(in, ms);
}
static void smt2_limit_next(Solver *base, unsigned conflicts) {
  solver_limit_next(((Smt2Solver *)base)->inner, conflicts);
}
static bool smt2_sized_ints(Solver *base) {
  return solver_sized_ints(((Smt2Solver *)base)->inner);
}

static const char *smt2_describe(Solver *base) {
  return solver_describe(((Smt2Solver *)base)->inner);
}
static const char *smt2_caveat(Solver *base) {
  return solver_caveat(((Smt2Solver *)base)->inner);
}
static bool smt2_partial_model(Solver *base) {
  return solver_partial_model(((Smt2Solver *)base)->inner);
}

/* ---- writing ---- */

static const char *smt2_sort(Sort s) { return s == SORT_BOOL ? "Bool" : "Int"; }

/* A reference to t: a literal, a variable's quoted name, or tN. */
static void smt2_ref(FILE *f, const TermMgr *tm, TermId t) {
  switch (term_kind(tm, t)) {
  case TERM_TRUE:
    fputs("true", f);
    break;
  case TERM_FALSE:
    fputs("false", f);
    break;
  case TERM_INTCONST: {
    mpz_t v;
    mpz_init(v);
    term_int_value(tm, t, v);
    if (mpz_sgn(v) < 0) {
      mpz_neg(v, v);
      fputs("(- ", f);
      mpz_out_str(f, 10, v);
      fputc(')', f);
    } else {
      mpz_out_str(f, 10, v);
    }
    mpz_clear(v);
    break;
  }
  case TERM_VAR:
    fprintf(f, "|%s|", term_var_name(tm, t));
    break;
  default:
    fprintf(f, "t%u", t);
  }
}

static bool smt2_leaf(const TermMgr *tm, TermId t) {
  return term_nargs(tm, t) == 0;
}

static void smt2_args(FILE *f, const TermMgr *tm, TermId t) {
  for (uint32_t i = 0; i < term_nargs(tm, t); i++) {
    fputc(' ', f);
    smt2_ref(f, tm, term_arg(tm, t, i));
  }
}

static void smt2_define(FILE *f, const TermMgr *tm, TermId t) {
  static const char *ops[TERM__COUNT] = {
      [TERM_NOT] = "not", [TERM_AND] = "and", [TERM_OR] = "or",
      [TERM_ITE] = "ite", [TERM_EQ] = "=",    [TERM_LT] = "<",
      [TERM_LE] = "<=",   [TERM_ADD] = "+",   [TERM_MUL] = "*",
      [TERM_NEG] = "-"};
  TermKind k = term_kind(tm, t);
  fprintf(f, "(define-fun t%u () %s ", t, smt2_sort(term_sort(tm, t)));
  if (k == TERM_DIV || k == TERM_MOD) {
    const char *op = k == TERM_DIV ? "div" : "mod";
    fputs("(ite (> ", f);
    smt2_ref(f, tm, term_arg(tm, t, 1));
    fprintf(f, " 0) (%s", op);
    smt2_args(f, tm, t);
    fprintf(f, ") %s(%s (- ", k == TERM_MOD ? "(- " : "", op);
    smt2_ref(f, tm, term_arg(tm, t, 0));
    fputs(") (- ", f);
    smt2_ref(f, tm, term_arg(tm, t, 1));
    fprintf(f, "))%s)", k == TERM_MOD ? ")" : "");
  } else {
    fprintf(f, "(%s", ops[k] ? ops[k] : "?");
    smt2_args(f, tm, t);
    fputc(')', f);
  }
  fputs(")\n", f);
}

/* Marks every term below the roots (mark[t] = 1). */
static void smt2_mark(const TermMgr *tm, const TermId *roots, size_t n,
                      uint8_t *mark) {
  VEC(TermId) stack = {0};
  for (size_t i = 0; i < n; i++)
    VEC_PUSH(stack, roots[i]);
  while (stack.len) {
    TermId t = VEC_POP(stack);
    if (mark[t])
      continue;
    mark[t] = 1;
    for (uint32_t i = 0; i < term_nargs(tm, t); i++)
      VEC_PUSH(stack, term_arg(tm, t, i));
  }
  VEC_FREE(stack);
}

static bool smt2_is_literal(const TermMgr *tm, TermId t) {
  if (term_kind(tm, t) == TERM_NOT)
    t = term_arg(tm, t, 0);
  return term_kind(tm, t) == TERM_VAR;
}

static void smt2_write(Smt2Solver *s) {
  const TermMgr *tm = s->base.tm;
  FILE *f = fopen(s->path, "w");
  if (!f) {
    fprintf(stderr, "brink: cannot write the SMT-LIB query to %s: %s\n",
            s->path, strerror(errno));
    return;
  }
  uint32_t n = term_count(tm);
  uint8_t *mark = xcalloc(n, 1);
  smt2_mark(tm, s->asserted.data, s->asserted.len, mark);
  smt2_mark(tm, s->assumed.data, s->assumed.len, mark);
  fprintf(f, "; brink: the query of the run as SMT-LIB 2 (%zu assertions; "
             "the last check's assumptions in check-sat-assuming)\n",
          s->asserted.len);
  fputs("(set-logic ALL)\n", f);
  for (TermId t = 1; t < n; t++)
    if (mark[t] && term_kind(tm, t) == TERM_VAR)
      fprintf(f, "(declare-const |%s| %s)\n", term_var_name(tm, t),
              smt2_sort(term_sort(tm, t)));
  for (TermId t = 1; t < n; t++)
    if (mark[t] && !smt2_leaf(tm, t))
      smt2_define(f, tm, t);
  for (size_t i = 0; i < s->asserted.len; i++) {
    fputs("(assert ", f);
    smt2_ref(f, tm, s->asserted.data[i]);
    fputs(")\n", f);
  }
  if (s->checked) {
    for (size_t i = 0; i < s->assumed.len; i++)
      if (!smt2_is_literal(tm, s->assumed.data[i])) {
        fprintf(f, "(declare-const |assume!%zu| Bool)\n(assert (= "
                   "|assume!%zu| ", i, i);
        smt2_ref(f, tm, s->assumed.data[i]);
        fputs("))\n", f);
      }
    fputs("(check-sat-assuming (", f);
    for (size_t i = 0; i < s->assumed.len; i++) {
      TermId a = s->assumed.data[i];
      if (i)
        fputc(' ', f);
      if (smt2_is_literal(tm, a))
        smt2_ref(f, tm, a);
      else
        fprintf(f, "|assume!%zu|", i);
    }
    fputs("))\n", f);
  }
  free(mark);
  if (fclose(f) != 0)
    fprintf(stderr, "brink: cannot write the SMT-LIB query to %s: %s\n",
            s->path, strerror(errno));
}

static void smt2_destroy(Solver *base) {
  Smt2Solver *s = (Smt2Solver *)base;
  smt2_write(s);
  solver_delete(s->inner);
  VEC_FREE(s->asserted);
  VEC_FREE(s->assumed);
  free(s->path);
  free(s);
}

static void smt2_stats(Solver *base, SolverStats *out) {
  solver_stats(((Smt2Solver *)base)->inner, out);
}

static const SolverOps smt2_ops = {
    .name = "smt2",
    .assert_term = smt2_assert_term,
    .check = smt2_check,
    .value_bool = smt2_value_bool,
    .value_int = smt2_value_int,
    .reason_unknown = smt2_reason_unknown,
    .set_timeout_ms = smt2_set_timeout_ms,
    .limit_next = smt2_limit_next,
    .sized_ints = smt2_sized_ints,
    .destroy = smt2_destroy,
    .describe = smt2_describe,
    .caveat = smt2_caveat,
    .partial_model = smt2_partial_model,
    .stats = smt2_stats,
};

Solver *solver_smt2_dump_new(Solver *inner, const char *path) {
  Smt2Solver *s = xcalloc(1, sizeof *s);
  s->base.ops = &smt2_ops;
  s->base.tm = inner->tm;
  s->inner = inner;
  s->path = xstrdup(path);
  return &s->base;
}
