/* report_json.c -- the run's result record and its JSON (report.h).
 *
 * The record is one static struct: a process checks one spec.  The hooks
 * only copy what the engines hand over; the work is done once, at the end,
 * by report_finish: the status from the exit code, the steps of the trace
 * with their actions' parameters, values as JSON (jansson), and the ITF
 * trace (report_itf.c).
 *
 * Values in JSON: integers as numbers (as strings past 64 bits), strings
 * and model values as strings, sets as arrays, a function whose domain is
 * 1..n (a tuple or sequence) as an array, any other function as an object
 * whose keys are the domain's elements as TLA+ prints them (a record's
 * field names, a model value's name, "3"), so that `[s \in Servers |-> 0]`
 * reads {"Node1": 0, "Node2": 0}. */
#include "report.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report_itf.h"
#include "report_tla.h"
#include "status.h"
#include "stop.h"

static struct {
  bool on;
  ReportConfig cfg;
  FILE *json_out; /* stdout as it was, when --json - */
  double t0;
  int depth;             /* deepest depth checked or reached, -1 none */
  /* The step from the states at step_depth (-1: none begun): which of its
   * checks are done (report_step_begun). */
  int step_depth;
  bool step_errors_done, step_deadlock_wanted, step_deadlock_done;
  char backend[128];     /* the solver as the summary names it */
  bool have_counts;
  uint64_t generated, distinct;
  char prop_kind[32];
  char *prop_name;
  const Spec *spec;
  const Config *model;
  Trace trace; /* n == 0: none */
  char stop_msg[1024];
  /* The lasso search (report_lassos_checked): per temporal property begun,
   * the longest lassos found to satisfy it. */
  struct {
    char *name;
    int k;
  } lassos[8];
  size_t nlassos, lassos_left_out;
  char *left_out_last; /* the last property past the first eight */
  uint64_t explored;     /* report_explored: states found ... */
  int explored_depth;    /* ... and the depth complete among them; -1 */
} R;

static void last_words(void);

static bool writable(const char *path, const char *opt) {
  if (!path || strcmp(path, "-") == 0)
    return true;
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "brink: %s: cannot write %s: %m\n", opt, path);
    return false;
  }
  fclose(f);
  return true;
}

bool report_start(const ReportConfig *c) {
  memset(&R, 0, sizeof R);
  R.cfg = *c;
  R.depth = -1;
  R.step_depth = -1;
  R.explored_depth = -1;
  R.t0 = util_now();
  if (!writable(c->json_path, "--json") || !writable(c->itf_path, "--itf") ||
      !writable(c->trace_module, "--trace-module"))
    return false;
  bool to_stdout = (c->json_path && strcmp(c->json_path, "-") == 0) ||
                   (c->itf_path && strcmp(c->itf_path, "-") == 0);
  if (to_stdout) {
    /* stdout carries the report alone; the text goes to stderr. */
    fflush(stdout);
    int fd = dup(1);
    R.json_out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!R.json_out || dup2(2, 1) < 0) {
      fprintf(stderr, "brink: cannot set up stdout for the report: %m\n");
      return false;
    }
  }
  R.on = true;
  stop_set_last_words(last_words);
  return true;
}

void report_set_model(const Config *cfg) { R.model = cfg; }

void report_depth_checked(int depth, const char *backend) {
  if (!R.on)
    return;
  R.depth = depth;
  snprintf(R.backend, sizeof R.backend, "%s", backend ? backend : "");
  if (!R.cfg.quiet)
    fprintf(stderr, "brink: depth %d checked (%.2f s)\n", depth,
            util_now() - R.t0);
}

void report_step_begun(int depth, bool deadlock) {
  R.step_depth = depth;
  R.step_errors_done = R.step_deadlock_done = false;
  R.step_deadlock_wanted = deadlock;
}

void report_step_errors_checked(void) { R.step_errors_done = true; }
void report_deadlock_checked(void) { R.step_deadlock_done = true; }

void report_lassos_checked(const char *property, int k) {
  size_t i = 0;
  while (i < R.nlassos && strcmp(R.lassos[i].name, property) != 0)
    i++;
  if (i < R.nlassos)
    ; /* begun: the search goes by bound, over the properties */
  else if (i == sizeof R.lassos / sizeof R.lassos[0]) {
    /* the message names the first eight and counts the others, each
     * when its search begins (k = 0) */
    if (k == 0 &&
        (!R.left_out_last || strcmp(R.left_out_last, property) != 0)) {
      free(R.left_out_last);
      R.left_out_last = xstrdup(property);
      R.lassos_left_out++;
    }
    return;
  } else
    R.lassos[R.nlassos++].name = xstrdup(property);
  R.lassos[i].k = k;
}

void report_explored(uint64_t distinct, int complete_depth) {
  R.explored = distinct;
  R.explored_depth = complete_depth;
}

void report_states(uint64_t generated, uint64_t distinct, int depth) {
  R.have_counts = true;
  R.generated = generated;
  R.distinct = distinct;
  R.depth = depth;
}

void report_property_violated(const char *kind, const char *name) {
  snprintf(R.prop_kind, sizeof R.prop_kind, "%s", kind);
  free(R.prop_name);
  R.prop_name = xstrdup(name);
}

void report_trace(const Spec *spec, const Trace *t) {
  if (!R.on)
    return;
  R.spec = spec;
  R.trace.n = t->n;
  R.trace.states = xmalloc((size_t)t->n * sizeof *t->states);
  memcpy(R.trace.states, t->states, (size_t)t->n * sizeof *t->states);
  R.trace.actions = xcalloc((size_t)t->n, sizeof *t->actions);
  if (t->actions)
    memcpy(R.trace.actions, t->actions, (size_t)t->n * sizeof *t->actions);
}

/* ---- a run ended early ---- */

static int stopped(const char *established) {
  stop_acknowledge();
  StopReason r = stop_reason();
  snprintf(R.stop_msg, sizeof R.stop_msg, "%s by %s after %.2f s; %s",
           r == STOP_SIGINT || r == STOP_SIGTERM ? "interrupted" : "stopped",
           stop_cause(r), util_now() - R.t0, established);
  fprintf(stdout, "brink: %s: the run was %s.\n", stop_status(r), R.stop_msg);
  return stop_exit_code(r);
}

int report_stopped_symbolic(void) {
  char what[768];
  int d = R.depth;
  if (d < 0)
    snprintf(what, sizeof what, "no depth was fully checked");
  else if (d == R.cfg.length)
    snprintf(what, sizeof what,
             "every state reachable in up to %d step%s satisfies the "
             "invariants (depth %d, the bound, fully checked)",
             d, d == 1 ? "" : "s", d);
  else
    snprintf(what, sizeof what,
             "every state reachable in up to %d step%s satisfies the "
             "invariants (depth %d fully checked; depth %d not finished)",
             d, d == 1 ? "" : "s", d, d + 1);
  /* The step from the deepest states checked, if it was under way. */
  bool errs = R.step_depth == d && d >= 0 && !R.step_errors_done;
  bool dl = R.step_depth == d && d >= 0 && R.step_deadlock_wanted &&
            !R.step_deadlock_done;
  if (errs || dl) {
    size_t len = strlen(what);
    snprintf(what + len, sizeof what - len,
             "; of the states at depth %d, %s%s%s %s not finished", d,
             errs ? "the check of their step for evaluation errors" : "",
             errs && dl ? " and " : "", dl ? "the deadlock check" : "",
             errs && dl ? "were" : "was");
  }
  /* The lasso search after the bound: each property begun, how far. */
  for (size_t i = 0; i < R.nlassos; i++) {
    size_t len = strlen(what);
    int k = R.lassos[i].k;
    const char *name = R.lassos[i].name;
    if (k == 0)
      snprintf(what + len, sizeof what - len,
               "; the search for lassos violating %s had not finished "
               "those of 1 step",
               name);
    else
      snprintf(what + len, sizeof what - len,
               "; no lasso of up to %d step%s violates %s%s", k,
               k == 1 ? "" : "s", name,
               k < R.cfg.length ? xsprintf(" (lassos of %d steps not "
                                           "finished)",
                                           k + 1)
                                : "");
  }
  if (R.lassos_left_out) {
    size_t len = strlen(what);
    snprintf(what + len, sizeof what - len,
             "; the search of %zu more temporal propert%s had begun",
             R.lassos_left_out, R.lassos_left_out == 1 ? "y" : "ies");
  }
  return stopped(what);
}

int report_stopped_explicit(uint64_t distinct, int complete_depth) {
  char what[256];
  R.depth = complete_depth;
  if (complete_depth < 0) {
    snprintf(what, sizeof what,
             "the initial states were still being computed: no error was "
             "found in the %llu found so far",
             (unsigned long long)distinct);
    return stopped(what);
  }
  snprintf(what, sizeof what,
           "no error was found in the %llu distinct states found, which "
           "include every state reachable in up to %d step%s",
           (unsigned long long)distinct, complete_depth,
           complete_depth == 1 ? "" : "s");
  return stopped(what);
}

/* ---- JSON ---- */

static json_t *int_json(const Value *v) {
  int64_t x;
  if (val_int_fits(v, &x))
    return json_integer((json_int_t)x);
  char *s = val_to_string(v);
  json_t *j = json_string(s);
  free(s);
  return j;
}

json_t *report_value_json(const Value *v) {
  switch (v->kind) {
  case V_BOOL:
    return json_boolean(v->u.b);
  case V_INT:
    return int_json(v);
  case V_STR:
    return json_string(sym_str(v->u.str));
  case V_MODEL:
    return json_string(sym_str(v->u.model.name));
  case V_SET: {
    json_t *a = json_array();
    for (uint32_t i = 0; i < v->u.set.n; i++)
      json_array_append_new(a, report_value_json(v->u.set.elems[i]));
    return a;
  }
  case V_FUN: {
    if (val_is_seq(v)) {
      json_t *a = json_array();
      for (uint32_t i = 0; i < v->u.fun.n; i++)
        json_array_append_new(a, report_value_json(v->u.fun.vals[i]));
      return a;
    }
    json_t *o = json_object();
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      const Value *k = v->u.fun.keys[i];
      char *key = k->kind == V_STR     ? xstrdup(sym_str(k->u.str))
                  : k->kind == V_MODEL ? xstrdup(sym_str(k->u.model.name))
                                       : val_to_string(k);
      json_object_set_new(o, key, report_value_json(v->u.fun.vals[i]));
      free(key);
    }
    return o;
  }
  default: { /* a large interval, Nat, Int, STRING: as TLA+ prints it */
    char *s = val_to_string(v);
    json_t *j = json_string(s);
    free(s);
    return j;
  }
  }
}

static json_t *step_json(int i) {
  const Spec *spec = R.spec;
  const Trace *t = &R.trace;
  json_t *o = json_object();
  json_object_set_new(o, "step", json_integer(i + 1));
  int a = t->actions[i];
  json_t *params = json_object();
  json_t *loc = json_null();
  char *label;
  if (i == 0 || a < 0) {
    label = xstrdup(i == 0 || a == -1 ? "InitialState" : "Next");
  } else {
    const Action *ac = &spec->actions.data[a];
    label = trace_step_label(spec, t, i);
    json_object_set_new(o, "action", json_string(label));
    Value *vals[TRACE_MAX_PARAMS];
    const Def *def;
    int n = trace_step_params(spec, t, i, vals, TRACE_MAX_PARAMS, &def);
    for (int k = 0; k < n && def && k < def->nparams; k++)
      json_object_set_new(params, sym_str(def->params[k].name),
                          report_value_json(vals[k]));
    if (ac->loc.file)
      loc = json_pack("{s:s, s:i, s:i, s:i, s:i}", "module",
                      sym_str(ac->module), "begin_line",
                      (int)ac->loc.line, "begin_column", (int)ac->loc.col,
                      "end_line", (int)ac->loc.eline, "end_column",
                      (int)ac->loc.ecol);
    json_object_set_new(o, "action_name", json_string(ac->name));
  }
  if (!json_object_get(o, "action"))
    json_object_set_new(o, "action", json_string(label));
  free(label);
  json_object_set_new(o, "parameters", params);
  json_object_set_new(o, "location", loc);
  json_t *vars = json_object();
  for (int v = 0; v < spec->nvars; v++)
    json_object_set_new(vars, sym_str(spec->prog->vars.data[v]->name),
                        report_value_json(t->states[i][v]));
  json_object_set_new(o, "state_variables", vars);
  return o;
}

/* The status for an exit code (TLC's, diag.h). */
static const char *status_of(int code) {
  if (stop_requested() && code == stop_exit_code(stop_reason()))
    return stop_status(stop_reason());
  switch (code) {
  case EXIT_OK:
    return "OK";
  case EXIT_ASSUME:
    return "ASSUMPTION_FALSE";
  case EXIT_DEADLOCK:
    return "DEADLOCK";
  case EXIT_SAFETY:
    return "VIOLATION_FOUND";
  case EXIT_LIVENESS:
    /* [][A]_v is a safety property even though TLC exits 13 for it. */
    return strcmp(R.prop_kind, "action property") == 0 ||
                   strcmp(R.prop_kind, "property") == 0
               ? "VIOLATION_FOUND"
               : "LIVENESS_VIOLATION";
  case 153:
    return "OUT_OF_MEMORY";
  case EXIT_OTHER: {
    const char *m = diag_last_error();
    return strstr(m, "not supported") || strstr(m, "unsupported") ||
                   strstr(m, "symbolic engine:") || strstr(m, "not yet")
               ? "UNSUPPORTED"
               : "ERROR";
  }
  default:
    return "ERROR";
  }
}

static char *message_of(const char *status, int code) {
  if (R.stop_msg[0])
    return xsprintf("The run was %s.", R.stop_msg);
  if (R.prop_name) {
    const char *k = R.prop_kind;
    char states[64] = "";
    if (R.trace.n)
      snprintf(states, sizeof states, " (a counterexample of %d states)",
               R.trace.n);
    return xsprintf("%c%s %s is violated%s.", k[0] - 'a' + 'A', k + 1,
                    R.prop_name, states);
  }
  if (strcmp(status, "DEADLOCK") == 0)
    return xsprintf("Deadlock reached (a counterexample of %d states).",
                    R.trace.n);
  if (code == EXIT_OK) {
    if (strcmp(R.cfg.engine, "explicit") == 0)
      return xstrdup("No error has been found.");
    return xsprintf("No error found in executions of up to %d steps.",
                    R.cfg.length);
  }
  if (code == 153)
    return xstrdup("brink stopped the search before memory ran out; no error "
                   "was found in the states explored (counted here).");
  if (diag_last_error()[0])
    return xstrdup(diag_last_error());
  return xsprintf("brink exited with code %d (the reason is on stderr).",
                  code);
}

static json_t *result_json(int code) {
  const char *status = status_of(code);
  json_t *o = json_object();
  json_object_set_new(o, "status", json_string(status));
  json_object_set_new(o, "exit_code", json_integer(code));
  json_object_set_new(o, "engine", json_string(R.cfg.engine));
  json_object_set_new(o, "backend",
                      strcmp(R.cfg.engine, "explicit") == 0
                          ? json_null()
                          : json_string(R.backend[0] ? R.backend
                                                     : R.cfg.backend));
  json_object_set_new(o, "spec", json_string(R.cfg.spec_path));
  json_object_set_new(o, "length", R.cfg.length >= 0
                                       ? json_integer(R.cfg.length)
                                       : json_null());
  json_object_set_new(o, "states_explored",
                      R.have_counts ? json_integer((json_int_t)R.generated)
                                    : json_null());
  json_object_set_new(o, "distinct_states",
                      R.have_counts ? json_integer((json_int_t)R.distinct)
                                    : json_null());
  int depth = R.trace.n ? R.trace.n - 1 : R.depth;
  if (code == EXIT_OK && strcmp(R.cfg.engine, "symbolic") == 0)
    depth = R.cfg.length;
  json_object_set_new(o, "depth", depth >= 0 ? json_integer(depth)
                                             : json_null());
  json_object_set_new(
      o, "property",
      R.prop_name ? json_pack("{s:s, s:s}", "name", R.prop_name, "kind",
                              R.prop_kind)
                  : json_null());
  char *msg = message_of(status, code);
  json_object_set_new(o, "message", json_string(msg));
  free(msg);
  json_t *trace = json_array();
  for (int i = 0; i < R.trace.n; i++)
    json_array_append_new(trace, step_json(i));
  json_object_set_new(o, "error_trace", trace);
  json_object_set_new(o, "trace_length", json_integer(R.trace.n));
  json_object_set_new(o, "loop", json_null());
  json_object_set_new(o, "duration_ms",
                      json_integer((json_int_t)((util_now() - R.t0) * 1000)));
  return o;
}

static void write_json(json_t *j, const char *path, const char *opt) {
  FILE *f = strcmp(path, "-") == 0 ? R.json_out : fopen(path, "w");
  if (!f || json_dumpf(j, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
      fputc('\n', f) == EOF || fflush(f) != 0)
    fprintf(stderr, "brink: %s: cannot write %s\n", opt, path);
  if (f && f != R.json_out)
    fclose(f);
}

/* --json, when asked for: the run's result record. */
static void write_result_json(int code) {
  if (!R.cfg.json_path)
    return;
  json_t *j = result_json(code);
  write_json(j, R.cfg.json_path, "--json");
  json_decref(j);
}

/* The stop's last words (stop.h), said from the watcher thread when the
 * engine has not reached a point where it could stop: what is established
 * is what this record holds (the symbolic engine's last depth checked). */
static void last_words(void) {
  status_clear();
  int code = strcmp(R.cfg.engine, "explicit") != 0
                 ? report_stopped_symbolic()
             : R.explored_depth >= 0
                 ? report_stopped_explicit(R.explored, R.explored_depth)
                 : stopped("the search was inside one long computation with "
                           "no point to stop at, so it could not count what "
                           "it had found; no error had been reported");
  fflush(stdout);
  write_result_json(code);
}

int report_finish(int code) {
  stop_acknowledge();
  if (!R.on)
    return code;
  fflush(stdout);
  write_result_json(code);
  if (R.cfg.itf_path) {
    json_t *j = report_itf(R.spec, &R.trace);
    write_json(j, R.cfg.itf_path, "--itf");
    json_decref(j);
  }
  if (R.cfg.trace_module) {
    FILE *f = fopen(R.cfg.trace_module, "w");
    if (f && R.trace.n)
      report_trace_module(f, R.cfg.trace_module, R.spec, &R.trace, R.model);
    else if (f)
      fprintf(f, "\\* brink found no counterexample: there is no trace.\n");
    if (!f || fclose(f) != 0)
      fprintf(stderr, "brink: --trace-module: cannot write %s\n",
              R.cfg.trace_module);
  }
  R.on = false;
  return code;
}
