/* t94_tlcfid.c -- fidelity to TLC's output (issue 19): the figures and
 * lines TLC prints, asserted against TLC's recorded output on small specs
 * written here (TLC 2026.04, -workers 1).
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory; each test
 * writes the specs it needs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) { fixture_setup("tlcfid"); }

/* ---------------------------------------------------------------------
 * States generated: TLC counts every state its enumeration of Next
 * produces, so a true disjunction or an \E with several witnesses in a
 * guard gives its state more than once.  It opens every definition of the
 * spec (not only those that assign), reads \A x \in S : P as the
 * conjunction of the P's (each enumerated), and only tests the conjuncts
 * left once every variable has its value. */

static const char *const GEN =
    "---- MODULE Gen ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, y\n"
    "Two == x < 9 \\/ y < 9\n"
    "Any(S) == \\E s \\in S : s > 0\n"
    "Init == x \\in 0..1 /\\ y = 0\n"
    "AfterAll == x < 3 /\\ x' = x + 1 /\\ y' = y /\\ (x >= 0 \\/ y >= 0)\n"
    "Opened == y < 2 /\\ Two /\\ Any({1, 2}) /\\ y' = y + 1 /\\ x' = x\n"
    "Each == x = 3 /\\ y = 2 /\\ \\A i \\in {1, 2} : (i > 0 \\/ x > 0) /\\ "
    "UNCHANGED <<x, y>>\n"
    "Next == AfterAll \\/ Opened \\/ Each\n"
    "====\n";

START_TEST(test_generated_counts_duplicates) {
  fixture_write("Gen.tla", GEN);
  fixture_write("Gen.cfg", "INIT Init\nNEXT Next\n");
  const char *a[] = {"check", "--engine", "explicit", "Gen.tla", NULL};
  Out r = cli_run(a);
  /* TLC: AfterAll 9, Opened 32, Each 2, and the 2 initial states. */
  EXPECT(r, 0, out, "45 states generated, 12 distinct states found, 0 states "
                    "left on queue.");
  cli_out_free(&r);
}
END_TEST

/* The guards of transaction_commit/2PCwithBTM's BTS action, from every
 * state of a type: canCommit is an \A over a disjunction. */
static const char *const BTM =
    "---- MODULE Btm ----\n"
    "CONSTANT RM\n"
    "VARIABLES rmState, tmState, pc\n"
    "canCommit ==    \\A rmc \\in RM: rmState[rmc] \\in {\"prepared\"}\n"
    "             \\/ \\E rm \\in RM : rmState[rm] \\in {\"committed\"}\n"
    "canAbort ==     \\E rm \\in RM : rmState[rm] \\in {\"aborted\",\"failed\"}\n"
    "            /\\ ~\\E rmc \\in RM : rmState[rmc]= \"committed\"\n"
    "Init == /\\ rmState \\in [RM -> {\"working\", \"prepared\", "
    "\"committed\", \"aborted\", \"failed\"}]\n"
    "        /\\ tmState \\in {\"init\", \"commit\", \"abort\", \"hidden\"}\n"
    "        /\\ pc \\in [{10} -> {\"BTS\"}]\n"
    "BTS == /\\ pc[10] = \"BTS\"\n"
    "       /\\ \\/ /\\ canCommit /\\ tmState=\"hidden\"\n"
    "             /\\ pc' = [pc EXCEPT ![10] = \"BTC\"]\n"
    "          \\/ /\\ canAbort /\\ tmState=\"hidden\"\n"
    "             /\\ pc' = [pc EXCEPT ![10] = \"BTA\"]\n"
    "       /\\ UNCHANGED << rmState, tmState >>\n"
    "Next == BTS \\/ UNCHANGED <<rmState, tmState, pc>>\n"
    "====\n";

START_TEST(test_generated_counts_forall) {
  fixture_write("Btm.tla", BTM);
  fixture_write("Btm.cfg", "CONSTANT RM = {r1, r2, r3}\nINIT Init\nNEXT "
                           "Next\n");
  const char *a[] = {"check", "--engine", "explicit", "Btm.tla", NULL};
  Out r = cli_run(a);
  /* TLC: 500 initial states, BTS 307, the stuttering step 618. */
  EXPECT(r, 0, out, "1425 states generated, 618 distinct states found, 0 "
                    "states left on queue.");
  cli_out_free(&r);
}
END_TEST

/* The corpus model the issue names (TLC: 5841). */
START_TEST(test_generated_counts_2pc) {
  const char *shared = fixture_shared();
  if (!shared)
    return;
  char tla[512], cfg[512];
  const char *dir = "corpus/examples/specifications/transaction_commit";
  snprintf(tla, sizeof tla, "%s/%s/2PCwithBTM.tla", shared, dir);
  snprintf(cfg, sizeof cfg, "%s/%s/2PCwithBTM.cfg", shared, dir);
  char *abs_tla = realpath(tla, NULL), *abs_cfg = realpath(cfg, NULL);
  ck_assert_msg(abs_tla && abs_cfg, "cannot find %s", tla);
  const char *a[] = {"check", "--engine", "explicit", "--config", abs_cfg,
                     abs_tla, NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "5841 states generated, 1245 distinct states found, 0 "
                    "states left on queue.");
  cli_out_free(&r);
  free(abs_tla);
  free(abs_cfg);
}
END_TEST

Suite *tlcfid_suite(void) {
  Suite *s = suite_create("tlcfid");
  TCase *tc = tcase_create("tlcfid");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_generated_counts_duplicates);
  tcase_add_test(tc, test_generated_counts_forall);
  tcase_add_test(tc, test_generated_counts_2pc);
  suite_add_tcase(s, tc);
  return s;
}
