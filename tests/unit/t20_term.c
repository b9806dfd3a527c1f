/* t20_term.c -- unit tests for the term table and its smart constructors:
 * hash-consing identity, each local simplification, constant folding with
 * TLA+ floor DIV/MOD, and constants beyond 64 bits.  Expected shapes are
 * checked through term_print's s-expressions. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"

static TermMgr *tm;
static TermId x, y, z, a, b, c;

static void setup(void) {
  tm = term_mgr_new();
  x = term_mk_var(tm, "x", SORT_BOOL);
  y = term_mk_var(tm, "y", SORT_BOOL);
  z = term_mk_var(tm, "z", SORT_BOOL);
  a = term_mk_var(tm, "a", SORT_INT);
  b = term_mk_var(tm, "b", SORT_INT);
  c = term_mk_var(tm, "c", SORT_INT);
}

static void teardown(void) {
  term_mgr_delete(tm);
  tm = NULL;
}

/* The printed form of t (static buffer, overwritten by the next call). */
static const char *str(TermId t) {
  static char *buf;
  static size_t len;
  free(buf);
  buf = NULL;
  FILE *f = open_memstream(&buf, &len);
  term_print(tm, t, f);
  fclose(f);
  return buf;
}

static TermId num(long v) { return term_mk_int_si(tm, v); }

static long val(TermId t) {
  ck_assert(term_is_int_const(tm, t));
  mpz_t v;
  mpz_init(v);
  term_int_value(tm, t, v);
  ck_assert(mpz_fits_slong_p(v));
  long r = mpz_get_si(v);
  mpz_clear(v);
  return r;
}

START_TEST(test_hash_consing) {
  ck_assert_uint_eq(term_false(tm), 1);
  ck_assert_uint_eq(term_true(tm), 2);
  ck_assert(term_is_true(tm, term_true(tm)));
  ck_assert(term_is_false(tm, term_mk_bool(tm, false)));
  ck_assert_uint_eq(term_mk_var(tm, "x", SORT_BOOL), x);
  ck_assert_uint_ne(term_mk_var(tm, "x", SORT_INT), x);
  ck_assert_str_eq(term_var_name(tm, a), "a");
  ck_assert_uint_eq(term_sort(tm, a), SORT_INT);
  ck_assert_uint_eq(term_kind(tm, a), TERM_VAR);
  ck_assert_uint_eq(num(42), num(42));
  ck_assert_uint_ne(num(42), num(-42));
  TermId s1 = term_mk_add(tm, a, b), s2 = term_mk_add(tm, b, a);
  ck_assert_uint_eq(s1, s2);
  ck_assert_uint_eq(term_kind(tm, s1), TERM_ADD);
  ck_assert_uint_eq(term_nargs(tm, s1), 2);
  TermId args[2] = {b, a};
  TermId r = term_raw(tm, TERM_ADD, SORT_INT, args, 2);
  ck_assert_uint_ne(r, s1); /* raw keeps the argument order */
  ck_assert_uint_eq(term_raw(tm, TERM_ADD, SORT_INT, args, 2), r);
  ck_assert_uint_eq(term_find_var(tm, "nope", SORT_INT), TERM_NONE);
  ck_assert_uint_eq(term_find_var(tm, "a", SORT_INT), a);
  ck_assert_str_eq(term_kind_name(TERM_ITE), "ITE");
  uint32_t n = term_count(tm);
  term_mk_and2(tm, x, y);
  term_mk_and2(tm, y, x);
  ck_assert_uint_eq(term_count(tm), n + 1);
  /* Many distinct terms force the table to grow several times. */
  TermId first = num(100000);
  for (long i = 100000; i < 120000; i++)
    ck_assert_uint_eq(term_mk_add(tm, a, num(i)), term_mk_add(tm, num(i), a));
  ck_assert_uint_eq(num(100000), first);
  ck_assert_str_eq(str(term_mk_add(tm, a, num(119999))), "(+ a 119999)");
}
END_TEST

START_TEST(test_fresh) {
  TermId f1 = term_mk_fresh(tm, "t", SORT_INT);
  TermId f2 = term_mk_fresh(tm, "t", SORT_INT);
  ck_assert_uint_ne(f1, f2);
  ck_assert(strncmp(term_var_name(tm, f1), "t!", 2) == 0);
  ck_assert_str_ne(term_var_name(tm, f1), term_var_name(tm, f2));
  /* A variable deliberately named like the next fresh one. */
  char name[32];
  snprintf(name, sizeof name, "u!%u", term_count(tm) + 1);
  TermId clash = term_mk_var(tm, name, SORT_BOOL);
  TermId f3 = term_mk_fresh(tm, "u", SORT_BOOL);
  ck_assert_uint_ne(f3, clash);
  ck_assert_str_ne(term_var_name(tm, f3), name);
}
END_TEST

START_TEST(test_not) {
  TermId t = term_true(tm), f = term_false(tm);
  ck_assert_uint_eq(term_mk_not(tm, t), f);
  ck_assert_uint_eq(term_mk_not(tm, f), t);
  TermId nx = term_mk_not(tm, x);
  ck_assert_str_eq(str(nx), "(not x)");
  ck_assert_uint_eq(term_mk_not(tm, nx), x);
}
END_TEST

START_TEST(test_and_or) {
  TermId t = term_true(tm), f = term_false(tm), nx = term_mk_not(tm, x);
  ck_assert_uint_eq(term_mk_and(tm, NULL, 0), t);
  ck_assert_uint_eq(term_mk_or(tm, NULL, 0), f);
  ck_assert_uint_eq(term_mk_and2(tm, x, t), x);
  ck_assert_uint_eq(term_mk_or2(tm, f, x), x);
  ck_assert_uint_eq(term_mk_and2(tm, x, f), f);
  ck_assert_uint_eq(term_mk_or2(tm, t, x), t);
  ck_assert_uint_eq(term_mk_and2(tm, x, x), x);
  ck_assert_uint_eq(term_mk_and2(tm, x, nx), f);
  ck_assert_uint_eq(term_mk_or2(tm, nx, x), t);
  ck_assert_str_eq(str(term_mk_and2(tm, x, term_mk_not(tm, y))),
                   "(and x (not y))");
  /* Flattening, duplicate removal and sorting by id. */
  TermId xy = term_mk_and2(tm, y, x);
  TermId xyz = term_mk_and2(tm, xy, term_mk_and2(tm, z, x));
  ck_assert_str_eq(str(xyz), "(and x y z)");
  TermId three[3] = {z, y, x};
  ck_assert_uint_eq(term_mk_and(tm, three, 3), xyz);
  ck_assert_uint_eq(term_mk_and2(tm, xyz, term_mk_not(tm, z)), f);
  ck_assert_str_eq(str(term_mk_or2(tm, term_mk_or2(tm, z, y), x)),
                   "(or x y z)");
  /* An OR inside an AND is kept. */
  ck_assert_str_eq(str(term_mk_and2(tm, term_mk_or2(tm, x, y), z)),
                   "(and z (or x y))");
  TermId one[1] = {y};
  ck_assert_uint_eq(term_mk_or(tm, one, 1), y);
  ck_assert_uint_eq(term_mk_implies(tm, x, y), term_mk_or2(tm, nx, y));
  ck_assert_uint_eq(term_mk_implies(tm, f, y), t);
  ck_assert_uint_eq(term_mk_iff(tm, x, y), term_mk_eq(tm, y, x));
  ck_assert_uint_eq(term_mk_iff(tm, x, t), x);
}
END_TEST

START_TEST(test_ite) {
  TermId t = term_true(tm), f = term_false(tm), nx = term_mk_not(tm, x);
  ck_assert_uint_eq(term_mk_ite(tm, t, a, b), a);
  ck_assert_uint_eq(term_mk_ite(tm, f, a, b), b);
  ck_assert_uint_eq(term_mk_ite(tm, x, a, a), a);
  TermId i = term_mk_ite(tm, x, a, b);
  ck_assert_str_eq(str(i), "(ite x a b)");
  ck_assert_uint_eq(term_mk_ite(tm, nx, b, a), i);
  /* Nested ite on the same condition. */
  ck_assert_uint_eq(term_mk_ite(tm, x, i, c), term_mk_ite(tm, x, a, c));
  /* Bool ite with a constant branch. */
  ck_assert_uint_eq(term_mk_ite(tm, x, t, f), x);
  ck_assert_uint_eq(term_mk_ite(tm, x, f, t), nx);
  ck_assert_uint_eq(term_mk_ite(tm, x, t, y), term_mk_or2(tm, x, y));
  ck_assert_uint_eq(term_mk_ite(tm, x, f, y), term_mk_and2(tm, nx, y));
  ck_assert_uint_eq(term_mk_ite(tm, x, y, t), term_mk_or2(tm, nx, y));
  ck_assert_uint_eq(term_mk_ite(tm, x, y, f), term_mk_and2(tm, x, y));
  TermId bi = term_mk_ite(tm, x, y, z);
  ck_assert_uint_eq(term_kind(tm, bi), TERM_ITE);
  ck_assert_uint_eq(term_sort(tm, bi), SORT_BOOL);
}
END_TEST

START_TEST(test_eq) {
  TermId t = term_true(tm), f = term_false(tm);
  ck_assert_uint_eq(term_mk_eq(tm, a, a), t);
  ck_assert_uint_eq(term_mk_eq(tm, num(3), num(4)), f);
  ck_assert_uint_eq(term_mk_eq(tm, num(3), num(3)), t);
  ck_assert_uint_eq(term_mk_eq(tm, t, f), f);
  ck_assert_uint_eq(term_mk_eq(tm, b, a), term_mk_eq(tm, a, b));
  ck_assert_str_eq(str(term_mk_eq(tm, b, a)), "(= a b)");
  ck_assert_uint_eq(term_mk_eq(tm, x, t), x);
  ck_assert_uint_eq(term_mk_eq(tm, t, x), x);
  ck_assert_uint_eq(term_mk_eq(tm, x, f), term_mk_not(tm, x));
  ck_assert_uint_eq(term_mk_eq(tm, f, x), term_mk_not(tm, x));
  ck_assert_uint_eq(term_mk_eq(tm, x, term_mk_not(tm, x)), f);
}
END_TEST

START_TEST(test_compare) {
  TermId t = term_true(tm), f = term_false(tm);
  ck_assert_uint_eq(term_mk_lt(tm, num(2), num(3)), t);
  ck_assert_uint_eq(term_mk_lt(tm, num(3), num(3)), f);
  ck_assert_uint_eq(term_mk_le(tm, num(3), num(3)), t);
  ck_assert_uint_eq(term_mk_le(tm, num(4), num(-3)), f);
  ck_assert_uint_eq(term_mk_le(tm, a, a), t);
  ck_assert_uint_eq(term_mk_lt(tm, a, a), f);
  ck_assert_str_eq(str(term_mk_lt(tm, a, num(3))), "(< a 3)");
  ck_assert_str_eq(str(term_mk_le(tm, b, a)), "(<= b a)");
}
END_TEST

START_TEST(test_arith) {
  ck_assert_int_eq(val(term_mk_add(tm, num(2), num(3))), 5);
  ck_assert_int_eq(val(term_mk_sub(tm, num(2), num(3))), -1);
  ck_assert_int_eq(val(term_mk_mul(tm, num(-4), num(3))), -12);
  ck_assert_int_eq(val(term_mk_neg(tm, num(7))), -7);
  ck_assert_uint_eq(term_mk_add(tm, a, num(0)), a);
  ck_assert_uint_eq(term_mk_add(tm, num(0), a), a);
  TermId a3 = term_mk_add(tm, a, num(3));
  ck_assert_str_eq(str(a3), "(+ a 3)");
  ck_assert_str_eq(str(term_mk_add(tm, num(3), a)), "(+ a 3)");
  /* Flattening and folding of the constant parts. */
  TermId s = term_mk_add(tm, term_mk_add(tm, num(4), b), a3);
  ck_assert_str_eq(str(s), "(+ a b 7)");
  ck_assert_uint_eq(term_mk_add(tm, a3, num(-3)), a);
  ck_assert_uint_eq(term_mk_sub(tm, a3, num(3)), a);
  ck_assert_str_eq(str(term_mk_sub(tm, a, b)), "(+ a (- b))");
  ck_assert_str_eq(str(term_mk_add(tm, a, a)), "(+ a a)");
  ck_assert_uint_eq(term_mk_mul(tm, a, num(0)), num(0));
  ck_assert_uint_eq(term_mk_mul(tm, num(1), a), a);
  ck_assert_uint_eq(term_mk_mul(tm, a, num(-1)), term_mk_neg(tm, a));
  ck_assert_str_eq(str(term_mk_mul(tm, a, num(2))), "(* 2 a)");
  ck_assert_str_eq(str(term_mk_mul(tm, num(3), term_mk_mul(tm, a, num(2)))),
                   "(* 6 a)");
  ck_assert_uint_eq(term_mk_mul(tm, a, b), term_mk_mul(tm, b, a));
  TermId na = term_mk_neg(tm, a);
  ck_assert_str_eq(str(na), "(- a)");
  ck_assert_uint_eq(term_mk_neg(tm, na), a);
  ck_assert_uint_eq(term_mk_div(tm, a, num(1)), a);
  ck_assert_uint_eq(term_mk_mod(tm, a, num(1)), num(0));
  ck_assert_str_eq(str(term_mk_div(tm, a, b)), "(div a b)");
  ck_assert_str_eq(str(term_mk_mod(tm, a, num(2))), "(mod a 2)");
}
END_TEST

START_TEST(test_floor_divmod) {
  static const long cases[][4] = {
      /* a, b, a DIV b, a MOD b */
      {7, 2, 3, 1},   {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1},
      {6, 3, 2, 0},   {-6, 3, -2, 0}, {0, 5, 0, 0},    {1, -5, -1, -4},
      {-1, 5, -1, 4}, {5, 7, 0, 5},   {-5, -7, 0, -5},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TermId p = num(cases[i][0]), q = num(cases[i][1]);
    ck_assert_int_eq(val(term_mk_div(tm, p, q)), cases[i][2]);
    ck_assert_int_eq(val(term_mk_mod(tm, p, q)), cases[i][3]);
  }
  /* No folding for a zero divisor. */
  TermId d = term_mk_div(tm, num(7), num(0));
  ck_assert_uint_eq(term_kind(tm, d), TERM_DIV);
  ck_assert_str_eq(str(d), "(div 7 0)");
  ck_assert_uint_eq(term_kind(tm, term_mk_mod(tm, num(7), num(0))), TERM_MOD);
}
END_TEST

/* A DIV of a DIV by positive constants is one DIV, a MOD of a MOD by a
 * multiple of its divisor one MOD, and whatever the shape, substituting a
 * constant for the variable gives floor DIV/MOD of the nested operators. */
START_TEST(test_nested_divmod) {
  ck_assert_str_eq(str(term_mk_div(tm, term_mk_div(tm, a, num(2)), num(4))),
                   "(div a 8)");
  ck_assert_uint_eq(term_mk_div(tm, term_mk_div(tm, a, num(2)), num(2)),
                    term_mk_div(tm, a, num(4)));
  ck_assert_str_eq(str(term_mk_mod(tm, term_mk_mod(tm, a, num(8)), num(2))),
                   "(mod a 2)");
  /* Not rewritten: 2 does not divide 3; a negative divisor; a variable. */
  ck_assert_str_eq(str(term_mk_mod(tm, term_mk_mod(tm, a, num(3)), num(2))),
                   "(mod (mod a 3) 2)");
  ck_assert_str_eq(str(term_mk_div(tm, term_mk_div(tm, a, num(-2)), num(2))),
                   "(div (div a -2) 2)");
  ck_assert_str_eq(str(term_mk_div(tm, term_mk_div(tm, a, b), num(2))),
                   "(div (div a b) 2)");
  static const long ds[] = {-3, -2, 1, 2, 3, 4, 6};
  size_t nd = sizeof ds / sizeof ds[0];
  mpz_t q, r;
  mpz_inits(q, r, NULL);
  for (size_t i = 0; i < nd; i++)
    for (size_t j = 0; j < nd; j++)
      for (int op = 0; op < 4; op++) {
        TermId c1 = num(ds[i]), c2 = num(ds[j]);
        TermId in = op & 1 ? term_mk_mod(tm, a, c1) : term_mk_div(tm, a, c1);
        TermId t = op & 2 ? term_mk_mod(tm, in, c2) : term_mk_div(tm, in, c2);
        for (long k = -30; k <= 30; k++) {
          TermId kk = num(k);
          mpz_set_si(r, ds[i]);
          mpz_set_si(q, k);
          if (op & 1)
            mpz_fdiv_r(q, q, r);
          else
            mpz_fdiv_q(q, q, r);
          mpz_set_si(r, ds[j]);
          if (op & 2)
            mpz_fdiv_r(q, q, r);
          else
            mpz_fdiv_q(q, q, r);
          ck_assert_int_eq(val(term_subst(tm, t, &a, &kk, 1)), mpz_get_si(q));
        }
      }
  mpz_clears(q, r, NULL);
}
END_TEST

START_TEST(test_big_constants) {
  mpz_t v, w;
  mpz_inits(v, w, NULL);
  mpz_ui_pow_ui(v, 2, 100);
  TermId big = term_mk_int(tm, v);
  ck_assert_uint_eq(term_mk_int(tm, v), big);
  ck_assert(term_is_int_const(tm, big));
  term_int_value(tm, big, w);
  ck_assert(mpz_cmp(v, w) == 0);
  ck_assert_str_eq(str(big), "1267650600228229401496703205376");
  /* 2^100 - 2^100 = 0; 2^100 * 2^100 = 2^200; large and negative. */
  ck_assert_uint_eq(term_mk_sub(tm, big, big), num(0));
  TermId sq = term_mk_mul(tm, big, big);
  term_int_value(tm, sq, w);
  mpz_mul(v, v, v);
  ck_assert(mpz_cmp(v, w) == 0);
  TermId nb = term_mk_neg(tm, big);
  ck_assert_str_eq(str(nb), "-1267650600228229401496703205376");
  ck_assert_uint_eq(term_mk_lt(tm, nb, big), term_true(tm));
  ck_assert_uint_eq(term_mk_div(tm, sq, big), big);
  /* Around the int64 boundary. */
  mpz_set_si(v, INT64_MAX);
  TermId max = term_mk_int(tm, v);
  TermId over = term_mk_add(tm, max, num(1));
  term_int_value(tm, over, w);
  mpz_add_ui(v, v, 1);
  ck_assert(mpz_cmp(v, w) == 0);
  ck_assert_uint_eq(term_mk_sub(tm, over, num(1)), max);
  ck_assert_str_eq(str(over), "9223372036854775808");
  mpz_clears(v, w, NULL);
}
END_TEST

START_TEST(test_deep_print) {
  TermId t = a;
  for (long i = 0; i < 50000; i++)
    t = term_mk_ite(tm, term_mk_eq(tm, b, num(i)), num(i), t);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  term_print(tm, t, f);
  fclose(f);
  ck_assert(strncmp(buf, "(ite (= b 49999) 49999 (ite", 27) == 0);
  ck_assert_uint_eq(buf[len - 1], ')');
  free(buf);
}
END_TEST

Suite *term_suite(void) {
  Suite *s = suite_create("term");
  TCase *tc = tcase_create("term");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_hash_consing);
  tcase_add_test(tc, test_fresh);
  tcase_add_test(tc, test_not);
  tcase_add_test(tc, test_and_or);
  tcase_add_test(tc, test_ite);
  tcase_add_test(tc, test_eq);
  tcase_add_test(tc, test_compare);
  tcase_add_test(tc, test_arith);
  tcase_add_test(tc, test_floor_divmod);
  tcase_add_test(tc, test_nested_divmod);
  tcase_add_test(tc, test_big_constants);
  tcase_add_test(tc, test_deep_print);
  suite_add_tcase(s, tc);
  return s;
}
