/* t92_cli2_out.c -- what programs read: --json validated against
 * tests/json/brink-result.schema.json by clirun.c's small validator (the
 * keywords the schema uses), the values of its fields, --json -; --itf read
 * back by an independent reader and compared with the printed trace;
 * --trace-module checked again by brink (the round trip TLC's trace
 * modules make).
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory holding
 * the specs. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) {
  fixture_setup("cli2");
  cli_write_specs();
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
  Out r = cli_run(a);
  ck_assert_msg(r.status == code, "exit %d, expected %d:\n%s\n%s", r.status,
                code, r.out, r.err);
  char *path = cli_in_dir("r.json");
  json_error_t err;
  json_t *j = json_load_file(path, 0, &err);
  ck_assert_msg(j, "%s: %s", path, err.text);
  const char *why = cli_json_invalid(j);
  ck_assert_msg(!why, "%s invalid: %s", args[0], why);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")), status);
  ck_assert_int_eq(json_integer_value(json_object_get(j, "exit_code")), code);
  unlink(path);
  free(path);
  cli_out_free(&r);
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
      {{"--engine", "explicit", "Stops.tla", "--const", "Max=\"a\""}, 76,
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
  const char *mem[] = {"--engine", "explicit", "--memory-budget", "4",
                       "Long.tla", NULL};
  json_t *j = json_run(mem, 153, "OUT_OF_MEMORY");
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
  Out r = cli_run(a);
  ck_assert_int_eq(r.status, 12);
  json_error_t err;
  json_t *j = json_loads(r.out, 0, &err);
  ck_assert_msg(j, "stdout is not JSON (%s):\n%s", err.text, r.out);
  ck_assert_str_eq(json_string_value(json_object_get(j, "status")),
                   "VIOLATION_FOUND");
  ck_assert_msg(strstr(r.err, "Error: Invariant Small is violated."), "%s",
                r.err);
  json_decref(j);
  cli_out_free(&r);
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
  Out r = cli_run(a);
  ck_assert_int_eq(r.status, 12);
  char *path = cli_in_dir("t.itf.json");
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
  cli_out_free(&r);
}
END_TEST

START_TEST(test_itf_bigint_and_model_values) {
  fixture_write("Big.tla", "---- MODULE Big ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x = 2^70\n"
                           "Next == x' = x + 1\nInv == x = 2^70\n====\n");
  fixture_write("Big.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a[] = {"check", "--engine", "explicit", "--itf", "-", "Big.tla",
                     NULL};
  Out r = cli_run(a);
  ck_assert_int_eq(r.status, 12);
  json_error_t err;
  json_t *j = json_loads(r.out, 0, &err);
  ck_assert_msg(j, "%s:\n%s", err.text, r.out);
  json_t *s1 = json_array_get(json_object_get(j, "states"), 1);
  char *got = json_dumps(json_object_get(s1, "x"), JSON_COMPACT);
  ck_assert_str_eq(got, "{\"#bigint\":\"1180591620717411303425\"}");
  free(got);
  json_decref(j);
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * --trace-module: the module brink writes, checked again by brink */

/* The "/\ x = v" lines of a printed trace, and the blank line after each
 * state (malloc'd). */
static char *state_lines(const char *out) {
  char *mine = xstrdup("");
  for (const char *p = strstr(out, "State 1:"); p && *p;) {
    const char *nl = strchr(p, '\n');
    if (!nl || (strstr(p, "states generated") && strstr(p, "states generated") < nl) ||
        strncmp(p, "brink:", 6) == 0)
      break;
    if (strncmp(p, "/\\ ", 3) == 0 || p == nl) {
      char *m = xsprintf("%s%.*s", mine, (int)(nl - p + 1), p);
      free(mine);
      mine = m;
    }
    p = nl + 1;
  }
  return mine;
}

START_TEST(test_trace_module_round_trip) {
  struct {
    const char *spec, *engine, *module;
  } runs[] = {
      {"Procs.tla", "symbolic", "Procs_TTrace.tla"},
      {"Kinds.tla", "explicit", "Kinds_TTrace_1.tla"},
  };
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--engine", runs[i].engine, "--trace-module",
                       runs[i].module, runs[i].spec, NULL};
    Out r = cli_run(a);
    ck_assert_int_eq(r.status, 12);
    char *want = state_lines(r.out);
    cli_out_free(&r);
    /* Its own CONFIG section is the model (no .cfg beside it). */
    const char *b[] = {"check", "--engine", "explicit", runs[i].module, NULL};
    r = cli_run(b);
    EXPECT(r, 12, out, "Error: Invariant _inv is violated.");
    char *got = state_lines(r.out);
    ck_assert_msg(strlen(want) > 20 && strcmp(got, want) == 0,
                  "replayed:\n%s\noriginal:\n%s", got, want);
    /* Every step is the trace's own action. */
    ck_assert_msg(strstr(r.out, "State 2: <_next line "), "%s", r.out);
    free(got);
    free(want);
    cli_out_free(&r);
  }
  /* The model values of Procs are declared and made model values. */
  char *path = cli_in_dir("Procs_TTrace.tla");
  char *text = cli_slurp(path);
  ck_assert_msg(strstr(text, "---- MODULE Procs_TTrace ----\n"
                             "EXTENDS Sequences, TLC, Toolbox, Naturals, "
                             "Procs\n") &&
                    strstr(text, "\nCONSTANTS p1, p2\n") &&
                    strstr(text, "    p1 = p1\n    p2 = p2\n    P = {p1, p2}\n"
                                 "    _TETrace <- _trace\n"),
                "%s", text);
  free(text);
  free(path);
  /* No counterexample: no trace, a comment says so. */
  const char *c[] = {"check", "-deadlock", "--length", "2", "--trace-module",
                     "None.tla", "Stops.tla", NULL};
  Out r = cli_run(c);
  ck_assert_int_eq(r.status, 0);
  path = cli_in_dir("None.tla");
  text = cli_slurp(path);
  ck_assert_str_eq(text, "\\* brink found no counterexample: there is no "
                         "trace.\n");
  free(text);
  free(path);
  cli_out_free(&r);
}
END_TEST

Suite *cli2out_suite(void) {
  Suite *s = suite_create("cli2out");
  TCase *tc = tcase_create("json");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_json_runs_validate);
  tcase_add_test(tc, test_json_fields);
  tcase_add_test(tc, test_json_stdout);
  tcase_add_test(tc, test_itf_round_trip);
  tcase_add_test(tc, test_itf_bigint_and_model_values);
  tcase_add_test(tc, test_trace_module_round_trip);
  suite_add_tcase(s, tc);
  return s;
}
