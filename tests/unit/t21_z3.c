/* t21_z3.c -- unit tests for what only the Z3 back end does: integers
 * beyond 64 bits, a Z3 error that must become SOLVER_UNKNOWN instead of
 * ending the process, the timeout parameter.  The solver contract every
 * back end meets is t23_solver.c. */
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

static long value(TermId t) {
  mpz_t v;
  mpz_init(v);
  solver_value_int(sv, t, v);
  ck_assert(mpz_fits_slong_p(v));
  long r = mpz_get_si(v);
  mpz_clear(v);
  return r;
}

START_TEST(test_name) {
  /* The contract (models, UNSAT, assumptions, floor division, deep
   * terms) is t23_solver.c's, run over every back end. */
  ck_assert_str_eq(sv->ops->name, "z3");
  ck_assert_str_eq(solver_describe(sv), "z3");
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
  tcase_add_test(tc, test_name);
  tcase_add_test(tc, test_big_ints);
  tcase_add_test(tc, test_error_is_unknown);
  tcase_add_test(tc, test_timeout_param);
  suite_add_tcase(s, tc);
  return s;
}
