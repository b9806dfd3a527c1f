/* t55_community.c -- the shipped community modules and the explicit
 * engine's run-level behaviour.
 *
 * The natives (native.h) are checked against the modules' TLA+
 * definitions: each case is evaluated twice, with the natives and with
 * them turned off (so the definition's body runs), and the two values
 * must be the same value -- and the expected one.  Then the input and
 * output operators (Json, IOUtils, CSV) on files the test writes, the
 * POSTCONDITION, and, through the brink binary, the rule that writing
 * happens only in a POSTCONDITION, the clean stop when memory runs out,
 * and a TLC trace file replayed with TLCGet("level").
 *
 * Environment: BRINK is the binary (default ./brink), SHARED the shared
 * corpus (default ../shared). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "eval.h"
#include "fixture.h"
#include "parse.h"

static void setup(void) { fixture_setup("t55"); }
static void teardown(void) {
  eval_set_natives(true);
  fixture_teardown();
}

static const char *community_module =
    "EXTENDS Naturals, Integers, Sequences, FiniteSets, Bags, TLC,\n"
    "        FiniteSetsExt, Functions, Folds, SequencesExt, VectorClocks,\n"
    "        Json, IOUtils, CSV\n";

static Spec *community_spec(void) {
  return fixture_load_spec(community_module, "");
}

static Expr *rexpr(Spec *s, const char *text) {
  Expr *e = parse_expr_text("e", text);
  ck_assert_msg(e != NULL, "parse failed: %s", text);
  ck_assert_msg(program_resolve_expr(s->prog, e), "resolve failed: %s\n%s",
                text, fixture_captured());
  return e;
}

/* The value of text (a fresh parse each time, so no cache is shared), or
 * NULL with the failure's exit code in *code. */
static Value *eval_text(Spec *s, const char *text, int *code) {
  Expr *e = rexpr(s, text);
  EvalState st = {s, NULL, NULL};
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    Value *v = eval_expr(&st, e);
    fail_pop(&fp);
    *code = 0;
    return v;
  }
  *code = fp.code;
  return NULL;
}

typedef struct Case {
  const char *expr;
  const char *want; /* printed value; NULL: both must fail (exit 75) */
} Case;

typedef VEC(char) Text;

static void append(Text *r, const char *s) {
  for (; *s; s++)
    VEC_PUSH(*r, *s);
}

/* Each case with the natives and with the definitions. */
static void compare_with_definitions(const Case *cases, size_t n) {
  Spec *s = community_spec();
  Text report = {0};
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    int cn, cd;
    fixture_recapture();
    eval_set_natives(true);
    Value *vn = eval_text(s, cases[i].expr, &cn);
    eval_set_natives(false);
    Value *vd = eval_text(s, cases[i].expr, &cd);
    eval_set_natives(true);
    char *pn = vn ? val_to_string(vn) : xsprintf("(error %d)", cn);
    char *pd = vd ? val_to_string(vd) : xsprintf("(error %d)", cd);
    bool ok = cases[i].want ? vn && vn == vd && strcmp(pn, cases[i].want) == 0
                            : !vn && !vd && cn == EXIT_EVAL && cd == EXIT_EVAL;
    if (!ok) {
      char *line = xsprintf("  %s\n    native     %s\n    definition %s\n    "
                            "want       %s\n%s",
                            cases[i].expr, pn, pd,
                            cases[i].want ? cases[i].want : "(error 75)",
                            fixture_captured());
      append(&report, line);
      free(line);
      bad++;
    }
    free(pn);
    free(pd);
  }
  VEC_PUSH(report, '\0');
  ck_assert_msg(bad == 0, "%d of %zu cases differ:\n%s", bad, n, report.data);
  VEC_FREE(report);
}

START_TEST(test_folds_and_finite_sets) {
  static const Case cases[] = {
      {"FoldSet(LAMBDA a, b : a + b, 0, 1..6)", "21"},
      /* the order shows: the least element is combined last-outermost */
      {"FoldSet(LAMBDA a, b : <<a>> \\o b, <<>>, {3, 1, 2})", "<<1, 2, 3>>"},
      {"FoldSet(LAMBDA a, b : a + b, 7, {})", "7"},
      {"MapThenFoldSet(LAMBDA x, y : <<x>> \\o y, <<>>, LAMBDA x : 2 * x,\n"
       "  LAMBDA T : CHOOSE t \\in T : \\A u \\in T : t >= u, {1, 2, 3})",
       "<<6, 4, 2>>"},
      {"MapThenFoldSet(LAMBDA x, y : x - y, 0, LAMBDA x : x,\n"
       "  LAMBDA T : CHOOSE t \\in T : TRUE, {1, 5, 9})",
       "5"},
      {"SumSet({-3, 5, 7})", "9"},
      {"SumSet({})", "0"},
      {"ProductSet({2, 3, 5})", "30"},
      {"ReduceSet(LAMBDA a, b : a * 10 + b, {1, 2, 3}, 0)", "60"},
      {"MapThenSumSet(LAMBDA x : x * x, 1..4)", "30"},
      {"Quantify(1..10, LAMBDA x : x % 3 = 0)", "3"},
      {"kSubset(2, 1..4)",
       "{{1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}}"},
      {"kSubset(0, {1, 2})", "{{}}"},
      {"kSubset(3, {1, 2})", "{}"},
      {"kSubset(-1, {1})", "{}"},
      {"Max({4, -2, 9})", "9"},
      {"Min({4, -2, 9})", "-2"},
      {"ChooseUnique({1, 2, 3}, LAMBDA x : x > 2)", "3"},
      {"BagCardinality(SetToBag({1, 2}) (+) SetToBag({2}))", "3"},
      /* errors on both sides */
      {"Max({})", NULL},
      {"SumSet({\"a\"})", NULL},
      {"ChooseUnique({1, 2, 3}, LAMBDA x : x > 1)", NULL},
  };
  compare_with_definitions(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_functions) {
  static const Case cases[] = {
      {"FoldFunction(LAMBDA a, b : <<a>> \\o b, <<>>,\n"
       "  [x \\in {\"r\", \"p\", \"q\"} |-> x])",
       "<<\"p\", \"q\", \"r\">>"},
      {"FoldFunctionOnSet(LAMBDA a, b : a + b, 0, <<5, 6, 7>>, {1, 3})", "12"},
      {"Range(<<3, 1, 3>>)", "{1, 3}"},
      {"Range([x \\in {} |-> x])", "{}"},
      {"IsInjective(<<1, 2, 3>>)", "TRUE"},
      {"IsInjective(<<1, 2, 1>>)", "FALSE"},
      {"FoldFunctionOnSet(LAMBDA a, b : a + b, 0, <<5>>, {4})", NULL},
  };
  compare_with_definitions(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_sequences_ext) {
  static const Case cases[] = {
      {"SetToSeq({\"b\", \"a\", \"c\"})", "<<\"a\", \"b\", \"c\">>"},
      {"SetToSeq({})", "<<>>"},
      {"SetToSeqs({1, 2, 3})",
       "{<<1, 2, 3>>, <<1, 3, 2>>, <<2, 1, 3>>, <<2, 3, 1>>, <<3, 1, 2>>, "
       "<<3, 2, 1>>}"},
      {"SetToAllKPermutations({1, 2})", "{<<>>, <<1>>, <<2>>, <<1, 2>>, <<2, 1>>}"},
      {"SetToSortSeq({3, 1, 2}, LAMBDA x, y : x > y)", "<<3, 2, 1>>"},
      /* a partial order: the least element with nothing below it first */
      {"SetToSortSeq({{1}, {2}, {1, 2}}, LAMBDA x, y : x \\subseteq y /\\ x # y)",
       "<<{1}, {2}, {1, 2}>>"},
      {"FoldSeq(LAMBDA a, b : a - b, 0, <<1, 2, 3>>)", "2"},
      {"FoldLeft(LAMBDA a, b : a - b, 10, <<1, 2, 3>>)", "4"},
      {"FoldRight(LAMBDA a, b : a - b, <<1, 2, 3>>, 10)", "-8"},
      {"FoldLeftDomain(LAMBDA a, i : a \\o <<i>>, <<>>, <<\"x\", \"y\">>)",
       "<<1, 2>>"},
      {"FoldRightDomain(LAMBDA i, a : <<i>> \\o a, <<\"x\", \"y\">>, <<0>>)",
       "<<1, 2, 0>>"},
      {"FlattenSeq(<< <<1>>, <<>>, <<2, 3>> >>)", "<<1, 2, 3>>"},
      {"FlattenSeq(<<\"ab\", \"c\">>)", "\"abc\""},
      {"FlattenSeq(<<>>)", "<<>>"},
      {"SeqOf({0, 1}, 2)",
       "{<<>>, <<0>>, <<1>>, <<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}"},
      {"BoundedSeq({\"a\"}, 3)",
       "{<<>>, <<\"a\">>, <<\"a\", \"a\">>, <<\"a\", \"a\", \"a\">>}"},
      {"SeqOf({}, 2)", "{<<>>}"},
      {"SeqOf({1}, -1)", "{}"},
      {"Remove(<<1, 2, 1, 3>>, 1)", "<<2, 3>>"},
      {"SelectInSeq(<<4, 5, 6>>, LAMBDA x : x > 4)", "2"},
      {"SelectInSeq(<<4>>, LAMBDA x : x > 4)", "0"},
      {"SelectLastInSeq(<<4, 5, 6>>, LAMBDA x : x < 6)", "2"},
      {"Contains(<<1, 2>>, 2)", "TRUE"},
      {"Contains(<<1, 2>>, 3)", "FALSE"},
  };
  compare_with_definitions(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_vector_clocks) {
  static const Case cases[] = {
      /* p1 {a:2, b:2}, p2 {a:1}, p3 {a:1, b:1}, p4 {a:2}: causal order
       * takes the least available position each time. */
      {"CausalOrder(<<[c |-> [a |-> 2, b |-> 2]], [c |-> [a |-> 1]],\n"
       "              [c |-> [a |-> 1, b |-> 1]], [c |-> [a |-> 2]]>>,\n"
       "  LAMBDA l : l.c, LAMBDA l : 0, LAMBDA c : DOMAIN c)",
       "<<[c |-> [a |-> 1]], [c |-> [a |-> 1, b |-> 1]], [c |-> [a |-> 2]], "
       "[c |-> [a |-> 2, b |-> 2]]>>"},
      /* concurrent clocks keep their positions */
      {"CausalOrder(<<[c |-> [b |-> 1]], [c |-> [a |-> 1]]>>,\n"
       "  LAMBDA l : l.c, LAMBDA l : 0, LAMBDA c : DOMAIN c)",
       "<<[c |-> [b |-> 1]], [c |-> [a |-> 1]]>>"},
      {"IsCausalOrder(<<[a |-> 1], [a |-> 2]>>, LAMBDA c : c)", "TRUE"},
      {"IsCausalOrder(<<[a |-> 2], [a |-> 1]>>, LAMBDA c : c)", "FALSE"},
  };
  compare_with_definitions(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* ---- input ---- */

static void want_value(Spec *s, const char *expr, const char *want) {
  int code;
  fixture_recapture();
  Value *v = eval_text(s, expr, &code);
  ck_assert_msg(v != NULL, "%s failed (%d):\n%s", expr, code,
                fixture_captured());
  char *got = val_to_string(v);
  ck_assert_msg(strcmp(got, want) == 0, "%s\n  got  %s\n  want %s", expr, got,
                want);
  free(got);
}

static void want_error(Spec *s, const char *expr, const char *message) {
  int code;
  fixture_recapture();
  Value *v = eval_text(s, expr, &code);
  ck_assert_msg(v == NULL, "%s should fail", expr);
  ck_assert_int_eq(code, EXIT_EVAL);
  ck_assert_msg(strstr(fixture_captured(), message),
                "%s: message should contain \"%s\":\n%s", expr, message,
                fixture_captured());
}

START_TEST(test_json_input) {
  Spec *s = community_spec();
  fixture_write("log.ndjson", "{\"n\":1,\"s\":\"a\\\"b\\u00e9\"}\n"
                              "\n"
                              "[1,[true,false],{}]\n"
                              "-12345678901234567890\n");
  fixture_write("doc.json", "{ \"xs\" : [ {\"k\": \"v\"} ],\n  \"b\": null }");
  fixture_write("frac.json", "[1.5]");
  char *e1 = xsprintf("ndJsonDeserialize(\"%s/log.ndjson\")", fixture_dir);
  want_value(s, e1,
             "<<[n |-> 1, s |-> \"a\\\"b\xc3\xa9\"], <<1, <<TRUE, FALSE>>, "
             "<<>>>>, -12345678901234567890>>");
  /* a relative name is found in the spec's folder */
  want_value(s, "Len(ndJsonDeserialize(\"log.ndjson\"))", "3");
  char *e2 = xsprintf("JsonDeserialize(\"%s/doc.json\")", fixture_dir);
  want_error(s, e2, "doc.json, line 2: null has no TLA+ value");
  want_error(s, "JsonDeserialize(\"frac.json\")",
             "a number with a fraction or an exponent has no TLA+ value");
  want_error(s, "JsonDeserialize(\"missing.json\")",
             "cannot read the file missing.json");
  free(e1);
  free(e2);
}
END_TEST

START_TEST(test_json_output_values) {
  Spec *s = community_spec();
  want_value(s, "ToJson(<<[a |-> 1, b |-> \"q\\\"\"], {3, 2}, TRUE>>)",
             "\"[{\\\"a\\\":1,\\\"b\\\":\\\"q\\\\\\\"\\\"},[2,3],true]\"");
  want_value(s, "ToJsonObject(<<7>>)", "\"{\\\"1\\\":7}\"");
  want_value(s, "ToJsonArray({})", "\"[]\"");
}
END_TEST

START_TEST(test_environment_and_csv) {
  Spec *s = community_spec();
  setenv("BRINK_T55_VAR", "v=1", 1);
  want_value(s, "IOEnv.BRINK_T55_VAR", "\"v=1\"");
  fixture_write("t.csv", "1;x\n2;y\n");
  want_value(s, "CSVRead(<<\"n\", \"s\">>, \";\", \"t.csv\")",
             "<<[n |-> \"1\", s |-> \"x\"], [n |-> \"2\", s |-> \"y\"]>>");
  want_value(s, "CSVRecords(\"t.csv\")", "2");
  want_value(s, "CSVRecords(\"none.csv\")", "0");
  want_error(s, "CSVRead(<<\"n\">>, \";\", \"t.csv\")",
             "has 2 values, not the 1 columns named");
}
END_TEST

/* ---- the brink binary ---- */

static const char *brink_path(void) {
  const char *b = getenv("BRINK");
  return b && *b ? b : "./brink";
}

/* Runs `env brink args`, output (stdout and stderr) into *out. */
static int run_brink(const char *env, const char *args, char **out) {
  char *log = xsprintf("%s/run.log", fixture_dir);
  char *cmd = xsprintf("env %s %s %s > '%s' 2>&1", env ? env : "",
                       brink_path(), args, log);
  int st = system(cmd);
  *out = src_read_file(log);
  if (!*out)
    *out = xstrdup("");
  free(cmd);
  free(log);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static const char *writer_module =
    "---- MODULE W ----\n"
    "EXTENDS Naturals, Json, TLC, IOUtils\n"
    "CONSTANT Out\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x < 3 /\\ x' = x + 1\n"
    "Write == JsonSerialize(Out, <<[x |-> x], {\"a\"}>>)\n"
    "Export == JsonSerialize(Out, [states |-> TLCGet(\"stats\").distinct])\n"
    "Run == IOExec(<<\"printf\", \"%s-%s\", \"a\", \"b\">>)\n"
    "Echo == Run = [exitValue |-> 0, stdout |-> \"a-b\", stderr |-> \"\"]\n"
    "====\n";

START_TEST(test_writing_only_in_a_postcondition) {
  fixture_write("W.tla", writer_module);
  char *cfg = xsprintf("CONSTANT Out = \"%s/out.json\"\nINIT Init\nNEXT "
                       "Next\nCHECK_DEADLOCK FALSE\nPOSTCONDITION Export\n",
                       fixture_dir);
  fixture_write("W.cfg", cfg);
  char *args = xsprintf("check --engine explicit %s/W.tla", fixture_dir);
  char *out;
  int code = run_brink(NULL, args, &out);
  ck_assert_msg(code == 0, "exit %d:\n%s", code, out);
  char *path = xsprintf("%s/out.json", fixture_dir);
  char *json = src_read_file(path);
  ck_assert_msg(json && strcmp(json, "{\"states\":4}\n") == 0,
                "out.json holds %s", json ? json : "(nothing)");
  free(json);
  free(out);
  /* the same operator in an invariant is a located error */
  char *args2 = xsprintf("check --engine explicit --inv Write %s/W.tla",
                         fixture_dir);
  code = run_brink(NULL, args2, &out);
  ck_assert_msg(code == EXIT_EVAL_INVARIANT, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "W.tla:7:10: error: JsonSerialize (module Json) "
                            "is evaluated here, where brink neither writes "
                            "files nor runs commands"),
                "%s", out);
  /* A false POSTCONDITION, and one whose evaluation fails, exit 10 as
   * in TLC (VIOLATION_ASSUMPTION) */
  fixture_write("P.tla", "---- MODULE P ----\nEXTENDS Naturals, TLC\n"
                         "VARIABLE x\nInit == x = 0\n"
                         "Next == x < 3 /\\ x' = x + 1\n"
                         "Post == TLCGet(\"stats\").distinct = 5\n"
                         "Bad == TLCGet(\"stats\").distinct = {}\n====\n");
  fixture_write("P.cfg", "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n"
                         "POSTCONDITION Post\n");
  char *pargs = xsprintf("check --engine explicit %s/P.tla", fixture_dir);
  free(out);
  code = run_brink(NULL, pargs, &out);
  ck_assert_msg(code == EXIT_ASSUME, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "Error: the POSTCONDITION Post is false."), "%s",
                out);
  fixture_write("P.cfg", "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n"
                         "POSTCONDITION Bad\n");
  free(out);
  code = run_brink(NULL, pargs, &out);
  ck_assert_msg(code == EXIT_ASSUME, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "evaluating the POSTCONDITION Bad failed"), "%s",
                out);
  free(pargs);
  free(out);
  /* IOExec runs the command in a POSTCONDITION */
  char *cfg2 = xsprintf("CONSTANT Out = \"%s/out.json\"\nINIT Init\nNEXT "
                        "Next\nCHECK_DEADLOCK FALSE\nPOSTCONDITION Echo\n",
                        fixture_dir);
  fixture_write("W.cfg", cfg2);
  code = run_brink(NULL, args, &out);
  ck_assert_msg(code == 0, "exit %d:\n%s", code, out);
  free(out);
  free(args);
  free(args2);
  free(cfg);
  free(cfg2);
  free(path);
}
END_TEST

START_TEST(test_out_of_memory_stops_cleanly) {
  fixture_write("G.tla", "---- MODULE G ----\nEXTENDS Naturals\nVARIABLES x, y\n"
                         "Init == x = 0 /\\ y = 0\n"
                         "Next == \\/ x' = x + 1 /\\ y' = y\n"
                         "        \\/ y' = y + 1 /\\ x' = x\n====\n");
  fixture_write("G.cfg", "INIT Init\nNEXT Next\n");
  char *args = xsprintf("check --engine explicit --memory-budget 40 %s/G.tla",
                        fixture_dir);
  char *out;
  int code = run_brink(NULL, args, &out);
  ck_assert_msg(code == 153, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "Error: brink is running out of memory ("), "%s",
                out);
  ck_assert_msg(strstr(out, "over --memory-budget 40 MiB). The search stopped"),
                "%s", out);
  ck_assert_msg(strstr(out, " distinct states found, "), "%s", out);
  free(out);
  free(args);
}
END_TEST

/* TLC's trace files validate a recorded behaviour with TLCGet("level"):
 * replaying the counterexample names each step's action. */
START_TEST(test_trace_file_replay) {
  const char *shared = getenv("SHARED");
  if (!fixture_shared())
    return; /* skipped: the runner says so */
  char *args = xsprintf(
      "check --engine explicit %s/corpus/examples/specifications/DieHard/"
      "DieHard_TTrace_1795241861.tla",
      shared && *shared ? shared : "../shared");
  char *out;
  int code = run_brink(NULL, args, &out);
  ck_assert_msg(code == 12, "exit %d:\n%s", code, out);
  ck_assert_msg(strstr(out, "Error: Invariant _inv is violated."), "%s", out);
  ck_assert_msg(strstr(out, "State 7: <_next line 31, col 9 to line 36, col 37 "
                            "of module DieHard_TTrace_1795241861>"),
                "%s", out);
  ck_assert_msg(!strstr(out, "internal error"), "%s", out);
  free(out);
  free(args);
}
END_TEST

Suite *community_suite(void) {
  Suite *s = suite_create("community");
  TCase *tc = tcase_create("natives");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_folds_and_finite_sets);
  tcase_add_test(tc, test_functions);
  tcase_add_test(tc, test_sequences_ext);
  tcase_add_test(tc, test_vector_clocks);
  suite_add_tcase(s, tc);

  tc = tcase_create("io");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_json_input);
  tcase_add_test(tc, test_json_output_values);
  tcase_add_test(tc, test_environment_and_csv);
  suite_add_tcase(s, tc);

  tc = tcase_create("runs");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_writing_only_in_a_postcondition);
  tcase_add_test(tc, test_out_of_memory_stops_cleanly);
  tcase_add_test(tc, test_trace_file_replay);
  suite_add_tcase(s, tc);
  return s;
}
