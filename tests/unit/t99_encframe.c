/* t99_encframe.c -- the encoder's entry points take the frame they read.
 *
 * TLCGet("level") of the state in frame k is known to lie in 1..k+1 (the
 * state may be reachable in fewer steps).  The frame is an argument of
 * every entry point (encode.h), not a setting that outlives the call:
 * frame 0 gives the constant 1, frame 3 a level variable in 1..4, and a
 * comparison that range decides folds to a constant, whatever frame an
 * earlier call named.  enc_delete frees an encoder after use (under make
 * asan-check a double free or a use after free fails). */
#include <check.h>

#include "encode.h"
#include "fixture.h"
#include "parse.h"

static void setup(void) { fixture_setup("t99"); }
static void teardown(void) { fixture_teardown(); }

static const char *module =
    "EXTENDS Naturals, TLC\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x' = x + 1\n";
static const char *cfg = "INIT Init\nNEXT Next\n";

static Expr *rexpr(Spec *s, const char *text) {
  Expr *e = parse_expr_text("t99", text);
  ck_assert_msg(e != NULL, "parse failed: %s\n%s", text, fixture_captured());
  ck_assert_msg(program_resolve_expr(s->prog, e), "resolve failed: %s\n%s",
                text, fixture_captured());
  return e;
}

/* p in the state st of the given frame: 1 true, 0 false, -1 symbolic. */
static int pred_at(Enc *enc, TermMgr *tm, int frame, Spec *spec,
                   SymVal **st, const char *p) {
  WdErrVec errs = {0};
  TermId t = enc_pred(enc, frame, rexpr(spec, p), st, NULL, &errs);
  ck_assert_int_eq(errs.len, 0);
  VEC_FREE(errs);
  return term_is_true(tm, t) ? 1 : term_is_false(tm, t) ? 0 : -1;
}

START_TEST(test_frame_is_an_argument) {
  Spec *spec = fixture_load_spec(module, cfg);
  TermMgr *tm = term_mgr_new();
  Enc *enc = enc_new(spec, tm);
  WdErrVec errs = {0};
  SymVal **s0, **s1;
  enc_init(enc, &s0, &errs);
  enc_next(enc, 0, s0, &s1, &errs);
  ck_assert_int_eq(errs.len, 0);
  const TermId *vars;
  /* Frame 0: level 1, no variable made. */
  ck_assert_int_eq(pred_at(enc, tm, 0, spec, s0, "TLCGet(\"level\") = 1"), 1);
  ck_assert_int_eq(enc_level_vars(enc, &vars), 0);
  /* Frame 3: a variable in 1..4; comparisons its range decides fold. */
  ck_assert_int_eq(pred_at(enc, tm, 3, spec, s1, "TLCGet(\"level\") < 5"), 1);
  ck_assert_int_eq(pred_at(enc, tm, 3, spec, s1, "TLCGet(\"level\") > 4"), 0);
  ck_assert_int_eq(pred_at(enc, tm, 3, spec, s1, "TLCGet(\"level\") = 2"),
                   -1);
  ck_assert_int_eq(enc_level_vars(enc, &vars), 1);
  /* Back to frame 0 in the next call: the frame named before is gone. */
  ck_assert_int_eq(pred_at(enc, tm, 0, spec, s0, "TLCGet(\"level\") = 1"), 1);
  ck_assert_int_eq(pred_at(enc, tm, 0, spec, s0, "TLCGet(\"level\") > 1"), 0);
  ck_assert_int_eq(enc_level_vars(enc, &vars), 1);
  /* Frame 1: a second variable, in 1..2. */
  ck_assert_int_eq(pred_at(enc, tm, 1, spec, s1, "TLCGet(\"level\") <= 2"), 1);
  ck_assert_int_eq(enc_level_vars(enc, &vars), 2);
  VEC_FREE(errs);
  enc_delete(enc);
  enc_delete(NULL);
  term_mgr_delete(tm);
}
END_TEST

Suite *encframe_suite(void) {
  Suite *s = suite_create("encframe");
  TCase *tc = tcase_create("encframe");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, test_frame_is_an_argument);
  suite_add_tcase(s, tc);
  return s;
}
