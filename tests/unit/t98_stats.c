/* t98_stats.c -- `--stats` (issue 17's measurements): the lines' shape on
 * both back ends, the counts positive and growing with depth, the terms
 * attributed to Init, each action and each invariant, and nothing of it
 * without the option.  No timing is asserted: only that times are printed.
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory holding
 * Grow, a spec whose frames grow with depth (a set of numbers added and
 * removed by two actions). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

static const char *const GROW =
    "---- MODULE Grow ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, s\n"
    "Init == x = 0 /\\ s = {}\n"
    "Add == x < 5 /\\ x' = x + 1 /\\ s' = s \\cup {x}\n"
    "Drop == s # {} /\\ \\E e \\in s : s' = s \\ {e} /\\ x' = x\n"
    "Next == Add \\/ Drop\n"
    "Bounded == x <= 5\n"
    "Below == \\A e \\in s : e < x\n"
    "====\n";

static void setup(void) {
  fixture_setup("stats");
  fixture_write("Grow.tla", GROW);
  fixture_write("Grow.cfg", "INIT Init\nNEXT Next\nINVARIANT Bounded Below\n");
}

enum { DEPTHS = 5 };

/* The line of err that starts with prefix (NULL: none), up to its end. */
static char *line_of(const char *err, const char *prefix) {
  const char *p = strstr(err, prefix);
  if (!p)
    return NULL;
  size_t n = strcspn(p, "\n");
  char *l = malloc(n + 1);
  memcpy(l, p, n);
  l[n] = '\0';
  return l;
}

/* A count written as "N <what>" in line, or -1. */
static long count_before(const char *line, const char *what) {
  const char *p = strstr(line, what);
  if (!p)
    return -1;
  while (p > line && p[-1] == ' ')
    p--;
  while (p > line && p[-1] >= '0' && p[-1] <= '9')
    p--;
  return strtol(p, NULL, 10);
}

static void check_backend(const char *backend) {
  const char *a[] = {"check",   "--stats",  "--length", "4", "--backend",
                     backend, "Grow.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 4 steps");
  long terms[DEPTHS], sat[DEPTHS];
  for (int k = 0; k < DEPTHS; k++) {
    char prefix[64];
    snprintf(prefix, sizeof prefix, "brink: stats depth %d: encode ", k);
    char *l = line_of(r.err, prefix);
    ck_assert_msg(l != NULL, "%s: no \"%s\" in stderr:\n%s", backend, prefix,
                  r.err);
    ck_assert_msg(strstr(l, " s, translate ") && strstr(l, " s, solve ") &&
                      strstr(l, " quer"),
                  "%s", l);
    char frame[32];
    snprintf(frame, sizeof frame, "; frame %d: ", k);
    ck_assert_msg(strstr(l, frame), "%s", l);
    terms[k] = count_before(l, " terms (+");
    ck_assert_msg(terms[k] > 0, "%s", l);
    if (strcmp(backend, "cadical") == 0) {
      sat[k] = count_before(l, " clauses");
      ck_assert_msg(count_before(l, " AIG nodes") > 0 && sat[k] > 0 &&
                        count_before(l, " vars") > 0,
                    "%s", l);
    } else {
      sat[k] = count_before(l, " terms translated");
      ck_assert_msg(sat[k] >= 0 && !strstr(l, "AIG"), "%s", l);
    }
    if (k > 0)
      ck_assert_msg(terms[k] > terms[k - 1] && sat[k] >= sat[k - 1],
                    "%s: not growing at depth %d:\n%s", backend, k, r.err);
    free(l);
    /* The terms by formula: Init first, then each step's Next and both
     * invariants. */
    snprintf(prefix, sizeof prefix, "brink: stats depth %d terms: ", k);
    l = line_of(r.err, prefix);
    ck_assert_msg(l != NULL, "no \"%s\" in stderr:\n%s", prefix, r.err);
    if (k == 0)
      ck_assert_msg(strstr(l, "Init +"), "%s", l);
    if (k >= 3)
      ck_assert_msg(strstr(l, "Next +") && strstr(l, "(Add +") &&
                        strstr(l, "Drop +") && strstr(l, "invariants +") &&
                        strstr(l, "Below +"),
                    "%s", l);
    ck_assert_msg(strstr(l, "other +"), "%s", l);
    free(l);
    /* The cells of each variable: s holds a cell per number added. */
    snprintf(prefix, sizeof prefix, "brink: stats depth %d cells: x ", k);
    l = line_of(r.err, prefix);
    ck_assert_msg(l && strstr(l, ", s "), "no \"%s\" in stderr:\n%s", prefix,
                  r.err);
    if (k >= 1)
      ck_assert_msg(strtol(strstr(l, ", s ") + 4, NULL, 10) > 0, "%s", l);
    free(l);
  }
  ck_assert_msg(sat[DEPTHS - 1] > 0, "%s", r.err);
  ck_assert_msg(!strstr(r.err, "brink: stats depth 5"), "%s", r.err);
  char *l = line_of(r.err, "brink: stats total: encode ");
  ck_assert_msg(l && strstr(l, " s of CPU in all, ") &&
                    strstr(l, " s of wall clock, ") &&
                    strstr(l, " queries"),
                "%s", r.err);
  free(l);
  l = line_of(r.err, "brink: stats terms by formula: Init ");
  ck_assert_msg(l && strstr(l, "Next ") && strstr(l, "Add ") &&
                    strstr(l, "Drop ") && strstr(l, "invariants ") &&
                    strstr(l, "Bounded ") && strstr(l, "Below ") &&
                    strstr(l, "deadlock "),
                "%s", r.err);
  free(l);
  cli_out_free(&r);
}

START_TEST(test_stats_cadical) { check_backend("cadical"); }
END_TEST

START_TEST(test_stats_z3) { check_backend("z3"); }
END_TEST

START_TEST(test_stats_auto_and_violation) {
  /* auto passes the counters of the back end it runs on; a violation
   * still ends with the summary. */
  fixture_write("Small.cfg", "INIT Init\nNEXT Next\nINVARIANT Small\n");
  fixture_write("Small.tla", "---- MODULE Small ----\nEXTENDS Naturals\n"
                             "VARIABLE x\nInit == x = 0\n"
                             "Next == x' = x + 1\nSmall == x < 2\n====\n");
  const char *a[] = {"check", "--stats", "Small.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "brink: invariant Small is violated after 2 steps");
  EXPECT(r, 12, err, "brink: stats depth 1: encode ");
  ck_assert_msg(strstr(r.err, " clauses, ") &&
                    strstr(r.err, "brink: stats total: encode ") &&
                    !strstr(r.err, "brink: stats depth 2"),
                "%s", r.err);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_stats_lasso) {
  /* A line per bound of the lasso search, with the answer and the lasso
   * solver's sizes; the violation is found at bound 3. */
  fixture_write("Live.cfg", "SPECIFICATION Spec\nPROPERTY Reach\n");
  fixture_write("Live.tla",
                "---- MODULE Live ----\nEXTENDS Naturals\nVARIABLE x\n"
                "Init == x = 0\nNext == x' = (x + 1) % 3\n"
                "Spec == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
                "Reach == <>(x = 5)\n====\n");
  const char *a[] = {"check", "--stats", "--backend", "cadical",
                     "--length", "5", "Live.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 13, out, "violated by a lasso of 3 steps");
  for (int k = 1; k <= 3; k++) {
    char prefix[64];
    snprintf(prefix, sizeof prefix, "brink: stats lasso Reach k=%d: encode ",
             k);
    char *l = line_of(r.err, prefix);
    ck_assert_msg(l != NULL, "no \"%s\" in stderr:\n%s", prefix, r.err);
    ck_assert_msg(strstr(l, " s, translate ") && strstr(l, " s, solve ") &&
                      strstr(l, k < 3 ? "(unsat)" : "(sat)") &&
                      count_before(l, " terms (+") > 0 &&
                      count_before(l, " clauses") > 0,
                  "%s", l);
    free(l);
  }
  ck_assert_msg(!strstr(r.err, "brink: stats lasso Reach k=4"), "%s", r.err);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_stats_lasso_solver) {
  /* Which frames and solver the lasso search takes (src/engine/driver.c,
   * "dead ends"): with a CONSTRAINT and CHECK_DEADLOCK FALSE, the
   * unrolling's solver where every state has a successor within the
   * CONSTRAINT (Wrap: x = 3 goes back to 0), its facts replayed on a
   * solver of their own where x = 3 is a dead end (Up only; a fair Up
   * enabled there leaves no lasso, as in TLC's graph, where x = 4 is
   * not), and frames of its own with --lasso-own-frames. */
  fixture_write("Wrap.tla",
                "---- MODULE Wrap ----\nEXTENDS Naturals\nVARIABLE x\n"
                "Init == x = 0\nUp == x' = x + 1\n"
                "Reset == x > 0 /\\ x' = 0\n"
                "Spec == Init /\\ [][Up \\/ Reset]_x /\\ WF_x(Up \\/ Reset)\n"
                "UpSpec == Init /\\ [][Up]_x /\\ WF_x(Up)\n"
                "Small == x <= 3\nReach == <>(x = 5)\n====\n");
  fixture_write("Wrap.cfg", "SPECIFICATION Spec\nCONSTRAINT Small\n"
                            "CHECK_DEADLOCK FALSE\nPROPERTY Reach\n");
  fixture_write("Up.cfg", "SPECIFICATION UpSpec\nCONSTRAINT Small\n"
                          "CHECK_DEADLOCK FALSE\nPROPERTY Reach\n");
  static const struct {
    const char *cfg, *opt, *says, *verdict;
    int code;
  } cases[] = {
      {"Wrap.cfg", NULL, "the unrolling's frames, on its solver",
       "violated by a lasso of 2 steps", 13},
      {"Up.cfg", NULL, "the unrolling's frames, its facts on a solver of "
                       "their own",
       "no lasso of up to 6 steps violates", 0},
      {"Wrap.cfg", "--lasso-own-frames", "frames of its own",
       "violated by a lasso of 2 steps", 13},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *a[] = {"check", "--stats", "--backend", "cadical",
                       "--length", "6", "--config", cases[i].cfg,
                       "Wrap.tla", cases[i].opt, NULL};
    Out r = cli_run(a);
    EXPECT(r, cases[i].code, out, cases[i].verdict);
    char said[160];
    snprintf(said, sizeof said, "brink: stats lasso: %s\n", cases[i].says);
    ck_assert_msg(strstr(r.err, said) != NULL, "%s: no \"%s\" in:\n%s",
                  cases[i].cfg, said, r.err);
    cli_out_free(&r);
  }
}
END_TEST

START_TEST(test_no_stats_without_option) {
  const char *a[] = {"check", "--length", "4", "Grow.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "no invariant is violated");
  ck_assert_msg(!strstr(r.err, "stats"), "%s", r.err);
  cli_out_free(&r);
  /* The explicit engine has no such counters, and says so. */
  const char *b[] = {"check",    "--stats",       "--engine",
                     "explicit", "--no-deadlock", "Grow.tla", NULL};
  r = cli_run(b);
  EXPECT(r, 0, err, "brink: note: --stats has no effect with --engine "
                    "explicit");
  cli_out_free(&r);
}
END_TEST

/* The number printed for variable var at depth d in --stats' cells line. */
static long cells_at(const char *err, int d, const char *var) {
  char key[64];
  snprintf(key, sizeof key, "brink: stats depth %d cells: ", d);
  char *l = line_of(err, key);
  ck_assert_msg(l != NULL, "%s", err);
  char pat[32];
  snprintf(pat, sizeof pat, " %s ", var);
  const char *at = strstr(l, pat);
  ck_assert_msg(at != NULL, "%s", l);
  long n = strtol(at + strlen(pat), NULL, 10);
  free(l);
  return n;
}

/* A queue that Len(q) < 2 bounds: Append in one branch would add a
 * position to every frame; the cells no behaviour fills are dropped
 * (deadcells.c), so q keeps 2 from depth 2 on, and --no-trim shows the
 * growth.  The last frame (depth 8) is not trimmed: it has the 2 cells of
 * depth 7 and the one Append adds.  s, a set that gains a live element
 * every step, keeps every cell: after the first depth its question is
 * the effort-bounded one.  The answer is the same either way. */
START_TEST(test_dead_cells_trimmed) {
  fixture_write("Queue.tla", "---- MODULE Queue ----\n"
                             "EXTENDS Naturals, Sequences\n"
                             "VARIABLES q, s, n\n"
                             "Init == q = <<>> /\\ s = {} /\\ n = 0\n"
                             "Grow == n < 20 /\\ n' = n + 1 /\\ s' = s \\cup {n}\n"
                             "Next == \\/ Len(q) < 2 /\\ q' = Append(q, 7) /\\ Grow\n"
                             "        \\/ q # <<>> /\\ q' = Tail(q) /\\ Grow\n"
                             "Inv == \\A i \\in DOMAIN q : q[i] = 7\n====\n");
  fixture_write("Queue.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *backends[] = {"cadical", "z3"};
  for (int i = 0; i < 2; i++) {
    for (int trim = 1; trim >= 0; trim--) {
      const char *a[] = {"check",   "--stats",   "--length", "8", "--backend",
                         backends[i], trim ? "Queue.tla" : "--no-trim",
                         trim ? NULL : "Queue.tla", NULL};
      Out r = cli_run(a);
      EXPECT(r, 0, out, "no invariant is violated in executions of up to 8 "
                        "steps");
      ck_assert_int_eq(cells_at(r.err, 7, "q"), trim ? 2 : 7);
      ck_assert_int_eq(cells_at(r.err, 8, "q"), trim ? 3 : 8);
      ck_assert_int_eq(cells_at(r.err, 8, "s"), 8);
      cli_out_free(&r);
    }
  }
}
END_TEST

/* --induct (induct.h): TypeOK is inductive, so after depth 0 no depth asks
 * the unrolling about it: 1 query instead of 7 (one per depth) on both
 * back ends (without the bounds' questions); the violation of Small is still found after 1 step. */
START_TEST(test_induct_skips_queries) {
  fixture_write("Ring.tla", "---- MODULE Ring ----\nEXTENDS Naturals\n"
                            "VARIABLES x, y\n"
                            "Init == x = 0 /\\ y \\in 0..5\n"
                            "Next == x' = (x + y) % 3 /\\ y' \\in 0..5\n"
                            "TypeOK == x \\in 0..2 /\\ y \\in 0..5\n"
                            "Small == x < 2\n====\n");
  fixture_write("Ring.cfg", "INIT Init\nNEXT Next\nINVARIANT TypeOK\n");
  const char *backends[] = {"cadical", "z3"};
  for (int i = 0; i < 2; i++) {
    for (int ind = 0; ind < 2; ind++) {
      /* --no-tighten: the questions that bound x's frames (tighten.h)
       * would count too. */
      const char *a[] = {"check",     "--stats",     "--length", "6",
                         "--no-tighten", "--backend", backends[i],
                         ind ? "--induct" : "Ring.tla",
                         ind ? "Ring.tla" : NULL, NULL};
      Out r = cli_run(a);
      EXPECT(r, 0, out, "no invariant is violated in executions of up to 6 "
                        "steps");
      char *l = line_of(r.err, "brink: stats total: ");
      ck_assert_msg(l != NULL, "%s", r.err);
      ck_assert_msg(strstr(l, ind ? "wall clock, 1 query" : "wall clock, 7 queries"),
                    "%s: %s", backends[i], l);
      free(l);
      cli_out_free(&r);
    }
    const char *v[] = {"check", "--induct", "--length", "6", "--backend",
                       backends[i], "--inv", "Small", "Ring.tla", NULL};
    Out r = cli_run(v);
    EXPECT(r, 12, out, "invariant Small is violated after 1 step");
    cli_out_free(&r);
  }
}
END_TEST

/* PackRing's boxes (tests/specs) gain a cell with a computed key per
 * step; packed (packcells.h), box keeps the 13 cells of depth 3 (three
 * boxes, the constant initial token, one token cell per box, and their
 * fields) until the second token can join (depth 7), and --no-pack shows
 * the growth: 6 cells per step.  The answer is the same either way. */
START_TEST(test_cells_packed) {
  char *text = cli_slurp("tests/specs/PackRing.tla");
  ck_assert_msg(*text, "tests/specs/PackRing.tla not found");
  fixture_write("PackRing.tla", text);
  free(text);
  const char *spec = "PackRing.tla";
  const char *backends[] = {"cadical", "z3"};
  for (int i = 0; i < 2; i++) {
    for (int pack = 1; pack >= 0; pack--) {
      const char *a[] = {"check",     "--stats", "--length",  "8",
                         "--backend", backends[i], pack ? spec : "--no-pack",
                         pack ? NULL : spec,       NULL};
      Out r = cli_run(a);
      EXPECT(r, 0, out, "no invariant is violated in executions of up to 8 "
                        "steps");
      long want[2][9] = {{5, 7, 11, 17, 23, 29, 35, 41, 47},
                         {5, 7, 11, 13, 13, 13, 13, 15, 17}};
      for (int k = 0; k <= 8; k++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "brink: stats depth %d cells: box ", k);
        char *l = line_of(r.err, prefix);
        ck_assert_msg(l != NULL, "%s", r.err);
        long cells = strtol(l + strlen(prefix), NULL, 10);
        ck_assert_msg(cells == want[pack][k], "%s, %s: %s (want %ld)",
                      backends[i], pack ? "packed" : "--no-pack", l,
                      want[pack][k]);
        free(l);
      }
      cli_out_free(&r);
    }
  }
}
END_TEST

/* BitSetTowers' towers (tests/specs) are integers used as bit sets; each
 * action keeps them in 0..7, yet the bounds of their terms widen every
 * step and take in negative numbers.  The proved bounds (tighten.h) keep
 * the frames' towers non-negative and from widening (0..9: the lower end
 * is asked because the term's takes in negative numbers, the upper end is
 * the term's own, 2 bits short of being worth a question) on CaDiCaL;
 * --no-tighten shows the terms' own, and so does Z3, whose integers cost
 * the same whatever their bounds.  The answer is the same either way. */
START_TEST(test_bounds_tightened) {
  char *text = cli_slurp("tests/specs/BitSetTowers.tla");
  ck_assert_msg(*text, "tests/specs/BitSetTowers.tla not found");
  fixture_write("BitSetTowers.tla", text);
  free(text);
  text = cli_slurp("tests/specs/BitSetTowers.cfg");
  fixture_write("BitSetTowers.cfg", text);
  free(text);
  const char *spec = "BitSetTowers.tla";
  const char *backends[] = {"cadical", "z3"};
  for (int i = 0; i < 2; i++) {
    for (int on = 1; on >= 0; on--) {
      const char *a[] = {"check",     "--stats", "--length",  "6",
                         "--backend", backends[i], on ? spec : "--no-tighten",
                         on ? NULL : spec,         NULL};
      Out r = cli_run(a);
      EXPECT(r, 0, out, "no invariant is violated in executions of up to 6 "
                        "steps");
      char *l = line_of(r.err, "brink: stats depth 6 bounds: towers ");
      ck_assert_msg(l != NULL, "%s", r.err);
      const char *want = on && i == 0
                             ? "brink: stats depth 6 bounds: towers 0..9"
                            : "brink: stats depth 6 bounds: towers -17..23";
      ck_assert_msg(strcmp(l, want) == 0, "%s, %s: %s (want %s)",
                    backends[i], on ? "tightened" : "--no-tighten", l, want);
      free(l);
      cli_out_free(&r);
    }
  }
}
END_TEST

Suite *stats_suite(void) {
  Suite *s = suite_create("stats");
  TCase *tc = tcase_create("stats");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_stats_cadical);
  tcase_add_test(tc, test_stats_z3);
  tcase_add_test(tc, test_stats_auto_and_violation);
  tcase_add_test(tc, test_stats_lasso);
  tcase_add_test(tc, test_stats_lasso_solver);
  tcase_add_test(tc, test_bounds_tightened);
  tcase_add_test(tc, test_no_stats_without_option);
  tcase_add_test(tc, test_dead_cells_trimmed);
  tcase_add_test(tc, test_induct_skips_queries);
  tcase_add_test(tc, test_cells_packed);
  suite_add_tcase(s, tc);
  return s;
}
