/* t99_charvec.c -- set variables as characteristic vectors (charvec.h):
 * the vector keeps a set's cells from growing with the depth, and a member
 * outside the universe the invariant names is never lost: the run checks
 * again with cell lists and gives the verdict TLC gives.
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

/* s collects the counter's values; TypeOK names 0..5 as s's universe. */
static const char *const GROW =
    "---- MODULE Grow ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, s\n"
    "Init == x = 0 /\\ s = {}\n"
    "Add == x < 5 /\\ x' = x + 1 /\\ s' = s \\cup {x}\n"
    "Drop == s # {} /\\ \\E e \\in s : s' = s \\ {e} /\\ x' = x\n"
    "Next == Add \\/ Drop\n"
    "TypeOK == s \\subseteq 0..5\n"
    "Below == \\A e \\in s : e < x\n"
    "====\n";

/* The universe is too small: s reaches 3 after 4 steps. */
static const char *const ESCAPE =
    "---- MODULE Escape ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, s\n"
    "Init == x = 0 /\\ s = {}\n"
    "Next == x' = x + 1 /\\ s' = s \\cup {x}\n"
    "TypeOK == s \\in SUBSET (0..2)\n"
    "NoThree == 3 \\notin s\n"
    "Bound == s \\subseteq 0..2\n"
    "====\n";

static void setup(void) {
  fixture_setup("charvec");
  fixture_write("Grow.tla", GROW);
  fixture_write("Grow.cfg", "INIT Init\nNEXT Next\nINVARIANT TypeOK Below\n");
  fixture_write("Escape.tla", ESCAPE);
  fixture_write("Escape.cfg", "INIT Init\nNEXT Next\nINVARIANT TypeOK\n");
  /* The universe from a CONSTRAINT: the state holding 3 is not extended,
   * but it is checked, and NoThree fails there. */
  fixture_write("EscapeC.cfg", "INIT Init\nNEXT Next\nCONSTRAINT Bound\n"
                               "INVARIANT NoThree\n");
}

/* The number after "s " on the stats line of depth k, or -1. */
static long s_cells(const char *err, int k) {
  char prefix[64];
  snprintf(prefix, sizeof prefix, "brink: stats depth %d cells: x ", k);
  const char *l = strstr(err, prefix);
  if (!l)
    return -1;
  const char *p = strstr(l, ", s ");
  return p ? strtol(p + 4, NULL, 10) : -1;
}

/* pack: whether a list's cells may be packed (packcells.h). */
static void grow_run(const char *backend, bool charvec, bool pack) {
  const char *a[] = {"check",   "--stats",  "--length", "8", "--backend",
                     backend, "Grow.tla", NULL,       NULL, NULL};
  int n = 7;
  if (!charvec)
    a[n++] = "--no-charvec";
  if (!pack)
    a[n++] = "--no-pack";
  Out r = cli_run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 8 steps");
  long c = s_cells(r.err, 8);
  /* Six numbers at most: one cell each as a vector; a cell per branch and
   * step as a list, unless packed: then as many as the list first needed
   * (s holds at most five numbers). */
  if (charvec || pack)
    ck_assert_msg(c >= 1 && c <= 6, "%s: %ld cells\n%s", backend, c, r.err);
  else
    ck_assert_msg(c > 6, "%s: %ld cells\n%s", backend, c, r.err);
  ck_assert_msg(!strstr(r.err, "checking again"), "%s", r.err);
  cli_out_free(&r);
}

START_TEST(test_vector_does_not_grow) {
  grow_run("cadical", true, true);
  grow_run("z3", true, true);
  grow_run("cadical", false, false);
  grow_run("cadical", false, true);
  grow_run("z3", false, true);
}
END_TEST

static void escape_run(const char *cfg, const char *backend, const char *inv) {
  const char *a[] = {"check",   "--length", "6",         "--backend",
                     backend, "-config",  cfg,         "Escape.tla",
                     NULL};
  Out r = cli_run(a);
  char want[96];
  snprintf(want, sizeof want,
           "brink: invariant %s is violated after 4 steps (a shortest "
           "counterexample: 5 states)",
           inv);
  EXPECT(r, 12, out, want);
  EXPECT(r, 12, err, "brink: note: a set variable may hold a value outside "
                     "the universe its invariant names; checking again with "
                     "sets as lists of cells");
  EXPECT(r, 12, out, "s = {0, 1, 2, 3}");
  cli_out_free(&r);
}

START_TEST(test_escape_is_never_lost) {
  escape_run("Escape.cfg", "cadical", "TypeOK");
  escape_run("Escape.cfg", "z3", "TypeOK");
  escape_run("EscapeC.cfg", "cadical", "NoThree");
  escape_run("EscapeC.cfg", "z3", "NoThree");
}
END_TEST

START_TEST(test_violation_through_vector) {
  /* A violation found on the vector itself, no second run: 2 \in s
   * without 0 takes three Adds and a Drop. */
  fixture_write("GrowV.cfg", "INIT Init\nNEXT Next\nINVARIANT TypeOK Small\n");
  fixture_write("GrowV.tla", "---- MODULE GrowV ----\nEXTENDS Grow\n"
                             "Small == ~(2 \\in s /\\ 0 \\notin s)\n====\n");
  const char *a[] = {"check", "--length", "8", "--backend", "cadical",
                     "GrowV.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "brink: invariant Small is violated after 4 steps");
  ck_assert_msg(!strstr(r.err, "checking again"), "%s", r.err);
  cli_out_free(&r);
}
END_TEST

/* groups: a set of sets of 9 positions.  SUBSET Pos (512 sets) is too many
 * for a vector over it, so each group is a vector over Pos instead. */
static const char *const GROUPS =
    "---- MODULE Groups ----\n"
    "EXTENDS Integers\n"
    "VARIABLE groups\n"
    "Pos == (0..2) \\X (0..2)\n"
    "Shift(g) == {<<p[1] + 1, p[2]>> : p \\in g}\n"
    "Init == groups = {{<<0, 0>>, <<0, 1>>}, {<<1, 2>>}}\n"
    "Next == \\E p \\in UNION groups :\n"
    "          LET g == CHOOSE h \\in groups : p \\in h\n"
    "          IN  /\\ Shift(g) \\subseteq Pos\n"
    "              /\\ groups' = (groups \\ {g}) \\cup {Shift(g)}\n"
    "TypeOK == groups \\in SUBSET SUBSET Pos\n"
    "Wide == groups \\in SUBSET SUBSET ((0..9) \\X (0..2))\n"
    "Narrow == groups \\in SUBSET SUBSET ((0..1) \\X (0..4))\n"
    "====\n";

/* The number after "groups " on the stats line of depth k, or -1. */
static long groups_cells(const char *err, int k) {
  char prefix[64];
  snprintf(prefix, sizeof prefix, "brink: stats depth %d cells: groups ", k);
  const char *l = strstr(err, prefix);
  return l ? strtol(l + strlen(prefix), NULL, 10) : -1;
}

static long groups_run(const char *inv, bool charvec, int want_exit,
                       const char *want_out) {
  const char *a[] = {"check", "--stats", "--length", "4", "--no-deadlock",
                     "--inv", inv,       "Groups.tla", NULL, NULL};
  if (!charvec)
    a[8] = "--no-charvec";
  Out r = cli_run(a);
  EXPECT(r, want_exit, out, want_out);
  long c = want_exit == 0 ? groups_cells(r.err, 4) : 0;
  ck_assert_msg(c >= 0, "%s", r.err);
  if (charvec && want_exit == 0)
    ck_assert_msg(!strstr(r.err, "checking again"), "%s", r.err);
  cli_out_free(&r);
  return c;
}

START_TEST(test_members_as_vectors) {
  fixture_write("Groups.tla", GROUPS);
  fixture_write("Groups.cfg", "INIT Init\nNEXT Next\n");
  const char *ok = "no invariant is violated in executions of up to 4 steps";
  /* Each group is a vector over the 9 positions: its cells stop growing
   * (61 against 103 as lists at depth 4); Wide's 30 positions are a
   * universe too. */
  long lists = groups_run("TypeOK", false, 0, ok);
  long vecs = groups_run("TypeOK", true, 0, ok);
  ck_assert_msg(vecs < lists, "vectors %ld, lists %ld", vecs, lists);
  groups_run("Wide", true, 0, ok);
  /* Narrow misses <<2, 2>>, where the second group goes in one step. */
  Out r;
  const char *a[] = {"check", "--length", "4", "--no-deadlock", "--inv",
                     "Narrow", "Groups.tla", NULL};
  r = cli_run(a);
  EXPECT(r, 12, out, "brink: invariant Narrow is violated after 1 step");
  EXPECT(r, 12, err, "checking again with sets as lists of cells");
  cli_out_free(&r);
}
END_TEST

Suite *charvec_suite(void) {
  Suite *s = suite_create("charvec");
  TCase *tc = tcase_create("charvec");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_vector_does_not_grow);
  tcase_add_test(tc, test_escape_is_never_lost);
  tcase_add_test(tc, test_violation_through_vector);
  tcase_add_test(tc, test_members_as_vectors);
  suite_add_tcase(s, tc);
  return s;
}
