/* t91_pluscal.c -- the PlusCal front end (src/pluscal, pluscal.h).
 *
 * Translations: every tests/pluscal/X.tla holds an algorithm that uses a
 * few constructs, and X.out the lines the PlusCal translator (pcal.trans
 * 1.12) wrote between its markers; brink's translation must be the same
 * text.  Bad inputs: every row of tests/pluscal/bad/expected.tsv names an
 * algorithm with one error, the place brink reports it and the message.
 * The command line: `brink translate` rewrites a file between the markers
 * (creating them), keeps the old file, writes a config; `brink check`
 * checks an algorithm with no translation and says so in one note. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "fixture.h"
#include "pluscal.h"
#include "util.h"

#define DIR "tests/pluscal/"

static int run(const char *cmd, char **out);
static const char *brink(void);

static char *slurp(const char *path) {
  char *t = src_read_file(path);
  ck_assert_msg(t != NULL, "cannot read %s", path);
  return t;
}

/* The lines between the BEGIN line and the END line. */
static char *between_markers(const char *text) {
  const char *b = strstr(text, "\\* BEGIN TRANSLATION");
  ck_assert_ptr_nonnull(b);
  b = strchr(b, '\n') + 1;
  const char *e = strstr(b, "\\* END TRANSLATION");
  ck_assert_ptr_nonnull(e);
  return xstrndup(b, (size_t)(e - b));
}

static void check_translation(const char *name) {
  char *path = xsprintf(DIR "%s.tla", name), *outp = xsprintf(DIR "%s.out", name);
  char *text = slurp(path), *want = slurp(outp);
  bool present = true;
  char *got = pcal_translate_text(path, text, NULL, &present);
  ck_assert_msg(got != NULL, "%s: no translation: %s", name, fixture_captured());
  ck_assert(!present);
  char *mid = between_markers(got);
  ck_assert_msg(strcmp(mid, want) == 0, "%s: translation differs:\n%s", name,
                mid);
  /* the rest of the file is kept byte for byte */
  const char *close = strstr(text, "*)");
  ck_assert(strncmp(got, text, (size_t)(close - text)) == 0);
  free(mid);
  free(got);
  free(want);
  free(text);
  free(outp);
  free(path);
}

static void setup(void) { fixture_setup("pluscal"); }
static void teardown(void) { fixture_teardown(); }

START_TEST(t_uniprocess_while_assert_print) { check_translation("UniWhile"); }
END_TEST
START_TEST(t_if_elsif_else) { check_translation("IfElsif"); }
END_TEST
START_TEST(t_either_with_await_multiple_assignment) {
  check_translation("EitherWith");
}
END_TEST
START_TEST(t_procedures_call_return_stack_fair) { check_translation("Procs"); }
END_TEST
START_TEST(t_goto_macro_components_fair_algorithm) {
  check_translation("Goto");
}
END_TEST
START_TEST(t_options_define_locals_while_true) {
  check_translation("Options");
}
END_TEST
START_TEST(t_label_fairness_fair_plus) { check_translation("Fairness"); }
END_TEST
START_TEST(t_tail_calls) { check_translation("TailCall"); }
END_TEST
START_TEST(t_next_layout) { check_translation("NextLayout"); }
END_TEST
START_TEST(t_uniprocess_without_pc) { check_translation("UniLoop"); }
END_TEST
START_TEST(t_uniprocess_labels_added) { check_translation("NoLabels"); }
END_TEST
/* The conjuncts of a multiple assignment and of a call (the parameters,
 * the caller's restored variables, the stack) go in the order of the
 * variables' names, as the translator sorts them. */
START_TEST(t_assignments_sorted_by_name) { check_translation("AssignOrder"); }
END_TEST
/* With no label at all, labels go where a step would assign a variable
 * twice too: before an assignment, a call or an outermost with. */
START_TEST(t_labels_added_before_second_assignment) {
  check_translation("AutoLabelVars");
}
END_TEST
/* `PlusCal options (version 1.5)`: `fair` or `fair+` may stand before a
 * uniprocess body, weak fairness either way; before 1.5 a body that is
 * one while (TRUE) loop keeps pc and the stuttering when done. */
START_TEST(t_version_options) {
  check_translation("Version15Fair");
  check_translation("Version14Loop");
}
END_TEST
/* `while (TRUE)` has no test in its step, as `while TRUE`; but only the
 * bare TRUE drops the stuttering when done. */
START_TEST(t_while_paren_true) { check_translation("ParenTrue"); }
END_TEST
/* In a multiprocess algorithm an assignment to stack (or pc) is to the
 * process's own: `stack[1].n := e` is `![self][1].n = e`. */
START_TEST(t_stack_assigned_per_process) { check_translation("StackAssign"); }
END_TEST
/* An `=` process's id goes into subscripts as written (pc[N + 1]); a
 * `self` in its body, which the translator leaves as it is, becomes the
 * id in parentheses. */
START_TEST(t_compound_process_id) {
  check_translation("CompoundId");
  const char *text = "---- MODULE S ----\nEXTENDS Naturals\nCONSTANT N\n"
                     "(* --algorithm S {\nvariables y = 0;\n"
                     "process (A = N + 1) { a1: y := self * 2 }\n} *)\n====\n";
  char *got = pcal_translate_text("S.tla", text, NULL, NULL);
  ck_assert_ptr_nonnull(got);
  ck_assert(strstr(
      got, "a1 == /\\ pc[N + 1] = \"a1\"\n      /\\ y' = (N + 1) * 2\n"));
  free(got);
}
END_TEST
/* Actions in the translator's order, not the source's: a while's labeled
 * body before the labels nested in its unlabeled start, an if's labeled
 * branches before what is nested in their unlabeled starts. */
START_TEST(t_step_order) { check_translation("StepOrder"); }
END_TEST
/* A process set over several lines keeps its layout wherever it goes:
 * ProcSet, the process's variables, pc's CASE and Next. */
START_TEST(t_process_set_layout) { check_translation("SetLayout"); }
END_TEST
/* Parentheses as the translator puts them: around a global's or a
 * uniprocess procedure variable's initial value when it needs them, and
 * around a macro's argument unless it is the whole expression. */
START_TEST(t_init_and_macro_parens) { check_translation("InitParens"); }
END_TEST
/* Tabs count to the next multiple of 8 for the layout and the assertion
 * messages' columns, as the translator reads them; errors still point
 * at the byte. */
START_TEST(t_tabs) {
  check_translation("Tabs");
  const char *text =
      "---- MODULE T ----\n(* --algorithm T {\nvariables x = 0;\n"
      "{ a1:\tx := 1;\n\tx := 2 }\n} *)\n====\n";
  fixture_recapture();
  ck_assert_ptr_null(pcal_translate_text("T.tla", text, NULL, NULL));
  ck_assert_msg(strstr(fixture_captured(), "T.tla:5:2: error: PlusCal: x is "
                                           "assigned twice"),
                "%s", fixture_captured());
}
END_TEST
/* VARIABLES and vars wrap at column 78, as the translator wraps them. */
START_TEST(t_variables_wrapped) { check_translation("VarsWrap"); }
END_TEST
START_TEST(t_duplicate_labels_renamed) {
  check_translation("DuplicateLabels");
}
END_TEST

/* The seed counter as PlusCal: its trace names the labels with their
 * process and locates them in the algorithm (the translation is only in
 * memory). */
START_TEST(t_cli_trace_located_in_algorithm) {
  char *out;
  char *cmd = xsprintf("%s check --engine explicit "
                       "specs/DistributedCounterPCal.tla", brink());
  ck_assert_int_eq(run(cmd, &out), 12);
  ck_assert(strstr(out, "Error: Invariant NoLostIncrement is violated."));
  /* the process is named, as TLC names an action's parameters */
  ck_assert(strstr(out, "State 2: <Begin(1) line 32, col 5 to line 32, col 9 "
                        "of module DistributedCounterPCal>"));
  ck_assert(strstr(out, "State 9: <Write(2) line 36, col 5 to line 36, col 9 "
                        "of module DistributedCounterPCal>"));
  free(out);
  free(cmd);
}
END_TEST

/* Every bad input: located error with the expected message. */
START_TEST(t_bad_inputs) {
  FILE *f = fopen(DIR "bad/expected.tsv", "r");
  ck_assert_ptr_nonnull(f);
  char line[1024];
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || !strncmp(line, "file\t", 5))
      continue;
    line[strcspn(line, "\n")] = 0;
    char *file = strtok(line, "\t"), *loc = strtok(NULL, "\t"),
         *msg = strtok(NULL, "\t");
    ck_assert(file && loc && msg);
    char *path = xsprintf(DIR "bad/%s", file);
    char *text = slurp(path);
    fixture_recapture();
    char *got = pcal_translate_text(path, text, NULL, NULL);
    ck_assert_msg(got == NULL, "%s: translated, but it has an error", file);
    char *want = xsprintf("%s:%s: error: %s", path, loc, msg);
    ck_assert_msg(strstr(fixture_captured(), want), "%s: expected\n%s\ngot\n%s",
                  file, want, fixture_captured());
    free(want);
    free(text);
    free(path);
    rows++;
  }
  fclose(f);
  ck_assert_int_ge(rows, 14);
}
END_TEST

/* -label adds the labels the translator adds (Lbl_1, ...). */
START_TEST(t_label_option) {
  const char *text = "---- MODULE L ----\nEXTENDS Naturals\n"
                     "(* --algorithm L {\nvariables x = 0;\n"
                     "{  x := 2;\n  B: while (x < 3) { x := x + 1 };\n"
                     "     x := 1;\n     while (x < 3) { x := x + 1 };\n}\n} *)\n"
                     "====\n";
  POpts o = {0};
  ck_assert(pcal_option(&o, "-label"));
  char *got = pcal_translate_text("L.tla", text, &o, NULL);
  ck_assert_ptr_nonnull(got);
  ck_assert(strstr(got, "Lbl_1 == /\\ pc = \"Lbl_1\"\n         /\\ x' = 2\n"
                        "         /\\ pc' = \"B\"\n"));
  ck_assert(strstr(got, "           ELSE /\\ x' = 1\n"
                        "                /\\ pc' = \"Lbl_2\"\n"));
  ck_assert(strstr(got, "Next == Lbl_1 \\/ B \\/ Lbl_2\n"));
  free(got);
  /* without -label: the first missing label, located */
  fixture_recapture();
  ck_assert_ptr_null(pcal_translate_text("L.tla", text, NULL, NULL));
  ck_assert(strstr(fixture_captured(), "L.tla:5:4: error: PlusCal: missing "
                                       "label at the beginning of a body"));
}
END_TEST

/* Found by the fuzzer: a macro called with its argument cut off by the
 * end of the text (the algorithm stops at "Lock(") substituted an empty
 * argument through a null pointer (UBSan: applying zero offset to null
 * pointer, in make asan-check).  Now a located error, with and without
 * -label. */
START_TEST(t_macro_call_cut_off) {
  const char *text = "---- MODULE F ----\n(* --algorithm A {\n"
                     "  variables lock = 0;\n"
                     "  macro Lock(l) { await l = 0; l := 1; }\n"
                     "  { a1: Lock(";
  POpts o = {0};
  ck_assert(pcal_option(&o, "-label"));
  for (int pass = 0; pass < 2; pass++) {
    fixture_recapture();
    ck_assert_ptr_null(pcal_translate_text("F.tla", text, pass ? &o : NULL,
                                           NULL));
    ck_assert_msg(strstr(fixture_captured(), "F.tla:5:14: error: PlusCal:"),
                  "%s", fixture_captured());
  }
}
END_TEST

/* A stale translation between existing markers is replaced; the BEGIN and
 * END lines and everything outside them stay. */
START_TEST(t_markers_replaced) {
  const char *text = "---- MODULE S ----\n(* --algorithm S\nvariable x = 0;\n"
                     "begin A: x := 1; end algorithm *)\n"
                     "\\* BEGIN TRANSLATION (keep me)\nVARIABLE old\n"
                     "\\* END TRANSLATION trailing\nAfter == 1\n====\n";
  bool present = false;
  char *got = pcal_translate_text("S.tla", text, NULL, &present);
  ck_assert_ptr_nonnull(got);
  ck_assert(present);
  ck_assert(strstr(got, "\\* BEGIN TRANSLATION (keep me)\nVARIABLES pc, x\n"));
  ck_assert(!strstr(got, "VARIABLE old"));
  ck_assert(strstr(got, "Termination == <>(pc = \"Done\")\n\n"
                        "\\* END TRANSLATION trailing\nAfter == 1\n====\n"));
  free(got);
}
END_TEST

/* Bytes 1-3 in the algorithm (the generator's layout markers) are blanks:
 * the fuzzer found that they broke the UNCHANGED wrapping. */
START_TEST(t_marker_bytes_in_input) {
  const char *text = "---- MODULE C ----\n(* --algorithm C\nvariables x = 0, "
                     "y = 0, z = 0;\nbegin A: x := \003 1 \001; B: y := 2 "
                     "\002; end algorithm *)\n====\n";
  char *got = pcal_translate_text("C.tla", text, NULL, NULL);
  ck_assert_ptr_nonnull(got);
  ck_assert(strstr(got, "/\\ x' = 1\n"));
  ck_assert(strstr(got, "/\\ UNCHANGED << y, z >>\n"));
  free(got);
}
END_TEST

/* ---- the command line ---- */

static int run(const char *cmd, char **out) {
  char *full = xsprintf("%s 2>&1", cmd);
  FILE *p = popen(full, "r");
  ck_assert_ptr_nonnull(p);
  VEC(char) b = {0};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
    VEC_RESERVE(b, b.len + n + 1);
    memcpy(b.data + b.len, buf, n);
    b.len += n;
  }
  VEC_PUSH(b, 0);
  int st = pclose(p);
  free(full);
  *out = b.data;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static const char *brink(void) {
  const char *b = getenv("BRINK");
  static char abs[4096];
  if (b && *b)
    return b;
  char *cwd = getcwd(NULL, 0);
  snprintf(abs, sizeof abs, "%s/brink", cwd);
  free(cwd);
  return abs;
}

START_TEST(t_cli_translate_writes_file_backup_cfg) {
  char *src = slurp(DIR "UniWhile.tla");
  fixture_write("UniWhile.tla", src);
  char *out;
  char *cmd = xsprintf("cd %s && %s translate UniWhile.tla", fixture_dir, brink());
  ck_assert_int_eq(run(cmd, &out), 0);
  free(out);
  char *p = xsprintf("%s/UniWhile.tla", fixture_dir);
  char *now = slurp(p);
  char *want = slurp(DIR "UniWhile.out");
  char *mid = between_markers(now);
  ck_assert_str_eq(mid, want);
  char *old = xsprintf("%s/UniWhile.tla.old", fixture_dir);
  char *oldt = slurp(old);
  ck_assert_str_eq(oldt, src);
  char *cfgp = xsprintf("%s/UniWhile.cfg", fixture_dir);
  char *cfg = slurp(cfgp);
  ck_assert_str_eq(cfg, "SPECIFICATION Spec\n\\* Add statements after this "
                       "line.\n");
  /* translating again changes nothing between the markers */
  ck_assert_int_eq(run(cmd, &out), 0);
  free(out);
  char *again = slurp(p);
  ck_assert_str_eq(again, now);
  /* and the file checks as it is: no note */
  free(cmd);
  cmd = xsprintf("cd %s && %s check --engine explicit UniWhile.tla",
                 fixture_dir, brink());
  ck_assert_int_eq(run(cmd, &out), 0);
  ck_assert(!strstr(out, "note: UniWhile.tla"));
  ck_assert(strstr(out, "7 states generated, 6 distinct states found"));
  free(out);
  /* the algorithm edited after its translation: brink checks the
   * algorithm, says so, and finds the assertion it now breaks */
  char *edited = xstrdup(now);
  char *w = strstr(edited, "while x < 3 do");
  ck_assert_ptr_nonnull(w);
  w[10] = '4';
  fixture_write("UniWhile.tla", edited);
  ck_assert_int_eq(run(cmd, &out), 14);
  ck_assert(strstr(out, "brink: note: UniWhile.tla: the translation in the "
                        "file differs from brink's translation of the "
                        "algorithm; checking the algorithm"));
  ck_assert(strstr(out, "Failure of assertion at line 10, column 9."));
  ck_assert(strstr(out, "State 5: <Loop line 6, col 3 to line 6, col 6 of "
                        "module UniWhile>"));
  free(out);
  free(edited);
  free(again);
  free(cfg);
  free(cfgp);
  free(oldt);
  free(old);
  free(mid);
  free(want);
  free(now);
  free(p);
  free(cmd);
  free(src);
}
END_TEST

START_TEST(t_cli_translate_nocfg_and_errors) {
  char *src = slurp(DIR "Goto.tla");
  fixture_write("Goto.tla", src);
  char *out;
  char *cmd = xsprintf("cd %s && %s translate -nocfg Goto.tla", fixture_dir,
                       brink());
  ck_assert_int_eq(run(cmd, &out), 0);
  free(out);
  char *cfgp = xsprintf("%s/Goto.cfg", fixture_dir);
  struct stat st;
  ck_assert(stat(cfgp, &st) != 0);
  free(cmd);
  cmd = xsprintf("%s translate -bogus Goto.tla", brink());
  ck_assert_int_eq(run(cmd, &out), 255);
  ck_assert(strstr(out, "unknown translate option '-bogus'"));
  free(out);
  free(cmd);
  /* an algorithm with an error: exit 150, the file untouched */
  cmd = xsprintf("%s translate " DIR "bad/AssignedTwice.tla", brink());
  ck_assert_int_eq(run(cmd, &out), 150);
  ck_assert(strstr(out, "AssignedTwice.tla:6:6: error: PlusCal: x is "
                        "assigned twice in one step"));
  struct stat bak;
  ck_assert(stat(DIR "bad/AssignedTwice.tla.old", &bak) != 0);
  free(out);
  free(cmd);
  free(cfgp);
  free(src);
}
END_TEST

/* check on an algorithm without a translation: one note, the verdict of
 * the translation. */
START_TEST(t_cli_check_translates_in_memory) {
  char *out;
  char *cmd = xsprintf("%s check --engine explicit " DIR "Procs.tla", brink());
  ck_assert_int_eq(run(cmd, &out), 0);
  ck_assert(strstr(out, "brink: note: " DIR "Procs.tla: the algorithm has no "
                        "translation in the file; checking brink's "
                        "translation of it"));
  ck_assert(strstr(out, "5308 states generated, 2217 distinct states found"));
  free(out);
  free(cmd);
  /* an error in the algorithm is a located spec error */
  cmd = xsprintf("%s check " DIR "bad/MissingLabelWhile.tla", brink());
  ck_assert_int_eq(run(cmd, &out), 150);
  ck_assert(strstr(out, "MissingLabelWhile.tla:6:6: error: PlusCal: missing "
                        "label before a while statement"));
  free(out);
  free(cmd);
}
END_TEST

Suite *pluscal_suite(void) {
  Suite *s = suite_create("pluscal");
  TCase *t = tcase_create("translate");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_set_timeout(t, 60);
  tcase_add_test(t, t_uniprocess_while_assert_print);
  tcase_add_test(t, t_macro_call_cut_off);
  tcase_add_test(t, t_if_elsif_else);
  tcase_add_test(t, t_either_with_await_multiple_assignment);
  tcase_add_test(t, t_procedures_call_return_stack_fair);
  tcase_add_test(t, t_goto_macro_components_fair_algorithm);
  tcase_add_test(t, t_options_define_locals_while_true);
  tcase_add_test(t, t_label_fairness_fair_plus);
  tcase_add_test(t, t_tail_calls);
  tcase_add_test(t, t_next_layout);
  tcase_add_test(t, t_uniprocess_without_pc);
  tcase_add_test(t, t_duplicate_labels_renamed);
  tcase_add_test(t, t_uniprocess_labels_added);
  tcase_add_test(t, t_assignments_sorted_by_name);
  tcase_add_test(t, t_labels_added_before_second_assignment);
  tcase_add_test(t, t_version_options);
  tcase_add_test(t, t_while_paren_true);
  tcase_add_test(t, t_stack_assigned_per_process);
  tcase_add_test(t, t_compound_process_id);
  tcase_add_test(t, t_step_order);
  tcase_add_test(t, t_process_set_layout);
  tcase_add_test(t, t_init_and_macro_parens);
  tcase_add_test(t, t_tabs);
  tcase_add_test(t, t_variables_wrapped);
  tcase_add_test(t, t_bad_inputs);
  tcase_add_test(t, t_label_option);
  tcase_add_test(t, t_markers_replaced);
  tcase_add_test(t, t_marker_bytes_in_input);
  suite_add_tcase(s, t);
  TCase *c = tcase_create("cli");
  tcase_add_checked_fixture(c, setup, teardown);
  tcase_set_timeout(c, 120);
  tcase_add_test(c, t_cli_translate_writes_file_backup_cfg);
  tcase_add_test(c, t_cli_translate_nocfg_and_errors);
  tcase_add_test(c, t_cli_check_translates_in_memory);
  tcase_add_test(c, t_cli_trace_located_in_algorithm);
  suite_add_tcase(s, c);
  return s;
}
