/* t91_cli2.c -- the command line as TLC users and scripts drive it: TLC's
 * spellings (-config, -deadlock, -workers, -depth, -h, a spec named
 * without .tla), --const, unknown options; the symbolic engine's progress
 * lines and --quiet; action parameters in trace headers; --timeout,
 * --max-memory, SIGINT and SIGTERM on long runs (the status line, the exit
 * code and the depth reported, for both engines and both back ends).
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory holding
 * the specs. */
#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) {
  fixture_setup("cli2");
  cli_write_specs();
}

/* ---------------------------------------------------------------------
 * TLC's spellings */

START_TEST(test_tlc_config_and_bare_name) {
  fixture_write("Other.cfg", "CONSTANT Max = 1\nINIT Init\nNEXT Next\n"
                             "INVARIANT Inv\n");
  const char *a[] = {"check", "-config", "Other.cfg", "Stops", NULL};
  Out r = cli_run(a);
  /* Max = 1: the deadlock comes after 1 step. */
  EXPECT(r, 11, out, "brink: deadlock after 1 step");
  cli_out_free(&r);
  const char *b[] = {"check", "--engine", "explicit", "Stops", NULL};
  r = cli_run(b);
  EXPECT(r, 11, out, "Error: Deadlock reached.");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_tlc_deadlock_flag) {
  const char *a[] = {"check", "-deadlock", "Stops.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 10 "
                    "steps");
  ck_assert_msg(!strstr(r.out, "no deadlock"), "%s", r.out);
  cli_out_free(&r);
  const char *b[] = {"check", "--engine", "explicit", "-deadlock", "Stops.tla",
                     NULL};
  r = cli_run(b);
  EXPECT(r, 0, out, "Model checking completed. No error has been found.");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_tlc_workers_and_depth) {
  const char *a[] = {"check", "-workers", "4", "-depth", "2", "Stops.tla",
                     NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "no invariant is violated in executions of up to 2 "
                    "steps");
  EXPECT(r, 0, err, "brink: note: -workers 4 is accepted for TLC's command "
                    "line; brink checks on one core");
  cli_out_free(&r);
  const char *b[] = {"check", "-workers", "1", "Stops.tla", NULL};
  r = cli_run(b);
  ck_assert_msg(r.status == 11 && !strstr(r.err, "-workers"), "%d %s",
                r.status, r.err);
  cli_out_free(&r);
  const char *c[] = {"check", "-workers", "many", "Stops.tla", NULL};
  r = cli_run(c);
  EXPECT(r, 255, err, "brink: -workers must be a number from 1 to 100000, "
                      "not 'many'");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_help_per_command) {
  const char *a[] = {"check", "-h", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "usage: brink check [options] Spec[.tla]");
  ck_assert_msg(strstr(r.out, "--const") && strstr(r.out, "--timeout") &&
                    !strstr(r.out, "--roundtrip") &&
                    !strstr(r.out, "brink parse"),
                "%s", r.out);
  cli_out_free(&r);
  const char *b[] = {"parse", "--help", NULL};
  r = cli_run(b);
  EXPECT(r, 0, out, "usage: brink parse [--print | --roundtrip] Spec[.tla]");
  ck_assert_msg(strstr(r.out, "--roundtrip") && !strstr(r.out, "--const"),
                "%s", r.out);
  cli_out_free(&r);
  const char *c[] = {"typecheck", "-h", NULL};
  r = cli_run(c);
  EXPECT(r, 0, out, "--verbose");
  ck_assert_msg(!strstr(r.out, "--engine"), "%s", r.out);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_unknown_options) {
  const char *a[] = {"check", "-simulate", "Stops.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 255, err, "brink: unknown option '-simulate' (brink check --help "
                      "lists the options)");
  cli_out_free(&r);
  const char *b[] = {"check", "Stops.tla", "--lenght", "3", NULL};
  r = cli_run(b);
  EXPECT(r, 255, err, "brink: unknown option '--lenght'");
  cli_out_free(&r);
  const char *c[] = {"parse", "-x", "Stops.tla", NULL};
  r = cli_run(c);
  EXPECT(r, 255, err, "brink: unknown option '-x' (brink parse --help");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_const_option) {
  /* Overrides the config's Max = 3: deadlock after 5 steps. */
  const char *a[] = {"check", "--const", "Max=5", "Stops.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 11, out, "brink: deadlock after 5 steps");
  cli_out_free(&r);
  /* Gives a constant the config leaves out; sets of model values. */
  fixture_write("NoP.cfg", "INIT Init\nNEXT Next\nINVARIANT Small\n");
  const char *b[] = {"check", "--engine", "explicit", "--config", "NoP.cfg",
                     "--const", "P = {q1, q2, q3}", "Procs.tla", NULL};
  r = cli_run(b);
  EXPECT(r, 12, out, "/\\ pc = (q1 :> \"b\" @@ q2 :> \"b\" @@ q3 :> \"a\")");
  cli_out_free(&r);
  /* Repeated: the last one counts. */
  const char *c[] = {"check", "--const=Max=1", "--const", "Max=2",
                     "Stops.tla", NULL};
  r = cli_run(c);
  EXPECT(r, 11, out, "brink: deadlock after 2 steps");
  cli_out_free(&r);
  const char *d[] = {"check", "--const", "Nope=1", "Stops.tla", NULL};
  r = cli_run(d);
  EXPECT(r, 151, err, "--const:1:10: error: 'Nope' is not a constant");
  cli_out_free(&r);
  const char *e[] = {"check", "--const", "Max", "Stops.tla", NULL};
  r = cli_run(e);
  EXPECT(r, 151, err, "brink: --const takes NAME=VALUE, not 'Max'");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Progress and trace headers */

START_TEST(test_progress_lines) {
  const char *a[] = {"check", "--length", "3", "Stops.tla", "-deadlock", NULL};
  Out r = cli_run(a);
  ck_assert_int_eq(r.status, 0);
  for (int d = 0; d <= 3; d++) {
    char line[64];
    snprintf(line, sizeof line, "brink: depth %d checked (", d);
    ck_assert_msg(strstr(r.err, line), "no '%s' in:\n%s", line, r.err);
  }
  const char *b[] = {"check", "--length", "3", "Stops.tla", "-deadlock",
                     "--quiet", NULL};
  Out q = cli_run(b);
  ck_assert_int_eq(q.status, 0);
  ck_assert_msg(!strstr(q.err, "depth"), "%s", q.err);
  /* stdout is the same, up to the time. */
  char *t1 = strstr(r.out, "Time:"), *t2 = strstr(q.out, "Time:");
  ck_assert_ptr_nonnull(t1);
  ck_assert_ptr_nonnull(t2);
  ck_assert_int_eq((int)(t1 - r.out), (int)(t2 - q.out));
  ck_assert_int_eq(strncmp(r.out, q.out, (size_t)(t1 - r.out)), 0);
  cli_out_free(&r);
  cli_out_free(&q);
}
END_TEST

START_TEST(test_action_parameters) {
  const char *engines[] = {"symbolic", "explicit"};
  for (int e = 0; e < 2; e++) {
    const char *a[] = {"check", "--engine", engines[e], "Procs.tla", NULL};
    Out r = cli_run(a);
    EXPECT(r, 12, out, "State 2: <Step(p1) line 6, col 12 to line 6, col 68 "
                       "of module Procs>\n");
    EXPECT(r, 12, out, "State 3: <Step(p2) line 6, col 12 to line 6, col 68 "
                       "of module Procs>\n");
    cli_out_free(&r);
  }
  /* Two parameters, and a value that is a tuple. */
  fixture_write("Two.tla", "---- MODULE Two ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x = <<0, 0>>\n"
                           "Move(a, b) == x' = <<a, b>>\n"
                           "Next == \\E a \\in 1..2, b \\in {<<1, \"u\">>} : "
                           "Move(a, b)\nInv == x[1] = 0\n====\n");
  fixture_write("Two.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *b[] = {"check", "--engine", "explicit", "Two.tla", NULL};
  Out r = cli_run(b);
  EXPECT(r, 12, out, "State 2: <Move(1,<<1, \"u\">>) line 5, col 15 to");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * --timeout, SIGINT, SIGTERM */

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
           status, strcmp(status, "INTERRUPTED") ? "stopped" : "interrupted",
           cause);
  EXPECT(*r, code, out, want);
  int d = last_depth(r->err);
  ck_assert_msg(d >= 1, "no progress line:\n%s", r->err);
  snprintf(want, sizeof want,
           "every state reachable in up to %d steps satisfies the invariants "
           "(depth %d fully checked; depth %d not finished)",
           d, d, d + 1);
  EXPECT(*r, code, out, want);
  /* The stop may fall in the step from depth d (report_step_begun). */
  const char *rest = strstr(r->out, want) + strlen(want);
  char step[64];
  snprintf(step, sizeof step, "; of the states at depth %d, ", d);
  ck_assert_msg(strncmp(rest, ".\n", 2) == 0 ||
                    strncmp(rest, step, strlen(step)) == 0,
                "%s", r->out);
  ck_assert_msg(!strstr(r->err, "gave up"), "%s", r->err);
}

START_TEST(test_timeout_symbolic) {
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length",
                       "100000", "--timeout", "1.5", "Long.tla", NULL};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    Out r = cli_run(a);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    expect_symbolic_stop(&r, 255, "TIMEOUT", "the time limit (--timeout 1.5)");
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(secs < 15, "took %.1f s", secs);
    cli_out_free(&r);
  }
}
END_TEST

START_TEST(test_signals_symbolic) {
  const char *backends[] = {"z3", "cadical"};
  const int sigs[] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length",
                       "100000", "Long.tla", NULL};
    pid_t pid = cli_start(a);
    ck_assert_msg(cli_wait_for("err.txt", "brink: depth 3 checked"),
                  "no progress");
    kill(pid, sigs[i]);
    Out r = cli_finish(pid);
    expect_symbolic_stop(&r, 128 + sigs[i], "INTERRUPTED",
                         sigs[i] == SIGINT ? "SIGINT" : "SIGTERM");
    cli_out_free(&r);
  }
}
END_TEST

START_TEST(test_signals_explicit) {
  const int sigs[] = {SIGINT, SIGTERM};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--engine", "explicit", "Long.tla", NULL};
    pid_t pid = cli_start(a);
    ck_assert_msg(cli_wait_for("out.txt", "Finished computing initial states"),
                  "did not start");
    usleep(300000);
    kill(pid, sigs[i]);
    Out r = cli_finish(pid);
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
    cli_out_free(&r);
  }
}
END_TEST

START_TEST(test_max_memory) {
  /* Symbolic, on both back ends: the depth reached is reported.  (Z3
   * starts at about 15 MiB, CaDiCaL at 8.) */
  const char *backends[] = {"z3", "cadical"}, *limits[] = {"40M", "24M"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length",
                       "100000", "--max-memory", limits[i], "Long.tla", NULL};
    Out r = cli_run(a);
    char cause[64];
    snprintf(cause, sizeof cause, "the memory limit (--max-memory %.2s MiB)",
             limits[i]);
    expect_symbolic_stop(&r, 153, "OUT_OF_MEMORY", cause);
    cli_out_free(&r);
  }
  const char *b[] = {"check", "--engine", "explicit", "--max-memory", "32M",
                     "Long.tla", NULL};
  Out r = cli_run(b);
  EXPECT(r, 153, out, "brink: OUT_OF_MEMORY: the run was stopped by the "
                      "memory limit (--max-memory 32 MiB) after ");
  EXPECT(r, 153, out, "states left on queue.");
  cli_out_free(&r);
  const char *c[] = {"check", "--max-memory", "lots", "Long.tla", NULL};
  r = cli_run(c);
  EXPECT(r, 255, err, "brink: --max-memory must be a size such as 512M or 4G "
                      "(at least 1M), not 'lots'");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_timeout_json) {
  const char *a[] = {"check", "--engine", "explicit", "--timeout", "0.5",
                     "--json", "r.json", "Long.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time limit "
                      "(--timeout 0.5) after ");
  char *path = cli_in_dir("r.json");
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  const char *why = cli_json_invalid(j);
  ck_assert_msg(!why, "%s invalid: %s", path, why);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")),
                   "TIMEOUT");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "exit_code")), 255);
  ck_assert_int_gt(json_integer_value(json_object_get(j, "distinct_states")),
                   0);
  json_decref(j);
  free(path);
  cli_out_free(&r);
}
END_TEST

/* A stop inside one long computation: the explicit engine enumerating a
 * huge set of initial states takes the stop up at its next allocation
 * (memguard.c); a computation with no such point (a recursive operator in
 * Init, which the symbolic engine evaluates as a closed constant) is ended
 * by the watcher after the grace period, with its last words and the JSON.
 * Without either, both runs went on for minutes past --timeout. */
static const char SLOW[] =
    "---- MODULE Slow ----\n"
    "EXTENDS Naturals, FiniteSets\n"
    "VARIABLE x\n"
    "RECURSIVE Sum(_)\n"
    "Sum(n) == IF n = 0 THEN 0\n"
    "          ELSE Cardinality({k \\in 1..100000 : k % 7 = n % 7}) + "
    "Sum(n - 1)\n"
    "Init == x = Sum(3000) * Sum(3001)\n"
    "Next == x' = x\n"
    "Inv == x > 0\n"
    "====\n";

static double run_timed(const char *const *a, Out *r) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  *r = cli_run(a);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

static void expect_json_status(const char *file, const char *status) {
  char *path = cli_in_dir(file);
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  const char *why = cli_json_invalid(j);
  ck_assert_msg(!why, "%s invalid: %s", path, why);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")), status);
  json_decref(j);
  free(path);
}

START_TEST(test_stop_inside_long_computation) {
  fixture_write("Slow.tla", SLOW);
  fixture_write("Slow.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *engines[] = {"symbolic", "explicit"};
  const char *said[] = {"no depth was fully checked.",
                        "the search was inside one long computation with no "
                        "point to stop at"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--engine", engines[i], "--timeout", "1",
                       "--json", "r.json", "Slow.tla", NULL};
    Out r;
    double secs = run_timed(a, &r);
    EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time "
                        "limit (--timeout 1) after ");
    EXPECT(r, 255, out, said[i]);
    expect_json_status("r.json", "TIMEOUT");
    ck_assert_msg(secs < 120, "%s: took %.1f s", engines[i], secs);
    cli_out_free(&r);
  }
}
END_TEST

START_TEST(test_stop_computing_initial_states) {
  fixture_write("Big.tla", "---- MODULE Big ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x \\in [1..8 -> 1..7]\n"
                           "Next == x' = x\n====\n");
  fixture_write("Big.cfg", "INIT Init\nNEXT Next\n");
  const char *a[] = {"check", "--engine", "explicit", "--timeout", "1",
                     "--json", "r.json", "Big.tla", NULL};
  Out r;
  double secs = run_timed(a, &r);
  EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time limit "
                      "(--timeout 1) after ");
  EXPECT(r, 255, out, "the initial states were still being computed");
  expect_json_status("r.json", "TIMEOUT");
  ck_assert_msg(secs < 120, "took %.1f s", secs);
  cli_out_free(&r);
}
END_TEST

/* A stop taken up inside one long encoding: Spread's 8000 instances take
 * seconds to encode and bit-blast for each frame, with no solver query in
 * between; the terms, AIG nodes and clauses being built are where the run
 * polls (stop.h, stop_poll).  Without those polls the watcher ended the
 * run only after its grace period, 5 s past the limit; the bound below
 * is well under that and well over the ~0.1 s it takes. */
static const char WIDE[] =
    "---- MODULE Wide ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT N\n"
    "VARIABLE x\n"
    "Init == x \\in [1..N -> 0..3]\n"
    "Next == \\E i \\in 1..N : x' = [x EXCEPT ![i] = (x[i] + 1) % 4]\n"
    "Spread == \\A i, j, k \\in 1..N : x[i] + x[j] # x[k] + 10\n"
    "Spec == Init /\\ [][Next]_x\n"
    "Live == []<>Spread\n"
    "====\n";

/* Wide with its temporal property: the lasso search encodes Spread at
 * every position, seconds each. */
static void write_wide_live(void) {
  fixture_write("Wide.tla", WIDE);
  fixture_write("Wide.cfg", "CONSTANT N = 20\nSPECIFICATION Spec\n"
                            "PROPERTY Live\n");
}

START_TEST(test_stop_inside_encoding) {
  fixture_write("Wide.tla", WIDE);
  fixture_write("Wide.cfg", "CONSTANT N = 20\nINIT Init\nNEXT Next\n"
                            "INVARIANT Spread\n");
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length", "3",
                       "--timeout", "1", "Wide.tla", NULL};
    Out r;
    double secs = run_timed(a, &r);
    EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time "
                        "limit (--timeout 1) after ");
    ck_assert_msg(!strstr(r.err, "gave up"), "%s", r.err);
    ck_assert_msg(secs < 4.5, "%s: took %.1f s", backends[i], secs);
    cli_out_free(&r);
  }
}
END_TEST

/* A stop while the step from the deepest states checked is examined:
 * Next's guard has N^3 instances, whose encoding takes seconds, so the
 * limit falls after the invariants of depth 0 (there are none) and before
 * the step's evaluation errors and its deadlock check; the status line
 * must not pass depth 0 off as fully checked. */
static const char WIDE_STEP[] =
    "---- MODULE WideStep ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT N\n"
    "VARIABLE x\n"
    "Init == x \\in [1..N -> 0..3]\n"
    "Next == \\E i \\in 1..N :\n"
    "          /\\ \\A j, k \\in 1..N : x[j] + x[k] # x[i] + 10\n"
    "          /\\ x' = [x EXCEPT ![i] = (x[i] + 1) % 4]\n"
    "====\n";

START_TEST(test_stop_in_step_checks) {
  fixture_write("WideStep.tla", WIDE_STEP);
  fixture_write("WideStep.cfg", "CONSTANT N = 40\nINIT Init\nNEXT Next\n");
  const char *a[] = {"check", "--length", "3", "--timeout", "1",
                     "WideStep.tla", NULL};
  Out r;
  run_timed(a, &r);
  EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time "
                      "limit (--timeout 1) after ");
  EXPECT(r, 255, out, "(depth 0 fully checked; depth 1 not finished); of "
                      "the states at depth 0, the check of their step "
                      "for evaluation errors and the deadlock check were "
                      "not finished.");
  cli_out_free(&r);
  const char *b[] = {"check", "--length", "3", "--timeout", "1",
                     "--no-deadlock", "WideStep.tla", NULL};
  run_timed(b, &r);
  EXPECT(r, 255, out, "; of the states at depth 0, the check of their "
                      "step for evaluation errors was not finished.");
  cli_out_free(&r);
}
END_TEST

/* A stop in the lasso search, which follows the whole bound: the status
 * line and exit code of any other timeout (not "the solver gave up on a
 * lasso"), saying that the bound was checked and how far the lassos were
 * searched.  The safety part takes milliseconds (no invariant); the lassos
 * encode Spread at every position, which takes seconds each. */
START_TEST(test_stop_in_lasso_search) {
  write_wide_live();
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length", "3",
                       "--timeout", "2", "--json", "r.json", "Wide.tla",
                       NULL};
    Out r;
    double secs = run_timed(a, &r);
    EXPECT(r, 255, out, "brink: TIMEOUT: the run was stopped by the time "
                        "limit (--timeout 2) after ");
    EXPECT(r, 255, out, "; every state reachable in up to 3 steps satisfies "
                        "the invariants (depth 3, the bound, fully checked); ");
    ck_assert_msg(strstr(r.out, "the search for lassos violating Live had "
                                "not finished those of 1 step.\n") ||
                      strstr(r.out, " violates Live (lassos of "),
                  "%s", r.out);
    ck_assert_msg(!strstr(r.err, "gave up") && !strstr(r.out, "not checked"),
                  "%s\n%s", r.out, r.err);
    expect_json_status("r.json", "TIMEOUT");
    ck_assert_msg(secs < 5.5, "%s: took %.1f s", backends[i], secs);
    cli_out_free(&r);
  }
}
END_TEST

/* GNU timeout sends its signal to the child and then to the child's
 * process group, so a run under it gets the signal twice within
 * microseconds: that is one request, which stops the run as the first one
 * does, not a second one that ends the process at once (which cut the
 * end of the run short with "stopped at once (second signal)").  Here the
 * stop lands in the lasso search's encoding. */
START_TEST(test_duplicate_signal) {
  write_wide_live();
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--length", "3",
                       "Wide.tla", NULL};
    pid_t pid = cli_start(a);
    ck_assert_msg(cli_wait_for("err.txt", "brink: depth 3 checked"),
                  "no progress");
    usleep(200000);
    kill(pid, SIGTERM);
    usleep(5000);
    kill(pid, SIGTERM);
    Out r = cli_finish(pid);
    ck_assert_msg(!strstr(r.err, "second signal"), "%s: %s", backends[i],
                  r.err);
    EXPECT(r, 128 + SIGTERM, out, "brink: INTERRUPTED: the run was "
                                  "interrupted by SIGTERM after ");
    cli_out_free(&r);
  }
}
END_TEST

/* Running out of memory, here in the address space that ulimit -v leaves:
 * the set of 2^24 functions is built in full when the symbolic engine
 * evaluates Inv's closed constant part, and the explicit engine when it
 * checks Inv.  Exit 153 and a status line with what was established (no
 * depth yet), as with --max-memory; it was exit 255 with only "out of
 * memory (allocating 1048576 bytes)". */
START_TEST(test_out_of_memory) {
  fixture_write("Huge.tla",
                "---- MODULE Huge ----\n"
                "EXTENDS Naturals, FiniteSets\n"
                "VARIABLE x\n"
                "Init == x = 0\n"
                "Next == x' = (x + 1) % 5\n"
                "Inv == x < Cardinality({f \\in [1..24 -> 1..2] : "
                "f[1] = 1}) + 5\n"
                "====\n");
  fixture_write("Huge.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *backends[] = {"z3", "cadical"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--backend", backends[i], "--json", "r.json",
                       "Huge.tla", NULL};
    Out r = cli_run_limited(a, 600ull << 20);
    EXPECT(r, 153, out, "brink: OUT_OF_MEMORY: the run was stopped by "
                        "running out of memory (an allocation");
    EXPECT(r, 153, out, "the address space is limited to 600 MiB (ulimit "
                        "-v)) after ");
    EXPECT(r, 153, out, "; no depth was fully checked.\n");
    EXPECT(r, 153, err, "brink: running out of memory (an allocation");
    expect_json_status("r.json", "OUT_OF_MEMORY");
    cli_out_free(&r);
  }
  const char *b[] = {"check", "--engine", "explicit", "Huge.tla", NULL};
  Out r = cli_run_limited(b, 600ull << 20);
  EXPECT(r, 153, out, "states generated");
  ck_assert_msg(strstr(r.out, "out of memory") || strstr(r.out, "OUT_OF_MEMORY"),
                "%s", r.out);
  cli_out_free(&r);
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
  tcase_add_test(tc, test_duplicate_signal);
  tcase_add_test(tc, test_max_memory);
  tcase_add_test(tc, test_timeout_json);
  tcase_add_test(tc, test_stop_inside_long_computation);
  tcase_add_test(tc, test_stop_computing_initial_states);
  tcase_add_test(tc, test_stop_inside_encoding);
  tcase_add_test(tc, test_stop_in_lasso_search);
  tcase_add_test(tc, test_stop_in_step_checks);
  tcase_add_test(tc, test_out_of_memory);
  suite_add_tcase(s, tc);
  return s;
}
