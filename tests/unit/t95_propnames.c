/* t95_propnames.c -- which properties a lasso is reported as violating.
 *
 * TLC evaluates every PROPERTY of the config on the lasso it found and
 * names each one that is false there, by its name in the config, in the
 * config's order: "Temporal property Both was violated." for `Both == P1
 * /\ P2`, "Temporal properties P1 and P2 were violated." for `PROPERTY P3
 * P1 P2` (P3 holds).  brink named the one conjunct it searched for, by the
 * innermost definition (P1).  The expected lines are TLC's output on the
 * same spec and configs (TLC 2026.12.07, -workers 1); both engines must
 * print them. */
#include <check.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

static const char *const SPEC =
    "---- MODULE PN ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x < 2 /\\ x' = x + 1\n"
    "Spec == Init /\\ [][Next]_x /\\ WF_x(Next)\n"
    "P1 == <>(x = 5)\n"
    "P2 == []<>(x = 7)\n"
    "P3 == <>(x = 2)\n"
    "Both == P1 /\\ P2\n"
    "Inline == <>(x = 6) /\\ P3\n"
    "====\n";

static const struct {
  const char *props, *line;
} cases[] = {
    {"Both", "Error: Temporal property Both was violated."},
    {"P3 P1 P2", "Error: Temporal properties P1 and P2 were violated."},
    {"Inline", "Error: Temporal property Inline was violated."},
    {"P2 Both", "Error: Temporal properties P2 and Both were violated."},
    {"P1 P2 Both", "Error: Temporal properties P1, P2, and Both were "
                   "violated."},
};

static void setup(void) { fixture_setup("propnames"); }

START_TEST(test_names) {
  static const char *const engines[] = {"explicit", "symbolic"};
  fixture_write("PN.tla", SPEC);
  char cfg[256];
  snprintf(cfg, sizeof cfg,
           "SPECIFICATION Spec\nPROPERTY %s\nCHECK_DEADLOCK FALSE\n",
           cases[_i].props);
  fixture_write("PN.cfg", cfg);
  for (int e = 0; e < 2; e++) {
    const char *args[] = {"check", "--engine", engines[e], "--length", "5",
                          "--config", "PN.cfg", "PN.tla", NULL};
    Out r = cli_run(args);
    EXPECT(r, 13, out, cases[_i].line);
    ck_assert_msg(strstr(r.out, "State 4: Stuttering"), "%s: %s", engines[e],
                  r.out);
    cli_out_free(&r);
  }
}
END_TEST

Suite *propnames_suite(void) {
  Suite *s = suite_create("propnames");
  TCase *tc = tcase_create("propnames");
  tcase_set_timeout(tc, 600);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_loop_test(tc, test_names, 0,
                      (int)(sizeof cases / sizeof *cases));
  suite_add_tcase(s, tc);
  return s;
}
