/* t62_svcanon.c -- sets of constant elements as characteristic vectors.
 *
 * sv_set keeps a set whose elements are all constants sorted by val_cmp,
 * one cell per element (equal elements merged, never-members dropped), and
 * the operations on two such sets take element-wise shortcuts.  The form is
 * checked directly; the shortcuts are checked against the general
 * operations, which t61 checks against the evaluator: each random set A
 * over a small universe gets a twin A' with the same cells plus one cell
 * whose element is a fresh variable and which is pinned to be no member,
 * so A' denotes the same set but takes the general path.  Every operation
 * must then give equivalent terms on the two (the solver proves the
 * difference UNSAT), so no query changes its answer, SAT or UNSAT, by the
 * representation. */
#include <check.h>
#include <stdlib.h>

#include "encode.h"
#include "fixture.h"
#include "solver.h"

static void setup(void) { fixture_setup("t62"); }
static void teardown(void) { fixture_teardown(); }

static TermMgr *tm;
static VEC(TermId) pins;

static Value *universe[8];
static size_t nuniverse;

static void make_universe(void) {
  nuniverse = 0;
  universe[nuniverse++] = val_int(1);
  universe[nuniverse++] = val_int(2);
  universe[nuniverse++] = val_int(3);
  universe[nuniverse++] = val_str(sym_intern("a"));
  universe[nuniverse++] = val_tuple((Value *[]){val_int(1), val_int(2)}, 2);
  universe[nuniverse++] = val_set((Value *[]){val_int(1)}, 1);
  universe[nuniverse++] = val_empty_set();
}

static uint32_t seed = 12345;
static uint32_t rnd(uint32_t n) {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 16) % n;
}

/* A membership: a fresh variable mostly, sometimes TRUE or FALSE. */
static TermId rnd_mem(void) {
  uint32_t r = rnd(8);
  return r == 0   ? term_true(tm)
         : r == 1 ? term_false(tm)
                  : term_mk_fresh(tm, "m", SORT_BOOL);
}

/* Random cells over the universe, in random order, with repeats; vals
 * (fresh integers) when for a function, whose keys are then distinct. */
static uint32_t rnd_cells(SvCell *cells, bool fun) {
  uint32_t n = rnd(6);
  bool used[8] = {0};
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t u = rnd((uint32_t)nuniverse);
    if (fun && used[u])
      continue;
    used[u] = true;
    SymVal *val = fun ? sv_int(term_mk_fresh(tm, "v", SORT_INT)) : NULL;
    cells[k++] = (SvCell){sv_from_value(universe[u]), rnd_mem(), val};
  }
  return k;
}

/* The twin: the same cells and a non-member cell with a symbolic key. */
static SymVal *twin(const SvCell *cells, uint32_t n, bool fun) {
  SvCell c[16];
  for (uint32_t i = 0; i < n; i++)
    c[i] = cells[i];
  TermId m = term_mk_fresh(tm, "pad", SORT_BOOL);
  VEC_PUSH(pins, term_mk_not(tm, m));
  c[n] = (SvCell){sv_int(term_mk_fresh(tm, "k", SORT_INT)), m,
                  fun ? sv_int(term_mk_fresh(tm, "v", SORT_INT)) : NULL};
  return fun ? sv_fun(c, n + 1) : sv_set(c, n + 1);
}

/* Under the pins, a <=> b is valid (Bool terms) or a = b (Int terms). */
static void expect_same(Solver *s, TermId a, TermId b, const char *what,
                        int trial) {
  TermId ask = term_mk_fresh(tm, "ask", SORT_BOOL);
  TermId all = term_mk_and(tm, pins.data, (uint32_t)pins.len);
  TermId differ = term_mk_not(tm, term_mk_eq(tm, a, b));
  solver_assert(s, term_mk_implies(tm, ask, term_mk_and2(tm, all, differ)));
  ck_assert_msg(solver_check(s, &ask, 1) == SOLVER_UNSAT,
                "trial %d: %s differs between the characteristic vector and "
                "the general form",
                trial, what);
}

START_TEST(test_canon_form) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  TermId m1 = term_mk_fresh(tm, "m1", SORT_BOOL);
  TermId m2 = term_mk_fresh(tm, "m2", SORT_BOOL);
  TermId m3 = term_mk_fresh(tm, "m3", SORT_BOOL);
  Value *pair = val_tuple((Value *[]){val_int(1), val_int(2)}, 2);
  SvCell c[5] = {
      {sv_from_value(val_int(3)), m1, NULL},
      {sv_from_value(val_int(1)), m2, NULL},
      {sv_from_value(val_int(3)), m3, NULL},
      {sv_from_value(val_int(2)), term_false(tm), NULL},
      {sv_from_value(pair), term_true(tm), NULL},
  };
  SymVal *s = sv_set(c, 5);
  ck_assert_uint_eq(s->n, 3); /* 1, 3, <<1, 2>>; 2 is never a member */
  Value *k[3];
  for (int i = 0; i < 3; i++)
    ck_assert(sv_is_const(s->cells[i].key, &k[i]));
  ck_assert(k[0] == val_int(1) && k[1] == val_int(3) && k[2] == pair);
  ck_assert_uint_eq(s->cells[0].mem, m2);
  ck_assert_uint_eq(s->cells[1].mem, term_mk_or2(tm, m1, m3));
  ck_assert(term_is_true(tm, s->cells[2].mem));
  /* Membership of a constant is the cell's mem, found without comparing. */
  ck_assert_uint_eq(sv_mem(sv_from_value(val_int(3)), s),
                    term_mk_or2(tm, m1, m3));
  ck_assert(term_is_false(tm, sv_mem(sv_from_value(val_int(2)), s)));
  /* A set with a symbolic element keeps its cells as given. */
  SvCell d[3] = {c[0], {sv_int(term_mk_fresh(tm, "x", SORT_INT)), m2, NULL},
                 c[2]};
  SymVal *g = sv_set(d, 3);
  ck_assert_uint_eq(g->n, 3);
  ck_assert_uint_eq(g->cells[0].mem, m1);
  ck_assert_uint_eq(g->cells[2].mem, m3);
  term_mgr_delete(tm);
}
END_TEST

START_TEST(test_canon_sets_agree) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  make_universe();
  Solver *s = solver_z3_new(tm);
  for (int trial = 0; trial < 60; trial++) {
    pins.len = 0;
    SvCell ca[8], cb[8];
    uint32_t na = rnd_cells(ca, false), nb = rnd_cells(cb, false);
    SymVal *a = sv_set(ca, na), *b = sv_set(cb, nb);
    SymVal *a2 = twin(ca, na, false), *b2 = twin(cb, nb, false);
    ck_assert(a2->n == na + 1 && b2->n == nb + 1); /* general form kept */
    expect_same(s, sv_equal(a, b), sv_equal(a2, b2), "A = B", trial);
    expect_same(s, sv_subseteq(a, b), sv_subseteq(a2, b2), "A \\subseteq B",
                trial);
    expect_same(s, sv_lt(a, b), sv_lt(a2, b2), "A before B", trial);
    expect_same(s, sv_card(a), sv_card(a2), "Cardinality(A)", trial);
    for (size_t u = 0; u < nuniverse; u++) {
      SymVal *x = sv_from_value(universe[u]);
      expect_same(s, sv_mem(x, a), sv_mem(x, a2), "x \\in A", trial);
    }
    TermId c = term_mk_fresh(tm, "c", SORT_BOOL);
    SymVal *ite = sv_ite(c, a, b), *ite2 = sv_ite(c, a2, b2);
    expect_same(s, sv_equal(ite, ite2), term_true(tm), "IF c THEN A ELSE B",
                trial);
  }
  VEC_FREE(pins);
  solver_delete(s);
  term_mgr_delete(tm);
}
END_TEST

START_TEST(test_canon_funs_agree) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  make_universe();
  Solver *s = solver_z3_new(tm);
  for (int trial = 0; trial < 40; trial++) {
    pins.len = 0;
    SvCell ca[8], cb[8];
    uint32_t na = rnd_cells(ca, true), nb = rnd_cells(cb, true);
    /* Keys in increasing order: the form sv_fun recognises. */
    for (uint32_t i = 1; i < na; i++)
      for (uint32_t j = i; j > 0; j--) {
        Value *x, *y;
        sv_is_const(ca[j - 1].key, &x);
        sv_is_const(ca[j].key, &y);
        if (val_cmp(x, y) > 0) {
          SvCell t = ca[j];
          ca[j] = ca[j - 1];
          ca[j - 1] = t;
        }
      }
    SymVal *f = sv_fun(ca, na), *g = sv_fun(cb, nb);
    SymVal *f2 = twin(ca, na, true), *g2 = twin(cb, nb, true);
    expect_same(s, sv_equal(f, g), sv_equal(f2, g2), "f = g", trial);
    expect_same(s, sv_equal(f, f2), term_true(tm), "f = f'", trial);
    for (size_t u = 0; u < nuniverse; u++) {
      SymVal *x = sv_from_value(universe[u]);
      TermId d1, d2;
      SymVal *v1 = sv_apply(f, x, &d1), *v2 = sv_apply(f2, x, &d2);
      expect_same(s, d1, d2, "x \\in DOMAIN f", trial);
      if (v1 && v2)
        expect_same(s, term_mk_implies(tm, d1, sv_equal(v1, v2)),
                    term_true(tm), "f[x]", trial);
      else
        ck_assert_msg(!v1 && term_is_false(tm, d1),
                      "trial %d: f[x] is missing where it is defined", trial);
    }
    TermId c = term_mk_fresh(tm, "c", SORT_BOOL);
    expect_same(s, sv_equal(sv_ite(c, f, g), sv_ite(c, f2, g2)),
                term_true(tm), "IF c THEN f ELSE g", trial);
  }
  VEC_FREE(pins);
  solver_delete(s);
  term_mgr_delete(tm);
}
END_TEST

/* sv_set_by_bounds: a set of bounded integer terms over the values they
 * can take, the same set by the solver; unbounded elements or too wide a
 * range leave it as it is. */
START_TEST(test_set_by_bounds) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  Solver *s = solver_z3_new(tm);
  pins.len = 0;
  SvCell c[4];
  for (int i = 0; i < 3; i++) /* elements ite(b_i, 2 + i, 4): 2..4 */
    c[i] = (SvCell){sv_int(term_mk_ite(tm, term_mk_fresh(tm, "b", SORT_BOOL),
                                       term_mk_int_si(tm, 2 + i),
                                       term_mk_int_si(tm, 4))),
                    term_mk_fresh(tm, "m", SORT_BOOL), NULL};
  c[3] = (SvCell){sv_from_value(val_int(3)), term_mk_fresh(tm, "m", SORT_BOOL),
                  NULL};
  SymVal *a = sv_set(c, 4);
  ck_assert(a->canon < 0);
  SymVal *r = sv_set_by_bounds(a, 8);
  ck_assert_uint_eq(r->n, 3);
  for (int u = 0; u < 3; u++) {
    Value *k;
    ck_assert(sv_is_const(r->cells[u].key, &k) && k == val_int(2 + u));
  }
  expect_same(s, sv_equal(a, r), term_true(tm), "the set over 2..4", 0);
  expect_same(s, sv_card(a), sv_card(r), "its cardinality", 0);
  /* the range is 3 values: at most 2 keeps a */
  ck_assert_ptr_eq(sv_set_by_bounds(a, 2), a);
  /* a cell whose element is an error stand-in is dropped */
  SvCell d[5] = {c[0], c[1], c[2], c[3],
                 {sv_any(), term_mk_fresh(tm, "m", SORT_BOOL), NULL}};
  SymVal *e = sv_set_by_bounds(sv_set(d, 5), 8);
  ck_assert_uint_eq(e->n, 3);
  expect_same(s, sv_equal(e, r), term_true(tm), "without the error", 0);
  /* an unbounded element */
  d[0].key = sv_int(term_mk_fresh(tm, "x", SORT_INT));
  SymVal *g = sv_set(d, 4);
  ck_assert_ptr_eq(sv_set_by_bounds(g, 8), g);
  VEC_FREE(pins);
  solver_delete(s);
  term_mgr_delete(tm);
}
END_TEST

Suite *svcanon_suite(void) {
  Suite *s = suite_create("svcanon");
  TCase *tc = tcase_create("svcanon");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_canon_form);
  tcase_add_test(tc, test_canon_sets_agree);
  tcase_add_test(tc, test_canon_funs_agree);
  tcase_add_test(tc, test_set_by_bounds);
  suite_add_tcase(s, tc);
  return s;
}
