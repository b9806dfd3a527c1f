/* t61_symorder.c -- TLC's value order and kind rules on symbolic values.
 *
 * sv_lt must agree with val_cmp (the order CHOOSE and quantifiers follow),
 * sv_equal with value identity, and sv_eq_error with the evaluator's rule
 * for `=` (values of different kinds are an error unless one is a model
 * value; sets of any representation compare).  Each pair of a pool of
 * values is checked three ways: on constants, where the terms must fold to
 * the answer; on "symbolized" copies whose leaves are fresh solver
 * variables pinned to the value's leaves (and whose sets carry an extra
 * non-member cell), where the negated answer must be UNSAT; and on
 * mixtures of kinds made by an ite whose condition is pinned. */
#include <check.h>
#include <stdlib.h>

#include "encode.h"
#include "fixture.h"
#include "solver.h"

static void setup(void) { fixture_setup("t61"); }
static void teardown(void) { fixture_teardown(); }

static TermMgr *tm;
static VEC(TermId) pins; /* constraints tying fresh leaves to values */

static Value *ints(const int64_t *xs, size_t n) {
  Value *v[8];
  for (size_t i = 0; i < n; i++)
    v[i] = val_int(xs[i]);
  return val_set(v, n);
}

static Value *tuple2(Value *a, Value *b) {
  return val_tuple((Value *[]){a, b}, 2);
}

static Value *record2(const char *f1, Value *a, const char *f2, Value *b) {
  Sym f[2] = {sym_intern(f1), sym_intern(f2)};
  return val_record(f, (Value *[]){a, b}, 2);
}

/* The pool: every kind, and within kinds pairs that differ late. */
static size_t pool(Value **out) {
  size_t n = 0;
  out[n++] = val_bool(false);
  out[n++] = val_bool(true);
  out[n++] = val_int(-2);
  out[n++] = val_int(3);
  out[n++] = val_str(sym_intern("b"));
  out[n++] = val_str(sym_intern("ab"));
  out[n++] = val_model(sym_intern("m1"));
  out[n++] = val_model(sym_intern("m2"));
  out[n++] = val_empty_set();
  out[n++] = ints((int64_t[]){2}, 1);
  out[n++] = ints((int64_t[]){1, 3}, 2);
  out[n++] = ints((int64_t[]){1, 2}, 2);
  out[n++] = ints((int64_t[]){2, 3}, 2);
  out[n++] = val_set((Value *[]){val_str(sym_intern("b"))}, 1);
  out[n++] = tuple2(val_int(1), val_int(2));
  out[n++] = tuple2(val_int(2), val_int(1));
  out[n++] = val_tuple((Value *[]){val_int(1)}, 1);
  out[n++] = record2("a", val_int(1), "b", val_str(sym_intern("x")));
  out[n++] = record2("a", val_int(1), "b", val_str(sym_intern("y")));
  out[n++] = record2("a", val_int(0), "c", val_str(sym_intern("y")));
  out[n++] = val_fun((Value *[]){ints((int64_t[]){1}, 1)},
                     (Value *[]){val_bool(true)}, 1);
  return n;
}

/* A symbolic copy of v: scalar leaves are fresh variables pinned to v's,
 * set cells have fresh memberships, and a non-empty set gets one more cell
 * (a copy of its first element) that is pinned out. */
static SymVal *symbolize(const Value *v) {
  switch (v->kind) {
  case V_BOOL: {
    TermId x = term_mk_fresh(tm, "b", SORT_BOOL);
    VEC_PUSH(pins, term_mk_iff(tm, x, term_mk_bool(tm, v->u.b)));
    return sv_bool(x);
  }
  case V_INT:
  case V_STR:
  case V_MODEL: {
    SymVal *c = sv_from_value(v);
    TermId x = term_mk_fresh(tm, "i", SORT_INT);
    VEC_PUSH(pins, term_mk_eq(tm, x, c->t));
    return v->kind == V_INT ? sv_int(x) : sv_atom(x);
  }
  case V_SET: {
    uint32_t n = v->u.set.n;
    SvCell *cells = xmalloc((n + 2) * sizeof *cells);
    for (uint32_t i = 0; i <= n; i++) {
      if (i == n && n == 0)
        break;
      TermId m = term_mk_fresh(tm, "m", SORT_BOOL);
      VEC_PUSH(pins, i < n ? m : term_mk_not(tm, m));
      cells[i] = (SvCell){symbolize(v->u.set.elems[i < n ? i : 0]), m, NULL};
    }
    SymVal *r = sv_set(cells, n ? n + 1 : 0);
    free(cells);
    return r;
  }
  case V_FUN: {
    uint32_t n = v->u.fun.n;
    bool record = n > 0 && v->u.fun.keys[0]->kind == V_STR;
    SvCell *cells = xmalloc((n + 1) * sizeof *cells);
    for (uint32_t i = 0; i < n; i++) {
      TermId m = term_mk_fresh(tm, "m", SORT_BOOL);
      VEC_PUSH(pins, m);
      cells[i] = (SvCell){record ? sv_from_value(v->u.fun.keys[i])
                                 : symbolize(v->u.fun.keys[i]),
                          m, symbolize(v->u.fun.vals[i])};
    }
    SymVal *r = sv_fun(cells, n);
    free(cells);
    return r;
  }
  default:
    ck_abort_msg("no symbolic copy of this value");
  }
  return NULL;
}

/* v as a mixture: if c then v else a value of another kind, c pinned. */
static SymVal *mixed(const Value *v) {
  TermId c = term_mk_fresh(tm, "c", SORT_BOOL);
  VEC_PUSH(pins, c);
  Value *other = v->kind == V_INT ? val_bool(true) : val_int(7);
  return sv_ite(c, symbolize(v), symbolize(other));
}

/* A record: a function whose nonempty domain holds strings only. */
static bool is_record(const Value *v) {
  if (v->kind != V_FUN || v->u.fun.n == 0)
    return false;
  for (uint32_t i = 0; i < v->u.fun.n; i++)
    if (v->u.fun.keys[i]->kind != V_STR)
      return false;
  return true;
}

static bool has_other_keys(const Value *v) {
  for (uint32_t i = 0; v->kind == V_FUN && i < v->u.fun.n; i++)
    if (v->u.fun.keys[i]->kind != V_STR)
      return true;
  return false;
}

/* The evaluator's rule for `=`: an error unless the kinds agree, one side
 * is a model value, or both are sets; and between a record and a function
 * whose domain holds a non-string (TLC cannot turn one into the other). */
static bool eq_is_error(const Value *a, const Value *b) {
  if (a->kind == V_FUN && b->kind == V_FUN)
    return (is_record(a) && has_other_keys(b)) ||
           (is_record(b) && has_other_keys(a));
  return a->kind != b->kind && a->kind != V_MODEL && b->kind != V_MODEL;
}

static void expect_const(TermId t, bool want, const char *what, size_t i,
                         size_t j) {
  ck_assert_msg(term_is_true(tm, t) || term_is_false(tm, t),
                "%s(#%zu, #%zu) on constants does not fold", what, i, j);
  ck_assert_msg(term_is_true(tm, t) == want,
                "%s(#%zu, #%zu) on constants is %d, expected %d", what, i, j,
                term_is_true(tm, t), want);
}

/* Under the pins, t is valid (want) or unsatisfiable (!want). */
static void expect_sym(Solver *s, TermId t, bool want, const char *what,
                       size_t i, size_t j) {
  TermId a = term_mk_fresh(tm, "ask", SORT_BOOL);
  TermId all = term_mk_and(tm, pins.data, (uint32_t)pins.len);
  TermId bad = want ? term_mk_not(tm, t) : t;
  solver_assert(s, term_mk_implies(tm, a, term_mk_and2(tm, all, bad)));
  ck_assert_msg(solver_check(s, &a, 1) == SOLVER_UNSAT,
                "%s(#%zu, #%zu) on symbolic values can be %d, expected %d",
                what, i, j, !want, want);
}

START_TEST(test_order_constants) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  Value *v[32];
  size_t n = pool(v);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      SymVal *a = sv_from_value(v[i]), *b = sv_from_value(v[j]);
      expect_const(sv_lt(a, b), val_cmp(v[i], v[j]) < 0, "sv_lt", i, j);
      expect_const(sv_equal(a, b), v[i] == v[j], "sv_equal", i, j);
      expect_const(sv_eq_error(a, b), eq_is_error(v[i], v[j]), "sv_eq_error",
                   i, j);
    }
  term_mgr_delete(tm);
}
END_TEST

static void check_symbolic(bool mix) {
  tm = term_mgr_new();
  sv_set_mgr(tm);
  Solver *s = solver_z3_new(tm);
  Value *v[32];
  size_t n = pool(v);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      pins.len = 0;
      SymVal *a = mix ? mixed(v[i]) : symbolize(v[i]);
      SymVal *b = symbolize(v[j]);
      expect_sym(s, sv_lt(a, b), val_cmp(v[i], v[j]) < 0, "sv_lt", i, j);
      expect_sym(s, sv_lt(b, a), val_cmp(v[j], v[i]) < 0, "sv_lt", j, i);
      expect_sym(s, sv_equal(a, b), v[i] == v[j], "sv_equal", i, j);
      expect_sym(s, sv_eq_error(a, b), eq_is_error(v[i], v[j]),
                 "sv_eq_error", i, j);
    }
  VEC_FREE(pins);
  solver_delete(s);
  term_mgr_delete(tm);
}

START_TEST(test_order_symbolic) { check_symbolic(false); }
END_TEST

START_TEST(test_order_mixtures) { check_symbolic(true); }
END_TEST

Suite *symorder_suite(void) {
  Suite *s = suite_create("symorder");
  TCase *tc = tcase_create("symorder");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_order_constants);
  tcase_add_test(tc, test_order_symbolic);
  tcase_add_test(tc, test_order_mixtures);
  suite_add_tcase(s, tc);
  return s;
}
