/* t96_evalfix.c -- the messages of issue 20's evaluator fixes.
 *
 * The verdicts, counts and depths of these specs are rows of
 * tests/specs/expected.tsv; this suite checks what the rows cannot: the
 * text on stderr.  A type the inference cannot describe is a warning in
 * `brink check` (never "error:"), an EXCEPT outside the domain is warned
 * about once with its location, and ENABLED under a substitution that is
 * not a renaming, once refused by the symbolic engine, is evaluated.  Each
 * run is `$BRINK check ...` with stdout and stderr in files of a scratch
 * directory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct Out {
  int status;
  char *err;
} Out;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot read %s", path);
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n < 2)
      buf = realloc(buf, cap *= 2);
  }
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static Out run(const char *args) {
  const char *b = getenv("BRINK");
  char dir[] = "/tmp/brink_t96_XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[2048], errp[128];
  snprintf(errp, sizeof errp, "%s/err", dir);
  snprintf(cmd, sizeof cmd, "%s check %s >%s/out 2>%s", b && *b ? b : "./brink",
           args, dir, errp);
  int st = system(cmd);
  Out o = {WIFEXITED(st) ? WEXITSTATUS(st) : 128, slurp(errp)};
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
  return o;
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

START_TEST(test_type_mismatch_is_a_warning) {
  static const char *engines[] = {"explicit", "symbolic"};
  for (int i = 0; i < 2; i++) {
    char args[256];
    snprintf(args, sizeof args, "--engine %s tests/specs/UntypedMixed.tla",
             engines[i]);
    Out o = run(args);
    ck_assert_int_eq(o.status, 12);
    ck_assert_msg(strstr(o.err, "UntypedMixed.tla:6:53: warning: '[j \\in "
                                "1..2 |-> j]' is used as an integer"),
                  "%s: no located warning:\n%s", engines[i], o.err);
    ck_assert_msg(!strstr(o.err, "error:"), "%s: an error printed:\n%s",
                  engines[i], o.err);
    free(o.err);
  }
}
END_TEST

START_TEST(test_except_outside_domain_warns_once) {
  Out o = run("--engine explicit tests/specs/ExceptMissingKey.tla");
  ck_assert_int_eq(o.status, 12);
  ck_assert_msg(strstr(o.err, "ExceptMissingKey.tla:5:14: warning: EXCEPT "
                              "updates 5, which is not in the domain"),
                "no located warning:\n%s", o.err);
  ck_assert_int_eq(count(o.err, "EXCEPT updates"), 1);
  free(o.err);
}
END_TEST

START_TEST(test_enabled_under_substitution_symbolic) {
  /* Once refused (255) by the symbolic engine; it now evaluates the twin
   * (instance.h) as the explicit engine does (t94_enabled_inst.c). */
  Out o = run("--engine symbolic --inv NotShared tests/specs/EnabledSubst.tla");
  ck_assert_int_eq(o.status, 12);
  ck_assert_msg(!strstr(o.err, "ENABLED in an instantiated module"),
                "still refused:\n%s", o.err);
  free(o.err);
}
END_TEST

Suite *evalfix_suite(void) {
  Suite *s = suite_create("evalfix");
  TCase *tc = tcase_create("messages");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_type_mismatch_is_a_warning);
  tcase_add_test(tc, test_except_outside_domain_warns_once);
  tcase_add_test(tc, test_enabled_under_substitution_symbolic);
  suite_add_tcase(s, tc);
  return s;
}
