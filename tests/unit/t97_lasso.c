/* t97_lasso.c -- liveness in the symbolic engine (src/engine/lasso.c).
 *
 * (a) The tiny specs of t92 (each temporal and fairness form): both
 * engines run, and the symbolic verdict must be the explicit one; for a
 * violation, the symbolic lasso's length (a shortest one) and its last
 * line are asserted.  (b) TLC's reference cases on LiveDemo
 * (../shared/tlc_reference, skipped when absent): TLC's verdict, and the
 * lasso line for line where the shortest lasso is TLC's.  (c) what is
 * refused (exit 255, located) and the replay's guard against a wrong
 * model. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clirun.h"
#include "fixture.h"

static bool has_line(const char *out, const char *line) {
  size_t n = strlen(line);
  for (const char *p = out; p && *p;) {
    if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
      return true;
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return false;
}

/* ---------------------------------------------------------------------
 * (a) the forms, on t92's specs */

#include "livespecs.h"

typedef struct LCase {
  const char *base, *spec, *prop, *cfg;
  int exit;         /* both engines */
  int steps;        /* the symbolic lasso's steps (exit 13) */
  const char *line; /* a line the symbolic output must have, or NULL */
} LCase;

static const LCase cases[] = {
    {COUNTER, "Spec", "<>(x = 2)", "", 13, 1, "State 2: Stuttering"},
    {COUNTER, "Fair", "<>(x = 2)", "", 0, 0, NULL},
    {COUNTER, "Fair", "[]<>(x = 2)", "", 0, 0, NULL},
    {COUNTER, "Spec", "[]<>(x = 2)", "", 13, 1, NULL},
    {CYCLE, "Fair", "[]<>(x = 1)", "", 0, 0, NULL},
    {CYCLE, "Fair", "<>[](x = 1)", "", 13, 2,
     "Back to state 1: <Next line 5, col 9 to line 5, col 18 of module M>"},
    {COUNTER, "Fair", "<>[](x = 2)", "", 0, 0, NULL},
    {COUNTER, "Fair", "(x = 1) ~> (x = 2)", "", 0, 0, NULL},
    {COUNTER, "Spec", "(x = 1) ~> (x = 2)", "", 13, 2, NULL},
    {CYCLE, "Fair", "(x = 1) ~> (x = 0)", "", 0, 0, NULL},
    {COUNTER, "Spec", "\\A i \\in {1} : [][x' > x]_x", "", 0, 0, NULL},
    {CYCLE, "Spec", "\\A i \\in {1} : [][x' > x]_x", "", 13, 2, NULL},
    {COUNTER, "Spec", "<><<Next>>_x", "", 13, 1, "State 2: Stuttering"},
    {COUNTER, "Fair", "<><<Next>>_x", "", 0, 0, NULL},
    {CYCLE, "Fair", "[]<><<Next>>_x", "", 0, 0, NULL},
    {COUNTER, "Fair", "[]<><<Next>>_x", "", 13, 3, "State 4: Stuttering"},
    {COUNTER, "Fair", "<>[][FALSE]_x", "", 0, 0, NULL},
    {CYCLE, "Fair", "<>[][FALSE]_x", "", 13, 2, NULL},
    {COUNTER, "Spec", "<>(x = 2) \\/ [](x = 0)", "", 13, 2, NULL},
    {COUNTER, "Spec", "<>(x = 1) \\/ [](x = 0)", "", 0, 0, NULL},
    {COUNTER, "Fair", "<>(x = 2) /\\ [](x <= 2)", "", 0, 0, NULL},
    {CYCLE, "Fair", "[]<>(x = 0) /\\ []<>(x = 1)", "", 0, 0, NULL},
    {COUNTER, "Fair", "<>[]~ENABLED <<Next>>_x", "", 0, 0, NULL},
    {COUNTER, "Spec", "<>[]~ENABLED <<Next>>_x", "", 13, 1, NULL},
    {TOGGLE, "WFSpec", "<>acted", "", 13, 2, NULL},
    {TOGGLE, "SFSpec", "<>acted", "", 0, 0, NULL},
    {PROCS, "AllFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n", 0, 0,
     NULL},
    {PROCS, "OneFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n", 13, 2,
     NULL},
    {PROCS, "OneFair", "\\E p \\in P : Done(p)", "CONSTANT P = {1, 2}\n", 0, 0,
     NULL},
    {COUNTER, "Fair", "A!ASpec", "", 0, 0, NULL},
    {COUNTER, "Spec", "A!ASpec", "", 13, 1,
     "Error: Temporal property Prop was violated."},
    /* outside the supported forms: a located refusal by both */
    {COUNTER, "RefSpec", "<>(x = 2)", "", 255, 0, NULL},
    /* B!ESpec (an instance's WF over d <- (x = 2)): the explicit engine
     * answers, the symbolic one refuses (t92, tests/specs/expected.tsv) */
};

#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

static void setup(void) { fixture_setup("lasso"); }
static void teardown(void) { fixture_teardown(); }

/* extra: one more option, or NULL. */
static Out run_case_with(const LCase *c, const char *engine,
                         const char *extra) {
  char tla[4096], cfg[512];
  snprintf(tla, sizeof tla, "---- MODULE M ----\n%sProp == %s\n====\n", c->base,
           c->prop);
  snprintf(cfg, sizeof cfg,
           "SPECIFICATION %s\nPROPERTY Prop\n"
           "CHECK_DEADLOCK FALSE\n%s",
           c->spec, c->cfg);
  fixture_write("M.tla", tla);
  fixture_write("M.cfg", cfg);
  fixture_write("Abs.tla", "---- MODULE Abs ----\nEXTENDS Naturals\n"
                           "VARIABLE c\nANext == c < 2 /\\ c' = c + 1\n"
                           "ASpec == c = 0 /\\ [][ANext]_c /\\ WF_c(ANext)\n"
                           "====\n");
  fixture_write("AbsE.tla", "---- MODULE AbsE ----\nVARIABLE d\n"
                            "ENext == d' = TRUE\n"
                            "ESpec == d = FALSE /\\ [][ENext]_d /\\ "
                            "WF_d(ENext)\n====\n");
  char *tp = cli_in_dir("M.tla"), *cp = cli_in_dir("M.cfg");
  const char *argv[] = {"check",    "--engine", engine, "--length", "6",
                        "--config", cp,         tp,     extra,      NULL};
  Out r = cli_run(argv);
  free(tp);
  free(cp);
  return r;
}

static Out run_case(const LCase *c, const char *engine) {
  return run_case_with(c, engine, NULL);
}

/* The symbolic engine's run of case i (with one more option, or NULL)
 * against what the case expects. */
static void check_symbolic(const LCase *c, int i, const char *extra) {
  Out r = run_case_with(c, "symbolic", extra);
  ck_assert_msg(r.status == c->exit,
                "case %d (%s under %s): symbolic exit %d, expected %d\n%s%s",
                i, c->prop, c->spec, r.status, c->exit, r.out, r.err);
  if (c->exit == 13) {
    char want[128];
    snprintf(want, sizeof want, "by a lasso of %d step%s (a shortest one",
             c->steps, c->steps == 1 ? "" : "s");
    ck_assert_msg(strstr(r.out, want) &&
                      has_line(r.out, "Error: The following behavior "
                                      "constitutes a counter-example:"),
                  "case %d: not `%s`:\n%s", i, want, r.out);
    ck_assert_msg(!strstr(r.err, "internal error"), "case %d: %s", i, r.err);
  }
  if (c->exit == 0)
    ck_assert_msg(strstr(r.out, "brink: no lasso of up to 6 steps violates "
                                "the temporal propert"),
                  "case %d: %s", i, r.out);
  if (c->exit == 255)
    ck_assert_msg(strstr(r.out, "brink: not checked: temporal property ") &&
                      strstr(r.out, ".tla:"),
                  "case %d: %s%s", i, r.out, r.err);
  if (c->line)
    ck_assert_msg(has_line(r.out, c->line), "case %d: no `%s`:\n%s", i,
                  c->line, r.out);
  cli_out_free(&r);
}

START_TEST(test_form) {
  const LCase *c = &cases[_i];
  Out x = run_case(c, "explicit");
  ck_assert_msg(x.status == c->exit, "case %d (%s under %s): explicit exit %d",
                _i, c->prop, c->spec, x.status);
  cli_out_free(&x);
  check_symbolic(c, _i, NULL);
}
END_TEST

/* The same forms with every fairness condition's ENABLED left to the
 * lasso search's refinement (--test-lazy-enabled; lasso.c, fair_enabled):
 * the same verdicts and the same shortest lassos. */
START_TEST(test_form_lazy) {
  check_symbolic(&cases[_i], _i, "--test-lazy-enabled");
}
END_TEST

/* The same forms with the lasso search encoding its own frames rather than
 * taking the safety unrolling's (--lasso-own-frames; lasso.c, "the
 * unrolling's frames"): the same verdicts and the same shortest lassos.
 * (The cases' CHECK_DEADLOCK FALSE puts the unrolling's facts on a solver
 * of the search's own, each under its frame's being a state.) */
START_TEST(test_form_own) {
  check_symbolic(&cases[_i], _i, "--lasso-own-frames");
}
END_TEST

/* A grid: five fairness assumptions times twelve properties on one spec
 * (two processes and a counter), with both engines' verdict, which they
 * agree on (a 60-run differential check, measured 2026-12-07). */
#define GRID                                                                   \
  "EXTENDS Naturals\n"                                                         \
  "CONSTANT P\n"                                                               \
  "VARIABLES pc, n\n"                                                          \
  "vars == <<pc, n>>\n"                                                        \
  "Init == pc = [p \\in P |-> \"a\"] /\\ n = 0\n"                              \
  "Go(p) == pc[p] = \"a\" /\\ pc' = [pc EXCEPT ![p] = \"b\"] /\\ "             \
  "n' = (n + 1) % 3\n"                                                         \
  "Back(p) == pc[p] = \"b\" /\\ n > 0 /\\ pc' = [pc EXCEPT ![p] = \"a\"] "     \
  "/\\ UNCHANGED n\n"                                                          \
  "Tick == n' = (n + 1) % 3 /\\ UNCHANGED pc\n"                                \
  "Next == (\\E p \\in P : Go(p) \\/ Back(p)) \\/ Tick\n"                      \
  "S0 == Init /\\ [][Next]_vars\n"                                             \
  "S1 == S0 /\\ WF_vars(Tick)\n"                                               \
  "S2 == S0 /\\ \\A p \\in P : WF_vars(Back(p))\n"                             \
  "S3 == S0 /\\ \\A p \\in P : SF_vars(Back(p)) /\\ WF_vars(Tick)\n"           \
  "S4 == S0 /\\ \\A p \\in P : WF_vars(Go(p)) /\\ SF_vars(Back(p)) /\\ "       \
  "WF_vars(Tick)\n"

static const char *const grid_props[12] = {
    "<>(n = 2)",
    "[]<>(n = 0)",
    "<>[](n # 1)",
    "\\A p \\in P : (pc[p] = \"b\") ~> (pc[p] = \"a\")",
    "\\E p \\in P : []<>(pc[p] = \"b\")",
    "[]<><<Tick>>_vars",
    "<>[](\\A p \\in P : pc[p] = \"a\")",
    "[]<>(ENABLED <<Tick>>_vars)",
    "<>[]~ENABLED <<\\E p \\in P : Back(p)>>_vars",
    "[]((n = 1) => <>(n = 2)) /\\ <>(pc # [p \\in P |-> \"a\"])",
    "<>[][n' >= n]_n",
    "[][n' # 2]_n",
};

/* 1: violated (13), 0: holds. */
static const char grid_verdict[5][13] = {"111111101111", "001110101111",
                                         "111111101111", "001010101111",
                                         "001000101011"};

/* deadlock: the cfg checks it (the grid has none), which lets the lasso
 * search run on the safety unrolling's own solver (lasso.h's
 * LassoFrames). */
static void grid_case_in(int i, const char *extra, bool deadlock) {
  int spec = i / 12, prop = i % 12;
  char sname[16];
  snprintf(sname, sizeof sname, "S%d", spec);
  LCase c = {GRID,
             sname,
             grid_props[prop],
             deadlock ? "CONSTANT P = {1, 2}\nCHECK_DEADLOCK TRUE\n"
                      : "CONSTANT P = {1, 2}\n",
             grid_verdict[spec][prop] == '1' ? 13 : 0,
             0,
             NULL};
  Out x = run_case(&c, "explicit");
  Out r = run_case_with(&c, "symbolic", extra);
  ck_assert_msg(x.status == c.exit && r.status == c.exit,
                "%s under %s%s%s: explicit %d, symbolic %d, expected %d\n%s%s",
                c.prop, sname, extra ? " " : "", extra ? extra : "", x.status,
                r.status, c.exit, r.out, r.err);
  ck_assert_msg(!strstr(r.err, "internal error"), "%s", r.err);
  cli_out_free(&x);
  cli_out_free(&r);
}

static void grid_case(int i, const char *extra) {
  grid_case_in(i, extra, false);
}

START_TEST(test_grid) { grid_case(_i, NULL); }
END_TEST

/* The grid with the deadlock checked: the lasso search on the safety
 * unrolling's solver, and (--test-lasso-replay) with its facts on a
 * solver of the search's own. */
START_TEST(test_grid_deadlock) { grid_case_in(_i, NULL, true); }
END_TEST

START_TEST(test_grid_replay) {
  grid_case_in(_i, "--test-lasso-replay", true);
}
END_TEST

/* The grid with fairness's ENABLED left to refinement. */
START_TEST(test_grid_lazy) { grid_case(_i, "--test-lazy-enabled"); }
END_TEST

/* A CONSTRAINT: the lassos stay in the states it allows, as the explicit
 * engine's graph does (x < 3 of an unbounded walk). */
#define WALK                                                                   \
  "EXTENDS Naturals\n"                                                         \
  "VARIABLE x\n"                                                               \
  "Init == x = 0\n"                                                            \
  "Next == x' = x + 1 \\/ (x > 0 /\\ x' = x - 1)\n"                            \
  "Spec == Init /\\ [][Next]_x\n"                                              \
  "Fair == Spec /\\ WF_x(Next)\n"                                              \
  "Small == x < 3\n"

static const LCase walk_cases[] = {
    {WALK, "Spec", "<>(x = 5)", "CONSTRAINT Small\n", 13, 1, NULL},
    {WALK, "Spec", "[]<>(x = 0)", "CONSTRAINT Small\n", 13, 2, NULL},
    {WALK, "Fair", "<>(x = 5)", "CONSTRAINT Small\n", 13, 2, NULL},
    {WALK, "Fair", "[]<>(x = 0)", "CONSTRAINT Small\n", 13, 0, NULL},
    {WALK, "Fair", "<>[](x > 0)", "CONSTRAINT Small\n", 13, 0, NULL},
    {WALK, "Fair", "(x = 2) ~> (x = 1)", "CONSTRAINT Small\n", 0, 0, NULL},
};

START_TEST(test_constraint) {
  const LCase *c = &walk_cases[_i];
  Out x = run_case(c, "explicit");
  Out r = run_case(c, "symbolic");
  ck_assert_msg(x.status == c->exit && r.status == c->exit,
                "%s under %s: explicit %d, symbolic %d, expected %d\n%s%s",
                c->prop, c->spec, x.status, r.status, c->exit, r.out, r.err);
  if (c->steps) {
    char want[64];
    snprintf(want, sizeof want, "by a lasso of %d step", c->steps);
    ck_assert_msg(strstr(r.out, want), "%s: %s", c->prop, r.out);
  }
  ck_assert_msg(!strstr(r.err, "internal error"), "%s", r.err);
  cli_out_free(&x);
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * (b) TLC's reference cases */

static char *lasso_lines(const char *out) {
  const char *p = strstr(out, "Error: Temporal property");
  if (!p)
    return xstrdup("");
  const char *end = strstr(p, "Finished checking temporal properties");
  if (!end)
    end = strstr(p, "brink: temporal property");
  size_t n = end ? (size_t)(end - p) : strlen(p);
  char *s = malloc(n + 1);
  memcpy(s, p, n);
  s[n] = 0;
  return s;
}

START_TEST(test_tlc_reference) {
  static const char *const names[] = {"Stutter", "Loop", "LeadsTo", "InfOften"};
  /* Stutter: TLC's lasso has 2 steps, a shortest one has 1. */
  static const int steps[] = {1, 4, 4, 4};
  const char *c = names[_i];
  const char *sh = getenv("SHARED");
  char dir[512], tla[600], cfg[600], ref[600];
  snprintf(dir, sizeof dir, "%s/tlc_reference", sh && *sh ? sh : "../shared");
  snprintf(tla, sizeof tla, "%s/LiveDemo.tla", dir);
  snprintf(cfg, sizeof cfg, "%s/%s.cfg", dir, c);
  snprintf(ref, sizeof ref, "%s/%s.out", dir, c);
  if (access(ref, R_OK) != 0) {
    fprintf(stderr, "t97: %s is absent; the TLC reference test is skipped\n",
            ref);
    return;
  }
  const char *argv[] = {"check", "--length", "8", "--config", cfg, tla, NULL};
  Out r = cli_run(argv);
  ck_assert_msg(r.status == 13, "%s: exit %d\n%s%s", c, r.status, r.out, r.err);
  char want[128];
  snprintf(want, sizeof want, "by a lasso of %d step%s", steps[_i],
           steps[_i] == 1 ? "" : "s");
  ck_assert_msg(strstr(r.out, want), "%s: %s", c, r.out);
  if (steps[_i] > 1) {
    char *tlc = cli_slurp(ref);
    char *got = lasso_lines(r.out), *exp = lasso_lines(tlc);
    ck_assert_msg(*exp && strcmp(got, exp) == 0,
                  "%s: the lasso differs from TLC's\n--- brink\n%s--- TLC\n%s",
                  c, got, exp);
    free(got);
    free(exp);
    free(tlc);
  }
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * (c) refusals and the replay guard */

START_TEST(test_refusals) {
  /* an ACTION_CONSTRAINT cuts TLC's graph by steps: refused, located at the
   * property */
  fixture_write("C.tla", "---- MODULE C ----\nEXTENDS Naturals\nVARIABLE x\n"
                         "Init == x = 0\nNext == x' = x + 1\n"
                         "Spec == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                         "Prop == <>(x = 3)\nSmall == x' < 5\n====\n");
  fixture_write("C.cfg", "SPECIFICATION Spec\nPROPERTY Prop\n"
                         "ACTION_CONSTRAINT Small\nCHECK_DEADLOCK FALSE\n");
  char *tp = cli_in_dir("C.tla"), *cp = cli_in_dir("C.cfg");
  const char *argv[] = {"check", "--length", "4", "--config", cp, tp, NULL};
  Out r = cli_run(argv);
  ck_assert_msg(r.status == 255, "exit %d\n%s%s", r.status, r.out, r.err);
  ck_assert_msg(
      strstr(r.out, "brink: not checked: temporal property Prop at ") &&
          strstr(r.out, "C.tla:7:"),
      "%s", r.out);
  ck_assert_msg(strstr(r.out, "ACTION_CONSTRAINT"), "%s", r.out);
  cli_out_free(&r);
  /* --safety-only: no lasso is looked for */
  const char *argv2[] = {
      "check", "--safety-only", "--length", "4", "--config", cp, tp, NULL};
  r = cli_run(argv2);
  ck_assert_msg(r.status == 0, "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
  free(tp);
  free(cp);
}
END_TEST

/* An atom that may fail to evaluate, and TLCGet("level"): refused, with
 * the construct's location. */
START_TEST(test_refused_atoms) {
  fixture_write("R.tla", "---- MODULE R ----\nEXTENDS Naturals, TLC\n"
                         "VARIABLE x\nInit == x = 0\n"
                         "Next == x < 2 /\\ x' = x + 1\n"
                         "Spec == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                         "Bad == <>(<<1, 2>>[x + 1] = 2)\n"
                         "Lvl == <>(TLCGet(\"level\") > 2)\n====\n");
  static const char *const props[] = {"Bad", "Lvl"};
  static const char *const wants[] = {
      "the symbolic engine cannot check it: evaluating the formula may fail "
      "in a reachable state (",
      "the symbolic engine cannot check it: "};
  static const char *const where[] = {"R.tla:7:11: a function is applied",
                                      "R.tla:8:11: error: TLCGet"};
  for (int i = 0; i < 2; i++) {
    char cfg[128];
    snprintf(cfg, sizeof cfg,
             "SPECIFICATION Spec\nPROPERTY %s\nCHECK_DEADLOCK FALSE\n",
             props[i]);
    fixture_write("R.cfg", cfg);
    char *tp = cli_in_dir("R.tla"), *cp = cli_in_dir("R.cfg");
    const char *argv[] = {"check", "--length", "4", "--config", cp, tp, NULL};
    Out r = cli_run(argv);
    ck_assert_msg(r.status == 255, "%s: exit %d\n%s%s", props[i], r.status,
                  r.out, r.err);
    ck_assert_msg(strstr(r.out, wants[i]) && strstr(r.out, where[i]), "%s: %s",
                  props[i], r.out);
    cli_out_free(&r);
    free(tp);
    free(cp);
  }
}
END_TEST

/* How the search lets steps stutter (lasso.c's "stuttering steps"), on x
 * climbing 0, 1, 2 under WF.  Two properties: the first holds, and its
 * search makes every early step of its solver a Next step; the second's
 * shortest lasso stutters for ever at the state where x stops, on a
 * solver of its own.  Then an action beside a temporal formula under \/,
 * which SANY refuses ("\lor has both temporal formula and action as
 * arguments"), and so does brink, before either engine runs (the symbolic
 * engine used to answer it and the explicit one to fail its replay). */
START_TEST(test_stuttering_steps) {
  fixture_write("M.tla", "---- MODULE M ----\nEXTENDS Naturals\n"
                         "VARIABLE x\nInit == x = 0\n"
                         "Next == x < 2 /\\ x' = x + 1\n"
                         "Fair == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                         "P1 == []<>(x = 2)\nP2 == <>(x = 5)\n====\n");
  fixture_write("M.cfg", "SPECIFICATION Fair\nPROPERTY P1 P2\n"
                         "CHECK_DEADLOCK FALSE\n");
  const char *argv[] = {"check", "--length", "6", "M.tla", NULL};
  Out r = cli_run(argv);
  ck_assert_msg(r.status == 13 &&
                    strstr(r.out, "temporal property P2 is violated by a "
                                  "lasso of 3 steps") &&
                    has_line(r.out, "State 4: Stuttering"),
                "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
  fixture_write("M.tla", "---- MODULE M ----\nEXTENDS Naturals\n"
                         "VARIABLE x\nInit == x = 0\n"
                         "Next == x < 2 /\\ x' = x + 1\n"
                         "Fair == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                         "P3 == (x' # x) \\/ <>(x = 5)\n====\n");
  fixture_write("M.cfg", "SPECIFICATION Fair\nPROPERTY P3\n"
                         "CHECK_DEADLOCK FALSE\n");
  r = cli_run(argv);
  ck_assert_msg(r.status == 150 &&
                    strstr(r.err, "M.tla:7:7: error: level error: a logical "
                                  "operator has both a temporal formula and "
                                  "an action as arguments"),
                "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
}
END_TEST

/* The properties share a solver and are searched bound by bound: the
 * lasso shown is a shortest one over them all (P2's 3 steps, where P1,
 * first in the model, needs 6), and a property alone keeps its own. */
START_TEST(test_shortest_over_properties) {
  fixture_write("M.tla", "---- MODULE M ----\nEXTENDS Naturals\n"
                         "VARIABLE x\nInit == x = 0\n"
                         "Next == \\/ x < 5 /\\ x' = x + 1\n"
                         "        \\/ x = 5 /\\ x' = 0\n"
                         "        \\/ x = 0 /\\ x' = 10\n"
                         "        \\/ x = 10 /\\ x' = 11\n"
                         "        \\/ x = 11 /\\ x' = 10\n"
                         "Fair == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                         "P1 == []<>(x = 10)\nP2 == []<>(x = 3)\n====\n");
  fixture_write("M.cfg", "SPECIFICATION Fair\nPROPERTY P1 P2\n");
  fixture_write("M1.cfg", "SPECIFICATION Fair\nPROPERTY P1\n");
  const char *argv[] = {"check", "--length", "8", "M.tla", NULL};
  Out r = cli_run(argv);
  ck_assert_msg(r.status == 13 &&
                    strstr(r.out, "temporal property P2 is violated by a "
                                  "lasso of 3 steps (a shortest one; the "
                                  "loop starts at state 2)"),
                "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
  const char *argv1[] = {"check", "--length", "8", "--config", "M1.cfg",
                         "M.tla", NULL};
  r = cli_run(argv1);
  ck_assert_msg(r.status == 13 &&
                    strstr(r.out, "temporal property P1 is violated by a "
                                  "lasso of 6 steps (a shortest one; the "
                                  "loop starts at state 1)"),
                "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_corrupt_model) {
  const LCase *c = &cases[0];
  Out r = run_case_with(c, "symbolic", "--test-corrupt-model");
  ck_assert_msg(r.status == 255, "exit %d\n%s%s", r.status, r.out, r.err);
  ck_assert_msg(strstr(r.err, "brink: internal error: the solver's lasso for "
                              "Prop does not replay"),
                "%s", r.err);
  ck_assert_msg(!strstr(r.out, "Error: Temporal property"), "%s", r.out);
  cli_out_free(&r);
}
END_TEST

Suite *lasso_suite(void) {
  Suite *s = suite_create("lasso");
  TCase *tc = tcase_create("forms");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, test_form, 0, N_CASES);
  tcase_add_loop_test(tc, test_grid, 0, 60);
  tcase_add_loop_test(tc, test_form_lazy, 0, N_CASES);
  tcase_add_loop_test(tc, test_grid_lazy, 0, 60);
  tcase_add_loop_test(tc, test_form_own, 0, N_CASES);
  tcase_add_loop_test(tc, test_grid_deadlock, 0, 60);
  tcase_add_loop_test(tc, test_grid_replay, 0, 60);
  tcase_add_loop_test(tc, test_constraint, 0, 6);
  tcase_add_test(tc, test_stuttering_steps);
  tcase_add_test(tc, test_shortest_over_properties);
  suite_add_tcase(s, tc);
  tc = tcase_create("tlc_reference");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, test_tlc_reference, 0, 4);
  suite_add_tcase(s, tc);
  tc = tcase_create("refusals");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_refusals);
  tcase_add_test(tc, test_refused_atoms);
  tcase_add_test(tc, test_corrupt_model);
  suite_add_tcase(s, tc);
  return s;
}
