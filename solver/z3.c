/* z3.c -- the Z3 back end (Z3 4.8 C API) behind the Solver vtable.
 *
 * One reference-counted Z3 context per Solver.  Terms are translated to Z3
 * ASTs bottom-up with an explicit stack (ITE chains tens of thousands deep
 * must not overflow the C stack) and memoised in an array indexed by term
 * id that grows with term_count; every AST kept there, the solver, the
 * model and the two base sorts hold one Z3 reference, and the few
 * intermediates built while translating DIV and MOD are referenced until
 * the node is done (in a reference-counted context an unreferenced AST
 * only survives until the next API call).
 *
 * Errors: the default Z3 error handler calls exit(), so solver_z3_new
 * installs z3_on_error, which finds the Solver owning the context in a
 * small registry and records the first error (code and copied message).
 * Errors are sticky: after one, the assertion set may be incomplete, so
 * every later check() answers SOLVER_UNKNOWN with that message as reason.
 * Every string Z3 returns is copied at once (Z3 reuses its buffers).
 *
 * TLA+ DIV/MOD are floor division and remainder, SMT-LIB div/mod are
 * Euclidean; they agree for a positive divisor, and for a negative one
 *   a DIV b = div(-a, -b)      a MOD b = -mod(-a, -b)
 * so the translation is an ite on b > 0 (or the right branch when b is a
 * constant).  Division by 0 is left to Z3's uninterpreted semantics.
 *
 * Assumptions must be literals for Z3_solver_check_assumptions: a Bool
 * variable or its negation is passed as is; any other term t gets a fresh
 * proxy constant p, asserted once as p = t and memoised by id.
 *
 * Solver choice: Z3_mk_solver (the combined solver; with assumptions it
 * runs its incremental SMT solver) is the default over Z3_mk_simple_solver.
 * On a BMC-shaped workload (one frame asserted and one check_assumptions
 * per round, -O2) the simple solver was 1.3-2.2x faster on linear frames
 * (50 rounds: 1.02 s vs 1.38 s), equal on frames with DIV/MOD up to 25
 * rounds (0.43 s vs 0.45 s), but fell off a cliff just after (30 rounds:
 * over 120 s vs 48 s; 40 rounds: over 300 s vs 202 s).  Build with
 * -DBRINK_Z3_SIMPLE_SOLVER for the other one.
 *
 * Z3 recurses over AST depth in places (a 50,000-deep Bool ITE chain
 * overflows an 8 MB stack inside check), so a subterm deeper than
 * Z3_MAX_DEPTH is replaced by a fresh constant asserted equal to it. */
#include "solver.h"
#include "stop.h"
#include "termeval.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <z3.h>

typedef struct Z3Solver {
  Solver base;           /* must be first */
  Z3_context ctx;        /* reference-counted context */
  Z3_solver solver;      /* referenced */
  Z3_model model;        /* referenced; after SOLVER_SAT only, else NULL */
  Z3_sort bool_sort;     /* referenced */
  Z3_sort int_sort;      /* referenced */
  Z3_ast *ast;           /* by term id: translation (referenced) or NULL */
  Z3_ast *proxy;         /* by term id: assumption proxy (referenced) */
  uint32_t *depth;       /* by term id: depth of ast[id] */
  size_t cap;            /* length of ast, proxy and depth */
  char *error;           /* first Z3 error, sticky; NULL if none */
  char *reason;          /* why the last check was SOLVER_UNKNOWN */
  TermEval *eval;        /* values in the model, from its leaves' */
  struct Z3Solver *next; /* registry of live solvers */
  int stop_handle;       /* its interrupter (stop.h), or -1 */
  unsigned rlimit;       /* for the next check only (limit_next); 0 = none */
  /* For --stats: terms translated, time translating and in the search. */
  long nbuilt, checks;
  double translate_s, solve_s;
} Z3Solver;

/* Deeper subterms are cut (z3_cut).  Z3 survived depth 20,000 in tests,
 * and cuts slow down integer ITE chains, so they are kept rare. */
#ifndef Z3_MAX_DEPTH
#define Z3_MAX_DEPTH 5000
#endif

/* limit_next's conflicts in Z3's resource units: its rlimit counts steps
 * of many kinds, not conflicts.  With 1,000 or 10,000 per conflict, a
 * trivially satisfiable check right after one that hit its bound gave up
 * too (t23_solver.c's test_limit_next). */
#ifndef Z3_RLIMIT_PER_CONFLICT
#define Z3_RLIMIT_PER_CONFLICT 100000
#endif

/* Live solvers, so that the error handler can find its context's owner. */
static Z3Solver *z3_live;

static void z3_on_error(Z3_context ctx, Z3_error_code e) {
  if (e == Z3_MEMOUT_FAIL) /* an allocation failed: no answer is coming */
    stop_out_of_memory(0);
  for (Z3Solver *s = z3_live; s; s = s->next) {
    if (s->ctx != ctx)
      continue;
    if (!s->error)
      s->error = xsprintf("z3 error %d: %s", (int)e, Z3_get_error_msg(ctx, e));
    return;
  }
}

/* True when no Z3 error happened so far; also catches an error code left
 * by the last call should the handler not have run. */
static bool z3_ok(Z3Solver *s) {
  if (s->error)
    return false;
  Z3_error_code e = Z3_get_error_code(s->ctx);
  if (e == Z3_MEMOUT_FAIL)
    stop_out_of_memory(0);
  if (e != Z3_OK)
    s->error = xsprintf("z3 error %d: %s", (int)e, Z3_get_error_msg(s->ctx, e));
  return !s->error;
}

/* Records a failure that Z3 did not report as an error itself. */
static void z3_fail(Z3Solver *s, const char *msg) {
  if (!s->error)
    s->error = xsprintf("z3: %s", msg);
}

static void z3_set_reason(Z3Solver *s, const char *msg) {
  free(s->reason);
  s->reason = xstrdup(msg);
}

static void z3_reserve(Z3Solver *s) {
  size_t need = term_count(s->base.tm);
  if (need <= s->cap)
    return;
  size_t ncap = s->cap ? 2 * s->cap : 1024;
  while (ncap < need)
    ncap *= 2;
  s->ast = xrealloc(s->ast, ncap * sizeof *s->ast);
  s->proxy = xrealloc(s->proxy, ncap * sizeof *s->proxy);
  s->depth = xrealloc(s->depth, ncap * sizeof *s->depth);
  memset(s->ast + s->cap, 0, (ncap - s->cap) * sizeof *s->ast);
  memset(s->proxy + s->cap, 0, (ncap - s->cap) * sizeof *s->proxy);
  memset(s->depth + s->cap, 0, (ncap - s->cap) * sizeof *s->depth);
  s->cap = ncap;
}

/* ---- translation ---- */

/* Intermediate ASTs of one node, referenced until the node is built. */
typedef struct Z3Temps {
  Z3_ast a[10];
  int n;
} Z3Temps;

static Z3_ast z3_temp(Z3Solver *s, Z3Temps *tmp, Z3_ast a) {
  if (!a || !z3_ok(s))
    return NULL;
  assert(tmp->n < 10);
  Z3_inc_ref(s->ctx, a);
  tmp->a[tmp->n++] = a;
  return a;
}

static void z3_temps_release(Z3Solver *s, Z3Temps *tmp) {
  for (int i = 0; i < tmp->n; i++)
    Z3_dec_ref(s->ctx, tmp->a[i]);
  tmp->n = 0;
}

static Z3_ast z3_int_const(Z3Solver *s, TermId t) {
  mpz_t v;
  mpz_init(v);
  term_int_value(s->base.tm, t, v);
  Z3_ast r;
  if (mpz_fits_slong_p(v)) {
    r = Z3_mk_int64(s->ctx, (int64_t)mpz_get_si(v), s->int_sort);
  } else {
    char *str = xmalloc(mpz_sizeinbase(v, 10) + 2);
    mpz_get_str(str, 10, v);
    r = Z3_mk_numeral(s->ctx, str, s->int_sort);
    free(str);
  }
  mpz_clear(v);
  return r;
}

static Z3_ast z3_var(Z3Solver *s, TermId t) {
  const TermMgr *tm = s->base.tm;
  Sort so = term_sort(tm, t);
  Z3_symbol sym = Z3_mk_string_symbol(s->ctx, term_var_name(tm, t));
  if (so == SORT_BOOL)
    return Z3_mk_const(s->ctx, sym, s->bool_sort);
  if (so == SORT_INT)
    return Z3_mk_const(s->ctx, sym, s->int_sort);
  Z3_sort bv = Z3_mk_bv_sort(s->ctx, sort_bv_width(so));
  return bv ? Z3_mk_const(s->ctx, sym, bv) : NULL;
}

/* TLA+ a DIV b or a MOD b (k) over Z3 ASTs; sign is the sign of b when b
 * is a constant, else 2.  Returns a referenced AST or NULL. */
static Z3_ast z3_floor_divmod(Z3Solver *s, TermKind k, Z3_ast a, Z3_ast b,
                              int sign) {
  Z3_context c = s->ctx;
  Z3Temps tmp = {.n = 0};
  Z3_ast pos = NULL, neg = NULL, r = NULL;
  if (sign >= 0)
    pos = z3_temp(s, &tmp,
                  k == TERM_DIV ? Z3_mk_div(c, a, b) : Z3_mk_mod(c, a, b));
  if (sign < 0 || sign == 2) {
    Z3_ast na = z3_temp(s, &tmp, Z3_mk_unary_minus(c, a));
    Z3_ast nb = na ? z3_temp(s, &tmp, Z3_mk_unary_minus(c, b)) : NULL;
    Z3_ast q = NULL;
    if (nb)
      q = z3_temp(s, &tmp,
                  k == TERM_DIV ? Z3_mk_div(c, na, nb) : Z3_mk_mod(c, na, nb));
    neg = q && k == TERM_MOD ? z3_temp(s, &tmp, Z3_mk_unary_minus(c, q)) : q;
  }
  if (sign != 2) {
    r = sign < 0 ? neg : pos;
  } else if (pos && neg) {
    Z3_ast zero = z3_temp(s, &tmp, Z3_mk_int(c, 0, s->int_sort));
    Z3_ast gt = zero ? z3_temp(s, &tmp, Z3_mk_gt(c, b, zero)) : NULL;
    r = gt ? z3_temp(s, &tmp, Z3_mk_ite(c, gt, pos, neg)) : NULL;
  }
  if (r)
    Z3_inc_ref(c, r);
  z3_temps_release(s, &tmp);
  return r;
}

/* Replaces r, the referenced AST of a term nested too deeply, by a fresh
 * constant c asserted equal to it.  When a model is current (the term is
 * being translated for value_*), c gets r's value in it, so that the model
 * still satisfies every assertion.  Returns c referenced, or NULL. */
static Z3_ast z3_cut(Z3Solver *s, Z3_ast r) {
  Z3_context c = s->ctx;
  Z3_ast k = Z3_mk_fresh_const(c, "cut", Z3_get_sort(c, r));
  if (!k || !z3_ok(s))
    return NULL;
  Z3_inc_ref(c, k);
  Z3_ast def = Z3_mk_eq(c, k, r);
  if (def && z3_ok(s)) {
    Z3_inc_ref(c, def);
    Z3_solver_assert(c, s->solver, def);
    Z3_dec_ref(c, def);
  }
  if (s->model && z3_ok(s)) {
    Z3_ast v = NULL;
    if (Z3_model_eval(c, s->model, r, true, &v) && v && z3_ok(s)) {
      Z3_inc_ref(c, v);
      Z3_add_const_interp(c, s->model, Z3_get_app_decl(c, Z3_to_app(c, k)), v);
      Z3_dec_ref(c, v);
    } else {
      z3_fail(s, "model evaluation failed");
    }
  }
  if (!z3_ok(s)) {
    Z3_dec_ref(c, k);
    return NULL;
  }
  return k;
}

/* Builds the AST of t, whose arguments are all translated; stores it (with
 * a reference) in s->ast[t] unless Z3 fails. */
static void z3_build(Z3Solver *s, TermId t) {
  const TermMgr *tm = s->base.tm;
  Z3_context c = s->ctx;
  TermKind k = term_kind(tm, t);
  uint32_t n = term_nargs(tm, t);
  Z3_ast small[8];
  Z3_ast *x = n <= 8 ? small : xmalloc(n * sizeof *x);
  uint32_t depth = 0;
  for (uint32_t i = 0; i < n; i++) {
    TermId a = term_arg(tm, t, i);
    x[i] = s->ast[a];
    if (s->depth[a] > depth)
      depth = s->depth[a];
  }
  depth += k == TERM_DIV || k == TERM_MOD ? 4 : 1;
  Z3_ast r = NULL;
  bool referenced = false; /* r already holds our reference */
  switch (k) {
  case TERM_FALSE:
    r = Z3_mk_false(c);
    break;
  case TERM_TRUE:
    r = Z3_mk_true(c);
    break;
  case TERM_INTCONST:
    r = z3_int_const(s, t);
    break;
  case TERM_VAR:
    r = z3_var(s, t);
    break;
  case TERM_NOT:
    r = Z3_mk_not(c, x[0]);
    break;
  case TERM_AND:
    r = Z3_mk_and(c, n, x);
    break;
  case TERM_OR:
    r = Z3_mk_or(c, n, x);
    break;
  case TERM_ITE:
    r = Z3_mk_ite(c, x[0], x[1], x[2]);
    break;
  case TERM_EQ:
    r = Z3_mk_eq(c, x[0], x[1]);
    break;
  case TERM_LT:
    r = Z3_mk_lt(c, x[0], x[1]);
    break;
  case TERM_LE:
    r = Z3_mk_le(c, x[0], x[1]);
    break;
  case TERM_ADD:
    r = Z3_mk_add(c, n, x);
    break;
  case TERM_MUL:
    r = Z3_mk_mul(c, n, x);
    break;
  case TERM_NEG:
    r = Z3_mk_unary_minus(c, x[0]);
    break;
  case TERM_DIV:
  case TERM_MOD: {
    TermId b = term_arg(tm, t, 1);
    int sign = 2;
    if (term_is_int_const(tm, b)) {
      mpz_t v;
      mpz_init(v);
      term_int_value(tm, b, v);
      sign = mpz_sgn(v);
      mpz_clear(v);
    }
    r = z3_floor_divmod(s, k, x[0], x[1], sign);
    referenced = true;
    break;
  }
  case TERM__COUNT:
    break;
  }
  if (x != small)
    free(x);
  if (!r || !z3_ok(s)) {
    if (r && referenced)
      Z3_dec_ref(c, r);
    z3_fail(s, "cannot translate a term");
    return;
  }
  if (!referenced)
    Z3_inc_ref(c, r);
  if (depth > Z3_MAX_DEPTH) {
    Z3_ast k = z3_cut(s, r);
    Z3_dec_ref(c, r);
    if (!k)
      return;
    r = k;
    depth = 1;
  }
  s->ast[t] = r;
  s->depth[t] = depth;
  s->nbuilt++;
}

/* The AST of t (owned by the memo table), or NULL after a Z3 error. */
static Z3_ast z3_term(Z3Solver *s, TermId root) {
  const TermMgr *tm = s->base.tm;
  z3_reserve(s);
  if (s->ast[root] || s->error)
    return s->ast[root];
  VEC(TermId) stack = {0};
  VEC_PUSH(stack, root);
  while (stack.len && !s->error) {
    TermId t = VEC_LAST(stack);
    if (s->ast[t]) {
      stack.len--;
      continue;
    }
    bool ready = true;
    for (uint32_t i = term_nargs(tm, t); i-- > 0;) {
      TermId a = term_arg(tm, t, i);
      if (!s->ast[a]) {
        VEC_PUSH(stack, a);
        ready = false;
      }
    }
    if (ready) {
      stack.len--;
      stop_poll(); /* a long translation stops here (stop.h) */
      z3_build(s, t);
    }
  }
  VEC_FREE(stack);
  return s->error ? NULL : s->ast[root];
}

/* The literal standing for assumption t. */
static Z3_ast z3_assumption(Z3Solver *s, TermId t) {
  const TermMgr *tm = s->base.tm;
  assert(term_sort(tm, t) == SORT_BOOL);
  Z3_ast a = z3_term(s, t);
  if (!a)
    return NULL;
  TermId v = term_kind(tm, t) == TERM_NOT ? term_arg(tm, t, 0) : t;
  if (term_kind(tm, v) == TERM_VAR)
    return a;
  if (s->proxy[t])
    return s->proxy[t];
  Z3_ast p = Z3_mk_fresh_const(s->ctx, "assume", s->bool_sort);
  if (!p || !z3_ok(s))
    return NULL;
  Z3_inc_ref(s->ctx, p);
  s->proxy[t] = p;
  Z3_ast def = Z3_mk_eq(s->ctx, p, a);
  if (!def || !z3_ok(s))
    return NULL;
  Z3_inc_ref(s->ctx, def);
  Z3_solver_assert(s->ctx, s->solver, def);
  Z3_dec_ref(s->ctx, def);
  return z3_ok(s) ? p : NULL;
}

static void z3_release_model(Z3Solver *s) {
  if (s->model)
    Z3_model_dec_ref(s->ctx, s->model);
  s->model = NULL;
}

/* ---- the vtable ---- */

static void z3_assert_term(Solver *base, TermId t) {
  Z3Solver *s = (Z3Solver *)base;
  double t0 = solver_clock();
  Z3_ast a = z3_term(s, t);
  s->translate_s += solver_clock() - t0;
  if (a)
    Z3_solver_assert(s->ctx, s->solver, a);
  z3_ok(s);
}

static SolverResult z3_unknown(Z3Solver *s, const char *why) {
  z3_set_reason(s, why);
  return SOLVER_UNKNOWN;
}

static void z3_set_rlimit(Z3Solver *s, unsigned rlimit);

static SolverResult z3_check(Solver *base, const TermId *assumptions,
                             size_t n) {
  Z3Solver *s = (Z3Solver *)base;
  unsigned rlimit = s->rlimit; /* for this check only */
  s->rlimit = 0;
  z3_release_model(s);
  if (s->error)
    return z3_unknown(s, s->error);
  assert(n < UINT_MAX);
  Z3_ast *lits = xmalloc((n ? n : 1) * sizeof *lits);
  double t0 = solver_clock();
  for (size_t i = 0; i < n && !s->error; i++)
    lits[i] = z3_assumption(s, assumptions[i]);
  s->translate_s += solver_clock() - t0;
  s->checks++;
  Z3_lbool r = Z3_L_UNDEF;
  if (stop_requested()) { /* SIGINT, SIGTERM or --timeout (stop.h) */
    free(lits);
    return z3_unknown(s, "canceled");
  }
  if (rlimit)
    z3_set_rlimit(s, rlimit);
  t0 = solver_clock();
  if (z3_ok(s))
    r = Z3_solver_check_assumptions(s->ctx, s->solver, (unsigned)n, lits);
  s->solve_s += solver_clock() - t0;
  if (rlimit)
    z3_set_rlimit(s, 0);
  free(lits);
  if (!z3_ok(s))
    return z3_unknown(s, s->error);
  if (r == Z3_L_FALSE)
    return SOLVER_UNSAT;
  if (r == Z3_L_TRUE) {
    Z3_model m = Z3_solver_get_model(s->ctx, s->solver);
    if (!m || !z3_ok(s)) {
      z3_fail(s, "no model after sat");
      return z3_unknown(s, s->error);
    }
    Z3_model_inc_ref(s->ctx, m);
    s->model = m;
    term_eval_reset(s->eval);
    return SOLVER_SAT;
  }
  Z3_string why = Z3_solver_get_reason_unknown(s->ctx, s->solver);
  if (!why || !z3_ok(s))
    return z3_unknown(s, s->error ? s->error : "unknown");
  return z3_unknown(s, why);
}

/* The model's value of t as a referenced AST (release with Z3_dec_ref), or
 * NULL after an error. */
static Z3_ast z3_eval(Z3Solver *s, TermId t) {
  assert(s->model && "value read without a model (check was not SAT)");
  if (!s->model)
    return NULL;
  Z3_ast a = z3_term(s, t);
  Z3_ast v = NULL;
  if (!a)
    return NULL;
  bool ok = Z3_model_eval(s->ctx, s->model, a, true, &v);
  if (!ok || !v || !z3_ok(s)) {
    z3_fail(s, "model evaluation failed");
    return NULL;
  }
  Z3_inc_ref(s->ctx, v);
  return v;
}

static bool z3_leaf_bool(Z3Solver *s, TermId t) {
  Z3_ast v = z3_eval(s, t);
  if (!v)
    return false;
  Z3_lbool b = Z3_get_bool_value(s->ctx, v);
  Z3_dec_ref(s->ctx, v);
  if (b == Z3_L_UNDEF)
    z3_fail(s, "model value is not a Boolean constant");
  return b == Z3_L_TRUE;
}

static void z3_leaf_int(Z3Solver *s, TermId t, mpz_t out);

/* Z3's model evaluation of a large term can take seconds (it rewrites
 * deep ite/div terms), so compound terms are evaluated over brink's own
 * DAG (termeval.h) and only the variables, and a division by 0 (whose
 * value is Z3's choice), are read from the model. */
static bool z3_var_bool(void *arg, TermId t) { return z3_leaf_bool(arg, t); }
static void z3_var_int(void *arg, TermId t, mpz_t out) {
  z3_leaf_int(arg, t, out);
}

static bool z3_value_bool(Solver *base, TermId t) {
  assert(term_sort(base->tm, t) == SORT_BOOL);
  return term_eval_bool(((Z3Solver *)base)->eval, t);
}

static void z3_value_int(Solver *base, TermId t, mpz_t out) {
  term_eval_int(((Z3Solver *)base)->eval, t, out);
}

static void z3_leaf_int(Z3Solver *s, TermId t, mpz_t out) {
  mpz_set_ui(out, 0);
  Z3_ast v = z3_eval(s, t);
  if (!v)
    return;
  if (Z3_is_numeral_ast(s->ctx, v)) {
    Z3_string str = Z3_get_numeral_string(s->ctx, v);
    if (!str || !z3_ok(s) || mpz_set_str(out, str, 10) != 0) {
      mpz_set_ui(out, 0);
      z3_fail(s, "model value is not an integer");
    }
  } else {
    z3_fail(s, "model value is not a numeral");
  }
  Z3_dec_ref(s->ctx, v);
}

static const char *z3_reason_unknown(Solver *base) {
  Z3Solver *s = (Z3Solver *)base;
  return s->reason ? s->reason : "unknown";
}

/* Sets the solver's unsigned parameter name. */
static void z3_set_uint_param(Z3Solver *s, const char *name, unsigned v) {
  if (s->error)
    return;
  Z3_params p = Z3_mk_params(s->ctx);
  if (!p || !z3_ok(s))
    return;
  Z3_params_inc_ref(s->ctx, p);
  Z3_params_set_uint(s->ctx, p, Z3_mk_string_symbol(s->ctx, name), v);
  if (z3_ok(s))
    Z3_solver_set_params(s->ctx, s->solver, p);
  z3_ok(s);
  Z3_params_dec_ref(s->ctx, p);
}

static void z3_set_timeout_ms(Solver *base, unsigned ms) {
  z3_set_uint_param((Z3Solver *)base, "timeout", ms ? ms : UINT_MAX);
}

/* "rlimit": a bound on Z3's resource counter for each check, 0 for none. */
static void z3_set_rlimit(Z3Solver *s, unsigned rlimit) {
  z3_set_uint_param(s, "rlimit", rlimit);
}

static void z3_limit_next(Solver *base, unsigned conflicts) {
  Z3Solver *s = (Z3Solver *)base;
  s->rlimit = conflicts > UINT_MAX / Z3_RLIMIT_PER_CONFLICT
                  ? 0
                  : conflicts * Z3_RLIMIT_PER_CONFLICT;
}

static void z3_destroy(Solver *base) {
  Z3Solver *s = (Z3Solver *)base;
  stop_remove_interrupter(s->stop_handle);
  for (Z3Solver **p = &z3_live; *p; p = &(*p)->next)
    if (*p == s) {
      *p = s->next;
      break;
    }
  if (s->ctx) {
    z3_release_model(s);
    for (size_t i = 0; i < s->cap; i++) {
      if (s->ast[i])
        Z3_dec_ref(s->ctx, s->ast[i]);
      if (s->proxy[i])
        Z3_dec_ref(s->ctx, s->proxy[i]);
    }
    if (s->solver)
      Z3_solver_dec_ref(s->ctx, s->solver);
    if (s->bool_sort)
      Z3_dec_ref(s->ctx, Z3_sort_to_ast(s->ctx, s->bool_sort));
    if (s->int_sort)
      Z3_dec_ref(s->ctx, Z3_sort_to_ast(s->ctx, s->int_sort));
    Z3_del_context(s->ctx);
  }
  free(s->ast);
  free(s->proxy);
  free(s->depth);
  term_eval_delete(s->eval);
  free(s->error);
  free(s->reason);
  free(s);
}

static void z3_stats(Solver *base, SolverStats *out) {
  Z3Solver *s = (Z3Solver *)base;
  out->translate_s = s->translate_s;
  out->solve_s = s->solve_s;
  out->checks = s->checks;
  out->terms = s->nbuilt;
}

static const SolverOps z3_ops = {
    .name = "z3",
    .assert_term = z3_assert_term,
    .check = z3_check,
    .value_bool = z3_value_bool,
    .value_int = z3_value_int,
    .reason_unknown = z3_reason_unknown,
    .set_timeout_ms = z3_set_timeout_ms,
    .limit_next = z3_limit_next,
    .destroy = z3_destroy,
    .stats = z3_stats,
};

static Z3_sort z3_keep_sort(Z3Solver *s, Z3_sort so) {
  if (!so || !z3_ok(s))
    return NULL;
  Z3_inc_ref(s->ctx, Z3_sort_to_ast(s->ctx, so));
  return so;
}

/* From the watcher thread (stop.h): cancels the running query. */
static void z3_interrupt(void *arg) {
  Z3Solver *s = arg;
  Z3_interrupt(s->ctx);
}

Solver *solver_z3_new(TermMgr *tm) {
  Z3Solver *s = xcalloc(1, sizeof *s);
  s->stop_handle = -1;
  s->base.ops = &z3_ops;
  s->base.tm = tm;
  s->eval = term_eval_new(tm, (TermEvalVars){z3_var_bool, z3_var_int, s,
                                              z3_var_int});
  Z3_config cfg = Z3_mk_config();
  Z3_set_param_value(cfg, "model", "true");
  s->ctx = Z3_mk_context_rc(cfg);
  Z3_del_config(cfg);
  if (!s->ctx) {
    z3_fail(s, "cannot create a context");
    return &s->base;
  }
  Z3_set_error_handler(s->ctx, z3_on_error);
  s->stop_handle = stop_add_interrupter(z3_interrupt, s);
  s->next = z3_live;
  z3_live = s;
  s->bool_sort = z3_keep_sort(s, Z3_mk_bool_sort(s->ctx));
  s->int_sort = z3_keep_sort(s, Z3_mk_int_sort(s->ctx));
#ifdef BRINK_Z3_SIMPLE_SOLVER
  s->solver = Z3_mk_simple_solver(s->ctx);
#else
  s->solver = Z3_mk_solver(s->ctx);
#endif
  if (s->solver && z3_ok(s))
    Z3_solver_inc_ref(s->ctx, s->solver);
  else
    s->solver = NULL;
  if (!s->solver || !s->bool_sort || !s->int_sort)
    z3_fail(s, "cannot create a solver");
  return &s->base;
}
