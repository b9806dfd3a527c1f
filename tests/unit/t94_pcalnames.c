/* t94_pcalnames.c -- the PlusCal translator's name rules and its .cfg.
 *
 * Translations: tests/pluscal/X.out is what pcal.trans wrote between its
 * markers for X.tla.  Names: NameClash.tla has a process, labels and process
 * variables that clash with other names; NameClash.out is what pcal.trans
 * wrote between its markers (the renamings and their comment lines), and
 * TLC's count on that translation is 74 states, 32 distinct.  The errors
 * (a name defined twice, a variable with a global's name, ...) are rows
 * of tests/pluscal/bad/expected.tsv.
 *
 * defaultInitValue: the translator's .cfg sets it to a model value.  A
 * translation made in memory gets that binding when the user's .cfg lacks
 * it; `brink translate` rewrites an existing .cfg as pcal.trans does (its
 * output recorded here); a translation already in the file is read as TLC
 * reads it: the .cfg must give the constant. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clirun.h"
#include "fixture.h"
#include "pluscal.h"
#include "util.h"

#define DIR "tests/pluscal/"

static void setup(void) { fixture_setup("pcalnames"); }
static void teardown(void) { fixture_teardown(); }

static char *slurp(const char *path) {
  char *t = src_read_file(path);
  ck_assert_msg(t != NULL, "cannot read %s", path);
  return t;
}

/* X.tla translates to the text pcal.trans wrote (X.out). */
static void same_as_pcal_trans(const char *name) {
  char *path = xsprintf(DIR "%s.tla", name), *outp = xsprintf(DIR "%s.out", name);
  char *text = slurp(path), *want = slurp(outp);
  char *got = pcal_translate_text(path, text, NULL, NULL);
  ck_assert_msg(got != NULL, "%s: no translation: %s", name,
                fixture_captured());
  const char *b = strchr(strstr(got, "\\* BEGIN TRANSLATION"), '\n') + 1;
  const char *e = strstr(b, "\\* END TRANSLATION");
  ck_assert_msg(strlen(want) == (size_t)(e - b) &&
                    !strncmp(b, want, (size_t)(e - b)),
                "%s: translation differs:\n%.*s", name, (int)(e - b), b);
  free(got);
  free(want);
  free(text);
  free(outp);
  free(path);
}

/* Clashing names renamed as the translator renames them, gotos, calls,
 * Init and the stack's records included. */
START_TEST(t_clashing_names_renamed) { same_as_pcal_trans("NameClash"); }
END_TEST

/* A process reading a procedure's variable reads its own copy (x[self]);
 * brink wrote plain x. */
START_TEST(t_procedure_variable_in_process) {
  same_as_pcal_trans("ProcVarInProcess");
}
END_TEST

/* Labels added to a label-free algorithm: a call's target is the callee's
 * first label even when the callee comes later (brink wrote "?"). */
START_TEST(t_added_labels_call_target) { same_as_pcal_trans("AutoLabelCall"); }
END_TEST

/* What the translator's grammar lets pass: a declaration's value ended by
 * `procedure' without a `;', a block `{ ... }' as a statement (brink
 * stopped with "`{' expected" and "a statement expected"). */
START_TEST(t_loose_syntax) { same_as_pcal_trans("LooseSyntax"); }
END_TEST

/* An assertion from a macro names the call in its message; the message of
 * an assertion on several lines moves under the expression, not to
 * column 1 (which SANY rejects inside the action's conjunction). */
START_TEST(t_assert_messages) { same_as_pcal_trans("AssertLayout"); }
END_TEST

/* Checked from the algorithm with a .cfg that does not give
 * defaultInitValue: a model value, as in the translator's .cfg, and
 * TLC's counts on pcal.trans's translation. */
START_TEST(t_check_binds_default_value) {
  char *text = slurp(DIR "NameClash.tla");
  fixture_write("NameClash.tla", text);
  fixture_write("NameClash.cfg", "SPECIFICATION Spec\n");
  const char *args[] = {"check", "--engine", "explicit", "NameClash.tla", NULL};
  Out r = cli_run(args);
  EXPECT(r, 0, err, "brink: note: defaultInitValue is a model value (the "
                    "PlusCal translator's .cfg line CONSTANT defaultInitValue "
                    "= defaultInitValue)\n");
  EXPECT(r, 0, out, "74 states generated, 32 distinct states found");
  cli_out_free(&r);
  /* the .cfg's own value wins: no note */
  fixture_write("NameClash.cfg",
                "SPECIFICATION Spec\nCONSTANT defaultInitValue = 7\n");
  r = cli_run(args);
  EXPECT(r, 0, out, "74 states generated, 32 distinct states found");
  ck_assert(!strstr(r.err, "defaultInitValue is a model value"));
  cli_out_free(&r);
  /* a translation in the file is read as TLC reads it */
  const char *tr[] = {"translate", "-nocfg", "NameClash.tla", NULL};
  r = cli_run(tr);
  ck_assert_int_eq(r.status, 0);
  cli_out_free(&r);
  fixture_write("NameClash.cfg", "SPECIFICATION Spec\n");
  r = cli_run(args);
  EXPECT(r, 151, err, "error: the constant parameter defaultInitValue is "
                      "not assigned a value by the configuration file "
                      "NameClash.cfg");
  cli_out_free(&r);
  free(text);
}
END_TEST

static const char DIV[] =
    "---- MODULE Div ----\nEXTENDS Naturals, TLC\n"
    "(* --algorithm Div\nvariables x;\nbegin\nA: x := 1;\n"
    "B: assert x = 1;\nend algorithm *)\n====\n";

static void expect_cfg(const char *want) {
  char *p = cli_in_dir("Div.cfg");
  char *got = cli_slurp(p);
  ck_assert_msg(!strcmp(got, want), "Div.cfg:\n%s\nexpected:\n%s", got, want);
  free(got);
  free(p);
}

/* An existing .cfg is rewritten as pcal.trans rewrites it (recorded
 * outputs of pcal.trans on the same files); the old one is kept. */
START_TEST(t_translate_rewrites_existing_cfg) {
  fixture_write("Div.tla", DIV);
  fixture_write("Div.cfg", "INIT Init\nNEXT Next\n");
  const char *args[] = {"translate", "Div.tla", NULL};
  Out r = cli_run(args);
  EXPECT(r, 0, out, "Div.cfg updated (the old file kept as Div.cfg.old)");
  cli_out_free(&r);
  expect_cfg("SPECIFICATION Spec\n"
             "CONSTANT defaultInitValue = defaultInitValue\n"
             "\\* Add statements after this line.\nINIT Init\nNEXT Next\n");
  char *old = cli_in_dir("Div.cfg.old"), *o = cli_slurp(old);
  ck_assert_str_eq(o, "INIT Init\nNEXT Next\n");
  free(o);
  free(old);
  /* what stands above the delimiter was the translator's: replaced */
  fixture_write("Div.cfg", "SPECIFICATION Spec\n"
                           "\\* Add statements after this line.\n"
                           "INVARIANT Foo\n");
  const char *term[] = {"translate", "-termination", "Div.tla", NULL};
  r = cli_run(term);
  ck_assert_int_eq(r.status, 0);
  cli_out_free(&r);
  expect_cfg("SPECIFICATION Spec\nPROPERTY Termination\n"
             "CONSTANT defaultInitValue = defaultInitValue\n"
             "\\* Add statements after this line.\nINVARIANT Foo\n");
  /* a second run leaves it as it is */
  r = cli_run(term);
  ck_assert_int_eq(r.status, 0);
  ck_assert(!strstr(r.out, "Div.cfg"));
  cli_out_free(&r);
  /* the translation is now in the file: the .cfg must give the constant,
   * as for TLC */
  fixture_write("Div.cfg", "SPECIFICATION Spec\n");
  const char *chk[] = {"check", "--engine", "explicit", "Div.tla", NULL};
  r = cli_run(chk);
  EXPECT(r, 151, err, "the constant parameter defaultInitValue is not "
                      "assigned a value");
  cli_out_free(&r);
}
END_TEST

Suite *pcalnames_suite(void) {
  Suite *s = suite_create("pcalnames");
  TCase *t = tcase_create("names");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_set_timeout(t, 120);
  tcase_add_test(t, t_clashing_names_renamed);
  tcase_add_test(t, t_procedure_variable_in_process);
  tcase_add_test(t, t_added_labels_call_target);
  tcase_add_test(t, t_loose_syntax);
  tcase_add_test(t, t_assert_messages);
  tcase_add_test(t, t_check_binds_default_value);
  tcase_add_test(t, t_translate_rewrites_existing_cfg);
  suite_add_tcase(s, t);
  return s;
}
