/* clirun.c -- the subprocess runner and specs of the CLI suites (clirun.h). */
#include "clirun.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

const char *cli_brink(void) {
  const char *b = getenv("BRINK");
  return b && *b ? b : "./brink";
}

char *cli_slurp(const char *path) {
  char *t = src_read_file(path);
  return t ? t : xstrdup("");
}

char *cli_in_dir(const char *name) {
  return xsprintf("%s/%s", fixture_dir, name);
}

/* The child's RLIMIT_AS (0: none), for cli_run_limited. */
static unsigned long long address_space;

/* Starts brink with args (NULL-terminated) in the scratch directory,
 * stdout and stderr into out.txt and err.txt there. */
pid_t cli_start(const char *const *args) {
  const char *v[40];
  int n = 0;
  v[n++] = cli_brink();
  for (int i = 0; args[i] && n < 39; i++)
    v[n++] = args[i];
  v[n] = NULL;
  char *o = cli_in_dir("out.txt"), *e = cli_in_dir("err.txt");
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
    struct rlimit rl = {address_space, address_space};
    if (address_space && setrlimit(RLIMIT_AS, &rl) != 0)
      _exit(127);
    execv(v[0], (char *const *)v);
    _exit(127);
  }
  free(o);
  free(e);
  return pid;
}

Out cli_finish(pid_t pid) {
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    ;
  Out r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  char *o = cli_in_dir("out.txt"), *e = cli_in_dir("err.txt");
  r.out = cli_slurp(o);
  r.err = cli_slurp(e);
  free(o);
  free(e);
  return r;
}

Out cli_run(const char *const *args) { return cli_finish(cli_start(args)); }

Out cli_run_limited(const char *const *args, unsigned long long bytes) {
  address_space = bytes;
  pid_t pid = cli_start(args);
  address_space = 0;
  return cli_finish(pid);
}

void cli_out_free(Out *r) {
  free(r->out);
  free(r->err);
}

/* Waits until the file holds text (or 30 s pass). */
bool cli_wait_for(const char *name, const char *text) {
  char *path = cli_in_dir(name);
  bool found = false;
  for (int i = 0; i < 3000 && !found; i++) {
    char *t = cli_slurp(path);
    found = strstr(t, text) != NULL;
    free(t);
    if (!found)
      usleep(10000);
  }
  free(path);
  return found;
}

/* ---------------------------------------------------------------------
 * Specs */

const char *const PROCS =
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
const char *const PROCS_CFG =
    "CONSTANT P = {p1, p2}\nINIT Init\nNEXT Next\nINVARIANT Small\n";

/* Runs for ever (unbounded x) with states that are cheap to find. */
const char *const LONG =
    "---- MODULE Long ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, y\n"
    "Init == x = 0 /\\ y = 0\n"
    "Next == \\/ x' = x + 1 /\\ y' = y\n"
    "        \\/ y' = (y + 1) % 1000 /\\ x' = x\n"
    "Inv == x >= 0\n"
    "====\n";
const char *const LONG_CFG = "INIT Init\nNEXT Next\nINVARIANT Inv\n";

/* Deadlocks after 3 steps. */
const char *const STOPS =
    "---- MODULE Stops ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT Max\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x < Max /\\ x' = x + 1\n"
    "Inv == x <= Max\n"
    "====\n";
const char *const STOPS_CFG =
    "CONSTANT Max = 3\nINIT Init\nNEXT Next\nINVARIANT Inv\n";

/* Values of every kind, for the JSON and ITF encodings. */
const char *const KINDS =
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

void cli_write_specs(void) {
  fixture_write("Procs.tla", PROCS);
  fixture_write("Procs.cfg", PROCS_CFG);
  fixture_write("Long.tla", LONG);
  fixture_write("Long.cfg", LONG_CFG);
  fixture_write("Stops.tla", STOPS);
  fixture_write("Stops.cfg", STOPS_CFG);
  fixture_write("Kinds.tla", KINDS);
  fixture_write("Kinds.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
}

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

const char *cli_json_invalid(json_t *j) {
  static const char schema_path[] = "tests/json/brink-result.schema.json";
  json_error_t err;
  json_t *s = json_load_file(schema_path, 0, &err);
  ck_assert_msg(s, "%s:%d: %s", schema_path, err.line, err.text);
  const char *why = validate(j, s, "$");
  json_decref(s);
  return why;
}
