/* t95_evalrun.c -- unit tests for the evaluator's run-level interfaces
 * made explicit in issue 16: TLCGet("level") scopes (eval_level_enter /
 * eval_level_leave, also when an evaluation error unwinds an inner scope),
 * the replay witnesses and their clearing, the closed-constant rule
 * (closed.h) and the ASSUME check that moved from spec.c to the
 * evaluator (eval_check_assumptions).
 *
 * Each test runs in its own process and loads one spec. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "closed.h"
#include "eval.h"
#include "fixture.h"
#include "parse.h"

static void setup(void) { fixture_setup("t95"); }
static void teardown(void) { fixture_teardown(); }

static const char *module = "EXTENDS Naturals, TLC\n"
                            "CONSTANT N\n"
                            "VARIABLES x\n"
                            "Small == {n \\in 1..N : n > 1}\n"
                            "Lvl == TLCGet(\"level\")\n"
                            "Init == x = 0\n"
                            "Next == x' = x + 1\n";
static const char *cfg = "CONSTANT N = 3\nINIT Init\nNEXT Next\n";

static Expr *rexpr(Spec *s, const char *text) {
  Expr *e = parse_expr_text("e", text);
  ck_assert_msg(e != NULL, "parse failed: %s", text);
  ck_assert_msg(program_resolve_expr(s->prog, e), "resolve failed: %s\n%s",
                text, fixture_captured());
  return e;
}

/* The value of e printed, or NULL with *code the failure's exit code. */
static char *eval_or_code(Spec *s, Expr *e, int *code) {
  Value *cur[1] = {val_int(0)};
  EvalState st = {s, cur, NULL};
  FailPoint fp;
  *code = 0;
  if (fail_push(&fp) == 0) {
    Value *v = eval_expr(&st, e);
    fail_pop(&fp);
    return val_to_string(v);
  }
  *code = fp.code;
  return NULL;
}

static long level_now(Spec *s) {
  int code;
  char *got = eval_or_code(s, rexpr(s, "TLCGet(\"level\")"), &code);
  ck_assert_msg(got != NULL, "TLCGet(\"level\") failed: %s",
                fixture_captured());
  long v = strtol(got, NULL, 10);
  free(got);
  return v;
}

START_TEST(test_level_scopes_nest) {
  Spec *s = fixture_load_spec(module, cfg);
  int outer = eval_set_level(7);
  ck_assert_int_eq(level_now(s), 7);
  EvalLevel a = eval_level_enter(2);
  ck_assert_int_eq(level_now(s), 2);
  EvalLevel b = eval_level_enter(5);
  ck_assert_int_eq(level_now(s), 5);
  eval_level_leave(b);
  ck_assert_int_eq(level_now(s), 2);
  eval_level_leave(a);
  ck_assert_int_eq(level_now(s), 7);
  eval_set_level(outer);
}
END_TEST

/* An evaluation error inside an inner scope unwinds to a recovery point
 * in the outer one: leaving the outer scope restores the level before
 * it, and a new scope works as before. */
START_TEST(test_level_scope_unwound_by_error) {
  Spec *s = fixture_load_spec(module, cfg);
  eval_set_level(4);
  EvalLevel a = eval_level_enter(1);
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_level_enter(9);
    Value *cur[1] = {val_int(0)};
    EvalState st = {s, cur, NULL};
    eval_expr(&st, rexpr(s, "1 \\div 0"));
    ck_abort_msg("1 \\div 0 evaluated");
  }
  ck_assert_int_eq(fp.code, EXIT_EVAL);
  ck_assert_int_eq(level_now(s), 9); /* the inner scope was not left */
  eval_level_leave(a);
  ck_assert_int_eq(level_now(s), 4);
  EvalLevel c = eval_level_enter(3);
  ck_assert_int_eq(level_now(s), 3);
  eval_level_leave(c);
  ck_assert_int_eq(level_now(s), 4);
}
END_TEST

/* \E k \in Nat cannot be enumerated; with a witness for k (a replayed
 * trace) it is decided, and once the witnesses are cleared it is an
 * evaluation error again.  (The body reads x: a closed constant would be
 * evaluated once and kept.) */
START_TEST(test_witnesses_cleared) {
  Spec *s = fixture_load_spec(module, cfg);
  Expr *e = rexpr(s, "\\E k \\in Nat : k = x + 7");
  uint32_t id = e->bounds[0].names[0].id;
  Value *seven = val_int(7);
  ck_assert_uint_eq(eval_witness_count(), 0);
  eval_set_witnesses(&id, &seven, 1);
  ck_assert_uint_eq(eval_witness_count(), 1);
  int code;
  char *got = eval_or_code(s, e, &code);
  ck_assert_msg(got && strcmp(got, "TRUE") == 0, "got %s (code %d)",
                got ? got : "(error)", code);
  free(got);
  eval_clear_witnesses();
  ck_assert_uint_eq(eval_witness_count(), 0);
  fixture_recapture();
  got = eval_or_code(s, e, &code);
  ck_assert_ptr_null(got);
  ck_assert_int_eq(code, EXIT_EVAL);
  ck_assert_msg(strstr(fixture_captured(), "cannot enumerate the infinite "
                                           "set Nat") != NULL,
                "%s", fixture_captured());
}
END_TEST

/* The one closed-constant rule (both engines use it): closed and
 * constant-level, no variable, no built-in with an effect or a run-time
 * answer; a LET is closed when its definitions are, an EXCEPT when no
 * update mentions `@`. */
START_TEST(test_closed_const_rule) {
  Spec *s = fixture_load_spec(module, cfg);
  static const struct {
    const char *text;
    bool closed;
  } cases[] = {
      {"1 + 2", true},
      {"0 .. N + 1", true},
      {"Small", true},
      {"{n \\in 1..N : n > 1} \\X {1, 2}", true},
      {"\\A n \\in 1..N : \\E m \\in 1..N : m >= n", true},
      {"[i \\in 1..N |-> i * i]", true},
      {"x + 1", false},
      {"\\E k \\in 1..3 : k = x", false},
      {"LET a == 1 IN a + 1", true},
      {"LET sq(n) == n * n IN {sq(i) : i \\in 1..N}", true},
      {"\\A y \\in 1..N : LET b == y + 1 IN b > 0", true},
      {"LET a == x IN a + 1", false},
      {"LET a == x IN 1", false},
      {"[[i \\in 1..2 |-> i] EXCEPT ![1] = 5]", true},
      {"[[i \\in 1..2 |-> i] EXCEPT ![1] = @ + 1]", false},
      {"[[i \\in 1..2 |-> i] EXCEPT ![x] = 5]", false},
      {"RandomElement(1..3)", false},
      {"TLCGet(1)", false},
      {"Lvl", false},
      {"TLCGet(\"level\") + 1", false},
      {"Print(1, 2)", false},
      {"JavaTime", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    ck_assert_msg(closed_const(s, rexpr(s, cases[i].text)) == cases[i].closed,
                  "%s: closed_const should be %d", cases[i].text,
                  cases[i].closed);
}
END_TEST

START_TEST(test_assumptions_checked_by_evaluator) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nCONSTANT N\nVARIABLES x\n"
                              "ASSUME N > 2\n"
                              "Init == x = 0\nNext == x' = x\n",
                              "CONSTANT N = 3\nINIT Init\nNEXT Next\n");
  ck_assert_int_eq(eval_check_assumptions(s), 0);
  Spec *f = fixture_load_spec("EXTENDS Naturals\nCONSTANT N\nVARIABLES x\n"
                              "ASSUME N > 5\n"
                              "Init == x = 0\nNext == x' = x\n",
                              "CONSTANT N = 3\nINIT Init\nNEXT Next\n");
  fflush(stdout);
  ck_assert_int_eq(eval_check_assumptions(f), EXIT_ASSUME);
  Spec *g = fixture_load_spec("EXTENDS Naturals\nCONSTANT N\nVARIABLES x\n"
                              "ASSUME N \\div 0 > 5\n"
                              "Init == x = 0\nNext == x' = x\n",
                              "CONSTANT N = 3\nINIT Init\nNEXT Next\n");
  ck_assert_int_eq(eval_check_assumptions(g), EXIT_EVAL);
}
END_TEST

/* TLCGet("level") is 0 in an ASSUME, and the level before is restored. */
START_TEST(test_assumption_level_zero) {
  Spec *s = fixture_load_spec("EXTENDS Naturals, TLC\nVARIABLES x\n"
                              "ASSUME TLCGet(\"level\") = 0\n"
                              "Init == x = 0\nNext == x' = x\n",
                              "INIT Init\nNEXT Next\n");
  eval_set_level(6);
  ck_assert_int_eq(eval_check_assumptions(s), 0);
  ck_assert_int_eq(level_now(s), 6);
}
END_TEST

Suite *evalrun_suite(void) {
  Suite *s = suite_create("evalrun");
  TCase *tc = tcase_create("evalrun");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_level_scopes_nest);
  tcase_add_test(tc, test_level_scope_unwound_by_error);
  tcase_add_test(tc, test_witnesses_cleared);
  tcase_add_test(tc, test_closed_const_rule);
  tcase_add_test(tc, test_assumptions_checked_by_evaluator);
  tcase_add_test(tc, test_assumption_level_zero);
  suite_add_tcase(s, tc);
  return s;
}
