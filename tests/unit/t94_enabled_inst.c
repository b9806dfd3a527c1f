/* t94_enabled_inst.c -- ENABLED of an instantiated module's action under a
 * substitution that is not a renaming (issue 15; issue 20, D10).
 *
 * ENABLED A in Mod, used through `INSTANCE Mod WITH x <- e`, is ENABLED A
 * on Mod's own state: the one the substitution maps the current state to
 * (the primes of Mod's variables are bound by ENABLED, not substituted).
 * Both engines evaluate it so (instance.h: InstEnabled; the rows of
 * expected.tsv run the two and compare them).  Checked here: D10's reproducer
 * (tests/specs/EnabledSubst.tla) and the texts the rows of expected.tsv
 * cannot check, and the three corpus models that were refused for it
 * (EWD840, MCParReach, glowingRaccoon/product: a refinement property whose
 * fairness is an instance's WF) against TLC's recorded verdict and
 * distinct-state count in models.tsv.  The runs are `$BRINK check ...` in
 * a scratch directory (clirun.h), so the spec paths are made absolute. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) { fixture_setup("eninst"); }

/* The absolute path of a file of the repository. */
static char *repo_file(const char *rel) {
  char *abs = realpath(rel, NULL);
  ck_assert_msg(abs != NULL, "cannot find %s", rel);
  return abs;
}

static Out check_with(const char *engine, const char *cfg, const char *tla,
                      const char *extra) {
  const char *args[10];
  int n = 0;
  args[n++] = "check";
  args[n++] = "--engine";
  args[n++] = engine;
  if (extra) {
    args[n++] = "--inv";
    args[n++] = extra;
  }
  if (cfg) {
    args[n++] = "--config";
    args[n++] = cfg;
  }
  args[n++] = tla;
  args[n] = NULL;
  return cli_run(args);
}

static Out check_explicit(const char *cfg, const char *tla,
                          const char *extra) {
  return check_with("explicit", cfg, tla, extra);
}

/* D10: under x <- z, y <- z, ENABLED (x' = 0 /\ y' = 1) is TRUE, as TLC
 * finds (2 states, no error); brink refused it (255). */
START_TEST(test_d10_shared_variable) {
  char *tla = repo_file("tests/specs/EnabledSubst.tla");
  Out r = check_explicit(NULL, tla, "InvShared");
  EXPECT(r, 0, out, "3 states generated, 2 distinct states found");
  ck_assert_msg(!strstr(r.err, "error:"), "%s", r.err);
  cli_out_free(&r);
  free(tla);
}
END_TEST

/* A refinement property whose fairness is the instance's own WF over a
 * variable replaced by an expression (n % 2; v[i] in a parameterized
 * instance): violated by stuttering without the outer fairness, as TLC
 * finds (a 1-state lasso), kept with it.  Both engines name the violated
 * property by its PROPERTY entry (Refines), not by the instance's Spec:
 * the symbolic engine in its summary line too. */
START_TEST(test_refinement_fairness) {
  static const struct {
    const char *cfg, *prop;
    int code;
  } runs[] = {
      {"tests/specs/EnabledInstUnfair.cfg", "Refines", 13},
      {"tests/specs/EnabledInstFair.cfg", NULL, 0},
      {"tests/specs/EnabledInstUnfairAll.cfg", "RefinesAll", 13},
      {"tests/specs/EnabledInstFairAll.cfg", NULL, 0},
  };
  char *tla = repo_file("tests/specs/EnabledInst.tla");
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
    char *cfg = repo_file(runs[i].cfg);
    Out r = check_explicit(cfg, tla, NULL);
    if (runs[i].code == 13) {
      char *err = xsprintf("Error: Temporal property %s was violated.",
                           runs[i].prop);
      EXPECT(r, 13, out, err);
      EXPECT(r, 13, out, "State 1: <Initial predicate>");
      EXPECT(r, 13, out, "State 2: Stuttering");
      cli_out_free(&r);
      r = check_with("symbolic", cfg, tla, NULL);
      char *sum = xsprintf("brink: temporal property %s is violated by a "
                           "lasso of 1 step",
                           runs[i].prop);
      EXPECT(r, 13, out, err);
      EXPECT(r, 13, out, sum);
      free(err);
      free(sum);
    } else {
      EXPECT(r, 0, out, "5 states generated, 4 distinct states found");
    }
    cli_out_free(&r);
    free(cfg);
  }
  free(tla);
}
END_TEST

static const char *const corpus_models[] = {
    "specifications/ewd840/EWD840",
    "specifications/MisraReachability/MCParReach",
    "specifications/glowingRaccoon/product",
};

START_TEST(test_corpus_refinements) {
  const char *shared = fixture_shared();
  if (!shared)
    return; /* skipped: the runner says so */
  const char *m = corpus_models[_i];
  char *rel = xsprintf("%s.cfg", m);
  int want = fixture_recorded_distinct(shared, rel, false);
  char *tla = xsprintf("%s/corpus/examples/%s.tla", shared, m);
  char *cfg = xsprintf("%s/corpus/examples/%s.cfg", shared, m);
  char *abs_tla = repo_file(tla), *abs_cfg = repo_file(cfg);
  Out r = check_explicit(abs_cfg, abs_tla, NULL);
  char *count = xsprintf("%d distinct states found", want);
  EXPECT(r, 0, out, count);
  EXPECT(r, 0, out, "temporal propert");
  cli_out_free(&r);
  free(count);
  free(abs_tla);
  free(abs_cfg);
  free(tla);
  free(cfg);
  free(rel);
}
END_TEST

Suite *enabled_inst_suite(void) {
  Suite *s = suite_create("enabled_inst");
  TCase *tc = tcase_create("enabled_inst");
  tcase_set_timeout(tc, 600);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_d10_shared_variable);
  tcase_add_test(tc, test_refinement_fairness);
  tcase_add_loop_test(tc, test_corpus_refinements, 0,
                      (int)(sizeof corpus_models / sizeof *corpus_models));
  suite_add_tcase(s, tc);
  return s;
}
