/* t32_cfg.c -- unit tests for the TLC .cfg reader: every section keyword,
 * values, substitutions, comments, located errors, and the corpus models. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

static char *diag_buf;
static size_t diag_len;
static FILE *diag_f;

static void capture(void) {
  diag_f = open_memstream(&diag_buf, &diag_len);
  diag_set_stream(diag_f);
}

static const char *captured(void) {
  fflush(diag_f);
  return diag_buf ? diag_buf : "";
}

static void teardown(void) {
  if (diag_f) {
    diag_set_stream(NULL);
    fclose(diag_f);
    free(diag_buf);
    diag_f = NULL;
    diag_buf = NULL;
  }
}

START_TEST(test_sections) {
  Config *c = cfg_parse_text(
      "m.cfg",
      "\\* a model\nSPECIFICATION Spec\nINIT Init NEXT Next\n"
      "INVARIANT TypeOK Safe\nINVARIANTS More\nPROPERTY Live\nPROPERTIES P2 P3\n"
      "CONSTRAINT Bound\nCONSTRAINTS B2\nACTION_CONSTRAINT AC\nACTION_CONSTRAINTS AC2\n"
      "SYMMETRY Sym VIEW View ALIAS Alias POSTCONDITION Post\n"
      "(* block (* nested *) comment *)\nCHECK_DEADLOCK FALSE\n");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(sym_str(c->spec.name), "Spec");
  ck_assert_int_eq(c->spec.loc.line, 2);
  ck_assert_int_eq(c->spec.loc.col, 15);
  ck_assert_str_eq(sym_str(c->init.name), "Init");
  ck_assert_str_eq(sym_str(c->next.name), "Next");
  ck_assert_int_eq(c->invariants.len, 3);
  ck_assert_str_eq(sym_str(c->invariants.data[1].name), "Safe");
  ck_assert_int_eq(c->properties.len, 3);
  ck_assert_int_eq(c->constraints.len, 2);
  ck_assert_int_eq(c->action_constraints.len, 2);
  ck_assert_str_eq(sym_str(c->symmetry.name), "Sym");
  ck_assert_str_eq(sym_str(c->view.name), "View");
  ck_assert_str_eq(sym_str(c->alias.name), "Alias");
  ck_assert_str_eq(sym_str(c->postcondition.name), "Post");
  ck_assert_int_eq(c->check_deadlock, 0);
  ck_assert_int_eq(c->check_deadlock_loc.line, 14);
}
END_TEST

START_TEST(test_defaults) {
  Config *c = cfg_parse_text("e.cfg", "  \\* nothing\n");
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(c->check_deadlock, -1);
  ck_assert_int_eq(c->init.name, 0);
  ck_assert_int_eq(c->consts.len, 0);
}
END_TEST

START_TEST(test_constants) {
  Config *c = cfg_parse_text(
      "c.cfg", "CONSTANTS\n  N = 3  M = -12\n  S = {a, b, {1, \"x\"}}\n  Name = \"hi\"\n"
               "  Flag = TRUE\n  mv = mv\n  Op <- MyOp\n  Q <-[Other] Impl\n"
               "  F(x, y) = 1\n  E = {}\nCONSTANT K = [Mod] Val\nINIT Init\n");
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(c->consts.len, 11);
  CfgConst *k = c->consts.data;
  ck_assert_str_eq(sym_str(k[0].name), "N");
  ck_assert_int_eq(k[0].value->kind, CV_INT);
  ck_assert_str_eq(k[0].value->text, "3");
  ck_assert_int_eq(k[0].loc.line, 2);
  ck_assert_int_eq(k[0].loc.col, 3);
  ck_assert_str_eq(k[1].value->text, "-12");
  ck_assert_int_eq(k[2].value->kind, CV_SET);
  ck_assert_int_eq(k[2].value->nelems, 3);
  ck_assert_int_eq(k[2].value->elems[0]->kind, CV_MODEL);
  ck_assert_str_eq(sym_str(k[2].value->elems[1]->sym), "b");
  ck_assert_int_eq(k[2].value->elems[2]->kind, CV_SET);
  ck_assert_int_eq(k[2].value->elems[2]->elems[1]->kind, CV_STR);
  ck_assert_int_eq(k[3].value->kind, CV_STR);
  ck_assert_str_eq(sym_str(k[3].value->sym), "hi");
  ck_assert_int_eq(k[4].value->kind, CV_BOOL);
  ck_assert(k[4].value->boolean);
  ck_assert_int_eq(k[5].value->kind, CV_MODEL);
  ck_assert_ptr_null(k[6].value);
  ck_assert_str_eq(sym_str(k[6].subst), "MyOp");
  ck_assert_int_eq(k[6].module, 0);
  ck_assert_str_eq(sym_str(k[7].subst), "Impl");
  ck_assert_str_eq(sym_str(k[7].module), "Other");
  ck_assert_int_eq(k[8].nparams, 2);
  ck_assert_int_eq(k[9].value->nelems, 0);
  ck_assert_str_eq(sym_str(k[10].module), "Mod");
  ck_assert_str_eq(sym_str(c->init.name), "Init");
}
END_TEST

static void bad(const char *text, const char *where, const char *msg) {
  capture();
  ck_assert_ptr_null(cfg_parse_text("bad.cfg", text));
  const char *out = captured();
  ck_assert_msg(strstr(out, where) && strstr(out, msg), "for %s got\n%s", text, out);
  teardown();
}

START_TEST(test_errors) {
  bad("INIT Init\nFOO Bar\n", "bad.cfg:2:1: error:", "unknown keyword 'FOO'");
  bad("CONSTANT N =\n", "bad.cfg:2:1: error:", "value expected");
  bad("CONSTANT N\nINIT I\n", "bad.cfg:2:1: error:", "'=' or '<-' expected after constant 'N'");
  bad("CONSTANT S = {1, 2\nINIT I", "bad.cfg:2:1: error:", "'}' expected (to close '{' at line 1)");
  bad("CHECK_DEADLOCK yes", "bad.cfg:1:16: error:", "TRUE or FALSE expected");
  bad("INIT\n", "bad.cfg:1:1: error:", "a name expected after INIT");
  bad("INIT Init ;", "bad.cfg:1:11: error:", "unexpected character ';'");
  bad("CONSTANT s = \"abc", "bad.cfg:1:14: error:", "unterminated string");
  bad("(* open", "bad.cfg:1:1: error:", "unterminated comment");
  bad("CONSTANT N = 1 M\n", "bad.cfg:2:1: error:", "'=' or '<-' expected after constant 'M'");
  bad("CONSTANT N = -x", "bad.cfg:1:14: error:", "unexpected character '-'");
}
END_TEST

START_TEST(test_corpus_models) {
  FILE *f = fopen("../shared/corpus/models.tsv", "r");
  if (!f) /* no shared corpus: skipped (the runner says so) */
    return;
  char line[8192], path[1024];
  int total = 0, ok = 0;
  FILE *null = fopen("/dev/null", "w");
  while (fgets(line, sizeof line, f)) {
    strtok(line, "\t");
    strtok(NULL, "\t");
    char *cfg = strtok(NULL, "\t");
    if (!cfg || !strstr(cfg, ".cfg"))
      continue;
    snprintf(path, sizeof path, "../shared/corpus/examples/%s", cfg);
    diag_set_stream(null);
    Config *c = cfg_parse_file(path);
    diag_set_stream(NULL);
    total++;
    if (!c)
      printf("cfg corpus: %s does not parse\n", path);
    ok += c != NULL;
  }
  fclose(null);
  fclose(f);
  printf("cfg corpus: %d of %d model configs parse\n", ok, total);
  ck_assert_int_eq(ok, total);
}
END_TEST

Suite *cfg_suite(void) {
  Suite *s = suite_create("cfg");
  TCase *tc = tcase_create("cfg");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_sections);
  tcase_add_test(tc, test_defaults);
  tcase_add_test(tc, test_constants);
  tcase_add_test(tc, test_errors);
  tcase_add_test(tc, test_corpus_models);
  suite_add_tcase(s, tc);
  return s;
}
