/* t23_solver.c -- the solver contract (solver.h), run over every back
 * end: Z3, CaDiCaL (bit-blasting), auto, and the SMT-LIB dumper wrapped
 * around CaDiCaL.  Models of Booleans and integers, UNSAT, assumptions
 * that hold for one check only, frames asserted one by one, TLA+'s floor
 * \div and % against GMP, and 50,000-deep ITE chains.  What only one back
 * end does (Z3's error handler, CaDiCaL's widening) is tested in
 * t21_z3.c and t22_bitblast.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "solver.h"

static TermMgr *tm;
static Solver *sv;
static char dump_path[64];

static const char *const backends[] = {"z3", "cadical", "auto", "smt2"};
enum { NBACKENDS = sizeof backends / sizeof backends[0] };

static void open_solver(int which) {
  tm = term_mgr_new();
  switch (which) {
  case 0:
    sv = solver_z3_new(tm);
    break;
  case 1:
    sv = solver_cadical_new(tm, NULL);
    break;
  case 2:
    sv = solver_auto_new(tm, NULL);
    break;
  default:
    snprintf(dump_path, sizeof dump_path, "/tmp/brink_t23_%d.smt2",
             (int)getpid());
    sv = solver_smt2_dump_new(solver_cadical_new(tm, NULL), dump_path);
    break;
  }
}

static void close_solver(void) {
  solver_delete(sv);
  term_mgr_delete(tm);
  if (dump_path[0])
    unlink(dump_path);
  dump_path[0] = 0;
  sv = NULL;
  tm = NULL;
}

static TermId num(long v) { return term_mk_int_si(tm, v); }
static TermId ivar(const char *n) { return term_mk_var(tm, n, SORT_INT); }
static TermId bvar(const char *n) { return term_mk_var(tm, n, SORT_BOOL); }
static TermId bounded(const char *n, long lo, long hi) {
  TermId v = ivar(n);
  mpz_t a, b;
  mpz_init_set_si(a, lo);
  mpz_init_set_si(b, hi);
  term_var_set_bounds(tm, v, a, b);
  mpz_clears(a, b, NULL);
  return v;
}

static long value(TermId t) {
  mpz_t v;
  mpz_init(v);
  solver_value_int(sv, t, v);
  ck_assert(mpz_fits_slong_p(v));
  long r = mpz_get_si(v);
  mpz_clear(v);
  return r;
}

START_TEST(test_sat_model) {
  open_solver(_i);
  TermId a = ivar("a"), b = ivar("b"), x = bvar("x"), y = bvar("y");
  solver_assert(sv, term_mk_eq(tm, term_mk_add(tm, a, b), num(10)));
  solver_assert(sv, term_mk_eq(tm, term_mk_sub(tm, a, b), num(4)));
  solver_assert(sv, term_mk_and2(tm, x, term_mk_not(tm, y)));
  TermId n = ivar("n");
  solver_assert(sv, term_mk_eq(tm, term_mk_mul(tm, n, num(3)), num(-21)));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_eq(value(a), 7);
  ck_assert_int_eq(value(b), 3);
  ck_assert_int_eq(value(n), -7);
  ck_assert_int_eq(value(term_mk_mul(tm, a, b)), 21);
  ck_assert(solver_value_bool(sv, x));
  ck_assert(!solver_value_bool(sv, y));
  ck_assert(solver_value_bool(sv, term_mk_lt(tm, b, a)));
  /* Variables the assertions do not mention get a consistent default. */
  TermId free_i = ivar("free"), free_b = bvar("freeb");
  long f1 = value(free_i);
  ck_assert_int_eq(value(free_i), f1);
  ck_assert_int_eq(value(term_mk_add(tm, free_i, num(1))), f1 + 1);
  bool fb = solver_value_bool(sv, free_b);
  ck_assert(solver_value_bool(sv, free_b) == fb);
  close_solver();
}
END_TEST

START_TEST(test_unsat) {
  open_solver(_i);
  TermId a = ivar("a"), b = ivar("b");
  solver_assert(sv, term_mk_lt(tm, a, b));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  solver_assert(sv, term_mk_le(tm, b, a));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNSAT);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNSAT);
  close_solver();
}
END_TEST

/* A BMC-shaped loop: frame k asserts a(k+1) = a(k) + 1 (or + 2 when the
 * Bool input i(k) holds); each round checks properties under assumptions,
 * one reachable and one not, and the driver's way of asking: a fresh
 * literal that implies the query. */
START_TEST(test_assumptions) {
  open_solver(_i);
  char name[32];
  TermId prev = bounded("a@0", 0, 0);
  /* Bounds are the encoder's promise, not a constraint (term.h). */
  solver_assert(sv, term_mk_eq(tm, prev, num(0)));
  for (long k = 0; k < 15; k++) {
    snprintf(name, sizeof name, "a@%ld", k + 1);
    TermId next = bounded(name, 0, 2 * (k + 1));
    snprintf(name, sizeof name, "i@%ld", k);
    TermId in = bvar(name);
    TermId step = term_mk_ite(tm, in, num(2), num(1));
    solver_assert(sv, term_mk_eq(tm, next, term_mk_add(tm, prev, step)));
    /* All steps by 1: a = k + 1 is reachable, a = 2k + 3 never is. */
    TermId reach = term_mk_eq(tm, next, num(k + 1));
    TermId beyond = term_mk_eq(tm, next, num(2 * k + 3));
    ck_assert_int_eq(solver_check(sv, &reach, 1), SOLVER_SAT);
    ck_assert_int_eq(value(next), k + 1);
    ck_assert(!solver_value_bool(sv, in));
    ck_assert_int_eq(solver_check(sv, &beyond, 1), SOLVER_UNSAT);
    /* A variable literal and a negated one, passed as they are. */
    TermId lits[2] = {in, reach};
    ck_assert_int_eq(solver_check(sv, lits, 2), SOLVER_UNSAT);
    lits[1] = term_mk_eq(tm, next, num(k + 2));
    ck_assert_int_eq(solver_check(sv, lits, 2), SOLVER_SAT);
    ck_assert(solver_value_bool(sv, in));
    TermId neg[2] = {term_mk_not(tm, in), reach};
    ck_assert_int_eq(solver_check(sv, neg, 2), SOLVER_SAT);
    ck_assert(!solver_value_bool(sv, in));
    /* The assumptions held only for their call. */
    ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
    TermId ask = term_mk_fresh(tm, "ask", SORT_BOOL);
    solver_assert(sv, term_mk_implies(tm, ask, beyond));
    ck_assert_int_eq(solver_check(sv, &ask, 1), SOLVER_UNSAT);
    prev = next;
  }
  close_solver();
}
END_TEST

/* Frames asserted one by one, each constraining the next: the counter
 * x(k+1) = x(k) + d(k) with d(k) in 0..2, asked at each depth whether x
 * can be 5: first at depth 3. */
START_TEST(test_incremental_frames) {
  open_solver(_i);
  char name[32];
  TermId x = bounded("x@0", 0, 0);
  solver_assert(sv, term_mk_eq(tm, x, num(0)));
  for (int k = 0; k < 6; k++) {
    TermId q = term_mk_eq(tm, x, num(5));
    SolverResult r = solver_check(sv, &q, 1);
    ck_assert_int_eq(r, k < 3 ? SOLVER_UNSAT : SOLVER_SAT);
    if (r == SOLVER_SAT)
      ck_assert_int_eq(value(x), 5);
    snprintf(name, sizeof name, "d@%d", k);
    TermId d = bounded(name, 0, 2);
    solver_assert(sv, term_mk_and2(tm, term_mk_le(tm, num(0), d),
                                   term_mk_le(tm, d, num(2))));
    snprintf(name, sizeof name, "x@%d", k + 1);
    TermId nx = bounded(name, 0, 2 * (k + 1));
    solver_assert(sv, term_mk_eq(tm, nx, term_mk_add(tm, x, d)));
    x = nx;
  }
  close_solver();
}
END_TEST

/* TLA+'s floor division against GMP, with a symbolic divisor and with a
 * constant one (the translation then picks one branch). */
START_TEST(test_floor_divmod) {
  open_solver(_i);
  TermId x = bounded("x", -7, 7), y = bounded("y", -4, 4);
  TermId q = term_mk_div(tm, x, y), r = term_mk_mod(tm, x, y);
  mpz_t a, b, eq, er;
  mpz_inits(a, b, eq, er, NULL);
  for (long i = -7; i <= 7; i++) {
    for (long j = -4; j <= 4; j++) {
      if (j == 0)
        continue;
      mpz_set_si(a, i);
      mpz_set_si(b, j);
      mpz_fdiv_qr(eq, er, a, b);
      TermId xa = term_mk_eq(tm, x, num(i)), yb = term_mk_eq(tm, y, num(j));
      TermId bad_q = term_mk_not(tm, term_mk_eq(tm, q, term_mk_int(tm, eq)));
      TermId bad_r = term_mk_not(tm, term_mk_eq(tm, r, term_mk_int(tm, er)));
      TermId as[3] = {xa, yb, bad_q};
      ck_assert_msg(solver_check(sv, as, 3) == SOLVER_UNSAT, "%ld div %ld", i,
                    j);
      as[2] = bad_r;
      ck_assert_msg(solver_check(sv, as, 3) == SOLVER_UNSAT, "%ld mod %ld", i,
                    j);
      ck_assert_int_eq(solver_check(sv, as, 2), SOLVER_SAT);
      ck_assert_int_eq(value(q), mpz_get_si(eq));
      ck_assert_int_eq(value(r), mpz_get_si(er));
      TermId qc = term_mk_div(tm, x, num(j)), rc = term_mk_mod(tm, x, num(j));
      ck_assert_int_eq(value(qc), mpz_get_si(eq));
      ck_assert_int_eq(value(rc), mpz_get_si(er));
    }
  }
  mpz_clears(a, b, eq, er, NULL);
  close_solver();
}
END_TEST

/* A 50,000-deep ITE chain over Booleans: explicit stacks (or cuts)
 * everywhere, and values of deep terms first translated after the check.
 * (t22 runs a deep integer chain through the blaster.) */
START_TEST(test_deep_ite) {
  open_solver(_i);
  enum { N = 50000 };
  char name[32];
  TermId base = bvar("base"), t = base;
  TermId *notp = malloc(N * sizeof *notp);
  for (long i = 0; i < N; i++) {
    snprintf(name, sizeof name, "p%ld", i);
    TermId p = bvar(name);
    snprintf(name, sizeof name, "q%ld", i);
    t = term_mk_ite(tm, p, bvar(name), t);
    notp[i] = term_mk_not(tm, p);
  }
  solver_assert(sv, t);
  solver_assert(sv, term_mk_not(tm, base));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert(solver_value_bool(sv, t));
  ck_assert(!solver_value_bool(sv, base));
  TermId u = base;
  bool expect = false;
  for (long i = 0; i < N; i++) {
    snprintf(name, sizeof name, "p%ld", i);
    TermId p = bvar(name);
    snprintf(name, sizeof name, "q%ld", i);
    TermId q = bvar(name);
    u = term_mk_ite(tm, q, term_mk_not(tm, p), u);
    if (solver_value_bool(sv, q))
      expect = !solver_value_bool(sv, p);
  }
  ck_assert(solver_value_bool(sv, u) == expect);
  /* With every p false, t is base. */
  ck_assert_int_eq(solver_check(sv, notp, N), SOLVER_UNSAT);
  ck_assert_int_eq(solver_check(sv, notp, N - 1), SOLVER_SAT);
  ck_assert(solver_value_bool(sv, bvar("p49999")));
  free(notp);
  close_solver();
}
END_TEST

/* limit_next bounds the next check only: the pigeonhole formula (n + 1
 * pigeons, n holes) takes CDCL many conflicts, so with a bound of one
 * conflict the check gives up; the check after it, unbounded, refutes it,
 * and a satisfiable check under a bound still answers. */
START_TEST(test_limit_next) {
  open_solver(_i);
  enum { HOLES = 7 };
  TermId p[HOLES + 1][HOLES];
  char name[32];
  for (int i = 0; i <= HOLES; i++)
    for (int h = 0; h < HOLES; h++) {
      snprintf(name, sizeof name, "p%d_%d", i, h);
      p[i][h] = bvar(name);
    }
  TermId act = bvar("act");
  for (int i = 0; i <= HOLES; i++) /* every pigeon has a hole */
    solver_assert(sv, term_mk_implies(tm, act, term_mk_or(tm, p[i], HOLES)));
  for (int h = 0; h < HOLES; h++) /* no hole has two */
    for (int i = 0; i <= HOLES; i++)
      for (int j = i + 1; j <= HOLES; j++)
        solver_assert(sv, term_mk_or2(tm, term_mk_not(tm, p[i][h]),
                                      term_mk_not(tm, p[j][h])));
  solver_limit_next(sv, 1);
  ck_assert_int_eq(solver_check(sv, &act, 1), SOLVER_UNKNOWN);
  solver_limit_next(sv, 1);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_eq(solver_check(sv, &act, 1), SOLVER_UNSAT);
  close_solver();
}
END_TEST

Suite *solver_suite(void) {
  Suite *s = suite_create("solver");
  TCase *tc = tcase_create("contract");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, test_sat_model, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_unsat, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_assumptions, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_incremental_frames, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_floor_divmod, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_deep_ite, 0, NBACKENDS);
  tcase_add_loop_test(tc, test_limit_next, 0, NBACKENDS);
  suite_add_tcase(s, tc);
  return s;
}
