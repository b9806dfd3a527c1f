/* t62_reccall.c -- the cases of a scalar and the memo of recursive calls.
 *
 * rc_cases must list exactly the constants an ite tree can take, say when
 * bounds were trusted, and refuse what it cannot enumerate; the memo must
 * find an entry for structurally equal arguments (distinct SymVal objects
 * with the same term ids) and for nothing that differs in owner, state,
 * budget or any argument, and must keep its own copies of the arrays. */
#include <check.h>
#include <stdlib.h>

#include "fixture.h"
#include "reccall.h"

static TermMgr *tm;

static void setup(void) {
  fixture_setup("t62");
  tm = term_mgr_new();
  sv_set_mgr(tm);
}
static void teardown(void) {
  term_mgr_delete(tm);
  fixture_teardown();
}

static TermId num(long v) { return term_mk_int_si(tm, v); }

START_TEST(test_cases_ite_leaves) {
  TermId c1 = term_mk_fresh(tm, "c", SORT_BOOL);
  TermId c2 = term_mk_fresh(tm, "c", SORT_BOOL);
  /* ite(c1, 7, ite(c2, 3, 7)): the values 3 and 7, each once. */
  TermId t = term_mk_ite(tm, c1, num(7), term_mk_ite(tm, c2, num(3), num(7)));
  TermId out[8];
  uint32_t n;
  bool exact;
  ck_assert(rc_cases(sv_atom(t), 8, out, &n, &exact));
  ck_assert_uint_eq(n, 2);
  ck_assert(exact);
  ck_assert((out[0] == num(3) && out[1] == num(7)) ||
            (out[0] == num(7) && out[1] == num(3)));
  ck_assert_uint_lt(out[0], out[1]);
  /* Too many values for max: refused. */
  ck_assert(!rc_cases(sv_atom(t), 1, out, &n, &exact));
  /* A constant needs no split. */
  ck_assert(!rc_cases(sv_int(num(4)), 8, out, &n, &exact));
  ck_assert(!rc_cases(sv_bool(term_true(tm)), 8, out, &n, &exact));
}
END_TEST

START_TEST(test_cases_bounds) {
  TermId v = term_mk_fresh(tm, "elem", SORT_INT);
  TermId out[16];
  uint32_t n;
  bool exact;
  /* No bounds: nothing to enumerate. */
  ck_assert(!rc_cases(sv_int(v), 16, out, &n, &exact));
  mpz_t lo, hi;
  mpz_init_set_si(lo, 2);
  mpz_init_set_si(hi, 5);
  term_var_set_bounds(tm, v, lo, hi);
  ck_assert(rc_cases(sv_int(v), 16, out, &n, &exact));
  ck_assert_uint_eq(n, 4);
  ck_assert(!exact); /* the values hold where v keeps its bounds */
  for (long k = 2; k <= 5; k++) {
    bool found = false;
    for (uint32_t i = 0; i < n; i++)
      found |= out[i] == num(k);
    ck_assert_msg(found, "value %ld missing", k);
  }
  /* Four values do not fit in three. */
  ck_assert(!rc_cases(sv_int(v), 3, out, &n, &exact));
  /* Arithmetic over it: v + 10 takes 12..15 by its bounds. */
  ck_assert(rc_cases(sv_int(term_mk_add(tm, v, num(10))), 16, out, &n,
                     &exact));
  ck_assert_uint_eq(n, 4);
  ck_assert(!exact);
  mpz_clears(lo, hi, NULL);
  /* A Boolean: FALSE and TRUE, exactly. */
  TermId b = term_mk_fresh(tm, "b", SORT_BOOL);
  ck_assert(rc_cases(sv_bool(b), 4, out, &n, &exact));
  ck_assert_uint_eq(n, 2);
  ck_assert(exact);
  /* Sets are not scalars. */
  SvCell cell = {sv_int(num(1)), b, NULL};
  ck_assert(!rc_cases(sv_set(&cell, 1), 4, out, &n, &exact));
}
END_TEST

START_TEST(test_split_mixture) {
  /* A node or NIL: ite(c1, ite(c2, 1, 2), NIL), NIL an atom; three
   * cases, each with its condition and constant. */
  TermId c1 = term_mk_fresh(tm, "c", SORT_BOOL);
  TermId c2 = term_mk_fresh(tm, "c", SORT_BOOL);
  SymVal *node = sv_int(term_mk_ite(tm, c2, num(1), num(2)));
  SymVal *nil = sv_atom(num(0));
  SymVal *v = sv_ite(c1, node, nil);
  ck_assert_int_eq(v->kind, SV_MIX);
  TermId is[8];
  SymVal *vals[8];
  uint32_t n;
  bool exact;
  ck_assert(rc_split_cases(v, 8, is, vals, &n, &exact));
  ck_assert_uint_eq(n, 3);
  ck_assert(exact);
  int ints = 0, atoms = 0;
  for (uint32_t k = 0; k < n; k++) {
    ck_assert(term_is_int_const(tm, vals[k]->t));
    if (vals[k]->kind == SV_ATOM) {
      atoms++;
      ck_assert(is[k] == term_mk_not(tm, c1));
    } else {
      ck_assert_int_eq(vals[k]->kind, SV_INT);
      ints++;
      ck_assert(is[k] == term_mk_and2(tm, c1, term_mk_eq(tm, node->t,
                                                          vals[k]->t)));
    }
  }
  ck_assert_int_eq(ints, 2);
  ck_assert_int_eq(atoms, 1);
  /* Three cases do not fit in two. */
  ck_assert(!rc_split_cases(v, 2, is, vals, &n, &exact));
  ck_assert_uint_eq(n, 0);
  /* A scalar: as rc_cases. */
  ck_assert(rc_split_cases(node, 8, is, vals, &n, &exact));
  ck_assert_uint_eq(n, 2);
  /* A mixture that may hold a set is not split. */
  SvCell cell = {sv_int(num(1)), c2, NULL};
  ck_assert(!rc_split_cases(sv_ite(c1, sv_set(&cell, 1), nil), 8, is, vals,
                            &n, &exact));
  /* Nor is a constant. */
  ck_assert(!rc_split_cases(nil, 8, is, vals, &n, &exact));
}
END_TEST

/* A function {1 |-> x} built afresh each time (the same terms). */
static SymVal *fun_of(TermId x) {
  SvCell cell = {sv_int(num(1)), term_true(tm), sv_int(x)};
  return sv_fun(&cell, 1);
}

START_TEST(test_memo_keys) {
  CallMemo *m = cm_new();
  int owner1, owner2, state1, state2;
  TermId x = term_mk_fresh(tm, "x", SORT_INT);
  SymVal *a1[2] = {fun_of(x), sv_atom(num(3))};
  CmKey k = {&owner1, &state1, 5, a1, 2};
  ck_assert_ptr_null(cm_find(m, &k));
  WdErr errs[1] = {{term_mk_lt(tm, x, num(0)), {0}, "bad", 75}};
  TermId uses[2] = {term_true(tm), term_false(tm)};
  SymVal *val = sv_int(term_mk_add(tm, x, num(1)));
  CmEntry e = {val, errs, 1, uses};
  cm_put(m, &k, &e);
  ck_assert_uint_eq(cm_size(m), 1);
  /* The table keeps copies: changing the caller's arrays changes nothing. */
  errs[0].cond = term_true(tm);
  uses[0] = term_false(tm);
  a1[1] = sv_atom(num(4));
  /* Structurally equal arguments, new objects: found. */
  SymVal *a2[2] = {fun_of(x), sv_atom(num(3))};
  ck_assert_ptr_ne(a2[0], k.args[0]);
  CmKey k2 = {&owner1, &state1, 5, a2, 2};
  const CmEntry *hit = cm_find(m, &k2);
  ck_assert_ptr_nonnull(hit);
  ck_assert_ptr_eq(hit->val, val);
  ck_assert_uint_eq(hit->nerrs, 1);
  ck_assert_uint_eq(hit->errs[0].cond, term_mk_lt(tm, x, num(0)));
  ck_assert_uint_eq(hit->uses[0], term_true(tm));
  ck_assert_uint_eq(hit->uses[1], term_false(tm));
  /* Anything different misses: another argument value, a different term
   * inside a function, another owner, state or budget. */
  SymVal *a3[2] = {fun_of(x), sv_atom(num(4))};
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state1, 5, a3, 2}));
  SymVal *a4[2] = {fun_of(term_mk_add(tm, x, num(1))), sv_atom(num(3))};
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state1, 5, a4, 2}));
  SymVal *a5[2] = {fun_of(x), sv_int(num(3))}; /* an integer, not an atom */
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state1, 5, a5, 2}));
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner2, &state1, 5, a2, 2}));
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state2, 5, a2, 2}));
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state1, 4, a2, 2}));
  ck_assert_ptr_null(cm_find(m, &(CmKey){&owner1, &state1, 5, a2, 1}));
  /* Putting the same key again replaces the entry. */
  SymVal *val2 = sv_int(num(9));
  CmEntry e2 = {val2, NULL, 0, uses};
  cm_put(m, &k2, &e2);
  ck_assert_uint_eq(cm_size(m), 1);
  ck_assert_ptr_eq(cm_find(m, &k2)->val, val2);
  ck_assert_uint_eq(cm_find(m, &k2)->nerrs, 0);
  /* Many keys (the table grows), each found again. */
  for (long i = 0; i < 300; i++) {
    SymVal *ai[1] = {sv_int(num(i))};
    CmEntry ei = {sv_int(num(i * 2)), NULL, 0, uses};
    cm_put(m, &(CmKey){&owner2, &state2, 0, ai, 1}, &ei);
  }
  ck_assert_uint_eq(cm_size(m), 301);
  for (long i = 0; i < 300; i++) {
    SymVal *ai[1] = {sv_int(num(i))};
    const CmEntry *h = cm_find(m, &(CmKey){&owner2, &state2, 0, ai, 1});
    ck_assert_ptr_nonnull(h);
    ck_assert_uint_eq(h->val->t, num(i * 2));
  }
  cm_clear(m);
  ck_assert_uint_eq(cm_size(m), 0);
  ck_assert_ptr_null(cm_find(m, &k2));
  cm_delete(m);
}
END_TEST

START_TEST(test_hash_structural) {
  TermId x = term_mk_fresh(tm, "x", SORT_INT);
  ck_assert(sv_hash(fun_of(x)) == sv_hash(fun_of(x)));
  ck_assert(sv_same(fun_of(x), fun_of(x)));
  /* Different kinds over the same term differ. */
  ck_assert(sv_hash(sv_int(x)) != sv_hash(sv_atom(x)));
}
END_TEST

Suite *reccall_suite(void) {
  Suite *s = suite_create("reccall");
  TCase *tc = tcase_create("reccall");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_cases_ite_leaves);
  tcase_add_test(tc, test_cases_bounds);
  tcase_add_test(tc, test_split_mixture);
  tcase_add_test(tc, test_memo_keys);
  tcase_add_test(tc, test_hash_structural);
  suite_add_tcase(s, tc);
  return s;
}
