/* t91_cli2.c -- the command line as programs and TLC users drive it:
 * TLC's spellings (-config, -deadlock, -workers, -depth, -h, a spec named
 * without .tla), --const, unknown options; --timeout, SIGINT and SIGTERM
 * on long runs (the status line, the exit code and the depth reported,
 * for both engines and both back ends); the symbolic engine's progress
 * lines and --quiet; action parameters in trace headers; --json validated
 * against tests/json/brink-result.schema.json by a small validator of our
 * own; --itf read back and compared with the printed trace.
 *
 * brink runs as a subprocess (BRINK, default ./brink) in a scratch
 * directory holding the specs written by each test. */
#include <check.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"

#define SCHEMA "tests/json/brink-result.schema.json"

typedef struct Out {
  int status; /* exit code, or 128 + signal */
  char *out, *err;
} Out;

static const char *brink(void) {
  const char *b = getenv("BRINK");
  return b && *b ? b : "./brink";
}

static char *slurp(const char *path) {
  char *t = src_read_file(path);
  return t ? t : xstrdup("");
}

static char *in_dir(const char *name) {
  return xsprintf("%s/%s", fixture_dir, name);
}

/* Starts brink with args (NULL-terminated) in the scratch directory,
 * stdout and stderr into out.txt and err.txt there. */
static pid_t start(const char *const *args) {
  const char *v[40];
  int n = 0;
  v[n++] = brink();
  for (int i = 0; args[i] && n < 39; i++)
    v[n++] = args[i];
  v[n] = NULL;
  char *o = in_dir("out.txt"), *e = in_dir("err.txt");
  unlink(o); /* what wait_for reads is this run's */
  unlink(e);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  ck_assert_msg(pid >= 0, "fork failed");
  if (pid == 0) {
    char *tmp_o = xsprintf("%s.tmp", o), *tmp_e = xsprintf("%s.tmp", e);
    int fo = open(tmp_o, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int fe = open(tmp_e, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    /* The files appear under their names only once brink is about to
     * run (and takes signals as brink does). */
    if (rename(tmp_o, o) != 0 || rename(tmp_e, e) != 0)
      _exit(127);
    int fi = open("/dev/null", O_RDONLY);
    dup2(fi, 0);
    dup2(fo, 1);
    dup2(fe, 2);
    alarm(100);
    char *abs = realpath(v[0], NULL);
    if (abs)
      v[0] = abs;
    if (chdir(fixture_dir) != 0)
      _exit(127);
    execv(v[0], (char *const *)v);
    _exit(127);
  }
  free(o);
  free(e);
  return pid;
}

static Out finish(pid_t pid) {
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    ;
  Out r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  char *o = in_dir("out.txt"), *e = in_dir("err.txt");
  r.out = slurp(o);
  r.err = slurp(e);
  free(o);
  free(e);
  return r;
}

static Out run(const char *const *args) { return finish(start(args)); }

static void out_free(Out *r) {
  free(r->out);
  free(r->err);
}

#define EXPECT(r, code, where, text)                                           \
  ck_assert_msg((r).status == (code) && strstr((r).where, (text)),             \
                "exit %d (expected %d); no \"%s\" in " #where ":\n%s\n--- "    \
                "stderr:\n%s",                                                 \
                (r).status, (code), (text), (r).out, (r).err)

/* ---------------------------------------------------------------------
 * Specs */

static const char *const PROCS =
    "---- MODULE Procs ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT P\n"
    "VARIABLE pc, n\n"
    "Init == pc = [p \\in P |-> \"a\"] /\\ n = 0\n"
    "Step(p) == pc[p] = \"a\" /\\ pc' = [pc EXCEPT ![p] = \"b\"] /\\ n' = n "
    "+ 1\n"
    "Back(p) == pc[p] = \"b\" /\\ pc' = [pc EXCEPT ![p] = \"a\"] /\\ "
    "UNCHANGED n\n"
    "Next == \\E p \\in P : Step(p) \\/ Back(p)\n"
    "Small == n < 2\n"
    "====\n";
static const char *const PROCS_CFG =
    "CONSTANT P = {p1, p2}\nINIT Init\nNEXT Next\nINVARIANT Small\n";

/* Runs for ever (unbounded x) with states that are cheap to find. */
static const char *const LONG =
    "---- MODULE Long ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, y\n"
    "Init == x = 0 /\\ y = 0\n"
    "Next == \\/ x' = x + 1 /\\ y' = y\n"
    "        \\/ y' = (y + 1) % 1000 /\\ x' = x\n"
    "Inv == x >= 0\n"
    "====\n";
static const char *const LONG_CFG = "INIT Init\nNEXT Next\nINVARIANT Inv\n";

/* Deadlocks after 3 steps. */
static const char *const STOPS =
    "---- MODULE Stops ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT Max\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x < Max /\\ x' = x + 1\n"
    "Inv == x <= Max\n"
    "====\n";
static const char *const STOPS_CFG =
    "CONSTANT Max = 3\nINIT Init\nNEXT Next\nINVARIANT Inv\n";

/* Values of every kind, for the JSON and ITF encodings. */
static const char *const KINDS =
    "---- MODULE Kinds ----\n"
    "EXTENDS Naturals, Sequences\n"
    "VARIABLE i, s, set, rec, seq, fun, b\n"
    "Init == i = 0 /\\ s = \"idle\" /\\ set = {} /\\ rec = [a |-> 1, b |-> "
    "\"x\"]\n"
    "        /\\ seq = <<>> /\\ fun = [k \\in 0..1 |-> {}] /\\ b = FALSE\n"
    "Grow(v) == /\\ i' = i + v /\\ s' = \"busy\" /\\ set' = set \\cup {i}\n"
    "           /\\ rec' = [rec EXCEPT !.a = @ + v] /\\ seq' = Append(seq, "
    "<<i, \"t\">>)\n"
    "           /\\ fun' = [fun EXCEPT ![i % 2] = @ \\cup {v}] /\\ b' = ~b\n"
    "Next == \\E v \\in {1, 2} : Grow(v)\n"
    "Inv == i < 3\n"
    "====\n";

static void write_specs(void) {
  fixture_write("Procs.tla", PROCS);
  fixture_write("Procs.cfg", PROCS_CFG);
  fixture_write("Long.tla", LONG);
  fixture_write("Long.cfg", LONG_CFG);
  fixture_write("Stops.tla", STOPS);
  fixture_write("Stops.cfg", STOPS_CFG);
  fixture_write("Kinds.tla", KINDS);
  fixture_write("Kinds.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
}

static void setup(void) {
  fixture_setup("cli2");
  write_specs();
}

/* ---------------------------------------------------------------------
 * TLC's spellings */

START_TEST(test_tlc_config_and_bare_name) {
  fixture_write("Other.cfg", "CONSTANT Max = 1\nINIT Init\nNEXT Next\n"
                             "INVARIANT Inv\n");
  const char *a[] = {"check", "-config", "Other.cfg", "Stops", NULL};
  Out r = run(a);
  /* Max = 1: the deadlock comes after 1 step. */
  EXPECT(r, 11, out, "brink: deadlock after 1 step");
  out_free(&r);
  const char *b[] = {"check", "--engine", "explicit", "Stops", NULL};
  r = run(b);
  EXPECT(r, 11, out, "Error: Deadlock reached.");
  out_free(&r);
}
END_TEST

START_TEST(test_tlc_deadlock_flag) {
  const char *a[] = {"check", "-deadlock", "Stops.tla", NULL};
  Out r = run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 10 "
                    "steps");
  ck_assert_msg(!strstr(r.out, "no deadlock"), "%s", r.out);
  out_free(&r);
  const char *b[] = {"check", "--engine", "explicit", "-deadlock", "Stops.tla",
                     NULL};
  r = run(b);
  EXPECT(r, 0, out, "Model checking completed. No error has been found.");
  out_free(&r);
}
END_TEST

START_TEST(test_tlc_workers_and_depth) {
  const char *a[] = {"check", "-workers", "4", "-depth", "2", "Stops.tla",
                     NULL};
  Out r = run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 2 "
                    "steps");
  EXPECT(r, 0, err, "brink: note: -workers 4 is accepted for TLC's command "
                    "line; brink checks on one core");
  out_free(&r);
  const char *b[] = {"check", "-workers", "1", "Stops.tla", NULL};
  r = run(b);
  ck_assert_msg(r.status == 11 && !strstr(r.err, "-workers"), "%d %s",
                r.status, r.err);
  out_free(&r);
  const char *c[] = {"check", "-workers", "many", "Stops.tla", NULL};
  r = run(c);
  EXPECT(r, 255, err, "brink: -workers must be a number from 1 to 100000, "
                      "not 'many'");
  out_free(&r);
}
END_TEST

START_TEST(test_help_per_command) {
  const char *a[] = {"check", "-h", NULL};
  Out r = run(a);
  EXPECT(r, 0, out, "usage: brink check [options] Spec[.tla]");
  ck_assert_msg(strstr(r.out, "--const") && strstr(r.out, "--timeout") &&
                    !strstr(r.out, "--roundtrip") &&
                    !strstr(r.out, "brink parse"),
                "%s", r.out);
  out_free(&r);
  const char *b[] = {"parse", "--help", NULL};
  r = run(b);
  EXPECT(r, 0, out, "usage: brink parse [--print | --roundtrip] Spec[.tla]");
  ck_assert_msg(strstr(r.out, "--roundtrip") && !strstr(r.out, "--const"),
                "%s", r.out);
  out_free(&r);
  const char *c[] = {"typecheck", "-h", NULL};
  r = run(c);
  EXPECT(r, 0, out, "--verbose");
  ck_assert_msg(!strstr(r.out, "--engine"), "%s", r.out);
  out_free(&r);
}
END_TEST

START_TEST(test_unknown_options) {
  const char *a[] = {"check", "-simulate", "Stops.tla", NULL};
  Out r = run(a);
  EXPECT(r, 255, err, "brink: unknown option '-simulate' (brink check --help "
                      "lists the options)");
  out_free(&r);
  const char *b[] = {"check", "Stops.tla", "--lenght", "3", NULL};
  r = run(b);
  EXPECT(r, 255, err, "brink: unknown option '--lenght'");
  out_free(&r);
  const char *c[] = {"parse", "-x", "Stops.tla", NULL};
  r = run(c);
  EXPECT(r, 255, err, "brink: unknown option '-x' (brink parse --help");
  out_free(&r);
}
END_TEST

START_TEST(test_const_option) {
  /* Overrides the config's Max = 3: deadlock after 5 steps. */
  const char *a[] = {"check", "--const", "Max=5", "Stops.tla", NULL};
  Out r = run(a);
  EXPECT(r, 11, out, "brink: deadlock after 5 steps");
  out_free(&r);
  /* Gives a constant the config leaves out; sets of model values. */
  fixture_write("NoP.cfg", "INIT Init\nNEXT Next\nINVARIANT Small\n");
  const char *b[] = {"check", "--engine", "explicit", "--config", "NoP.cfg",
                     "--const", "P = {q1, q2, q3}", "Procs.tla", NULL};
  r = run(b);
  EXPECT(r, 12, out, "/\\ pc = (q1 :> \"b\" @@ q2 :> \"b\" @@ q3 :> \"a\")");
  out_free(&r);
  /* Repeated: the last one counts. */
  const char *c[] = {"check", "--const=Max=1", "--const", "Max=2",
                     "Stops.tla", NULL};
  r = run(c);
  EXPECT(r, 11, out, "brink: deadlock after 2 steps");
  out_free(&r);
  const char *d[] = {"check", "--const", "Nope=1", "Stops.tla", NULL};
  r = run(d);
  EXPECT(r, 151, err, "--const:1:10: error: 'Nope' is not a constant");
  out_free(&r);
  const char *e[] = {"check", "--const", "Max", "Stops.tla", NULL};
  r = run(e);
  EXPECT(r, 151, err, "brink: --const takes NAME=VALUE, not 'Max'");
  out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Progress and trace headers */

START_TEST(test_progress_lines) {
  const char *a[] = {"check", "--length", "3", "Stops.tla", "-deadlock", NULL};
  Out r = run(a);
  ck_assert_int_eq(r.status, 0);
  for (int d = 0; d <= 3; d++) {
    char line[64];
    snprintf(line, sizeof line, "brink: depth %d checked (", d);
    ck_assert_msg(strstr(r.err, line), "no '%s' in:\n%s", line, r.err);
  }
  const char *b[] = {"check", "--length", "3", "Stops.tla", "-deadlock",
                     "--quiet", NULL};
  Out q = run(b);
  ck_assert_int_eq(q.status, 0);
  ck_assert_msg(!strstr(q.err, "depth"), "%s", q.err);
  /* stdout is the same, up to the time. */
  char *t1 = strstr(r.out, "Time:"), *t2 = strstr(q.out, "Time:");
  ck_assert_ptr_nonnull(t1);
  ck_assert_ptr_nonnull(t2);
  ck_assert_int_eq((int)(t1 - r.out), (int)(t2 - q.out));
  ck_assert_int_eq(strncmp(r.out, q.out, (size_t)(t1 - r.out)), 0);
  out_free(&r);
  out_free(&q);
}
END_TEST

START_TEST(test_action_parameters) {
  const char *engines[] = {"symbolic", "explicit"};
  for (int e = 0; e < 2; e++) {
    const char *a[] = {"check", "--engine", engines[e], "Procs.tla", NULL};
    Out r = run(a);
    EXPECT(r, 12, out, "State 2: <Step(p1) line 6, col 12 to line 6, col 68 "
                       "of module Procs>\n");
    EXPECT(r, 12, out, "State 3: <Step(p2) line 6, col 12 to line 6, col 68 "
                       "of module Procs>\n");
    out_free(&r);
  }
  /* Two parameters, and a value that is a tuple. */
  fixture_write("Two.tla", "---- MODULE Two ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x = <<0, 0>>\n"
                           "Move(a, b) == x' = <<a, b>>\n"
                           "Next == \\E a \\in 1..2, b \\in {<<1, \"u\">>} : "
                           "Move(a, b)\nInv == x[1] = 0\n====\n");
  fixture_write("Two.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *b[] = {"check", "--engine", "explicit", "Two.tla", NULL};
  Out r = run(b);
  EXPECT(r, 12, out, "State 2: <Move(1,<<1, \"u\">>) line 5, col 15 to");
  out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * --timeout, SIGINT, SIGTERM */

/* Waits until the file holds text (or 30 s pass). */
static bool wait_for(const char *name, const char *text) {
  char *path = in_dir(name);
  bool found = false;
  for (int i = 0; i < 3000 && !found; i++) {
    char *t = slurp(path);
    found = strstr(t, text) != NULL;
    free(t);
    if (!found)
      usleep(10000);
  }
  free(path);
  return found;
}

/* The N of the last "brink: depth N checked" line, or -1. */
static int last_depth(const char *err) {
  int d = -1;
  for (const char *p = strstr(err, "brink: depth "); p;
       p = strstr(p + 1, "brink: depth "))
    sscanf(p, "brink: depth %d checked", &d);
  return d;
}

/* The symbolic engine stopped: status line, exit code, and the depth in
 * the message is the last one the progress lines reported. */
static void expect_symbolic_stop(Out *r, int code, const char *status,
                                 const char *cause) {
  char want[160];
  snprintf(want, sizeof want, "brink: %s: the run was %s by %s after ",
           status, strcmp(status, "TIMEOUT") == 0 ? "stopped" : "interrupted",
           cause);
  EXPECT(*r, code, out, want);
  int d = last_depth(r->err);
  ck_assert_msg(d >= 1, "no progress line:\n%s", r->err);
  snprintf(want, sizeof want,
           "every state reachable in up to %d steps satisfies the invariants "
           "(depth %d fully checked; depth %d not finished).\n",
           d, d, d + 1);
  EXPECT(*r, code, out, want);
  ck_assert_msg(!strstr(r->err, "gave up"), "%s", r->err);
}

START_TEST(test_timeout_symbolic) {
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length",
                       "100000", "--timeout", "1.5", "Long.tla", NULL};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    Out r = run(a);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    expect_symbolic_stop(&r, 255, "TIMEOUT", "the time limit (--timeout 1.5)");
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(secs < 15, "took %.1f s", secs);
    out_free(&r);
  }
}
END_TEST

START_TEST(test_signals_symbolic) {
  const char *backends[] = {"z3", "cadical"};
  const int sigs[] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length",
                       "100000", "Long.tla", NULL};
    pid_t pid = start(a);
    ck_assert_msg(wait_for("err.txt", "brink: depth 3 checked"),
                  "no progress");
    kill(pid, sigs[i]);
    Out r = finish(pid);
    expect_symbolic_stop(&r, 128 + sigs[i], "INTERRUPTED",
                         sigs[i] == SIGINT ? "SIGINT" : "SIGTERM");
    out_free(&r);
  }
}
END_TEST

START_TEST(test_signals_explicit) {
  const int sigs[] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--engine", "explicit", "Long.tla", NULL};
    pid_t pid = start(a);
    ck_assert_msg(wait_for("out.txt", "Finished computing initial states"),
                  "did not start");
    usleep(300000);
    kill(pid, sigs[i]);
    Out r = finish(pid);
    char want[128];
    snprintf(want, sizeof want,
             "brink: INTERRUPTED: the run was interrupted by %s after ",
             sigs[i] == SIGINT ? "SIGINT" : "SIGTERM");
    EXPECT(r, 128 + sigs[i], out, want);
    /* The distinct states in the message are those of the totals. */
    unsigned long long n = 0, total = 0;
    int steps = -1;
    const char *m = strstr(r.out, "no error was found in the ");
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(sscanf(m, "no error was found in the %llu distinct "
                               "states found, which include every state "
                               "reachable in up to %d step",
                            &n, &steps),
                     2);
    const char *t = strstr(r.out, "states generated, ");
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(sscanf(t, "states generated, %llu distinct", &total), 1);
    ck_assert_msg(n == total && n > 0 && steps >= 1, "%s", r.out);
    /* Every state of up to `steps` steps: x + y <= steps, y < 1000. */
    ck_assert_msg(n >= (unsigned long long)(steps + 1) * (steps + 2) / 2 ||
                      steps >= 1000,
                  "%s", r.out);
    out_free(&r);
  }
}
END_TEST

START_TEST(test_timeout_json) {
  const char *a[] = {"check", "--engine", "explicit", "--timeout", "0.5",
                     "--json", "r.json", "Long.tla", NULL};
  Out r = run(a);
  EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time limit "
                      "(--timeout 0.5) after ");
  char *path = in_dir("r.json");
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")),
                   "TIMEOUT");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "exit_code")), 255);
  ck_assert_int_gt(json_integer_value(json_object_get(j, "distinct_states")),
                   0);
  json_decref(j);
  free(path);
  out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * JSON Schema (the subset the schema uses) */

static bool type_is(json_t *v, const char *t) {
  if (!strcmp(t, "object"))
    return json_is_object(v);
  if (!strcmp(t, "array"))
    return json_is_array(v);
  if (!strcmp(t, "string"))
    return json_is_string(v);
  if (!strcmp(t, "integer"))
    return json_is_integer(v);
  if (!strcmp(t, "number"))
    return json_is_number(v);
  if (!strcmp(t, "boolean"))
    return json_is_boolean(v);
  if (!strcmp(t, "null"))
    return json_is_null(v);
  ck_abort_msg("schema type '%s' unknown to the validator", t);
  return false;
}

/* NULL when v is valid, else what is wrong (static buffer). */
static const char *validate(json_t *v, json_t *schema, const char *at) {
  static char why[512];
  json_t *t = json_object_get(schema, "type");
  if (t) {
    bool ok = false;
    if (json_is_string(t))
      ok = type_is(v, json_string_value(t));
    for (size_t i = 0; json_is_array(t) && i < json_array_size(t); i++)
      ok = ok || type_is(v, json_string_value(json_array_get(t, i)));
    if (!ok) {
      snprintf(why, sizeof why, "%s: wrong type", at);
      return why;
    }
  }
  json_t *en = json_object_get(schema, "enum");
  if (en) {
    bool ok = false;
    for (size_t i = 0; i < json_array_size(en); i++)
      ok = ok || json_equal(v, json_array_get(en, i));
    if (!ok) {
      snprintf(why, sizeof why, "%s: not one of the enum", at);
      return why;
    }
  }
  json_t *min = json_object_get(schema, "minimum");
  if (min && json_is_integer(v) &&
      json_integer_value(v) < json_integer_value(min)) {
    snprintf(why, sizeof why, "%s: below the minimum", at);
    return why;
  }
  if (json_is_object(v)) {
    json_t *req = json_object_get(schema, "required");
    for (size_t i = 0; i < json_array_size(req); i++)
      if (!json_object_get(v, json_string_value(json_array_get(req, i)))) {
        snprintf(why, sizeof why, "%s: '%s' missing", at,
                 json_string_value(json_array_get(req, i)));
        return why;
      }
    json_t *props = json_object_get(schema, "properties");
    json_t *addl = json_object_get(schema, "additionalProperties");
    const char *key;
    json_t *val;
    json_object_foreach(v, key, val) {
      json_t *sub = props ? json_object_get(props, key) : NULL;
      char where[256];
      snprintf(where, sizeof where, "%s.%s", at, key);
      if (!sub && addl && json_is_false(addl)) {
        snprintf(why, sizeof why, "%s: not allowed", where);
        return why;
      }
      const char *w = sub ? validate(val, sub, where) : NULL;
      if (w)
        return w;
    }
  }
  json_t *items = json_object_get(schema, "items");
  if (items && json_is_array(v))
    for (size_t i = 0; i < json_array_size(v); i++) {
      char where[256];
      snprintf(where, sizeof where, "%s[%zu]", at, i);
      const char *w = validate(json_array_get(v, i), items, where);
      if (w)
        return w;
    }
  return NULL;
}

static json_t *schema(void) {
  json_error_t err;
  json_t *s = json_load_file(SCHEMA, 0, &err);
  ck_assert_msg(s, "%s:%d: %s", SCHEMA, err.line, err.text);
  return s;
}

/* Runs brink with --json and returns the parsed result (which must be
 * valid), after checking the exit code and the status. */
static json_t *json_run(const char *const *args, int code,
                        const char *status) {
  const char *a[40];
  int n = 0;
  a[n++] = "check";
  a[n++] = "--json";
  a[n++] = "r.json";
  for (int i = 0; args[i]; i++)
    a[n++] = args[i];
  a[n] = NULL;
  Out r = run(a);
  ck_assert_msg(r.status == code, "exit %d, expected %d:\n%s\n%s", r.status,
                code, r.out, r.err);
  char *path = in_dir("r.json");
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  json_t *s = schema();
  const char *why = validate(j, s, "$");
  ck_assert_msg(!why, "%s invalid: %s", args[0], why);
  json_decref(s);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")), status);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "exit_code")), code);
  unlink(path);
  free(path);
  out_free(&r);
  return j;
}

START_TEST(test_json_runs_validate) {
  fixture_write("Bad.tla", "---- MODULE Bad ----\nVARIABLE x\nInit == x = \n"
                           "====\n");
  fixture_write("Assume.tla", "---- MODULE Assume ----\nEXTENDS Naturals\n"
                              "ASSUME 1 > 2\nVARIABLE x\nInit == x = 0\n"
                              "Next == x' = x\n====\n");
  struct {
    const char *args[8];
    int code;
    const char *status;
  } runs[] = {
      {{"Procs.tla"}, 12, "VIOLATION_FOUND"},
      {{"--engine", "explicit", "Procs.tla"}, 12, "VIOLATION_FOUND"},
      {{"Stops.tla"}, 11, "DEADLOCK"},
      {{"--engine", "explicit", "Stops.tla"}, 11, "DEADLOCK"},
      {{"-deadlock", "--length", "4", "Stops.tla"}, 0, "OK"},
      {{"--engine", "explicit", "-deadlock", "Stops.tla"}, 0, "OK"},
      {{"--backend", "cadical", "Kinds.tla"}, 12, "VIOLATION_FOUND"},
      {{"--engine", "explicit", "Kinds.tla"}, 12, "VIOLATION_FOUND"},
      {{"Bad.tla"}, 150, "ERROR"},
      {{"Assume.tla"}, 10, "ASSUMPTION_FALSE"},
      {{"--timeout", "0.5", "--length", "100000", "Long.tla"}, 255,
       "TIMEOUT"},
      {{"Unsup.tla"}, 255, "UNSUPPORTED"},
      {{"--engine", "explicit", "Stops.tla", "--const", "Max=\"a\""}, 75,
       "ERROR"},
  };
  fixture_write("Unsup.tla", "---- MODULE Unsup ----\nEXTENDS Naturals\n"
                             "VARIABLE x\nInit == x = 0\n"
                             "Next == x' = CHOOSE n : n = x + 1\n"
                             "Inv == x < 5\n====\n");
  fixture_write("Unsup.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++)
    json_decref(json_run(runs[i].args, runs[i].code, runs[i].status));
  /* The explicit engine stops before memory runs out (explicit.c). */
  setenv("BRINK_MEMORY_MB", "4", 1);
  const char *mem[] = {"--engine", "explicit", "Long.tla", NULL};
  json_t *j = json_run(mem, 153, "OUT_OF_MEMORY");
  unsetenv("BRINK_MEMORY_MB");
  json_decref(j);
}
END_TEST

START_TEST(test_json_fields) {
  const char *a[] = {"--engine", "explicit", "Procs.tla", NULL};
  json_t *j = json_run(a, 12, "VIOLATION_FOUND");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "states_explored")),
                   5);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "distinct_states")),
                   5);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "depth")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "trace_length")), 3);
  json_t *p = json_object_get(j, "property");
  ck_assert_str_eq(json_string_value(json_object_get(p, "name")), "Small");
  ck_assert_str_eq(json_string_value(json_object_get(p, "kind")), "invariant");
  ck_assert_str_eq(json_string_value(json_object_get(j, "message")),
                   "Invariant Small is violated (a counterexample of 3 "
                   "states).");
  json_t *tr = json_object_get(j, "error_trace");
  ck_assert_int_eq((int)json_array_size(tr), 3);
  json_t *s0 = json_array_get(tr, 0), *s1 = json_array_get(tr, 1);
  ck_assert_str_eq(json_string_value(json_object_get(s0, "action")),
                   "InitialState");
  ck_assert_str_eq(json_string_value(json_object_get(s1, "action")),
                   "Step(p1)");
  char *got = json_dumps(json_object_get(s1, "parameters"), JSON_COMPACT);
  ck_assert_str_eq(got, "{\"p\":\"p1\"}");
  free(got);
  got = json_dumps(json_object_get(s1, "state_variables"),
                   JSON_COMPACT | JSON_SORT_KEYS);
  ck_assert_str_eq(got, "{\"n\":1,\"pc\":{\"p1\":\"b\",\"p2\":\"a\"}}");
  free(got);
  got = json_dumps(json_object_get(s1, "location"), JSON_COMPACT);
  ck_assert_str_eq(got, "{\"module\":\"Procs\",\"begin_line\":6,"
                        "\"begin_column\":12,\"end_line\":6,"
                        "\"end_column\":68}");
  free(got);
  json_decref(j);
  /* Sets, records, sequences and functions over integers. */
  const char *b[] = {"--engine", "explicit", "Kinds.tla", NULL};
  j = json_run(b, 12, "VIOLATION_FOUND");
  tr = json_object_get(j, "error_trace");
  json_t *last = json_array_get(tr, json_array_size(tr) - 1);
  got = json_dumps(json_object_get(last, "state_variables"),
                   JSON_COMPACT | JSON_SORT_KEYS);
  ck_assert_str_eq(got, "{\"b\":false,\"fun\":{\"0\":[1],\"1\":[2]},\"i\":3,"
                        "\"rec\":{\"a\":4,\"b\":\"x\"},\"s\":\"busy\","
                        "\"seq\":[[0,\"t\"],[1,\"t\"]],\"set\":[0,1]}");
  free(got);
  json_decref(j);
  /* Symbolic: no counts; the bound and the back end. */
  const char *c[] = {"-deadlock", "--length", "4", "--backend", "z3",
                     "Stops.tla", NULL};
  j = json_run(c, 0, "OK");
  ck_assert(json_is_null(json_object_get(j, "states_explored")));
  ck_assert_int_eq(json_integer_value(json_object_get(j, "depth")), 4);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "length")), 4);
  ck_assert_str_eq(json_string_value(json_object_get(j, "backend")), "z3");
  ck_assert_str_eq(json_string_value(json_object_get(j, "engine")),
                   "symbolic");
  json_decref(j);
}
END_TEST

START_TEST(test_json_stdout) {
  /* --json -: stdout holds the JSON alone, the text goes to stderr. */
  const char *a[] = {"check", "--json", "-", "Procs.tla", NULL};
  Out r = run(a);
  ck_assert_int_eq(r.status, 12);
  json_error_t err;
  json_t *j = json_loads(r.out, 0, &err);
  ck_assert_msg(j, "stdout is not JSON (%s):\n%s", err.text, r.out);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")),
                   "VIOLATION_FOUND");
  ck_assert_msg(strstr(r.err, "Error: Invariant Small is violated."), "%s",
                r.err);
  json_decref(j);
  out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * ITF: read back by a reader of our own and printed as TLA+ */

static void itf_print(json_t *v, char **buf, size_t *len, FILE *f);

static void itf_list(json_t *a, FILE *f, const char *open, const char *sep,
                     const char *close) {
  fputs(open, f);
  for (size_t i = 0; i < json_array_size(a); i++) {
    if (i)
      fputs(sep, f);
    itf_print(json_array_get(a, i), NULL, NULL, f);
  }
  fputs(close, f);
}

static void itf_print(json_t *v, char **buf, size_t *len, FILE *f) {
  if (json_is_integer(v)) {
    fprintf(f, "%lld", (long long)json_integer_value(v));
  } else if (json_is_boolean(v)) {
    fputs(json_is_true(v) ? "TRUE" : "FALSE", f);
  } else if (json_is_string(v)) {
    fprintf(f, "\"%s\"", json_string_value(v));
  } else if (json_is_array(v)) {
    itf_list(v, f, "<<", ", ", ">>");
  } else if (json_object_get(v, "#set")) {
    itf_list(json_object_get(v, "#set"), f, "{", ", ", "}");
  } else if (json_object_get(v, "#bigint")) {
    fputs(json_string_value(json_object_get(v, "#bigint")), f);
  } else if (json_object_get(v, "#map")) {
    json_t *pairs = json_object_get(v, "#map");
    fputs("(", f);
    for (size_t i = 0; i < json_array_size(pairs); i++) {
      json_t *p = json_array_get(pairs, i);
      fputs(i ? " @@ " : "", f);
      itf_print(json_array_get(p, 0), NULL, NULL, f);
      fputs(" :> ", f);
      itf_print(json_array_get(p, 1), NULL, NULL, f);
    }
    fputs(")", f);
  } else { /* a record */
    const char *k;
    json_t *x;
    bool first = true;
    fputs("[", f);
    json_object_foreach(v, k, x) {
      fprintf(f, "%s%s |-> ", first ? "" : ", ", k);
      itf_print(x, NULL, NULL, f);
      first = false;
    }
    fputs("]", f);
  }
}

START_TEST(test_itf_round_trip) {
  const char *a[] = {"check", "--engine", "explicit", "--itf", "t.itf.json",
                     "Kinds.tla", NULL};
  Out r = run(a);
  ck_assert_int_eq(r.status, 12);
  char *path = in_dir("t.itf.json");
  json_error_t err;
  json_t *j = json_load_file(path, JSON_PRESERVE_ORDER, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  ck_assert_str_eq(
      json_string_value(json_object_get(json_object_get(j, "#meta"), "format")),
      "ITF");
  json_t *vars = json_object_get(j, "vars"), *states = json_object_get(j, "states");
  ck_assert_int_eq((int)json_array_size(vars), 7);
  ck_assert_int_eq((int)json_array_size(states), 3);
  /* Each state, printed as TLA+, is the trace brink printed. */
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  for (size_t i = 0; i < json_array_size(states); i++) {
    json_t *s = json_array_get(states, i);
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_object_get(s, "#meta"), "index")),
                     (json_int_t)i);
    for (size_t k = 0; k < json_array_size(vars); k++) {
      const char *name = json_string_value(json_array_get(vars, k));
      fprintf(f, "/\\ %s = ", name);
      itf_print(json_object_get(s, name), NULL, NULL, f);
      fputs("\n", f);
    }
    fputs("\n", f);
  }
  fclose(f);
  /* brink's trace: its variable lines and the blank line after each. */
  char *mine = xstrdup("");
  for (const char *p = strstr(r.out, "State 1:"); p && *p;) {
    const char *nl = strchr(p, '\n');
    if (!nl || strstr(p, "states generated") < nl)
      break;
    if (strncmp(p, "/\\ ", 3) == 0 || p == nl) {
      char *m = xsprintf("%s%.*s", mine, (int)(nl - p + 1), p);
      free(mine);
      mine = m;
    }
    p = nl + 1;
  }
  /* ITF writes the function over 0..1 as #map; TLA+ prints the same. */
  ck_assert_msg(strcmp(mine, text) == 0, "ITF:\n%s\nprinted:\n%s", text,
                mine);
  free(text);
  free(mine);
  json_decref(j);
  free(path);
  out_free(&r);
}
END_TEST

START_TEST(test_itf_bigint_and_model_values) {
  fixture_write("Big.tla", "---- MODULE Big ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x = 2^70\n"
                           "Next == x' = x + 1\nInv == x = 2^70\n====\n");
  fixture_write("Big.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a[] = {"check", "--engine", "explicit", "--itf", "-", "Big.tla",
                     NULL};
  Out r = run(a);
  ck_assert_int_eq(r.status, 12);
  json_error_t err;
  json_t *j = json_loads(r.out, 0, &err);
  ck_assert_msg(j, "%s:\n%s", err.text, r.out);
  json_t *s1 = json_array_get(json_object_get(j, "states"), 1);
  char *got = json_dumps(json_object_get(s1, "x"), JSON_COMPACT);
  ck_assert_str_eq(got, "{\"#bigint\":\"1180591620717411303425\"}");
  free(got);
  json_decref(j);
  out_free(&r);
}
END_TEST

Suite *cli2_suite(void) {
  Suite *s = suite_create("cli2");
  TCase *tc = tcase_create("tlc");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_tlc_config_and_bare_name);
  tcase_add_test(tc, test_tlc_deadlock_flag);
  tcase_add_test(tc, test_tlc_workers_and_depth);
  tcase_add_test(tc, test_help_per_command);
  tcase_add_test(tc, test_unknown_options);
  tcase_add_test(tc, test_const_option);
  tcase_add_test(tc, test_progress_lines);
  tcase_add_test(tc, test_action_parameters);
  suite_add_tcase(s, tc);
  tc = tcase_create("stop");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_timeout_symbolic);
  tcase_add_test(tc, test_signals_symbolic);
  tcase_add_test(tc, test_signals_explicit);
  tcase_add_test(tc, test_timeout_json);
  suite_add_tcase(s, tc);
  tc = tcase_create("json");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_json_runs_validate);
  tcase_add_test(tc, test_json_fields);
  tcase_add_test(tc, test_json_stdout);
  tcase_add_test(tc, test_itf_round_trip);
  tcase_add_test(tc, test_itf_bigint_and_model_values);
  suite_add_tcase(s, tc);
  return s;
}
