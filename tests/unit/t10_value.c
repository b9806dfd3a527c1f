/* t10_value.c -- unit tests for the hash-consed values (value.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"

#define I(n) val_int(n)
#define S(s) val_str(sym_intern(s))
#define M(s) val_model(sym_intern(s))
#define SET(...)                                                               \
  val_set((Value *[]){__VA_ARGS__},                                            \
          sizeof((Value *[]){__VA_ARGS__}) / sizeof(Value *))
#define TUP(...)                                                               \
  val_tuple((Value *[]){__VA_ARGS__},                                          \
            sizeof((Value *[]){__VA_ARGS__}) / sizeof(Value *))

/* Asserts that v prints as want. */
#define ck_print(v, want)                                                      \
  do {                                                                         \
    char *got_ = val_to_string(v);                                             \
    ck_assert_str_eq(got_, want);                                              \
    free(got_);                                                                \
  } while (0)

static Value *big_pow2(unsigned e, long add) {
  mpz_t z;
  mpz_init(z);
  mpz_ui_pow_ui(z, 2, e);
  if (add >= 0)
    mpz_add_ui(z, z, (unsigned long)add);
  else
    mpz_sub_ui(z, z, (unsigned long)-add);
  Value *v = val_int_mpz(z);
  mpz_clear(z);
  return v;
}

static Value *fun2(Value *k1, Value *v1, Value *k2, Value *v2) {
  return val_fun((Value *[]){k1, k2}, (Value *[]){v1, v2}, 2);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* ---- canonicity ---- */

START_TEST(test_atoms_canonical) {
  ck_assert_ptr_eq(val_bool(true), val_bool(true));
  ck_assert_ptr_ne(val_bool(true), val_bool(false));
  ck_assert_ptr_eq(I(5), I(5));
  ck_assert_ptr_eq(I(-1024), I(-1024));
  ck_assert_ptr_eq(I(1023), I(1023));
  ck_assert_ptr_eq(I(1024), I(1024));
  ck_assert_ptr_eq(I(-100000), I(-100000));
  ck_assert_ptr_eq(I(INT64_MAX), I(INT64_MAX));
  ck_assert_ptr_eq(I(INT64_MIN), I(INT64_MIN));
  ck_assert_ptr_ne(I(1024), I(1025));
  ck_assert_ptr_eq(S("abc"), S("abc"));
  ck_assert_ptr_ne(S("abc"), S("abd"));
  ck_assert_ptr_eq(M("m1"), M("m1"));
  ck_assert_ptr_ne(M("m1"), M("m2"));
  ck_assert_ptr_ne((Value *)M("a"), (Value *)S("a"));
  ck_assert_ptr_eq(val_infset(INF_NAT), val_infset(INF_NAT));
  ck_assert_ptr_ne(val_infset(INF_NAT), val_infset(INF_INT));
  ck_assert(val_eq(I(7), I(7)));
}
END_TEST

START_TEST(test_int_routes) {
  /* small numbers through every constructor */
  mpz_t z;
  mpz_init_set_si(z, -42);
  ck_assert_ptr_eq(val_int_mpz(z), I(-42));
  mpz_set_si(z, 123456789);
  ck_assert_ptr_eq(val_int_mpz(z), I(123456789));
  ck_assert_ptr_eq(val_int_str("123456789"), I(123456789));
  ck_assert_ptr_eq(val_int_str("-0"), I(0));
  ck_assert_ptr_eq(val_int_str("007"), I(7));
  ck_assert_ptr_eq(val_int_str("9223372036854775807"), I(INT64_MAX));
  ck_assert_ptr_eq(val_int_str("-9223372036854775808"), I(INT64_MIN));
  ck_assert_ptr_eq(val_int_str("000000000000000000000000042"), I(42));
  ck_assert(!I(INT64_MAX)->big);
  ck_assert(!I(INT64_MIN)->big);

  /* just past the int64 range */
  Value *p = val_int_str("9223372036854775808");
  ck_assert_ptr_nonnull(p);
  ck_assert(p->big);
  ck_assert_ptr_eq(p, big_pow2(63, 0));
  ck_assert_ptr_eq(p, val_int_str("09223372036854775808"));
  Value *m = val_int_str("-9223372036854775809");
  ck_assert(m->big);
  mpz_set_si(z, INT64_MIN);
  mpz_sub_ui(z, z, 1);
  ck_assert_ptr_eq(val_int_mpz(z), m);
  ck_assert_ptr_eq(big_pow2(63, -1), I(INT64_MAX));
  ck_assert_ptr_eq(big_pow2(200, 5), big_pow2(200, 5));
  ck_assert_ptr_ne(big_pow2(200, 5), big_pow2(200, 6));

  int64_t out = 0;
  ck_assert(val_int_fits(I(-3), &out));
  ck_assert_int_eq(out, -3);
  ck_assert(!val_int_fits(p, &out));
  ck_assert(!val_int_fits(S("x"), &out));
  ck_assert(val_is_int(p) && val_is_int(I(0)) && !val_is_int(val_bool(0)));
  val_get_mpz(p, z);
  ck_assert_int_eq(mpz_cmp(z, p->z), 0);
  val_get_mpz(I(-9), z);
  ck_assert_int_eq(mpz_cmp_si(z, -9), 0);
  mpz_clear(z);

  /* malformed */
  ck_assert_ptr_null(val_int_str(""));
  ck_assert_ptr_null(val_int_str("-"));
  ck_assert_ptr_null(val_int_str("+1"));
  ck_assert_ptr_null(val_int_str("12a"));
  ck_assert_ptr_null(val_int_str(" 1"));
  ck_assert_ptr_null(val_int_str("1 "));
  ck_assert_ptr_null(val_int_str("--1"));
  ck_assert_ptr_null(val_int_str("99999999999999999999999x"));
}
END_TEST

START_TEST(test_set_canonical) {
  Value *a = SET(I(3), I(1), I(2));
  Value *b = SET(I(1), I(2), I(3));
  Value *c = SET(I(2), I(3), I(3), I(1), I(1), I(2));
  ck_assert_ptr_eq(a, b);
  ck_assert_ptr_eq(a, c);
  ck_assert_int_eq(a->u.set.n, 3);
  ck_assert_ptr_eq(a->u.set.elems[0], I(1));
  ck_assert_ptr_eq(a->u.set.elems[2], I(3));
  ck_assert_ptr_eq(val_set(NULL, 0), val_empty_set());
  ck_assert_ptr_eq(val_interval_si(1, 3), a);
  ck_assert_ptr_ne(SET(I(1)), SET(I(2)));
  /* nested and mixed kinds */
  Value *n1 = SET(SET(I(1), I(2)), S("x"), val_bool(true));
  Value *n2 = SET(S("x"), val_bool(true), SET(I(2), I(1)), S("x"));
  ck_assert_ptr_eq(n1, n2);
  ck_assert_ptr_eq(n1->u.set.elems[0], val_bool(true));
  /* big sets beyond the scratch buffer */
  Value *xs[300], *ys[300];
  for (int i = 0; i < 300; i++) {
    xs[i] = I(i % 150);
    ys[i] = I(149 - i % 150);
  }
  ck_assert_ptr_eq(val_set(xs, 300), val_set(ys, 300));
  ck_assert_ptr_eq(val_set(xs, 300), val_interval_si(0, 149));
  /* the caller's array is left alone */
  Value *arr[] = {I(2), I(1)};
  val_set(arr, 2);
  ck_assert_ptr_eq(arr[0], I(2));
}
END_TEST

START_TEST(test_fun_canonical) {
  Value *f = fun2(I(2), S("b"), I(1), S("a"));
  Value *g = fun2(I(1), S("a"), I(2), S("b"));
  ck_assert_ptr_nonnull(f);
  ck_assert_ptr_eq(f, g);
  ck_assert_ptr_eq(f, TUP(S("a"), S("b")));
  ck_assert_ptr_ne(f, TUP(S("b"), S("a")));
  /* <<>> is the empty function */
  ck_assert_ptr_eq(val_tuple(NULL, 0), val_fun(NULL, NULL, 0));
  ck_assert_ptr_ne(val_tuple(NULL, 0), val_empty_set());
  /* <<1, 2>> = [i \in 1..2 |-> i] */
  ck_assert_ptr_eq(TUP(I(1), I(2)), fun2(I(2), I(2), I(1), I(1)));
  /* records are functions with string keys */
  Sym fields[] = {sym_intern("b"), sym_intern("a")};
  Value *r = val_record(fields, (Value *[]){I(2), I(1)}, 2);
  ck_assert_ptr_eq(r, fun2(S("a"), I(1), S("b"), I(2)));
  Sym fields2[] = {sym_intern("a"), sym_intern("b")};
  ck_assert_ptr_eq(r, val_record(fields2, (Value *[]){I(1), I(2)}, 2));
  /* duplicate keys */
  ck_assert_ptr_null(fun2(I(1), I(1), I(1), I(2)));
  ck_assert_ptr_null(fun2(I(1), I(1), I(1), I(1)));
  ck_assert_ptr_null(
      val_fun((Value *[]){I(3), I(1), I(3)}, (Value *[]){I(0), I(0), I(0)}, 3));
  Sym dupf[] = {sym_intern("a"), sym_intern("a")};
  ck_assert_ptr_null(val_record(dupf, (Value *[]){I(1), I(2)}, 2));
  /* the caller's arrays are left alone */
  Value *ks[] = {I(2), I(1)}, *vs[] = {I(20), I(10)};
  Value *h = val_fun(ks, vs, 2);
  ck_assert_ptr_eq(ks[0], I(2));
  ck_assert_ptr_eq(vs[0], I(20));
  ck_assert_ptr_eq(h->u.fun.keys[0], I(1));
  ck_assert_ptr_eq(h->u.fun.vals[0], I(10));
  /* long tuples */
  Value *vals[200], *keys[200];
  for (int i = 0; i < 200; i++) {
    vals[i] = I(i * i);
    keys[199 - i] = I(i + 1);
  }
  Value *rev[200];
  for (int i = 0; i < 200; i++)
    rev[199 - i] = vals[i];
  ck_assert_ptr_eq(val_tuple(vals, 200), val_fun(keys, rev, 200));
}
END_TEST

START_TEST(test_hashes) {
  ck_assert_uint_ne(val_hash(I(1)), val_hash(I(2)));
  ck_assert_uint_ne(val_hash(S("a")), val_hash(M("a")));
  ck_assert_uint_ne(val_hash(val_empty_set()), val_hash(val_tuple(NULL, 0)));
  ck_assert_uint_ne(val_hash(SET(I(1), I(2))), val_hash(TUP(I(1), I(2))));
  ck_assert_uint_ne(val_hash(TUP(I(1), I(2))), val_hash(TUP(I(2), I(1))));
  ck_assert_uint_ne(val_hash(SET(SET(I(1)), I(2))),
                    val_hash(SET(SET(I(2)), I(1))));
  /* many distinct small values, no 64-bit collisions */
  enum { N = 5000 };
  uint64_t *hs = malloc(N * sizeof *hs);
  for (int i = 0; i < N; i++)
    hs[i] = val_hash(i % 2 ? TUP(I(i / 2)) : SET(I(i / 2), I(-1)));
  qsort(hs, N, sizeof *hs, cmp_u64);
  int same = 0;
  for (int i = 1; i < N; i++)
    same += hs[i] == hs[i - 1];
  ck_assert_int_eq(same, 0);
  free(hs);
}
END_TEST

/* ---- ordering ---- */

START_TEST(test_order) {
  Value *zz = M("zz"); /* created first: smaller ordinal */
  Value *aa = M("aa");
  Value *seq[] = {
      val_bool(false),
      val_bool(true),
      val_int_str("-100000000000000000000000"),
      I(INT64_MIN),
      I(-5),
      I(0),
      I(2000),
      I(INT64_MAX),
      big_pow2(64, 0),
      big_pow2(100, 0),
      S(""),
      S("A"),
      S("a"),
      S("ab"),
      S("b"),
      zz,
      aa,
      val_empty_set(),
      SET(I(5)),
      SET(S("a")),
      SET(I(1), I(9)),
      SET(I(2), I(3)),
      val_tuple(NULL, 0),
      TUP(I(2)),
      fun2(I(1), I(1), I(3), I(0)),
      fun2(I(1), I(9), I(3), I(0)),
      fun2(I(2), I(0), I(3), I(0)),
      val_interval_si(0, 2000000),
      val_interval_si(0, 3000000),
      val_interval_si(1, 2000000),
      val_infset(INF_NAT),
      val_infset(INF_INT),
      val_infset(INF_STRING),
  };
  size_t n = sizeof seq / sizeof *seq;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      int c = val_cmp(seq[i], seq[j]);
      int want = i < j ? -1 : i > j ? 1 : 0;
      ck_assert_msg((c > 0) - (c < 0) == want, "cmp(%zu, %zu) = %d", i, j, c);
    }
  ck_assert_uint_lt(zz->u.model.ordinal, aa->u.model.ordinal);
}
END_TEST

/* ---- sets ---- */

START_TEST(test_set_ops) {
  Value *a = SET(I(1), I(2), I(3), I(5));
  Value *b = SET(I(2), I(4), I(5), I(6));
  Value *e = val_empty_set();
  ck_assert_ptr_eq(val_set_union(a, b), val_interval_si(1, 6));
  ck_assert_ptr_eq(val_set_inter(a, b), SET(I(2), I(5)));
  ck_assert_ptr_eq(val_set_minus(a, b), SET(I(1), I(3)));
  ck_assert_ptr_eq(val_set_minus(b, a), SET(I(4), I(6)));
  ck_assert_ptr_eq(val_set_union(a, e), a);
  ck_assert_ptr_eq(val_set_union(e, a), a);
  ck_assert_ptr_eq(val_set_inter(a, e), e);
  ck_assert_ptr_eq(val_set_minus(a, a), e);
  ck_assert_ptr_eq(val_set_minus(e, a), e);
  ck_assert_ptr_eq(val_set_inter(a, SET(S("x"))), e);

  ck_assert(val_set_subseteq(e, a));
  ck_assert(val_set_subseteq(SET(I(2), I(5)), a));
  ck_assert(val_set_subseteq(a, a));
  ck_assert(!val_set_subseteq(a, b));
  ck_assert(!val_set_subseteq(SET(I(0)), a));
  ck_assert(!val_set_subseteq(SET(I(6)), a));
  ck_assert(val_set_subseteq(a, val_infset(INF_NAT)));
  ck_assert(!val_set_subseteq(SET(I(-1)), val_infset(INF_NAT)));
  ck_assert(val_set_subseteq(SET(I(-1)), val_infset(INF_INT)));
  ck_assert(!val_set_subseteq(SET(I(-1)), val_infset(INF_STRING)));
  ck_assert(val_set_subseteq(SET(S("a")), val_infset(INF_STRING)));
  ck_assert(val_set_subseteq(a, val_interval_si(1, 5)));
  ck_assert(!val_set_subseteq(a, val_interval_si(2, 5)));
  ck_assert(val_set_subseteq(a, val_interval_si(-5, 5000000)));
  ck_assert(!val_set_subseteq(a, val_interval_si(3, 5000000)));

  /* lazy intervals on the left */
  Value *big = val_interval_si(10, 3000000);
  ck_assert(val_set_subseteq(big, val_interval_si(0, 3000000)));
  ck_assert(val_set_subseteq(big, big));
  ck_assert(!val_set_subseteq(big, val_interval_si(11, 3000000)));
  ck_assert(!val_set_subseteq(big, val_interval_si(0, 2999999)));
  ck_assert(val_set_subseteq(big, val_infset(INF_NAT)));
  ck_assert(
      val_set_subseteq(val_interval_si(-1, 3000000), val_infset(INF_INT)));
  ck_assert(
      !val_set_subseteq(val_interval_si(-1, 3000000), val_infset(INF_NAT)));
  ck_assert(!val_set_subseteq(big, val_infset(INF_STRING)));
  ck_assert(!val_set_subseteq(big, a));
  ck_assert(val_set_subseteq(val_infset(INF_NAT), val_infset(INF_INT)));
  ck_assert(!val_set_subseteq(val_infset(INF_INT), val_infset(INF_NAT)));
}
END_TEST

START_TEST(test_membership) {
  Value *a = SET(I(1), S("x"), SET(I(2)), TUP(I(1)));
  ck_assert(val_set_mem(a, I(1)));
  ck_assert(val_set_mem(a, S("x")));
  ck_assert(val_set_mem(a, SET(I(2))));
  ck_assert(val_set_mem(a, TUP(I(1))));
  ck_assert(!val_set_mem(a, I(2)));
  ck_assert(!val_set_mem(a, S("y")));
  ck_assert(!val_set_mem(a, SET(I(1))));
  ck_assert(!val_set_mem(val_empty_set(), I(1)));

  Value *iv = val_interval_si(-5, 5000000);
  ck_assert_int_eq(iv->kind, V_INTERVAL);
  ck_assert(val_set_mem(iv, I(-5)));
  ck_assert(val_set_mem(iv, I(5000000)));
  ck_assert(val_set_mem(iv, I(17)));
  ck_assert(!val_set_mem(iv, I(-6)));
  ck_assert(!val_set_mem(iv, I(5000001)));
  ck_assert(!val_set_mem(iv, big_pow2(70, 0)));
  ck_assert(!val_set_mem(iv, S("x")));

  Value *nat = val_infset(INF_NAT), *in = val_infset(INF_INT),
        *str = val_infset(INF_STRING);
  ck_assert(val_set_mem(nat, I(0)));
  ck_assert(val_set_mem(nat, big_pow2(70, 0)));
  ck_assert(!val_set_mem(nat, I(-1)));
  ck_assert(!val_set_mem(nat, val_int_str("-100000000000000000000000")));
  ck_assert(!val_set_mem(nat, S("a")));
  ck_assert(val_set_mem(in, I(-1)));
  ck_assert(val_set_mem(in, val_int_str("-100000000000000000000000")));
  ck_assert(!val_set_mem(in, val_bool(true)));
  ck_assert(val_set_mem(str, S("")));
  ck_assert(!val_set_mem(str, M("m")));
  ck_assert(!val_set_mem(str, I(1)));
  ck_assert(val_is_set(a) && val_is_set(iv) && val_is_set(nat));
  ck_assert(!val_is_set(TUP(I(1))) && !val_is_set(I(1)));
}
END_TEST

START_TEST(test_intervals) {
  mpz_t c, lo, hi;
  mpz_inits(c, lo, hi, NULL);
  /* small ones are materialised */
  Value *s = val_interval_si(-2, 2);
  ck_assert_int_eq(s->kind, V_SET);
  ck_assert_ptr_eq(s, SET(I(2), I(1), I(0), I(-1), I(-2)));
  ck_assert_ptr_eq(val_interval_si(3, 3), SET(I(3)));
  /* empty */
  ck_assert_ptr_eq(val_interval_si(3, 2), val_empty_set());
  ck_assert_ptr_eq(val_interval_si(INT64_MAX, INT64_MIN), val_empty_set());
  mpz_set_ui(lo, 10);
  mpz_set_ui(hi, 9);
  ck_assert_ptr_eq(val_interval(lo, hi), val_empty_set());
  /* exactly VAL_MAX_ENUM elements is still a set; one more is lazy */
  Value *edge = val_interval_si(1, VAL_MAX_ENUM);
  ck_assert_int_eq(edge->kind, V_SET);
  ck_assert_uint_eq(edge->u.set.n, VAL_MAX_ENUM);
  ck_assert_ptr_eq(val_set_enum(edge), edge);
  Value *lazy = val_interval_si(0, VAL_MAX_ENUM);
  ck_assert_int_eq(lazy->kind, V_INTERVAL);
  ck_assert_ptr_null(val_set_enum(lazy));
  ck_assert(val_set_card(lazy, c));
  ck_assert_int_eq(mpz_cmp_ui(c, VAL_MAX_ENUM + 1), 0);
  /* huge intervals are lazy and canonical */
  Value *h1 = val_interval_si(INT64_MIN, INT64_MAX);
  ck_assert_int_eq(h1->kind, V_INTERVAL);
  mpz_set_si(lo, INT64_MIN);
  mpz_set_si(hi, INT64_MAX);
  ck_assert_ptr_eq(val_interval(lo, hi), h1);
  ck_assert(val_set_card(h1, c));
  mpz_ui_pow_ui(lo, 2, 64);
  ck_assert_int_eq(mpz_cmp(c, lo), 0);
  ck_assert_ptr_eq(val_interval_si(1, 1000000000),
                   val_interval_si(1, 1000000000));
  ck_assert_ptr_ne(val_interval_si(1, 1000000000),
                   val_interval_si(1, 1000000001));
  /* intervals of big numbers */
  mpz_ui_pow_ui(lo, 2, 80);
  mpz_add_ui(hi, lo, 2);
  Value *bs = val_interval(lo, hi);
  ck_assert_int_eq(bs->kind, V_SET);
  ck_assert_ptr_eq(bs, SET(big_pow2(80, 2), big_pow2(80, 0), big_pow2(80, 1)));
  mpz_mul_ui(hi, lo, 3);
  Value *bl = val_interval(lo, hi);
  ck_assert_int_eq(bl->kind, V_INTERVAL);
  ck_assert(val_set_mem(bl, big_pow2(81, 0)));
  ck_assert(!val_set_mem(bl, I(0)));
  /* cardinalities */
  ck_assert(val_set_card(s, c));
  ck_assert_int_eq(mpz_cmp_ui(c, 5), 0);
  ck_assert(val_set_card(val_empty_set(), c));
  ck_assert_int_eq(mpz_cmp_ui(c, 0), 0);
  ck_assert(!val_set_card(val_infset(INF_NAT), c));
  ck_assert_ptr_null(val_set_enum(val_infset(INF_INT)));
  mpz_clears(c, lo, hi, NULL);
}
END_TEST

START_TEST(test_long_run_is_interval) {
  /* a V_SET of more than VAL_MAX_ENUM consecutive integers is the same
   * value as the lazy interval */
  size_t n = VAL_MAX_ENUM + 3;
  Value **xs = malloc(n * sizeof *xs);
  for (size_t i = 0; i < n; i++)
    xs[i] = I((int64_t)(n - 1 - i) + 7);
  Value *v = val_set(xs, n);
  ck_assert_ptr_eq(v, val_interval_si(7, (int64_t)n + 6));
  xs[0] = I(-100); /* a gap: an ordinary set */
  ck_assert_int_eq(val_set(xs, n)->kind, V_SET);
  free(xs);
}
END_TEST

/* ---- functions ---- */

START_TEST(test_fun_ops) {
  Value *t = TUP(S("a"), S("b"), S("c"));
  ck_assert_ptr_eq(val_fun_apply(t, I(1)), S("a"));
  ck_assert_ptr_eq(val_fun_apply(t, I(3)), S("c"));
  ck_assert_ptr_null(val_fun_apply(t, I(0)));
  ck_assert_ptr_null(val_fun_apply(t, I(4)));
  ck_assert_ptr_null(val_fun_apply(t, S("a")));
  ck_assert_ptr_eq(val_fun_domain(t), val_interval_si(1, 3));
  ck_assert_ptr_eq(val_fun_domain(val_tuple(NULL, 0)), val_empty_set());

  Value *f = fun2(S("x"), I(1), I(5), I(2));
  ck_assert_ptr_eq(val_fun_apply(f, I(5)), I(2));
  ck_assert_ptr_eq(val_fun_apply(f, S("x")), I(1));
  ck_assert_ptr_null(val_fun_apply(f, I(1)));
  ck_assert_ptr_eq(val_fun_domain(f), SET(S("x"), I(5)));

  Value *u = val_fun_update(t, I(2), S("z"));
  ck_assert_ptr_eq(u, TUP(S("a"), S("z"), S("c")));
  ck_assert_ptr_eq(val_fun_apply(t, I(2)), S("b")); /* t unchanged */
  ck_assert_ptr_eq(val_fun_update(u, I(2), S("b")), t);
  ck_assert_ptr_eq(val_fun_update(t, I(1), S("a")), t);
  ck_assert_ptr_eq(val_fun_update(f, S("x"), I(9)),
                   fun2(I(5), I(2), S("x"), I(9)));

  ck_assert(val_is_seq(t));
  ck_assert(val_is_seq(val_tuple(NULL, 0)));
  ck_assert(val_is_seq(val_fun(NULL, NULL, 0)));
  ck_assert(!val_is_seq(f));
  ck_assert(!val_is_seq(fun2(I(1), I(0), I(3), I(0))));
  ck_assert(!val_is_seq(fun2(I(0), I(0), I(1), I(0))));
  ck_assert(!val_is_seq(fun2(I(1), I(0), S("b"), I(0))));
  ck_assert(!val_is_seq(SET(I(1))));
  Sym fs[] = {sym_intern("a")};
  Value *r = val_record(fs, (Value *[]){I(1)}, 1);
  ck_assert(val_is_record(r));
  ck_assert(!val_is_record(val_tuple(NULL, 0)));
  ck_assert(!val_is_record(f));
  ck_assert(!val_is_record(fun2(S("a"), I(0), M("m"), I(0))));
  ck_assert(!val_is_record(S("a")));
  ck_assert_ptr_eq(val_fun_apply(r, S("a")), I(1));
}
END_TEST

/* ---- printing ---- */

START_TEST(test_print) {
  ck_print(val_bool(true), "TRUE");
  ck_print(val_bool(false), "FALSE");
  ck_print(I(0), "0");
  ck_print(I(-42), "-42");
  ck_print(I(INT64_MIN), "-9223372036854775808");
  ck_print(big_pow2(63, 0), "9223372036854775808");
  ck_print(val_int_str("-123456789012345678901234567890"),
           "-123456789012345678901234567890");
  ck_print(S("hi"), "\"hi\"");
  ck_print(S(""), "\"\"");
  ck_print(S("a\"b\\c"), "\"a\\\"b\\\\c\"");
  ck_print(M("m1"), "m1");
  ck_print(val_empty_set(), "{}");
  ck_print(SET(I(3), I(1), I(2)), "{1, 2, 3}");
  ck_print(SET(S("b"), val_bool(true), val_empty_set()), "{TRUE, \"b\", {}}");
  ck_print(val_tuple(NULL, 0), "<<>>");
  ck_print(TUP(I(1), I(2)), "<<1, 2>>");
  ck_print(TUP(val_tuple(NULL, 0), SET(I(1))), "<<<<>>, {1}>>");
  Sym fs[] = {sym_intern("b"), sym_intern("a")};
  ck_print(val_record(fs, (Value *[]){S("x"), I(1)}, 2),
           "[a |-> 1, b |-> \"x\"]");
  ck_print(fun2(I(2), S("y"), I(0), S("x")), "(0 :> \"x\" @@ 2 :> \"y\")");
  ck_print(fun2(M("m1"), I(1), S("k"), I(2)), "(\"k\" :> 2 @@ m1 :> 1)");
  ck_print(val_fun((Value *[]){I(2)}, (Value *[]){I(5)}, 1), "(2 :> 5)");
  ck_print(val_interval_si(1, 1000000000), "1..1000000000");
  ck_print(val_interval_si(-3, 2000000), "-3..2000000");
  ck_print(val_interval_si(1, 3), "{1, 2, 3}");
  ck_print(val_infset(INF_NAT), "Nat");
  ck_print(val_infset(INF_INT), "Int");
  ck_print(val_infset(INF_STRING), "STRING");

  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  val_print(out, SET(TUP(I(1)), I(2)));
  fclose(out);
  ck_assert_str_eq(buf, "{2, <<1>>}");
  free(buf);
}
END_TEST

START_TEST(test_many_values) {
  /* enough distinct values to grow the intern table several times */
  Value *prev = NULL;
  for (int i = 0; i < 50000; i++) {
    Value *t = TUP(I(i), I(i + 5000));
    ck_assert_ptr_ne(t, prev);
    prev = t;
  }
  for (int i = 0; i < 50000; i += 997)
    ck_assert_ptr_eq(val_fun_apply(TUP(I(i), I(i + 5000)), I(2)), I(i + 5000));
}
END_TEST

Suite *value_suite(void) {
  Suite *s = suite_create("value");
  TCase *tc = tcase_create("value");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_atoms_canonical);
  tcase_add_test(tc, test_int_routes);
  tcase_add_test(tc, test_set_canonical);
  tcase_add_test(tc, test_fun_canonical);
  tcase_add_test(tc, test_hashes);
  tcase_add_test(tc, test_order);
  tcase_add_test(tc, test_set_ops);
  tcase_add_test(tc, test_membership);
  tcase_add_test(tc, test_intervals);
  tcase_add_test(tc, test_long_run_is_interval);
  tcase_add_test(tc, test_fun_ops);
  tcase_add_test(tc, test_print);
  tcase_add_test(tc, test_many_values);
  suite_add_tcase(s, tc);
  return s;
}
