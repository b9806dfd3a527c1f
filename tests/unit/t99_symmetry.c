/* t99_symmetry.c -- one behaviour per renaming (symmetric.h, symbreak.h):
 * a spec symmetric in a constant set is found so, and the verdicts and
 * depths are those without the constraints (--no-symmetry) on both back
 * ends, for violations, deadlocks and clean runs; a spec that can tell
 * the elements apart is not taken for symmetric.
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

/* Apalache's SetSndRcv: the three sets are empty after 2N steps. */
static const char *const SNDRCV =
    "---- MODULE SndRcv ----\n"
    "CONSTANT Values\n"
    "VARIABLE sender, receiver, medium\n"
    "Init == sender = Values /\\ receiver = {} /\\ medium = {}\n"
    "Snd == \\E x \\in sender : sender' = sender \\ {x} /\\ "
    "medium' = medium \\cup {x} /\\ UNCHANGED <<receiver>>\n"
    "Drop == \\E x \\in medium : medium' = medium \\ {x} /\\ "
    "UNCHANGED <<sender, receiver>>\n"
    "Rcv == \\E x \\in medium : receiver' = receiver \\cup {x} /\\ "
    "UNCHANGED <<sender, medium>>\n"
    "Next == Snd \\/ Drop \\/ Rcv\n"
    "Inv == sender /= {} \\/ medium /= {} \\/ receiver /= {}\n"
    "TwoDrops == \\A x, y \\in Values : x /= y => "
    "~(x \\notin sender /\\ x \\notin medium /\\ y \\notin sender /\\ "
    "y \\notin medium)\n"
    "NotFirst == 1 \\notin receiver\n"
    "vars == <<sender, receiver, medium>>\n"
    "Idle == UNCHANGED vars\n"
    "NextIdle == Next \\/ Idle\n"
    "Pair == <<sender, medium>> /= <<{}, {}>>\n"
    "====\n";

/* Sets every element once, then has no successor. */
static const char *const FILL =
    "---- MODULE Fill ----\n"
    "CONSTANT Values\n"
    "VARIABLE set\n"
    "Init == set = {}\n"
    "Next == \\E x \\in Values \\ set : set' = set \\cup {x}\n"
    "Inv == set /= Values\n"
    "====\n";

static void setup(void) {
  fixture_setup("symmetry");
  fixture_write("SndRcv.tla", SNDRCV);
  fixture_write("SndRcv.cfg", "CONSTANT Values = {1, 2, 3, 4}\nINIT Init\n"
                              "NEXT Next\nINVARIANT Inv\n");
  fixture_write("TwoDrops.cfg", "CONSTANT Values = {a, b, c}\nINIT Init\n"
                                "NEXT Next\nINVARIANT TwoDrops\n");
  fixture_write("NotFirst.cfg", "CONSTANT Values = {1, 2, 3}\nINIT Init\n"
                                "NEXT Next\nINVARIANT NotFirst\n");
  fixture_write("Fill.tla", FILL);
  fixture_write("Fill.cfg", "CONSTANT Values = {1, 2, 3}\nINIT Init\n"
                            "NEXT Next\nINVARIANT Inv\n");
}

static void run(const char *backend, bool sym, const char *cfg,
                const char *spec, const char *length, int code,
                const char *want, bool symmetric) {
  const char *a[] = {"check",   "--stats", "--no-deadlock", "--length",
                     length,    "--backend", backend,       "-config",
                     cfg,       spec,        NULL,          NULL};
  if (strcmp(spec, "Fill.tla") == 0)
    a[2] = "--quiet"; /* deadlock is checked there */
  if (!sym)
    a[10] = "--no-symmetry";
  Out r = cli_run(a);
  EXPECT(r, code, out, want);
  bool said = strstr(r.err, "brink: stats symmetric in the ") != NULL;
  ck_assert_msg(said == (sym && symmetric), "%s %s %s:\n%s", backend, cfg,
                sym ? "" : "--no-symmetry", r.err);
  cli_out_free(&r);
}

static void both(const char *cfg, const char *spec, const char *length,
                 int code, const char *want, bool symmetric) {
  const char *be[] = {"cadical", "z3"};
  for (int i = 0; i < 2; i++)
    for (int sym = 0; sym < 2; sym++)
      run(be[i], sym, cfg, spec, length, code, want, symmetric);
}

START_TEST(test_violation_at_the_same_depth) {
  both("SndRcv.cfg", "SndRcv.tla", "10", 12,
       "brink: invariant Inv is violated after 8 steps (a shortest "
       "counterexample: 9 states)",
       true);
  /* Model values, and an invariant over pairs of elements. */
  both("TwoDrops.cfg", "SndRcv.tla", "6", 12,
       "brink: invariant TwoDrops is violated after 4 steps", true);
}
END_TEST

START_TEST(test_clean_run_and_deadlock) {
  both("SndRcv.cfg", "SndRcv.tla", "7", 0,
       "no invariant is violated in executions of up to 7 steps", true);
  both("Fill.cfg", "Fill.tla", "5", 12,
       "brink: invariant Inv is violated after 3 steps", true);
  fixture_write("FillD.cfg", "CONSTANT Values = {1, 2, 3}\nINIT Init\n"
                             "NEXT Next\n");
  both("FillD.cfg", "Fill.tla", "5", 11, "brink: deadlock after 3 steps",
       true);
}
END_TEST

START_TEST(test_literal_breaks_symmetry) {
  /* 1 is named: renaming it would change the verdict's trace. */
  both("NotFirst.cfg", "SndRcv.tla", "4", 12,
       "brink: invariant NotFirst is violated after 2 steps", false);
}
END_TEST

START_TEST(test_tuples_only_unchanged) {
  /* UNCHANGED vars is a' = a /\ ...; a tuple as a value is a function of
   * 1..n, which a renaming of integers would not preserve. */
  fixture_write("Idle.cfg", "CONSTANT Values = {1, 2, 3}\nINIT Init\n"
                            "NEXT NextIdle\nINVARIANT Inv\n");
  both("Idle.cfg", "SndRcv.tla", "8", 12,
       "brink: invariant Inv is violated after 6 steps", true);
  fixture_write("Pair.cfg", "CONSTANT Values = {1, 2, 3}\nINIT Init\n"
                            "NEXT NextIdle\nINVARIANT Pair\n");
  both("Pair.cfg", "SndRcv.tla", "8", 12,
       "brink: invariant Pair is violated after 6 steps", false);
}
END_TEST

Suite *symmetry_suite(void) {
  Suite *s = suite_create("symmetry");
  TCase *tc = tcase_create("symmetry");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_violation_at_the_same_depth);
  tcase_add_test(tc, test_clean_run_and_deadlock);
  tcase_add_test(tc, test_literal_breaks_symmetry);
  tcase_add_test(tc, test_tuples_only_unchanged);
  suite_add_tcase(s, tc);
  return s;
}
