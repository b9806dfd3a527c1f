/* t93_front.c -- the front end at scale and on hostile input: a chain of
 * 100,000 `+` terms and 50,000 conjuncts (inline and in a bullet list)
 * parse and resolve to the right trees and levels, and brink checks them
 * to the right verdict; nesting past the parser's limit is a located
 * error; an identifier of 10 MB gives an error of a few hundred bytes.
 *
 * The front end is meant to be linear; how fast it is belongs to
 * benchmarks/frontend_scale.sh.  The time limits here only guard against
 * hangs (a quadratic pass took minutes on these inputs).  The last tests
 * are checks TLC makes that brink skipped (issue 20, D12).  The chain is
 * 100,000 nodes deep, so loading runs on a thread with a large stack, as
 * brink itself does (main.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "parse.h"
#include "resolve.h"

#define TERMS 100000
#define CONJUNCTS 50000

static void setup(void) { fixture_setup("t93"); }
static void teardown(void) { fixture_teardown(); }

/* The body of module M: X is 1 + ... + 1 (TERMS terms), Inline and
 * Bullets are CONJUNCTS conjuncts `x = 1`, Inv checks X against want. */
static char *big_body(long want) {
  size_t cap = (size_t)TERMS * 4 + (size_t)CONJUNCTS * 24 + 4096, n = 0;
  char *b = xmalloc(cap);
  n += (size_t)sprintf(b + n, "EXTENDS Naturals\nVARIABLE x\nInit == x = 1\n"
                              "Next == UNCHANGED x\nX == 1");
  for (int i = 1; i < TERMS; i++)
    n += (size_t)sprintf(b + n, " + 1");
  n += (size_t)sprintf(b + n, "\nInline == x = 1");
  for (int i = 1; i < CONJUNCTS; i++)
    n += (size_t)sprintf(b + n, " /\\ x = 1");
  n += (size_t)sprintf(b + n, "\nBullets ==\n");
  for (int i = 0; i < CONJUNCTS; i++)
    n += (size_t)sprintf(b + n, "  /\\ x = 1\n");
  sprintf(b + n, "Inv == X = %ld /\\ Inline /\\ Bullets\n", want);
  return b;
}

static Def *def_of(Program *p, const char *name) {
  for (size_t i = 0; i < p->defs.len; i++)
    if (!strcmp(sym_str(p->defs.data[i]->name), name))
      return p->defs.data[i];
  ck_abort_msg("no definition '%s'", name);
  return NULL;
}

/* What the big-stack thread found. */
typedef struct Shape {
  Program *prog;
  long plus_depth, ones; /* left spine of X; leaves equal to 1 */
  int inline_n, bullets_n, inline_level, bullets_level, x_level;
} Shape;

static int load_big(void *arg) {
  Shape *s = arg;
  char *body = big_body(TERMS);
  s->prog = fixture_load(body);
  free(body);
  if (!s->prog)
    return 1;
  Expr *e = def_of(s->prog, "X")->body;
  while (e->kind == EX_OP && !strcmp(sym_str(e->name), "+") && e->nargs == 2) {
    s->plus_depth++;
    s->ones += e->args[1]->kind == EX_NUM && !strcmp(e->args[1]->num, "1");
    e = e->args[0];
  }
  s->ones += e->kind == EX_NUM && !strcmp(e->num, "1");
  Def *in = def_of(s->prog, "Inline"), *bu = def_of(s->prog, "Bullets");
  s->inline_n = in->body->nargs;
  s->bullets_n = bu->body->nargs;
  s->inline_level = in->level;
  s->bullets_level = bu->level;
  s->x_level = def_of(s->prog, "X")->level;
  return 0;
}

START_TEST(test_long_chains_parse) {
  Shape s = {0};
  ck_assert_int_eq(run_with_stack(load_big, &s, (size_t)1 << 30), 0);
  ck_assert_msg(s.prog != NULL, "load failed:\n%.2000s", fixture_captured());
  ck_assert_str_eq(fixture_captured(), "");
  ck_assert_int_eq(s.plus_depth, TERMS - 1); /* ((1 + 1) + 1) + ... */
  ck_assert_int_eq(s.ones, TERMS);
  ck_assert_int_eq(s.inline_n, CONJUNCTS); /* one n-ary /\ each */
  ck_assert_int_eq(s.bullets_n, CONJUNCTS);
  ck_assert_int_eq(s.x_level, LEVEL_CONST);
  ck_assert_int_eq(s.inline_level, LEVEL_STATE);
  ck_assert_int_eq(s.bullets_level, LEVEL_STATE);
}
END_TEST

/* Runs `brink ARGS` with output discarded; returns its exit code. */
static int brink_status(const char *args) {
  const char *bin = getenv("BRINK");
  char *cmd = xsprintf("'%s' %s >/dev/null 2>&1", bin ? bin : "./brink", args);
  int st = system(cmd);
  free(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The chains evaluate to what they say: X = 100000 holds, X = 99999 not. */
START_TEST(test_long_chains_check) {
  fixture_write("M.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  for (int k = 0; k < 2; k++) {
    char *body = big_body(TERMS - k);
    char *text = xsprintf("---- MODULE M ----\n%s====\n", body);
    fixture_write("M.tla", text);
    free(text);
    free(body);
    char *args = xsprintf("check --engine explicit %s/M.tla", fixture_dir);
    ck_assert_int_eq(brink_status(args), k ? 12 : 0);
    free(args);
  }
  char *args = xsprintf("parse --roundtrip %s/M.tla", fixture_dir);
  ck_assert_int_eq(brink_status(args), 0); /* printed without deep parens */
  free(args);
}
END_TEST

static int load_text(void *arg) {
  *(Program **)arg = fixture_load(*(char **)arg);
  return 0;
}

START_TEST(test_deep_nesting_is_located) {
  enum { DEPTH = 100000 };
  char *body = xmalloc(2 * DEPTH + 64), *p = body;
  p += sprintf(p, "X == ");
  memset(p, '(', DEPTH);
  p += DEPTH;
  p += sprintf(p, "1");
  memset(p, ')', DEPTH);
  p[DEPTH] = 0;
  void *arg = body;
  ck_assert_int_eq(run_with_stack(load_text, &arg, (size_t)1 << 30), 0);
  ck_assert_ptr_null(arg);
  ck_assert_msg(strstr(fixture_captured(), "M.tla:2:") &&
                    strstr(fixture_captured(), "nested too deeply"),
                "%.2000s", fixture_captured());
  ck_assert_int_lt(strlen(fixture_captured()), 2000);
  free(body);
}
END_TEST

/* D5: a 10 MB identifier is reported in one short message (its ends and
 * its length), with a cut echo of the line, and quickly. */
START_TEST(test_huge_identifier) {
  enum { LEN = 10 * 1000 * 1000 };
  char *body = xmalloc(LEN + 64), *p = body;
  p += sprintf(p, "X == 1 + ");
  memset(p, 'a', LEN);
  p[LEN] = 0;
  void *arg = body;
  ck_assert_int_eq(run_with_stack(load_text, &arg, (size_t)1 << 30), 0);
  ck_assert_ptr_null(arg);
  const char *out = fixture_captured();
  ck_assert_msg(strlen(out) < 1000, "%zu bytes of error text", strlen(out));
  ck_assert_msg(strstr(out, "M.tla:2:10: error: unknown operator 'aaaa"), "%s",
                out);
  ck_assert_msg(strstr(out, "aaaa' (10000002 characters)"), "%s", out);
  ck_assert_msg(strstr(out, "  X == 1 + aaaa"), "%s", out);
  ck_assert_msg(strstr(out, "(line of 10000009 bytes, cut)"), "%s", out);
  free(body);
}
END_TEST

/* A long line cut around the column of the error, which is near its end:
 * the caret still sits under the offending token. */
START_TEST(test_long_line_cut_at_error) {
  enum { TERMS_ = 2000 };
  char *body = xmalloc(TERMS_ * 4 + 64), *p = body;
  p += sprintf(p, "X == 1");
  for (int i = 1; i < TERMS_; i++)
    p += sprintf(p, " + 1");
  sprintf(p, " + }");
  void *arg = body;
  ck_assert_int_eq(run_with_stack(load_text, &arg, (size_t)1 << 30), 0);
  ck_assert_ptr_null(arg);
  const char *out = fixture_captured();
  char want[64];
  snprintf(want, sizeof want, "M.tla:2:%d: error: expression expected",
           6 + 4 * (TERMS_ - 1) + 4);
  ck_assert_msg(strstr(out, want), "want %s in\n%s", want, out);
  const char *echo = strstr(out, "\n  ...");
  ck_assert_msg(echo != NULL, "%s", out);
  const char *caret_line = strchr(echo + 1, '\n') + 1;
  const char *brace = strchr(echo, '}');
  ck_assert_ptr_nonnull(brace);
  ck_assert_int_eq(strchr(caret_line, '^') - caret_line, brace - (echo + 1));
  free(body);
}
END_TEST

static int check_m(const char *body, const char *cfg, const char *engine,
                   char **err);

/* 50,000 definitions and a config set of 100,000 model values (type
 * inference once looked up each model value, and each definition's
 * module, by a linear scan): the right verdicts. */
typedef VEC(char) Text;

static void text_add(Text *t, const char *s) {
  for (; *s; s++)
    VEC_PUSH(*t, *s);
}

START_TEST(test_many_defs_and_model_values) {
  enum { DEFS = 50000, MODELS = 100000 };
  Text cfg = {0};
  char item[64];
  text_add(&cfg, "INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTANT m7 = m7\n"
                 "CONSTANT S = {m0");
  for (int i = 1; i < MODELS; i++) {
    snprintf(item, sizeof item, ", m%d", i);
    text_add(&cfg, item);
  }
  text_add(&cfg, "}\n");
  VEC_PUSH(cfg, 0);
  for (int k = 0; k < 2; k++) {
    Text body = {0};
    text_add(&body, "EXTENDS Naturals\nCONSTANT S, m7\nVARIABLE x\n"
                    "Init == x = 0\nNext == UNCHANGED x\n");
    for (int i = 0; i < DEFS; i++) {
      snprintf(item, sizeof item, "D%d == %d\n", i, i);
      text_add(&body, item);
    }
    snprintf(item, sizeof item, "Inv == D%d = %d /\\ m7 %s S\n", DEFS - 1,
             DEFS - 1, k ? "\\notin" : "\\in");
    text_add(&body, item);
    VEC_PUSH(body, 0);
    char *err;
    int st = check_m(body.data, cfg.data, "explicit", &err);
    ck_assert_msg(st == (k ? 12 : 0), "exit %d\n%.2000s", st, err);
    free(err);
    VEC_FREE(body);
  }
  VEC_FREE(cfg);
}
END_TEST

/* ---------------------------------------------------------------------
 * Checks TLC and SANY make (issue 20, D12).  The bad-input files of
 * tests/parse/ cover the level of INSTANCE substitutions, duplicate record
 * fields and USE facts; these need a config or a run. */

/* Runs `brink ARGS` and returns its exit code; *err gets its output
 * (stdout and stderr: the engines print evaluation errors on stdout). */
static int brink_run(const char *args, char **err) {
  const char *bin = getenv("BRINK");
  char *path = xsprintf("%s/output.txt", fixture_dir);
  char *cmd = xsprintf("'%s' %s >'%s' 2>&1", bin ? bin : "./brink", args,
                       path);
  int st = system(cmd);
  *err = src_read_file(path);
  ck_assert_ptr_nonnull(*err);
  free(cmd);
  free(path);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* M.tla with body and M.cfg with cfg, checked by engine; the exit code. */
static int check_m(const char *body, const char *cfg, const char *engine,
                   char **err) {
  char *text = xsprintf("---- MODULE M ----\n%s====\n", body);
  fixture_write("M.tla", text);
  fixture_write("M.cfg", cfg);
  free(text);
  char *args = xsprintf("check --engine %s %s/M.tla", engine, fixture_dir);
  int st = brink_run(args, err);
  free(args);
  return st;
}

/* D12a: `C <- Op` with Op mentioning a variable: TLC's
 * TLC_CONFIG_SUBSTITUTION_NON_CONSTANT, exit 151 (brink ran the model). */
START_TEST(test_config_substitutes_non_constant) {
  const char *body = "EXTENDS Naturals\nCONSTANT C\nVARIABLE x\n"
                     "Op == x + 1\nOk == 2\nInit == x = 0\n"
                     "Next == x' = x + C\nInv == x < 3\n";
  char *err;
  int st = check_m(body, "CONSTANT C <- Op\nINIT Init\nNEXT Next\n"
                         "INVARIANT Inv\n", "explicit", &err);
  ck_assert_msg(st == 151, "exit %d\n%s", st, err);
  ck_assert_msg(strstr(err, "M.cfg:1:10: error: the configuration substitutes "
                            "constant 'C' with non-constant 'Op'"),
                "%s", err);
  free(err);
  st = check_m(body, "CONSTANT C <- Ok\nINIT Init\nNEXT Next\n"
                     "INVARIANT Inv\n", "explicit", &err);
  ck_assert_msg(st == 12, "a constant operator: exit %d\n%s", st, err);
  free(err);
}
END_TEST

/* D12d: `"a" \in Nat` and `1 \in STRING` are evaluation errors in TLC,
 * on both engines (here in an invariant: exit 76, TLC's code for an
 * invariant whose evaluation fails); a model value is in neither. */
START_TEST(test_membership_of_other_kind) {
  static const char *const invs[] = {"\"a\" \\in Nat", "1 \\in STRING",
                                     "\"a\" \\notin Int",
                                     "s \\in Nat"};
  static const char *const engines[] = {"explicit", "symbolic"};
  for (int i = 0; i < 4; i++)
    for (int k = 0; k < 2; k++) {
      char *body = xsprintf(
          "EXTENDS Integers\nVARIABLE s\nInit == s = 1\n"
          "Next == s' = IF s = 1 THEN 2 ELSE IF s = 2 THEN \"str\" ELSE s\n"
          "Inv == %s\n", invs[i]);
      char *err;
      int st = check_m(body, "INIT Init\nNEXT Next\nINVARIANT Inv\n",
                       engines[k], &err);
      ck_assert_msg(st == 76, "%s, %s: exit %d\n%s", invs[i], engines[k], st,
                    err);
      ck_assert_msg(strstr(err, "M.tla:6:8:") &&
                        strstr(err, "attempted to check if"),
                    "%s, %s:\n%s", invs[i], engines[k], err);
      free(err);
      free(body);
    }
  char *err;
  int st = check_m("EXTENDS Integers\nCONSTANT m\nVARIABLE s\nInit == s = m\n"
                   "Next == UNCHANGED s\nInv == s \\notin Nat \\cup STRING\n",
                   "CONSTANT m = m\nINIT Init\nNEXT Next\nINVARIANT Inv\n",
                   "explicit", &err);
  ck_assert_msg(st == 0, "a model value: exit %d\n%s", st, err);
  free(err);
}
END_TEST

Suite *front_suite(void) {
  Suite *s = suite_create("front");
  TCase *tc = tcase_create("scale");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300); /* a hang guard, not a time limit */
  tcase_add_test(tc, test_long_chains_parse);
  tcase_add_test(tc, test_long_chains_check);
  tcase_add_test(tc, test_deep_nesting_is_located);
  tcase_add_test(tc, test_huge_identifier);
  tcase_add_test(tc, test_long_line_cut_at_error);
  tcase_add_test(tc, test_many_defs_and_model_values);
  suite_add_tcase(s, tc);
  tc = tcase_create("checks");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_config_substitutes_non_constant);
  tcase_add_test(tc, test_membership_of_other_kind);
  suite_add_tcase(s, tc);
  return s;
}
