/* t21_z3.c -- unit tests for the Z3 back end: models (Booleans, integers,
 * integers beyond 64 bits), UNSAT, incremental checks under assumptions,
 * TLA+ floor DIV/MOD against GMP, a 50,000-deep ITE chain, and a Z3 error
 * that must become SOLVER_UNKNOWN instead of ending the process. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "solver.h"

static TermMgr *tm;
static Solver *sv;

static void setup(void) {
  tm = term_mgr_new();
  sv = solver_z3_new(tm);
}

static void teardown(void) {
  solver_delete(sv);
  term_mgr_delete(tm);
  sv = NULL;
  tm = NULL;
}

static TermId num(long v) { return term_mk_int_si(tm, v); }
static TermId ivar(const char *n) { return term_mk_var(tm, n, SORT_INT); }
static TermId bvar(const char *n) { return term_mk_var(tm, n, SORT_BOOL); }

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
  ck_assert_str_eq(sv->ops->name, "z3");
}
END_TEST

START_TEST(test_big_ints) {
  mpz_t big, v;
  mpz_inits(big, v, NULL);
  mpz_ui_pow_ui(big, 10, 30);
  mpz_neg(big, big);
  mpz_sub_ui(big, big, 7); /* -(10^30) - 7 */
  TermId c = ivar("c"), d = ivar("d");
  solver_assert(sv, term_mk_eq(tm, c, term_mk_int(tm, big)));
  /* d = c * c + 1 is beyond 64 bits too. */
  solver_assert(
      sv, term_mk_eq(tm, d, term_mk_add(tm, term_mk_mul(tm, c, c), num(1))));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  solver_value_int(sv, c, v);
  ck_assert(mpz_cmp(v, big) == 0);
  solver_value_int(sv, d, v);
  mpz_mul(big, big, big);
  mpz_add_ui(big, big, 1);
  ck_assert(mpz_cmp(v, big) == 0);
  mpz_clears(big, v, NULL);
}
END_TEST

START_TEST(test_unsat) {
  TermId a = ivar("a"), b = ivar("b");
  solver_assert(sv, term_mk_lt(tm, a, b));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  solver_assert(sv, term_mk_le(tm, b, a));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNSAT);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNSAT);
}
END_TEST

/* A BMC-shaped loop: frame k asserts a(k+1) = a(k) + 1 (or + 2 when the
 * Bool input i(k) holds); each round checks two properties under
 * assumptions, one reachable and one not. */
START_TEST(test_assumptions) {
  char name[32];
  TermId prev = ivar("a@0");
  solver_assert(sv, term_mk_eq(tm, prev, num(0)));
  for (long k = 0; k < 15; k++) {
    snprintf(name, sizeof name, "a@%ld", k + 1);
    TermId next = ivar(name);
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
    prev = next;
  }
}
END_TEST

START_TEST(test_floor_divmod) {
  TermId x = ivar("x"), y = ivar("y");
  TermId q = term_mk_div(tm, x, y), r = term_mk_mod(tm, x, y);
  mpz_t a, b, eq, er;
  mpz_inits(a, b, eq, er, NULL);
  for (long i = -6; i <= 6; i++) {
    for (long j = -6; j <= 6; j++) {
      if (j == 0)
        continue;
      mpz_set_si(a, i);
      mpz_set_si(b, j);
      mpz_fdiv_q(eq, a, b);
      mpz_fdiv_r(er, a, b);
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
      /* With a constant divisor the translation picks one branch. */
      TermId qc = term_mk_div(tm, x, num(j)), rc = term_mk_mod(tm, x, num(j));
      ck_assert_int_eq(value(qc), mpz_get_si(eq));
      ck_assert_int_eq(value(rc), mpz_get_si(er));
    }
  }
  mpz_clears(a, b, eq, er, NULL);
}
END_TEST

/* A 50,000-deep ITE chain over Bool variables.  Z3 itself overflows an
 * 8 MB stack on it unless the translation cuts deep subterms. */
START_TEST(test_deep_ite) {
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
  ck_assert_uint_eq(term_kind(tm, t), TERM_ITE);
  solver_assert(sv, t);
  solver_assert(sv, term_mk_not(tm, base));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert(solver_value_bool(sv, t));
  ck_assert(!solver_value_bool(sv, base));
  /* A deep term first translated after the check (its cuts must get their
   * values in the current model) against an evaluation by hand. */
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
  ck_assert(solver_value_bool(sv, bvar("q49999")));
  free(notp);
}
END_TEST

START_TEST(test_error_is_unknown) {
  TermId a = ivar("a");
  solver_assert(sv, term_mk_lt(tm, a, num(3)));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  /* Asserting an Int term is rejected by Z3 (invalid argument); the
   * default Z3 handler would exit the process here. */
  solver_assert(sv, a);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNKNOWN);
  const char *why = sv->ops->reason_unknown(sv);
  ck_assert_ptr_nonnull(why);
  ck_assert_msg(strstr(why, "z3") != NULL, "reason: %s", why);
  /* The failure is sticky: the assertion set is incomplete. */
  TermId ok = term_mk_eq(tm, a, num(1));
  ck_assert_int_eq(solver_check(sv, &ok, 1), SOLVER_UNKNOWN);
}
END_TEST

START_TEST(test_timeout_param) {
  TermId a = ivar("a");
  sv->ops->set_timeout_ms(sv, 10000);
  solver_assert(sv, term_mk_lt(tm, num(3), a));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_gt(value(a), 3);
  sv->ops->set_timeout_ms(sv, 0);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
}
END_TEST

Suite *z3_suite(void) {
  Suite *s = suite_create("z3");
  TCase *tc = tcase_create("z3");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_sat_model);
  tcase_add_test(tc, test_big_ints);
  tcase_add_test(tc, test_unsat);
  tcase_add_test(tc, test_assumptions);
  tcase_add_test(tc, test_floor_divmod);
  tcase_add_test(tc, test_deep_ite);
  tcase_add_test(tc, test_error_is_unknown);
  tcase_add_test(tc, test_timeout_param);
  suite_add_tcase(s, tc);
  return s;
}
