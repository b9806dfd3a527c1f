/* t90_cli.c -- end-to-end tests of the command line: brink runs as a
 * subprocess, as a user would run it, and the tests read its exit code,
 * stdout and stderr.
 *
 * The heart is a differential test: every row of tests/specs/expected.tsv
 * runs through the symbolic engine and the explicit engine, and the two
 * must agree on the verdict and on the length of the counterexample (both
 * find shortest ones); the explicit engine's distinct-state count and depth
 * are checked against numbers worked out by hand.  A second differential
 * test compares the explicit engine with TLC's recorded counts on small
 * models of the shared corpus.  The rest covers the seed specs, every bad
 * input of tests/parse/expected.tsv, config and option errors, and the
 * replay guard (a corrupted solver model must never be shown).
 *
 * Environment: BRINK is the binary (default ./brink), SHARED the shared
 * corpus (default ../shared); the working directory is the repo root. */
#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

#define SPEC_TSV "tests/specs/expected.tsv"
#define PARSE_TSV "tests/parse/expected.tsv"
#define TYPES_TSV "tests/types/expected.tsv"
#define VALID_SPEC "tests/specs/CounterReachesFive.tla"
#define SEED "specs/DistributedCounter.tla"
#define SEED_CAS "specs/DistributedCounterCAS.tla"
#define MAX_ARGS 32
#define MAX_ROWS 4096

/* ---------------------------------------------------------------------
 * Running brink */

typedef struct Run {
  int status; /* exit code, or 128 + signal */
  char *out;  /* captured stdout, NUL-terminated */
  char *err;  /* captured stderr */
  char cmd[1024];
} Run;

typedef struct Argv {
  const char *v[MAX_ARGS + 1];
  int n;
} Argv;

static const char *brink_path(void) {
  const char *b = getenv("BRINK");
  return b && *b ? b : "./brink";
}

static const char *shared_path(void) {
  const char *s = getenv("SHARED");
  return s && *s ? s : "../shared";
}

static void argv_push(Argv *a, const char *s) {
  ck_assert_msg(a->n < MAX_ARGS, "too many arguments");
  a->v[a->n++] = s;
  a->v[a->n] = NULL;
}

/* Splits `words` on blanks into a (the words are copied into buf). */
static void argv_push_words(Argv *a, char *buf, size_t cap, const char *words) {
  if (!words || strcmp(words, "-") == 0)
    return;
  snprintf(buf, cap, "%s", words);
  char *save = NULL;
  for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
    argv_push(a, w);
}

static void argv_start(Argv *a, const char *cmd) {
  a->n = 0;
  argv_push(a, brink_path());
  argv_push(a, cmd);
}

static char *slurp_fd(int fd) {
  off_t len = lseek(fd, 0, SEEK_END);
  ck_assert_msg(len >= 0, "lseek failed");
  char *buf = malloc((size_t)len + 1);
  ck_assert_ptr_nonnull(buf);
  size_t got = 0;
  while (got < (size_t)len) {
    ssize_t r = pread(fd, buf + got, (size_t)len - got, (off_t)got);
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  buf[got] = '\0';
  return buf;
}

static int temp_fd(void) {
  char path[] = "/tmp/brink_cli_XXXXXX";
  int fd = mkstemp(path);
  ck_assert_msg(fd >= 0, "mkstemp failed");
  unlink(path);
  return fd;
}

/* Runs argv with stdout and stderr captured.  env, when not NULL, is a
 * NAME=VALUE added to the child's environment. */
static Run run_argv(const Argv *a, const char *env) {
  Run r;
  memset(&r, 0, sizeof r);
  size_t off = 0;
  if (env)
    off += (size_t)snprintf(r.cmd, sizeof r.cmd, "%s ", env);
  for (int i = 0; i < a->n && off < sizeof r.cmd; i++)
    off += (size_t)snprintf(r.cmd + off, sizeof r.cmd - off, "%s%s",
                            i ? " " : "", a->v[i]);
  int fo = temp_fd(), fe = temp_fd();
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  ck_assert_msg(pid >= 0, "fork failed");
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
      dup2(devnull, 0);
    dup2(fo, 1);
    dup2(fe, 2);
    if (env)
      putenv((char *)env);
    alarm(570); /* a hung brink dies before Check's timeout; generous:
                 * a limit guards against hangs only, never measures */
    execv(a->v[0], (char *const *)a->v);
    fprintf(stderr, "cannot run %s\n", a->v[0]);
    _exit(127);
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    ;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp_fd(fo);
  r.err = slurp_fd(fe);
  close(fo);
  close(fe);
  return r;
}

static void run_free(Run *r) {
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

/* ---------------------------------------------------------------------
 * Reading brink's output */

/* The number of `State N:` headers; -1 when they are not numbered 1, 2, ...
 * in order.  TLC's form for an invariant violated by an initial state
 * ("... is violated by the initial state:" and the state) is a trace of
 * one state. */
static int count_states(const char *out) {
  if (strstr(out, " is violated by the initial state:\n"))
    return strstr(out, "State 1:") ? -1 : 1;
  int n = 0;
  for (const char *p = out; p && *p;) {
    int k, len = 0;
    if (sscanf(p, "State %d:%n", &k, &len) == 1 && len > 0) {
      if (k != n + 1)
        return -1;
      n++;
    }
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return n;
}

/* The line of out that starts with prefix, or NULL. */
static const char *find_line(const char *out, const char *prefix) {
  size_t n = strlen(prefix);
  for (const char *p = out; p && *p;) {
    if (strncmp(p, prefix, n) == 0)
      return p;
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return NULL;
}

/* The invariant named in `Error: Invariant X is violated.` (into buf). */
static const char *violated_invariant(const char *out, char *buf, size_t cap) {
  const char *l = find_line(out, "Error: Invariant ");
  if (!l)
    return NULL;
  l += strlen("Error: Invariant ");
  size_t n = strcspn(l, " \n");
  if (n >= cap)
    n = cap - 1;
  memcpy(buf, l, n);
  buf[n] = '\0';
  return buf;
}

typedef struct Totals {
  long long generated, distinct, left, depth; /* -1 when not printed */
} Totals;

static Totals explicit_totals(const char *out) {
  Totals t = {-1, -1, -1, -1};
  for (const char *p = out; p && *p;) {
    long long g, d, l;
    int dep;
    if (sscanf(p,
               "%lld states generated, %lld distinct states found, %lld "
               "states left on queue.",
               &g, &d, &l) == 3) {
      t.generated = g;
      t.distinct = d;
      t.left = l;
    } else if (sscanf(p, "The depth of the complete state graph search is %d.",
                      &dep) == 1)
      t.depth = dep;
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return t;
}

/* The value printed for `var` in `State n:` (into buf), or NULL. */
static const char *state_var(const char *out, int n, const char *var, char *buf,
                             size_t cap) {
  char hdr[32];
  snprintf(hdr, sizeof hdr, "State %d:", n);
  const char *p = find_line(out, hdr);
  if (!p)
    return NULL;
  char want[128];
  snprintf(want, sizeof want, "/\\ %s = ", var);
  for (p = strchr(p, '\n'); p && p[1] && p[1] != '\n'; p = strchr(p, '\n')) {
    p++;
    if (strncmp(p, want, strlen(want)) == 0) {
      p += strlen(want);
      size_t len = strcspn(p, "\n");
      if (len >= cap)
        len = cap - 1;
      memcpy(buf, p, len);
      buf[len] = '\0';
      return buf;
    }
    if (strncmp(p, "State ", 6) == 0)
      break;
  }
  return NULL;
}

static long state_var_int(const char *out, int n, const char *var) {
  char buf[64];
  const char *v = state_var(out, n, var, buf, sizeof buf);
  ck_assert_msg(v, "no value for %s in State %d", var, n);
  char *end;
  long x = strtol(v, &end, 10);
  ck_assert_msg(*end == '\0', "%s = %s in State %d is not an integer", var, v,
                n);
  return x;
}

/* ---------------------------------------------------------------------
 * Tab-separated tables */

/* Splits line (modified in place) on tabs; returns the number of fields. */
static int split_tabs(char *line, char **f, int max) {
  int n = 0;
  line[strcspn(line, "\r\n")] = '\0';
  for (char *p = line; n < max;) {
    f[n++] = p;
    char *t = strchr(p, '\t');
    if (!t)
      break;
    *t = '\0';
    p = t + 1;
  }
  return n;
}

/* -1 for "-" or an empty field. */
static int num_field(const char *s) {
  if (!s || !*s || strcmp(s, "-") == 0)
    return -1;
  return atoi(s);
}

/* The data lines of a table: '#' comments and the header (first
 * non-comment line) are skipped.  Returns the number read; -1 when the
 * file cannot be opened. */
static int read_table(const char *path, char (*lines)[512], int max) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  char buf[512];
  int n = 0;
  bool header = true;
  while (fgets(buf, sizeof buf, f)) {
    if (buf[0] == '#' || buf[0] == '\n')
      continue;
    if (header) {
      header = false;
      continue;
    }
    if (n == max) { /* never drop rows silently */
      fclose(f);
      return -2;
    }
    snprintf(lines[n++], sizeof lines[0], "%s", buf);
  }
  fclose(f);
  return n;
}

/* ---------------------------------------------------------------------
 * The differential test over tests/specs/expected.tsv */

static char spec_lines[MAX_ROWS][512];
static int n_spec_rows;

typedef struct SpecRow {
  char *spec, *args;
  int exit_code, cex, distinct, depth;
} SpecRow;

static SpecRow spec_row(int i, char *line) {
  char *f[8];
  int n = split_tabs(line, f, 8);
  ck_assert_msg(n == 6, SPEC_TSV " row %d: 6 fields expected, found %d", i + 1,
                n);
  SpecRow r = {
      f[0],           f[1], atoi(f[2]), num_field(f[3]), num_field(f[4]),
      num_field(f[5])};
  return r;
}

static bool has_word(const char *args, const char *w) {
  size_t n = strlen(w);
  for (const char *p = strstr(args, w); p; p = strstr(p + 1, w))
    if ((p == args || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return true;
  return false;
}

static Run run_row(const SpecRow *r, const char *engine, char *buf,
                   size_t cap) {
  Argv a;
  argv_start(&a, "check");
  bool own_engine = has_word(r->args, "--engine");
  if (!own_engine) {
    argv_push(&a, "--engine");
    argv_push(&a, engine);
  }
  argv_push_words(&a, buf, cap, r->args);
  static char len[16];
  if (strcmp(engine, "symbolic") == 0 && !has_word(r->args, "--length")) {
    /* Long enough to reach every counterexample and, for rows without one,
     * every reachable state (the diameter is depth - 1 steps). */
    int k = r->cex > r->depth ? r->cex : r->depth;
    snprintf(len, sizeof len, "%d", (k > 0 ? k : 1) + 1);
    argv_push(&a, "--length");
    argv_push(&a, len);
  }
  argv_push(&a, r->spec);
  return run_argv(&a, NULL);
}

/* What every engine must print for the row's verdict. */
static void check_common(const SpecRow *r, const Run *run, const char *who) {
  ck_assert_msg(run->status == r->exit_code,
                "%s: `%s` exited %d, expected %d\nstdout:\n%s\nstderr:\n%s",
                who, run->cmd, run->status, r->exit_code, run->out, run->err);
  int states = count_states(run->out);
  ck_assert_msg(states >= 0, "%s: `%s`: State headers out of order:\n%s", who,
                run->cmd, run->out);
  if (r->cex >= 0)
    ck_assert_msg(states == r->cex,
                  "%s: `%s`: %d states in the trace, expected %d\n%s", who,
                  run->cmd, states, r->cex, run->out);
  else
    ck_assert_msg(states == 0, "%s: `%s`: a trace printed with no error:\n%s",
                  who, run->cmd, run->out);
  if (states > 0 && !strstr(run->out, " is violated by the initial state:\n"))
    ck_assert_msg(find_line(run->out, "State 1: <Initial predicate>"),
                  "%s: `%s`: State 1 is not the initial predicate:\n%s", who,
                  run->cmd, run->out);
  if (r->exit_code == 12)
    ck_assert_msg(find_line(run->out, "Error: Invariant "),
                  "%s: `%s`: no `Error: Invariant ... is violated.`\n%s", who,
                  run->cmd, run->out);
  if (r->exit_code == 11)
    ck_assert_msg(find_line(run->out, "Error: Deadlock reached."),
                  "%s: `%s`: no `Error: Deadlock reached.`\n%s", who, run->cmd,
                  run->out);
}

static void check_symbolic_run(const SpecRow *r, const Run *run) {
  check_common(r, run, "symbolic");
  if (r->exit_code == 12) {
    char inv[128], want[256];
    violated_invariant(run->out, inv, sizeof inv);
    snprintf(want, sizeof want,
             "brink: invariant %s is violated after %d step%s (a shortest "
             "counterexample: %d state",
             inv, r->cex - 1, r->cex == 2 ? "" : "s", r->cex);
    ck_assert_msg(strstr(run->out, want), "symbolic: `%s`: no `%s`\n%s",
                  run->cmd, want, run->out);
  }
  if (r->exit_code == 0)
    ck_assert_msg(strstr(run->out, "brink: no invariant is violated in "
                                   "executions of up to "),
                  "symbolic: `%s`: no summary line\n%s", run->cmd, run->out);
}

static void check_explicit_run(const SpecRow *r, const Run *run) {
  check_common(r, run, "explicit");
  /* A false ASSUME, or a bad spec or config: no search, as in TLC. */
  if (r->exit_code == 10 || r->exit_code >= 150)
    return;
  /* TLC prints no totals after an initial state's violation. */
  if (strstr(run->out, " is violated by the initial state:\n")) {
    ck_assert_msg(!strstr(run->out, "states generated"),
                  "explicit: `%s`: totals after an initial state's "
                  "violation\n%s",
                  run->cmd, run->out);
    return;
  }
  Totals t = explicit_totals(run->out);
  ck_assert_msg(t.distinct >= 0, "explicit: `%s`: no totals line\n%s", run->cmd,
                run->out);
  if (r->exit_code != 0)
    return;
  ck_assert_msg(
      find_line(run->out, "Model checking completed. No error has been found."),
      "explicit: `%s`: no `Model checking completed.`\n%s", run->cmd, run->out);
  /* TLCSet("exit", TRUE) stops the search with states left, as TLC. */
  ck_assert_msg(t.left == 0 || find_line(run->out, "brink: the search "
                                                "was stopped by TLCSet"),
                "explicit: `%s`: %lld states left on queue", run->cmd, t.left);
  if (r->distinct >= 0)
    ck_assert_msg(t.distinct == r->distinct,
                  "explicit: `%s`: %lld distinct states, expected %d\n%s",
                  run->cmd, t.distinct, r->distinct, run->out);
  if (r->depth >= 0)
    ck_assert_msg(t.depth == r->depth,
                  "explicit: `%s`: depth %lld, expected %d\n%s", run->cmd,
                  t.depth, r->depth, run->out);
}

START_TEST(test_spec_row) {
  ck_assert_msg(n_spec_rows > 0,
                "cannot read " SPEC_TSV " (or it has over %d rows)", MAX_ROWS);
  char line[512];
  snprintf(line, sizeof line, "%s", spec_lines[_i]);
  SpecRow r = spec_row(_i, line);
  bool sym = !has_word(r.args, "--engine") || strstr(r.args, "symbolic");
  bool exp = !has_word(r.args, "--engine") || strstr(r.args, "explicit");
  char b1[512], b2[512];
  Run s = {0}, e = {0};
  if (sym)
    s = run_row(&r, "symbolic", b1, sizeof b1);
  if (exp)
    e = run_row(&r, "explicit", b2, sizeof b2);
  if (sym && exp) {
    /* The differential check: same verdict, same counterexample length,
     * and the same invariant named. */
    int ns = count_states(s.out), ne = count_states(e.out);
    ck_assert_msg(s.status == e.status && ns == ne,
                  "the engines disagree on %s %s: symbolic exit %d with %d "
                  "states, explicit exit %d with %d states\n"
                  "symbolic stdout:\n%s\nsymbolic stderr:\n%s\n"
                  "explicit stdout:\n%s\nexplicit stderr:\n%s",
                  r.spec, r.args, s.status, ns, e.status, ne, s.out, s.err,
                  e.out, e.err);
    char i1[128], i2[128];
    const char *v1 = violated_invariant(s.out, i1, sizeof i1);
    const char *v2 = violated_invariant(e.out, i2, sizeof i2);
    ck_assert_msg((!v1 && !v2) || (v1 && v2 && strcmp(v1, v2) == 0),
                  "the engines name different invariants on %s %s: %s / %s",
                  r.spec, r.args, v1 ? v1 : "(none)", v2 ? v2 : "(none)");
  }
  if (sym)
    check_symbolic_run(&r, &s);
  if (exp)
    check_explicit_run(&r, &e);
  run_free(&s);
  run_free(&e);
}
END_TEST

/* ---------------------------------------------------------------------
 * The explicit engine against TLC's recorded counts (shared corpus) */

/* Small models both engines handle; TLC's numbers come from models.tsv. */
static const char *const corpus_models[] = {
    "specifications/DieHard/DieHard.tla",
    "specifications/DieHard/MCDieHarder.tla",
    "specifications/MissionariesAndCannibals/MissionariesAndCannibals.tla",
    "specifications/SpecifyingSystems/AsynchronousInterface/"
    "AsynchInterface.tla",
    "specifications/SpecifyingSystems/AsynchronousInterface/Channel.tla",
    "specifications/SpecifyingSystems/HourClock/HourClock.tla",
    "specifications/SpecifyingSystems/TLC/ABCorrectness.tla",
    "specifications/barriers/Barrier.tla",
    "specifications/btree/kvstore.tla",
    "specifications/byihive/VoucherLifeCycle.tla",
    "specifications/ewd840/SyncTerminationDetection.tla",
    "specifications/transaction_commit/TCommit.tla",
};
#define N_CORPUS ((int)(sizeof corpus_models / sizeof corpus_models[0]))

/* TLC's trace files hold several top-level modules; the first EXTENDS and
 * INSTANCEs the others, which brink finds in the same file, as SANY does. */
START_TEST(test_trace_file_modules) {
  static const char *const files[] = {
      "specifications/DieHard/DieHard_TTrace_1795241861.tla",
      "specifications/MissionariesAndCannibals/"
      "MissionariesAndCannibals_TTrace_1795241910.tla",
  };
  if (!fixture_shared())
    return; /* skipped: the runner says so */
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char tla[1024];
    snprintf(tla, sizeof tla, "%s/corpus/examples/%s", shared_path(),
             files[i]);
    for (int rt = 0; rt < 2; rt++) {
      Argv a;
      argv_start(&a, "parse");
      if (rt)
        argv_push(&a, "--roundtrip");
      argv_push(&a, tla);
      Run r = run_argv(&a, NULL);
      ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                    r.out, r.err);
      run_free(&r);
    }
  }
}
END_TEST

START_TEST(test_corpus_model) {
  char tsv[1024], line[4096];
  if (!fixture_shared())
    return; /* skipped: the runner says so */
  snprintf(tsv, sizeof tsv, "%s/corpus/models.tsv", shared_path());
  FILE *f = fopen(tsv, "r");
  ck_assert_msg(f, "cannot read %s (set SHARED)", tsv);
  char *fld[24];
  bool found = false;
  while (fgets(line, sizeof line, f)) {
    if (split_tabs(line, fld, 24) >= 10 &&
        strcmp(fld[1], corpus_models[_i]) == 0) {
      found = true;
      break;
    }
  }
  fclose(f);
  ck_assert_msg(found, "%s is not in %s", corpus_models[_i], tsv);
  const char *verdict = fld[5];
  int distinct = num_field(fld[6]), total = num_field(fld[7]);
  int depth = num_field(fld[8]), cex = num_field(fld[9]);
  bool violation = strcmp(verdict, "safety failure") == 0;
  char tla[1024], cfg[1024], len[16];
  snprintf(tla, sizeof tla, "%s/corpus/examples/%s", shared_path(), fld[1]);
  snprintf(cfg, sizeof cfg, "%s/corpus/examples/%s", shared_path(), fld[2]);

  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  /* TLC's verdict covers the temporal properties too (liveness.h). */
  argv_push(&a, "--config");
  argv_push(&a, cfg);
  argv_push(&a, tla);
  Run e = run_argv(&a, NULL);
  Totals t = explicit_totals(e.out);
  if (violation) {
    ck_assert_msg(e.status == 12, "`%s` exited %d, TLC found a violation\n%s%s",
                  e.cmd, e.status, e.out, e.err);
    ck_assert_msg(count_states(e.out) == cex,
                  "`%s`: %d states in the trace, TLC's has %d", e.cmd,
                  count_states(e.out), cex);
  } else {
    ck_assert_msg(e.status == 0, "`%s` exited %d, TLC found no error\n%s%s",
                  e.cmd, e.status, e.out, e.err);
    ck_assert_msg(
        t.distinct == distinct && t.generated == total && t.depth == depth,
        "`%s`: %lld generated, %lld distinct, depth %lld; TLC: %d, "
        "%d, %d",
        e.cmd, t.generated, t.distinct, t.depth, total, distinct, depth);
  }

  /* The symbolic engine (which leaves liveness to the explicit engine): a
   * violation of the same length, or none within the diameter. */
  snprintf(len, sizeof len, "%d", violation ? cex : depth);
  argv_start(&a, "check");
  argv_push(&a, "--safety-only");
  argv_push(&a, "--length");
  argv_push(&a, len);
  argv_push(&a, "--config");
  argv_push(&a, cfg);
  argv_push(&a, tla);
  Run s = run_argv(&a, NULL);
  ck_assert_msg(s.status == e.status &&
                    count_states(s.out) == count_states(e.out),
                "the engines disagree on %s: symbolic exit %d with %d states, "
                "explicit exit %d with %d states\n%s",
                fld[1], s.status, count_states(s.out), e.status,
                count_states(e.out), s.err);
  run_free(&e);
  run_free(&s);
}
END_TEST

/* ---------------------------------------------------------------------
 * The evaluator's memo of state-level definitions (--no-state-memo
 * turns it off) changes nothing but the time: same verdict, same counts,
 * same trace.  StateMemo.tla's POSTCONDITION counts the evaluations of a
 * definition with an effect, which the memo must not skip. */

static Run run_memo(const char *const *words, int n, bool memo) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  if (!memo)
    argv_push(&a, "--no-state-memo");
  for (int i = 0; i < n; i++)
    argv_push(&a, words[i]);
  return run_argv(&a, NULL);
}

static void expect_memo_agrees(const char *const *words, int n, int code,
                               long long distinct) {
  Run on = run_memo(words, n, true), off = run_memo(words, n, false);
  Totals t = explicit_totals(on.out), u = explicit_totals(off.out);
  ck_assert_msg(on.status == code && off.status == code,
                "`%s` exited %d and %d without the memo, expected %d\n%s%s",
                on.cmd, on.status, off.status, code, on.out, on.err);
  ck_assert_msg(t.distinct == distinct && u.distinct == distinct &&
                    t.generated == u.generated && t.depth == u.depth,
                "`%s`: %lld/%lld distinct, %lld/%lld generated, depth "
                "%lld/%lld with and without the memo, expected %lld "
                "distinct\n%s",
                on.cmd, t.distinct, u.distinct, t.generated, u.generated,
                t.depth, u.depth, distinct, on.out);
  ck_assert_int_eq(count_states(on.out), count_states(off.out));
  run_free(&on);
  run_free(&off);
}

START_TEST(test_state_memo_effects) {
  const char *w[] = {"tests/specs/StateMemo.tla"};
  expect_memo_agrees(w, 1, 0, 61);
}
END_TEST

START_TEST(test_state_memo_primed_candidates) {
  /* opOrder' \in SUBSET (opId' \X opId') /\ Serializable': the primed
   * predicate is evaluated once per candidate, with opId' unchanged. */
  char cfg[512], tla[512];
  if (!fixture_shared())
    return; /* skipped: the runner says so */
  const char *dir = "corpus/examples/specifications/SpecifyingSystems/"
                    "AdvancedExamples";
  snprintf(cfg, sizeof cfg, "%s/%s/MCInnerSerial.cfg", shared_path(), dir);
  snprintf(tla, sizeof tla, "%s/%s/MCInnerSerial.tla", shared_path(), dir);
  /* Its liveness properties are not checked by the explicit engine yet. */
  const char *w[] = {"--safety-only", "--length", "3", "--config", cfg, tla};
  expect_memo_agrees(w, 6, 0, 160);
}
END_TEST

/* ---------------------------------------------------------------------
 * PROPERTY checking in the explicit engine (tests/specs/ActionProps.tla) */

/* `brink check --engine E [--safety-only] --config cfg tla`. */
static Run run_engine(const char *engine, bool safety_only, const char *cfg,
                      const char *tla) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, engine);
  if (safety_only)
    argv_push(&a, "--safety-only");
  argv_push(&a, "--config");
  argv_push(&a, cfg);
  argv_push(&a, tla);
  return run_argv(&a, NULL);
}

static Run run_explicit_cfg(const char *cfg) {
  return run_engine("explicit", false, cfg, "tests/specs/ActionProps.tla");
}

START_TEST(test_action_property_violated) {
  Run r = run_explicit_cfg("tests/specs/ActionPropsMonotone.cfg");
  ck_assert_msg(r.status == 13, "`%s` exited %d, expected 13\n%s%s", r.cmd,
                r.status, r.out, r.err);
  ck_assert_msg(find_line(r.out, "Error: Action property Monotone is "
                                 "violated."),
                "no `Error: Action property Monotone is violated.`:\n%s",
                r.out);
  ck_assert_msg(find_line(r.out, "Error: The behavior up to this point is:"),
                "no trace header:\n%s", r.out);
  /* The trace ends with the violating step: the reset from 3 to 0. */
  ck_assert_int_eq(count_states(r.out), 5);
  ck_assert_int_eq(state_var_int(r.out, 4, "x"), 3);
  ck_assert_int_eq(state_var_int(r.out, 5, "x"), 0);
  ck_assert_int_eq(state_var_int(r.out, 5, "y"), 1);
  ck_assert_msg(strstr(r.out, "State 5: <Reset line "),
                "the last step is not named Reset:\n%s", r.out);
  run_free(&r);
}
END_TEST

START_TEST(test_action_property_holds) {
  /* The liveness conjunct Finishes, with no fairness, is violated by a
   * behaviour that stutters forever (liveness.h); the safety conjuncts
   * hold on the whole state space first. */
  Run r = run_explicit_cfg("tests/specs/ActionProps.cfg");
  ck_assert_msg(r.status == 13, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(find_line(r.out, "Error: Temporal property Finishes was "
                                 "violated."),
                "%s", r.out);
  ck_assert_msg(find_line(r.out, "State 6: Stuttering"), "%s", r.out);
  ck_assert_msg(!strstr(r.out, "not checked"), "%s", r.out);
  run_free(&r);
  /* --safety-only: the rest is checked and the summary says what was left
   * out. */
  r = run_engine("explicit", true, "tests/specs/ActionProps.cfg",
                 "tests/specs/ActionProps.tla");
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(
      find_line(r.out, "Model checking completed. No error has been found."),
      "%s", r.out);
  ck_assert_msg(find_line(r.out, "brink: --safety-only: 1 temporal property "
                                 "and 0 fairness conditions were not "
                                 "checked, as asked."),
                "%s", r.out);
  ck_assert_msg(!strstr(r.err, "PROPERTY Refines"), "%s", r.err);
  run_free(&r);
  /* A property that is a bare action is a config error at its definition. */
  r = run_explicit_cfg("tests/specs/ActionPropsNotBoxed.cfg");
  ck_assert_int_eq(r.status, 151);
  ck_assert_msg(strstr(r.err, "ActionProps.tla:25:13: error: PROPERTY "
                              "NotBoxed") &&
                    strstr(r.err, "not a temporal formula"),
                "%s", r.err);
  run_free(&r);
  /* A state predicate as a property is checked in the initial states. */
  r = run_explicit_cfg("tests/specs/ActionPropsInit.cfg");
  ck_assert_int_eq(r.status, 13);
  ck_assert_msg(find_line(r.out, "Error: Property StartsAtOne is violated by "
                                 "the initial state:"),
                "%s", r.out);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Choices from Seq(S) are bounded by --max-seq-len, and the verdict says so
 * (tests/specs/SeqChoice.tla) */

static Run run_seq_choice(const char *extra, const char *bound) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--next");
  argv_push(&a, "Grow");
  argv_push(&a, "--inv");
  argv_push(&a, "ShortEnough");
  argv_push(&a, "--length");
  argv_push(&a, "6");
  if (extra)
    argv_push(&a, extra);
  if (bound) {
    argv_push(&a, "--max-seq-len");
    argv_push(&a, bound);
  }
  argv_push(&a, "tests/specs/SeqChoice.tla");
  return run_argv(&a, NULL);
}

START_TEST(test_seq_choice_bound) {
  /* Grow lengthens q by one each step: with sequences of at most 4
   * elements the state after 4 steps has no successor, which may be the
   * bound's doing, so no deadlock is claimed. */
  Run r = run_seq_choice(NULL, NULL);
  ck_assert_msg(r.status == 255, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(strstr(r.out, "have at most 4 elements; whether it has one "
                              "with longer sequences is not known"),
                "%s", r.out);
  ck_assert_msg(!strstr(r.out, "Deadlock reached"), "%s", r.out);
  ck_assert_int_eq(count_states(r.out), 5);
  run_free(&r);
  /* Without the deadlock check the answer holds for those sequences only,
   * and says so. */
  r = run_seq_choice("--no-deadlock", NULL);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(strstr(r.out, "sequences chosen from Seq(S) have at most 4 "
                              "elements (--max-seq-len)"),
                "%s", r.out);
  run_free(&r);
  /* A larger bound lets Grow go on. */
  r = run_seq_choice(NULL, "7");
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(strstr(r.out, "no invariant is violated in executions of up "
                              "to 6 steps"),
                "%s", r.out);
  run_free(&r);
  r = run_seq_choice(NULL, "-1");
  ck_assert_int_eq(r.status, 255);
  ck_assert_msg(strstr(r.err, "--max-seq-len must be a number from 0 to 1000, "
                              "not '-1'"),
                "%s", r.err);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * The seed */

START_TEST(test_seed_lost_increment) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, SEED);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 12, "`%s` exited %d\n%s%s", r.cmd, r.status, r.out,
                r.err);
  ck_assert_msg(
      find_line(r.out, "Error: Invariant NoLostIncrement is violated."),
      "no violation of NoLostIncrement reported:\n%s", r.out);
  int n = count_states(r.out);
  ck_assert_int_eq(n, 9);
  ck_assert_msg(strstr(r.out, "brink: invariant NoLostIncrement is violated "
                              "after 8 steps (a shortest counterexample: 9 "
                              "states)"),
                "no summary line:\n%s", r.out);
  /* The lost update: both nodes read the same value and both wrote. */
  ck_assert_int_eq(state_var_int(r.out, 9, "val1"),
                   state_var_int(r.out, 9, "val2"));
  ck_assert_int_eq(state_var_int(r.out, 9, "counter"), 1);
  ck_assert_int_eq(
      state_var_int(r.out, 9, "done1") + state_var_int(r.out, 9, "done2"), 2);
  ck_assert_int_eq(state_var_int(r.out, 1, "counter"), 0);
  char pc[256];
  ck_assert_str_eq(state_var(r.out, 1, "pc", pc, sizeof pc),
                   "[Node1 |-> \"Node1_begin\", Node2 |-> \"Node2_begin\"]");
  ck_assert_msg(strstr(r.out, "State 2: <N1Begin line ") ||
                    strstr(r.out, "State 2: <N2Begin line "),
                "State 2 does not name its action:\n%s", r.out);
  ck_assert_msg(strstr(r.out, " of module DistributedCounter>"),
                "the actions do not name their module:\n%s", r.out);
  run_free(&r);

  /* The explicit engine finds a counterexample just as short. */
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  argv_push(&a, SEED);
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 12);
  ck_assert_int_eq(count_states(r.out), 9);
  ck_assert_int_eq(state_var_int(r.out, 9, "counter"), 1);
  run_free(&r);
}
END_TEST

START_TEST(test_seed_cas_holds) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--length");
  argv_push(&a, "20");
  argv_push(&a, SEED_CAS);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status, r.out,
                r.err);
  ck_assert_msg(
      strstr(r.out, "no invariant is violated in executions of up to 20 steps"),
      "no summary line:\n%s", r.out);
  ck_assert_int_eq(count_states(r.out), 0);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Bad input: tests/parse/expected.tsv */

static char parse_lines[MAX_ROWS][512];
static int n_parse_rows;

START_TEST(test_parse_row) {
  ck_assert_msg(n_parse_rows > 0, "cannot read " PARSE_TSV);
  char line[512], *f[6];
  snprintf(line, sizeof line, "%s", parse_lines[_i]);
  int n = split_tabs(line, f, 6);
  ck_assert_msg(n == 4, PARSE_TSV " row %d: 4 fields expected", _i + 1);
  char path[512], where[600];
  snprintf(path, sizeof path, "tests/parse/%s", f[0]);
  snprintf(where, sizeof where, "%s:%s:", path, f[3]);
  size_t len = strlen(path);
  bool cfg = len > 4 && strcmp(path + len - 4, ".cfg") == 0;
  Argv a;
  if (cfg) {
    argv_start(&a, "check");
    argv_push(&a, "--config");
    argv_push(&a, path);
    argv_push(&a, VALID_SPEC);
  } else {
    argv_start(&a, "parse");
    argv_push(&a, path);
  }
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == atoi(f[1]), "`%s` exited %d, expected %s\n%s",
                r.cmd, r.status, f[1], r.err);
  ck_assert_msg(strstr(r.err, where), "`%s`: stderr does not locate %s:\n%s",
                r.cmd, where, r.err);
  ck_assert_msg(strstr(r.err, f[2]), "`%s`: stderr lacks \"%s\":\n%s", r.cmd,
                f[2], r.err);
  ck_assert_msg(!find_line(r.out, "State 1:"), "a trace after a bad input");
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Ill-typed specs: tests/types/expected.tsv.  Each X.tla is typechecked
 * (with X.cfg when there is one, else without a config); the row gives the
 * exit code, a substring of the message and where it must point. */

static char types_lines[MAX_ROWS][512];
static int n_types_rows;

START_TEST(test_types_row) {
  ck_assert_msg(n_types_rows > 0, "cannot read " TYPES_TSV);
  char line[512], *f[6];
  snprintf(line, sizeof line, "%s", types_lines[_i]);
  int n = split_tabs(line, f, 6);
  ck_assert_msg(n == 4, TYPES_TSV " row %d: 4 fields expected", _i + 1);
  char path[512], cfg[512], where[600];
  snprintf(path, sizeof path, "tests/types/%s", f[0]);
  snprintf(where, sizeof where, "%s:%s:", path, f[3]);
  snprintf(cfg, sizeof cfg, "%.*s.cfg", (int)strlen(path) - 4, path);
  Argv a;
  argv_start(&a, "typecheck");
  if (access(cfg, R_OK) == 0) {
    argv_push(&a, "--config");
    argv_push(&a, cfg);
  }
  argv_push(&a, path);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == atoi(f[1]), "`%s` exited %d, expected %s\n%s",
                r.cmd, r.status, f[1], r.err);
  ck_assert_msg(strstr(r.err, where), "`%s`: stderr does not locate %s:\n%s",
                r.cmd, where, r.err);
  ck_assert_msg(strstr(r.err, f[2]), "`%s`: stderr lacks \"%s\":\n%s", r.cmd,
                f[2], r.err);
  run_free(&r);
}
END_TEST

/* brink typecheck --verbose names the representations it chose. */
START_TEST(test_typecheck_verbose) {
  Argv a;
  argv_start(&a, "typecheck");
  argv_push(&a, "--verbose");
  argv_push(&a, "tests/specs/TypeChoices.tla");
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s", r.cmd, r.status, r.err);
  const char *want[] = {
      "VARIABLE log : Seq(Str)",
      "VARIABLE board : Int -> Bool",
      "VARIABLE edge : <<Int, Int>>",
      "CONSTANT Word : Seq(a)",
      "VARIABLE seen : Set(a)",
      "representations chosen where the uses leave them open:",
      "board: Int -> Bool: a function over integers",
      "edge: <<Int, Int>>: could be a sequence",
      "Word: Seq(a): only Len, \\o or SubSeq are applied",
      "seen: a: no use constrains this type",
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++)
    ck_assert_msg(strstr(r.out, want[i]), "`%s`: no \"%s\" in:\n%s", r.cmd,
                  want[i], r.out);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Config and option errors, on specs written to a temporary directory */

static char tmpdir[256];

static void tmp_setup(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/brink_cli_XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void tmp_teardown(void) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (system(cmd) != 0)
    fprintf(stderr, "t90_cli: cannot remove %s\n", tmpdir);
}

/* Writes tmpdir/name; returns its path (a static buffer per slot). */
static const char *tmp_file(int slot, const char *name, const char *text) {
  static char paths[4][512];
  snprintf(paths[slot], sizeof paths[slot], "%s/%s", tmpdir, name);
  FILE *f = fopen(paths[slot], "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  return paths[slot];
}

static const char counter_tla[] = "---- MODULE Counter ----\n"
                                  "EXTENDS Naturals\n"
                                  "CONSTANT Max\n"
                                  "VARIABLE x\n"
                                  "Init == x = 0\n"
                                  "Next == x < Max /\\ x' = x + 1\n"
                                  "Inv == x <= Max\n"
                                  "====\n";

/* Runs `brink check [--config cfg] spec` and checks the exit code and that
 * stderr holds each of the (NULL-terminated) substrings. */
static void expect_error(int code, const char *cfg, const char *spec, ...) {
  Argv a;
  argv_start(&a, "check");
  if (cfg) {
    argv_push(&a, "--config");
    argv_push(&a, cfg);
  }
  argv_push(&a, spec);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == code, "`%s` exited %d, expected %d\n%s%s", r.cmd,
                r.status, code, r.out, r.err);
  va_list ap;
  va_start(ap, spec);
  for (const char *s = va_arg(ap, const char *); s;
       s = va_arg(ap, const char *))
    ck_assert_msg(strstr(r.err, s), "`%s`: stderr lacks \"%s\":\n%s", r.cmd, s,
                  r.err);
  va_end(ap);
  ck_assert_msg(!find_line(r.out, "State 1:"), "`%s`: a trace after an error",
                r.cmd);
  run_free(&r);
}

START_TEST(test_unknown_operator) {
  const char *spec = tmp_file(0, "Undef.tla",
                              "---- MODULE Undef ----\n"
                              "EXTENDS Naturals\n"
                              "VARIABLE x\n"
                              "Init == x = 0\n"
                              "Next == x' = foo + 1\n"
                              "====\n");
  const char *cfg = tmp_file(1, "Undef.cfg", "INIT Init\nNEXT Next\n");
  char where[600];
  snprintf(where, sizeof where, "%s:5:14:", spec);
  expect_error(150, cfg, spec, where, "unknown operator 'foo'", NULL);
  Argv a;
  argv_start(&a, "parse");
  argv_push(&a, spec);
  Run r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 150);
  ck_assert_msg(strstr(r.err, where) && strstr(r.err, "unknown operator 'foo'"),
                "brink parse: %s", r.err);
  run_free(&r);
}
END_TEST

START_TEST(test_missing_constant_value) {
  const char *spec = tmp_file(0, "Counter.tla", counter_tla);
  const char *cfg =
      tmp_file(1, "NoMax.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  expect_error(151, cfg, spec, "Max", NULL);
  /* With the value the model checks; substituting an undefined operator
   * for the constant is a config error again. */
  cfg = tmp_file(2, "Good.cfg",
                 "CONSTANT Max = 3\nINIT Init\nNEXT Next\nINVARIANT Inv\n");
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--config");
  argv_push(&a, cfg);
  argv_push(&a, "--no-deadlock");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  argv_push(&a, spec);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status, r.out,
                r.err);
  ck_assert_int_eq(explicit_totals(r.out).distinct, 4);
  run_free(&r);
  cfg = tmp_file(3, "Subst.cfg",
                 "CONSTANT Max <- NoSuchOp\nINIT Init\nNEXT Next\n");
  expect_error(151, cfg, spec, "NoSuchOp", NULL);
}
END_TEST

START_TEST(test_undefined_invariant) {
  const char *spec = tmp_file(0, "Counter.tla", counter_tla);
  const char *cfg = tmp_file(1, "BadInv.cfg",
                             "CONSTANT Max = 3\nINIT Init\nNEXT Next\n"
                             "INVARIANT NoSuchInv\n");
  char where[600];
  snprintf(where, sizeof where, "%s:4:11:", cfg);
  expect_error(151, cfg, spec, where, "NoSuchInv", NULL);
  /* The same through --inv. */
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--inv");
  argv_push(&a, "Inv,NoSuchInv");
  argv_push(&a, "--config");
  argv_push(&a, tmp_file(2, "Ok.cfg",
                         "CONSTANT Max = 3\nINIT Init\n"
                         "NEXT Next\n"));
  argv_push(&a, spec);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 151 && strstr(r.err, "NoSuchInv"),
                "`%s` exited %d\n%s", r.cmd, r.status, r.err);
  run_free(&r);
  /* INIT naming an undefined operator. */
  cfg = tmp_file(3, "BadInit.cfg", "CONSTANT Max = 3\nINIT Start\nNEXT Next\n");
  expect_error(151, cfg, spec, "Start", NULL);
}
END_TEST

/* One file holding the spec, a module it extends and its model (a
 * `---- CONFIG Name ----` section, as in TLC's trace files): checked with
 * no .cfg file, and with the .tla given as the config; an error in the
 * section is located in the .tla. */
START_TEST(test_config_in_spec_file) {
  const char *mono = "---- MODULE Mono ----\n"
                     "EXTENDS Helper\n"
                     "VARIABLE x\n"
                     "Init == x = 0\n"
                     "Next == x < Max /\\ x' = x + 1\n"
                     "Inv == x <= 2\n"
                     "====\n"
                     "---- MODULE Helper ----\n"
                     "EXTENDS Naturals\n"
                     "Max == 3\n"
                     "====\n"
                     "---- CONFIG Mono ----\n"
                     "INIT Init\nNEXT Next\nINVARIANT Inv\n"
                     "====\n";
  const char *spec = tmp_file(0, "Mono.tla", mono);
  for (int given = 0; given < 2; given++) {
    Argv a;
    argv_start(&a, "check");
    argv_push(&a, "--engine");
    argv_push(&a, "explicit");
    if (given) {
      argv_push(&a, "--config");
      argv_push(&a, spec);
    }
    argv_push(&a, spec);
    Run r = run_argv(&a, NULL);
    ck_assert_msg(r.status == 12, "`%s` exited %d\n%s%s", r.cmd, r.status,
                  r.out, r.err);
    ck_assert_msg(strstr(r.out, "Invariant Inv is violated"), "%s", r.out);
    run_free(&r);
  }
  spec = tmp_file(1, "Bad.tla",
                  "---- MODULE Bad ----\nVARIABLE x\nInit == x = 0\n====\n"
                  "---- CONFIG Bad ----\nINIT Init\nBOGUS x\n====\n");
  char where[600];
  snprintf(where, sizeof where, "%s:7:1:", spec);
  expect_error(151, NULL, spec, where, "unknown keyword 'BOGUS'", NULL);
}
END_TEST

START_TEST(test_missing_cfg) {
  /* No Spec.cfg beside the spec. */
  const char *spec = tmp_file(0, "Counter.tla", counter_tla);
  expect_error(151, NULL, spec, "Counter.cfg", NULL);
  char cfg[600];
  snprintf(cfg, sizeof cfg, "%s/nonexistent.cfg", tmpdir);
  expect_error(151, cfg, VALID_SPEC, "nonexistent.cfg", NULL);
}
END_TEST

START_TEST(test_tlcget_unsupported) {
  /* A TLCGet key brink does not know is a located error, not a guess. */
  const char *spec = tmp_file(0, "Get.tla",
                              "---- MODULE Get ----\n"
                              "EXTENDS Naturals, TLC\n"
                              "VARIABLE x\n"
                              "ASSUME TLCGet(\"spec\") = 1\n"
                              "Init == x = 0\n"
                              "Next == x' = x\n"
                              "====\n");
  const char *cfg = tmp_file(1, "Get.cfg", "INIT Init\nNEXT Next\n");
  char where[600];
  snprintf(where, sizeof where, "%s:4:8:", spec);
  expect_error(255, cfg, spec, where, "TLCGet(\"spec\") is not supported",
               NULL);
  /* TLCGet("config") describes a breadth-first search to the depth
   * bound in both engines; the state counts exist in the explicit one
   * only. */
  spec = tmp_file(2, "Cfg.tla",
                  "---- MODULE Cfg ----\n"
                  "EXTENDS Naturals, TLC\n"
                  "VARIABLE x\n"
                  "ASSUME TLCGet(\"config\").mode = \"bfs\"\n"
                  "ASSUME TLCGet(\"config\").depth = 3\n"
                  "ASSUME TLCGet(\"distinct\") = 0\n"
                  "Init == x = 0\n"
                  "Next == x' = x\n"
                  "====\n");
  cfg = tmp_file(3, "Cfg.cfg", "INIT Init\nNEXT Next\n");
  snprintf(where, sizeof where, "%s:6:8:", spec);
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--length");
  argv_push(&a, "3");
  argv_push(&a, "--config");
  argv_push(&a, cfg);
  argv_push(&a, spec);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 75, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(strstr(r.err, where) &&
                    strstr(r.err, "TLCGet(\"distinct\") counts the states of "
                                  "a breadth-first search; brink knows it "
                                  "only with --engine explicit"),
                "%s", r.err);
  run_free(&r);
  /* A file an operator of brink's own modules cannot read is an
   * evaluation error (75), not a failed Assert of the spec (14). */
  spec = tmp_file(0, "Nd.tla",
                  "---- MODULE Nd ----\n"
                  "EXTENDS Json\n"
                  "VARIABLE x\n"
                  "ASSUME ndJsonDeserialize(\"log.ndjson\") = <<>>\n"
                  "Init == x = 0\n"
                  "Next == x' = x\n"
                  "====\n");
  cfg = tmp_file(1, "Nd.cfg", "INIT Init\nNEXT Next\n");
  expect_error(75, cfg, spec,
               "ndJsonDeserialize: cannot read the file log.ndjson", NULL);
}
END_TEST

static void expect_cli_error(const char *words, const char *msg) {
  char buf[512];
  Argv a;
  a.n = 0;
  argv_push(&a, brink_path());
  argv_push_words(&a, buf, sizeof buf, words);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 255, "`%s` exited %d, expected 255\n%s%s", r.cmd,
                r.status, r.out, r.err);
  ck_assert_msg(strstr(r.err, msg), "`%s`: stderr lacks \"%s\":\n%s", r.cmd,
                msg, r.err);
  ck_assert_msg(!find_line(r.out, "State 1:"), "`%s`: a trace", r.cmd);
  run_free(&r);
}

/* ---------------------------------------------------------------------
 * Never exit 0 with anything unchecked (checked.h): each refusal names the
 * formula and where it is, on both engines; --safety-only opts out of
 * liveness and says so; a safety violation is still a verdict. */

static Run run_refuse(const char *engine, const char *cfg, bool safety_only) {
  return run_engine(engine, safety_only, cfg, "tests/specs/LiveRefuse.tla");
}

START_TEST(test_unchecked_refused) {
  static const char *const engines[] = {"explicit", "symbolic"};
  const char *e = engines[_i];
  Run r = run_refuse(e, "tests/specs/LiveRefuse.cfg", false);
  /* Both engines check liveness: Reaches holds under WF (the symbolic
   * engine: no lasso within --length). */
  ck_assert_msg(r.status == 0 &&
                    find_line(r.out, _i == 0 ? "brink: checked: 1 invariant "
                                               "checked in every state, 1 "
                                               "temporal property under "
                                               "fairness."
                                             : "brink: no lasso of up to "),
                "`%s` exited %d\n%s%s", r.cmd, r.status, r.out, r.err);
  run_free(&r);
  /* With an ACTION_CONSTRAINT the symbolic engine does not look for
   * lassos. */
  r = run_refuse("symbolic", "tests/specs/LiveRefuseCons.cfg", false);
  ck_assert_msg(r.status == 255, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(!strstr(r.out, "No error has been found"), "%s", r.out);
  ck_assert_msg(strstr(r.out, "brink: not checked: temporal property Reaches "
                              "at tests/specs/LiveRefuse.tla:10:12 (PROPERTY "
                              "at tests/specs/LiveRefuseCons.cfg:3:10)"),
                "%s", r.out);
  ck_assert_msg(strstr(r.out, "brink: not checked: fairness condition "
                              "WF_x(Next) at tests/specs/LiveRefuse.tla:9:"),
                "%s", r.out);
  ck_assert_msg(strstr(r.out, "brink: the check is incomplete: 2 formulas "
                              "above were not checked"),
                "%s", r.out);
  run_free(&r);

  r = run_refuse(e, "tests/specs/LiveRefuse.cfg", true);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(find_line(r.out, "brink: --safety-only: 1 temporal property "
                                 "and 1 fairness condition were not checked, "
                                 "as asked."),
                "%s", r.out);
  run_free(&r);

  /* Fairness with no temporal property changes no verdict. */
  r = run_refuse(e, "tests/specs/LiveRefuseFairOnly.cfg", false);
  ck_assert_msg(r.status == 0 && !strstr(r.out, "not checked"),
                "`%s` exited %d\n%s%s", r.cmd, r.status, r.out, r.err);
  run_free(&r);

  /* A safety violation is a verdict whatever else is unchecked. */
  r = run_refuse(e, "tests/specs/LiveRefuseUnsafe.cfg", false);
  ck_assert_msg(r.status == 12 &&
                    find_line(r.out, "Error: Invariant Small is violated."),
                "`%s` exited %d\n%s%s", r.cmd, r.status, r.out, r.err);
  run_free(&r);

  /* A config that names an invariant but no behaviour (TLC: 151). */
  r = run_refuse(e, "tests/specs/LiveRefuseNoInit.cfg", false);
  ck_assert_msg(r.status == 151 &&
                    strstr(r.err, "LiveRefuseNoInit.cfg:1:1: error: The "
                                  "configuration file did not specify the "
                                  "initial state predicate"),
                "`%s` exited %d\n%s%s", r.cmd, r.status, r.out, r.err);
  run_free(&r);

  /* A POSTCONDITION: the symbolic engine makes no complete search; the
   * explicit engine refuses one it cannot evaluate (not exit 10). */
  r = run_refuse(e, "tests/specs/LiveRefusePost.cfg", false);
  ck_assert_msg(r.status == 255, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  if (_i == 0)
    ck_assert_msg(strstr(r.err, "LiveRefuse.tla:13:9: error: real numbers "
                                "are not supported") &&
                      find_line(r.out, "brink: the POSTCONDITION Post was "
                                       "not checked (see above)."),
                  "%s%s", r.out, r.err);
  else
    ck_assert_msg(strstr(r.out, "brink: not checked: POSTCONDITION Post at "
                                "tests/specs/LiveRefusePost.cfg:4:15"),
                  "%s", r.out);
  run_free(&r);
}
END_TEST

/* A search cut by --length says so: how many states were left at the
 * limit, and that the depth is not that of a complete search (D7). */
START_TEST(test_explicit_cut_by_length) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  argv_push(&a, "--length");
  argv_push(&a, "3");
  argv_push(&a, "--inv");
  argv_push(&a, "TypeOK");
  argv_push(&a, "tests/specs/DieHard.tla");
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 0, "`%s` exited %d\n%s%s", r.cmd, r.status,
                r.out, r.err);
  ck_assert_msg(find_line(r.out, "brink: the search stopped at depth 3 "
                                 "(--length): the 2 states found at that "
                                 "depth were not expanded; no error found up "
                                 "to there."),
                "%s", r.out);
  ck_assert_msg(find_line(r.out, "37 states generated, 8 distinct states "
                                 "found, 2 states left on queue."),
                "%s", r.out);
  ck_assert_msg(find_line(r.out, "The depth of the search, cut by --length, "
                                 "is 4."),
                "%s", r.out);
  ck_assert_msg(!strstr(r.out, "complete state graph"), "%s", r.out);
  run_free(&r);
}
END_TEST

/* The explicit engine's analysis of what a definition reads is linear in
 * a chain of definitions (D_i == D_{i-1} + 1): 10,000 of them took 88 s
 * when each definition re-walked the chain below it (issue 20 D4). */
START_TEST(test_definition_chain) {
  enum { N = 10000 };
  size_t cap = (size_t)N * 32 + 512, len = 0;
  char *text = malloc(cap);
  len += (size_t)snprintf(text + len, cap - len,
                          "---- MODULE Chain ----\nEXTENDS Naturals\n"
                          "VARIABLE x\nD0 == x\n");
  for (int i = 1; i <= N; i++)
    len += (size_t)snprintf(text + len, cap - len, "D%d == D%d + 1\n", i,
                            i - 1);
  snprintf(text + len, cap - len,
           "Init == x = 0\nNext == x' = (x + 1) %% 3\n"
           "Inv == D%d >= %d\n====\n",
           N, N);
  const char *spec = tmp_file(0, "Chain.tla", text);
  const char *cfg = tmp_file(1, "Chain.cfg", "INIT Init\nNEXT Next\n"
                                             "INVARIANT Inv\n");
  free(text);
  Run r = run_engine("explicit", false, cfg, spec);
  Totals t = explicit_totals(r.out);
  ck_assert_msg(r.status == 0 && t.distinct == 3, "`%s` exited %d\n%s%s",
                r.cmd, r.status, r.out, r.err);
  run_free(&r);
}
END_TEST

START_TEST(test_bad_options) {
  expect_cli_error("check --bogus " VALID_SPEC, "--bogus");
  expect_cli_error("check --length -3 " VALID_SPEC, "--length");
  expect_cli_error("check --length many " VALID_SPEC, "--length");
  expect_cli_error("check --engine quantum " VALID_SPEC, "--engine");
  expect_cli_error("check " VALID_SPEC " --length", "--length");
  expect_cli_error("check", "no spec");
  expect_cli_error("check " VALID_SPEC " " VALID_SPEC, "more than one spec");
  expect_cli_error("frobnicate " VALID_SPEC, "frobnicate");
  /* --length=K is the same as --length K. */
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--length=3");
  argv_push(&a, VALID_SPEC);
  Run r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 0);
  ck_assert_msg(strstr(r.out, "up to 3 steps"), "%s", r.out);
  run_free(&r);
  /* --length 4 is one step short of the counter's violation, 5 is not. */
  argv_start(&a, "check");
  argv_push(&a, "--length");
  argv_push(&a, "4");
  argv_push(&a, VALID_SPEC);
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 0);
  run_free(&r);
  a.v[3] = "5";
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 12);
  ck_assert_int_eq(count_states(r.out), 6);
  run_free(&r);
  /* The explicit engine stops at --length and says so. */
  argv_start(&a, "check");
  argv_push(&a, "--engine");
  argv_push(&a, "explicit");
  argv_push(&a, "--length");
  argv_push(&a, "3");
  argv_push(&a, VALID_SPEC);
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 0);
  ck_assert_msg(strstr(r.out, "stopped at depth 3"), "%s", r.out);
  ck_assert_msg(!strstr(r.out, "Model checking completed."), "%s", r.out);
  run_free(&r);
}
END_TEST

START_TEST(test_help) {
  Argv a;
  argv_start(&a, "--help");
  Run r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 0);
  ck_assert_msg(strstr(r.out, "--length") && strstr(r.out, "--engine"),
                "help does not list the options:\n%s", r.out);
  run_free(&r);
  a.n = 0;
  argv_push(&a, brink_path());
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 255);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * The replay guard */

START_TEST(test_corrupt_model_not_shown) {
  Argv a;
  argv_start(&a, "check");
  argv_push(&a, "--test-corrupt-model");
  argv_push(&a, SEED);
  Run r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 255, "`%s` exited %d, expected 255\n%s%s", r.cmd,
                r.status, r.out, r.err);
  ck_assert_msg(strstr(r.err, "does not replay"),
                "`%s`: stderr lacks \"does not replay\":\n%s", r.cmd, r.err);
  ck_assert_msg(!strstr(r.out, "State 1:"), "`%s`: a trace was shown:\n%s",
                r.cmd, r.out);
  ck_assert_msg(!strstr(r.out, "Error: Invariant"),
                "`%s`: a violation was reported:\n%s", r.cmd, r.out);
  run_free(&r);

  /* A string-valued first variable is corrupted too. */
  argv_start(&a, "check");
  argv_push(&a, "--test-corrupt-model");
  argv_push(&a, "--inv");
  argv_push(&a, "NeverYellowAfterGreen");
  argv_push(&a, "tests/specs/StringTrafficLight.tla");
  r = run_argv(&a, NULL);
  ck_assert_msg(r.status == 255 && strstr(r.err, "does not replay") &&
                    !strstr(r.out, "State 1:"),
                "`%s` exited %d\n%s%s", r.cmd, r.status, r.out, r.err);
  run_free(&r);

  /* Without the option, the same run shows the violation. */
  argv_start(&a, "check");
  argv_push(&a, SEED);
  r = run_argv(&a, NULL);
  ck_assert_int_eq(r.status, 12);
  ck_assert_int_eq(count_states(r.out), 9);
  run_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * The suite */

Suite *cli_suite(void) {
  Suite *s = suite_create("cli");
  n_spec_rows = read_table(SPEC_TSV, spec_lines, MAX_ROWS);
  n_parse_rows = read_table(PARSE_TSV, parse_lines, MAX_ROWS);
  n_types_rows = read_table(TYPES_TSV, types_lines, MAX_ROWS);

  TCase *tc = tcase_create("specs");
  tcase_set_timeout(tc, 600);
  tcase_add_loop_test(tc, test_spec_row, 0, n_spec_rows > 0 ? n_spec_rows : 1);
  suite_add_tcase(s, tc);

  tc = tcase_create("seed");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_seed_lost_increment);
  tcase_add_test(tc, test_seed_cas_holds);
  suite_add_tcase(s, tc);

  tc = tcase_create("corpus");
  tcase_set_timeout(tc, 600);
  tcase_add_loop_test(tc, test_corpus_model, 0, N_CORPUS);
  tcase_add_test(tc, test_trace_file_modules);
  suite_add_tcase(s, tc);

  tc = tcase_create("properties");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_state_memo_effects);
  tcase_add_test(tc, test_state_memo_primed_candidates);
  tcase_add_test(tc, test_action_property_violated);
  tcase_add_test(tc, test_action_property_holds);
  suite_add_tcase(s, tc);

  tc = tcase_create("bad_input");
  tcase_set_timeout(tc, 600);
  tcase_add_loop_test(tc, test_parse_row, 0,
                      n_parse_rows > 0 ? n_parse_rows : 1);
  suite_add_tcase(s, tc);

  tc = tcase_create("ill_typed");
  tcase_set_timeout(tc, 600);
  tcase_add_loop_test(tc, test_types_row, 0,
                      n_types_rows > 0 ? n_types_rows : 1);
  tcase_add_test(tc, test_typecheck_verbose);
  suite_add_tcase(s, tc);

  tc = tcase_create("config_and_options");
  tcase_set_timeout(tc, 600);
  tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
  tcase_add_test(tc, test_unknown_operator);
  tcase_add_test(tc, test_missing_constant_value);
  tcase_add_test(tc, test_undefined_invariant);
  tcase_add_test(tc, test_missing_cfg);
  tcase_add_test(tc, test_config_in_spec_file);
  tcase_add_test(tc, test_tlcget_unsupported);
  tcase_add_test(tc, test_bad_options);
  tcase_add_test(tc, test_explicit_cut_by_length);
  tcase_add_test(tc, test_definition_chain);
  tcase_add_loop_test(tc, test_unchecked_refused, 0, 2);
  tcase_add_test(tc, test_help);
  tcase_add_test(tc, test_seq_choice_bound);
  suite_add_tcase(s, tc);

  tc = tcase_create("replay_guard");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_corrupt_model_not_shown);
  suite_add_tcase(s, tc);
  return s;
}
