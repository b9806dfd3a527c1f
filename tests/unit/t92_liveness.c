/* t92_liveness.c -- the explicit engine's liveness checking.
 *
 * (a) TLC's own output on LiveDemo (../shared/tlc_reference): the verdict,
 * exit 13 and the lasso, line for line; (b) each temporal form and each
 * fairness form on tiny specs whose answer is obvious by hand; (c) a few
 * corpus models with a temporal PROPERTY against TLC's recorded verdict
 * and state count (skipped without ../shared).  The specs of (b) are
 * written into a scratch directory per case. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

typedef struct LRun {
  int status;
  char *out, *err;
} LRun;

static char *slurp(int fd) {
  off_t len = lseek(fd, 0, SEEK_END);
  char *buf = malloc((size_t)(len > 0 ? len : 0) + 1);
  ck_assert_ptr_nonnull(buf);
  ssize_t got = len > 0 ? pread(fd, buf, (size_t)len, 0) : 0;
  buf[got > 0 ? got : 0] = '\0';
  return buf;
}

static int tmpfd(void) {
  char path[] = "/tmp/brink_live_XXXXXX";
  int fd = mkstemp(path);
  ck_assert_msg(fd >= 0, "mkstemp failed");
  unlink(path);
  return fd;
}

/* Runs brink with argv (NULL-terminated, without the binary). */
static LRun lrun(const char *const *argv) {
  const char *bin = getenv("BRINK");
  if (!bin || !*bin)
    bin = "./brink";
  const char *v[32];
  int n = 0;
  v[n++] = bin;
  for (int i = 0; argv[i] && n < 31; i++)
    v[n++] = argv[i];
  v[n] = NULL;
  int fo = tmpfd(), fe = tmpfd();
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  ck_assert_msg(pid >= 0, "fork failed");
  if (pid == 0) {
    dup2(fo, 1);
    dup2(fe, 2);
    alarm(100);
    execv(v[0], (char *const *)v);
    _exit(127);
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    ;
  LRun r = {WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), slurp(fo),
            slurp(fe)};
  close(fo);
  close(fe);
  return r;
}

static void lfree(LRun *r) {
  free(r->out);
  free(r->err);
}

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

static const char *shared(void) {
  const char *s = getenv("SHARED");
  return s && *s ? s : "../shared";
}

/* ---------------------------------------------------------------------
 * (a) TLC's reference outputs */

/* The lines of TLC's output from the violation to the end of the lasso
 * (dates and TLC's own headers left out) must be brink's. */
static char *lasso_lines(const char *out) {
  const char *p = strstr(out, "Error: Temporal property");
  if (!p)
    return strdup("");
  const char *end = strstr(p, "Finished checking temporal properties");
  size_t n = end ? (size_t)(end - p) : strlen(p);
  char *s = malloc(n + 1);
  memcpy(s, p, n);
  s[n] = 0;
  return s;
}

START_TEST(test_tlc_reference) {
  static const char *const cases[] = {"Stutter", "Loop", "LeadsTo",
                                      "InfOften"};
  const char *c = cases[_i];
  char dir[512], tla[600], cfg[600], ref[600];
  snprintf(dir, sizeof dir, "%s/tlc_reference", shared());
  snprintf(tla, sizeof tla, "%s/LiveDemo.tla", dir);
  snprintf(cfg, sizeof cfg, "%s/%s.cfg", dir, c);
  snprintf(ref, sizeof ref, "%s/%s.out", dir, c);
  FILE *f = fopen(ref, "r");
  if (!f) {
    fprintf(stderr, "t92: %s is absent; the TLC reference test is skipped\n",
            ref);
    return;
  }
  char *want = malloc(1 << 16);
  size_t n = fread(want, 1, (1 << 16) - 1, f);
  want[n] = 0;
  fclose(f);
  const char *argv[] = {"check", "--engine", "explicit", "--config", cfg, tla,
                        NULL};
  LRun r = lrun(argv);
  ck_assert_msg(r.status == 13, "%s: exit %d\n%s%s", c, r.status, r.out, r.err);
  char *got = lasso_lines(r.out), *exp = lasso_lines(want);
  ck_assert_msg(*exp && strcmp(got, exp) == 0,
                "%s: the lasso differs from TLC's\n--- brink\n%s--- TLC\n%s",
                c, got, exp);
  ck_assert_msg(strstr(r.out, "Checking temporal properties for the complete "
                              "state space with 5 total distinct states at ("),
                "%s", r.out);
  ck_assert_msg(has_line(r.out, "6 states generated, 5 distinct states "
                                "found, 0 states left on queue."),
                "%s", r.out);
  ck_assert_msg(has_line(r.out, "The depth of the complete state graph "
                                "search is 4."),
                "%s", r.out);
  free(got);
  free(exp);
  free(want);
  lfree(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * (b) each form on a tiny spec */

#include "livespecs.h"

typedef struct LiveCase {
  const char *base;
  const char *spec;
  const char *prop; /* the formula of Prop */
  const char *cfg;  /* more config lines */
  const char *args; /* one more option, or NULL */
  int exit;
  const char *line; /* a line the output must have, or NULL */
} LiveCase;

static const LiveCase cases[] = {
    /* <>P: without fairness a behaviour may stutter forever */
    {COUNTER, "Spec", "<>(x = 2)", "", NULL, 13, "State 3: Stuttering"},
    {COUNTER, "Fair", "<>(x = 2)", "", NULL, 0, NULL},
    /* []<>P and <>[]P */
    {COUNTER, "Fair", "[]<>(x = 2)", "", NULL, 0, NULL},
    {COUNTER, "Spec", "[]<>(x = 2)", "", NULL, 13, NULL},
    {CYCLE, "Fair", "[]<>(x = 1)", "", NULL, 0, NULL},
    {CYCLE, "Fair", "<>[](x = 1)", "", NULL, 13,
     "Back to state 1: <Next line 5, col 9 to line 5, col 18 of module M>"},
    {COUNTER, "Fair", "<>[](x = 2)", "", NULL, 0, NULL},
    /* P ~> Q */
    {COUNTER, "Fair", "(x = 1) ~> (x = 2)", "", NULL, 0, NULL},
    {COUNTER, "Spec", "(x = 1) ~> (x = 2)", "", NULL, 13, NULL},
    {CYCLE, "Fair", "(x = 1) ~> (x = 0)", "", NULL, 0, NULL},
    /* [][A]_v as a temporal formula (under \A it is not split off) */
    {COUNTER, "Spec", "\\A i \\in {1} : [][x' > x]_x", "", NULL, 0, NULL},
    {CYCLE, "Spec", "\\A i \\in {1} : [][x' > x]_x", "", NULL, 13, NULL},
    /* <><<A>>_v, []<><<A>>_v, <>[][A]_v */
    {COUNTER, "Spec", "<><<Next>>_x", "", NULL, 13, "State 2: Stuttering"},
    {COUNTER, "Fair", "<><<Next>>_x", "", NULL, 0, NULL},
    {CYCLE, "Fair", "[]<><<Next>>_x", "", NULL, 0, NULL},
    {COUNTER, "Fair", "[]<><<Next>>_x", "", NULL, 13, NULL},
    {COUNTER, "Fair", "<>[][FALSE]_x", "", NULL, 0, NULL},
    {CYCLE, "Fair", "<>[][FALSE]_x", "", NULL, 13, NULL},
    /* conjunctions and disjunctions */
    {COUNTER, "Spec", "<>(x = 2) \\/ [](x = 0)", "", NULL, 13, NULL},
    {COUNTER, "Spec", "<>(x = 1) \\/ [](x = 0)", "", NULL, 0, NULL},
    {COUNTER, "Fair", "<>(x = 2) /\\ [](x <= 2)", "", NULL, 0, NULL},
    {CYCLE, "Fair", "[]<>(x = 0) /\\ []<>(x = 1)", "", NULL, 0, NULL},
    /* ENABLED */
    {COUNTER, "Fair", "<>[]~ENABLED <<Next>>_x", "", NULL, 0, NULL},
    {COUNTER, "Spec", "<>[]~ENABLED <<Next>>_x", "", NULL, 13, NULL},
    /* WF does not rescue an action enabled only infinitely often; SF does */
    {TOGGLE, "WFSpec", "<>acted", "", NULL, 13, NULL},
    {TOGGLE, "SFSpec", "<>acted", "", NULL, 0, NULL},
    /* ENABLED of a disjunct of Next where Next does not take it, and of
     * one whose step the constraint leaves out of the graph */
    {UPDOWN, "DownFair", "(x = 1) ~> (x # 1)", "", NULL, 0, NULL},
    {UPDOWN, "UpFair", "[]<>(x = 0)", "", NULL, 13, NULL},
    {UPDOWN, "UpFair", "[]<>(x = 0)", "CONSTRAINT Small\n", NULL, 0, NULL},
    {UPDOWN, "DownFair", "<>(x = 1)", "CONSTRAINT Small\n", NULL, 13,
     "State 2: Stuttering"},
    /* WF of a disjunction of guarded steps (PlusCal's processes) */
    {STEPS, "Fair", "[]<>(pc = 0) /\\ []<>(pc = 1)", "", NULL, 0, NULL},
    {STEPS, "Spec", "[]<>(pc = 0)", "", NULL, 13, NULL},
    /* \A and \E over constant sets, in the property and in the fairness */
    {PROCS, "AllFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 0, NULL},
    {PROCS, "OneFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 13, NULL},
    {PROCS, "OneFair", "\\E p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 0, NULL},
    /* fairness of a guarded disjunct, of \E over a constant set, and of
     * a disjunct whose guard never holds */
    {PROCS, "GuardFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 0, NULL},
    {PROCS, "ExFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 0, NULL},
    {PROCS, "NoFair", "\\A p \\in P : Done(p)", "CONSTANT P = {1, 2}\n",
     NULL, 13, "State 3: Stuttering"},
    /* a refinement with its own fairness, through INSTANCE */
    {COUNTER, "Fair", "A!ASpec", "", NULL, 0, NULL},
    {COUNTER, "Spec", "A!ASpec", "", NULL, 13,
     "Error: Temporal property Prop was violated."},
    /* SYMMETRY: checked, with TLC's warning */
    {PROCS, "AllFair", "\\A p \\in P : Done(p)",
     "CONSTANT P = {p1, p2}\nSYMMETRY Sym\n", NULL, 0,
     "Warning: Declaring symmetry during liveness checking is dangerous. It "
     "might cause TLC to miss violations of the stated liveness properties. "
     "Please check liveness without symmetry defined."},
    /* a cut search cannot show a lasso; --safety-only opts out */
    {COUNTER, "Fair", "<>(x = 2)", "", "--length=1", 255,
     "brink: liveness is not checked: the search stopped at depth 1 "
     "(--length), so the state graph is incomplete and a cycle in it need "
     "not be a behaviour."},
    {COUNTER, "Spec", "<>(x = 2)", "", "--safety-only", 0, NULL},
    /* outside the supported forms: a located refusal */
    {COUNTER, "RefSpec", "<>(x = 2)", "", NULL, 255, NULL},
    /* ENABLED of an instance's action whose variable is an expression,
     * evaluated on the instance's own state (d' is bound by ENABLED), as
     * TLC does: B!ESpec holds under Fair, and Spec may stop at x = 0 */
    {COUNTER, "Fair", "B!ESpec", "", NULL, 0, NULL},
    {COUNTER, "Spec", "B!ESpec", "", NULL, 13, "State 3: Stuttering"},
};

#define N_CASES ((int)(sizeof cases / sizeof cases[0]))

static void setup(void) { fixture_setup("live"); }
static void teardown(void) { fixture_teardown(); }

START_TEST(test_form) {
  const LiveCase *c = &cases[_i];
  char tla[4096], cfg[512], tpath[128], cpath[128];
  snprintf(tla, sizeof tla, "---- MODULE M ----\n%sProp == %s\n====\n",
           c->base, c->prop);
  snprintf(cfg, sizeof cfg, "SPECIFICATION %s\nPROPERTY Prop\n"
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
  snprintf(tpath, sizeof tpath, "%s/M.tla", fixture_dir);
  snprintf(cpath, sizeof cpath, "%s/M.cfg", fixture_dir);
  const char *argv[] = {"check", "--engine", "explicit", "--config", cpath,
                        c->args ? c->args : tpath, c->args ? tpath : NULL,
                        NULL};
  LRun r = lrun(argv);
  ck_assert_msg(r.status == c->exit, "case %d (%s under %s): exit %d, "
                                     "expected %d\n%s%s",
                _i, c->prop, c->spec, r.status, c->exit, r.out, r.err);
  if (c->exit == 13) {
    /* (a conjunct is named after the definition it is written in) */
    ck_assert_msg(strstr(r.out, "Error: Temporal property ") &&
                      strstr(r.out, " was violated.\n\n") &&
                      has_line(r.out, "Error: The following behavior "
                                      "constitutes a counter-example:"),
                  "case %d: %s", _i, r.out);
    ck_assert_msg(!strstr(r.out, "internal error"), "case %d: %s", _i, r.out);
  }
  if (c->exit == 0)
    ck_assert_msg(has_line(r.out, "Model checking completed. No error has "
                                  "been found."),
                  "case %d: %s", _i, r.out);
  if (c->exit == 255)
    ck_assert_msg(!strstr(r.out, "No error has been found") &&
                      (c->line || strstr(r.err, "liveness:")),
                  "case %d: %s%s", _i, r.out, r.err);
  if (c->line)
    ck_assert_msg(has_line(r.out, c->line), "case %d: no `%s`:\n%s%s", _i,
                  c->line, r.out, r.err);
  lfree(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * (c) corpus models with temporal properties: TLC's verdict and count */

typedef struct CorpusCase {
  const char *tla, *cfg;
  int exit;
  const char *distinct;
} CorpusCase;

static const CorpusCase corpus[] = {
    {"specifications/SpecifyingSystems/RealTime/MCRealTimeHourClock.tla",
     "specifications/SpecifyingSystems/RealTime/MCRealTimeHourClock.cfg", 13,
     NULL},
    {"specifications/SpecifyingSystems/Liveness/MCLiveInternalMemory.tla",
     "specifications/SpecifyingSystems/Liveness/MCLiveInternalMemory.cfg", 0,
     "4408"},
    {"specifications/allocator/SchedulingAllocator.tla",
     "specifications/allocator/SchedulingAllocator.cfg", 0, "1690"},
    {"specifications/Paxos/MCVoting.tla", "specifications/Paxos/MCVoting.cfg",
     0, "77"},
    {"specifications/YoYo/MCYoYoPruning.tla",
     "specifications/YoYo/MCYoYoPruning.cfg", 0, "102"},
};

START_TEST(test_corpus) {
  const CorpusCase *c = &corpus[_i];
  char tla[1024], cfg[1024];
  snprintf(tla, sizeof tla, "%s/corpus/examples/%s", shared(), c->tla);
  snprintf(cfg, sizeof cfg, "%s/corpus/examples/%s", shared(), c->cfg);
  if (access(tla, R_OK) != 0) {
    fprintf(stderr, "t92: %s is absent; the corpus test is skipped\n", tla);
    return;
  }
  const char *argv[] = {"check", "--engine", "explicit", "--config", cfg, tla,
                        NULL};
  LRun r = lrun(argv);
  ck_assert_msg(r.status == c->exit, "%s: exit %d, TLC's verdict is %d\n%s%s",
                c->tla, r.status, c->exit, r.out, r.err);
  if (c->distinct) {
    char want[128];
    snprintf(want, sizeof want, " states generated, %s distinct states found",
             c->distinct);
    ck_assert_msg(strstr(r.out, want), "%s: not TLC's count %s\n%s", c->tla,
                  c->distinct, r.out);
  } else {
    ck_assert_msg(strstr(r.out, "Error: Temporal property "), "%s", r.out);
  }
  lfree(&r);
}
END_TEST

Suite *liveness_suite(void) {
  Suite *s = suite_create("liveness");
  TCase *tc = tcase_create("tlc_reference");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, test_tlc_reference, 0, 4);
  suite_add_tcase(s, tc);
  tc = tcase_create("forms");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, test_form, 0, N_CASES);
  suite_add_tcase(s, tc);
  tc = tcase_create("corpus");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, test_corpus, 0,
                      (int)(sizeof corpus / sizeof corpus[0]));
  suite_add_tcase(s, tc);
  return s;
}
