/* t98_pcalcorpus.c -- issue 18's acceptance on the corpus: PlusCal models
 * checked from the algorithm alone give TLC's verdict and distinct-state
 * count.
 *
 * Each model's folder of ../shared/corpus is copied into the scratch
 * directory, the committed translation is cut out of every module that
 * holds an algorithm (the lines between the BEGIN and END TRANSLATION
 * markers; the markers stay), and the explicit engine checks the model:
 * brink must say that it translated the algorithm itself, and its verdict
 * and distinct-state count must be TLC's recorded ones (models.tsv).  The
 * models are the corpus's exhaustive PlusCal models of at most 30,000
 * states; benchmarks/pluscal_corpus.sh runs all of them against brink on
 * the committed translation.  Skipped without the corpus. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) { fixture_setup("pcalcorpus"); }

static const char *const models[] = {
    "specifications/LearnProofs/MCFindHighest",
    "specifications/LoopInvariance/MCBinarySearch",
    "specifications/LoopInvariance/MCQuicksort",
    "specifications/MisraReachability/MCParReach",
    "specifications/TeachingConcurrency/Simple",
    "specifications/barriers/Barriers",
    "specifications/chang_roberts/MCChangRoberts",
    "specifications/locks_auxiliary_vars/Lock",
    "specifications/locks_auxiliary_vars/LockHS",
    "specifications/locks_auxiliary_vars/Peterson",
    "specifications/transaction_commit/2PCwithBTM",
};

/* Cuts the translation out of path when it holds an algorithm; true when
 * it did. */
static bool strip_translation(const char *path) {
  char *text = cli_slurp(path);
  bool algo = strstr(text, "--algorithm") || strstr(text, "--fair algorithm");
  char *begin = strstr(text, "BEGIN TRANSLATION");
  char *end = begin ? strstr(begin, "END TRANSLATION") : NULL;
  if (!algo || !begin || !end) {
    free(text);
    return false;
  }
  char *cut = strchr(begin, '\n'); /* keep the BEGIN line */
  char *resume = end;              /* and the END line, from its start */
  while (resume > text && resume[-1] != '\n')
    resume--;
  FILE *f = fopen(path, "w");
  ck_assert_msg(f != NULL, "cannot write %s", path);
  fwrite(text, 1, (size_t)(cut + 1 - text), f);
  fputs(resume, f);
  fclose(f);
  free(text);
  return true;
}

START_TEST(test_algorithm_alone) {
  const char *shared = fixture_shared();
  if (!shared)
    return; /* skipped: the runner says so */
  const char *m = models[_i];
  char *rel_cfg = xsprintf("%s.cfg", m);
  int want = fixture_recorded_distinct(shared, rel_cfg, true);
  /* copy the model's folder */
  char *dir = xsprintf("%s/corpus/examples/%s", shared, m);
  *strrchr(dir, '/') = '\0';
  char *copy = cli_in_dir("m");
  char *cmd = xsprintf("rm -rf '%s' && cp -r '%s' '%s'", copy, dir, copy);
  ck_assert_msg(system(cmd) == 0, "%s failed", cmd);
  /* cut the translations */
  char *ls = xsprintf("grep -l -e '--algorithm' -e '--fair algorithm' "
                      "'%s'/*.tla 2>/dev/null",
                      copy);
  FILE *p = popen(ls, "r");
  ck_assert(p != NULL);
  char path[PATH_MAX];
  int cut = 0;
  while (fgets(path, sizeof path, p)) {
    path[strcspn(path, "\n")] = '\0';
    cut += strip_translation(path);
  }
  pclose(p);
  ck_assert_msg(cut > 0, "%s: no translation was cut", m);
  const char *base = strrchr(m, '/') + 1;
  char *tla = xsprintf("m/%s.tla", base), *cfg = xsprintf("m/%s.cfg", base);
  const char *args[] = {"check", "--engine", "explicit", "--config", cfg,
                        tla,     NULL};
  Out r = cli_run(args);
  char *count = xsprintf(" %d distinct states found", want);
  EXPECT(r, 0, out, count);
  ck_assert_msg(strstr(r.err, "the algorithm has no translation in the file") ||
                    strstr(r.out, "the algorithm has no translation in the "
                                  "file"),
                "%s: brink did not say it translated the algorithm:\n%s", m,
                r.err);
  cli_out_free(&r);
  free(count);
  free(tla);
  free(cfg);
  free(ls);
  free(cmd);
  free(copy);
  free(dir);
  free(rel_cfg);
}
END_TEST

Suite *pcalcorpus_suite(void) {
  Suite *s = suite_create("pcalcorpus");
  TCase *tc = tcase_create("pcalcorpus");
  tcase_set_timeout(tc, 900);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_loop_test(tc, test_algorithm_alone, 0,
                      (int)(sizeof models / sizeof *models));
  suite_add_tcase(s, tc);
  return s;
}
