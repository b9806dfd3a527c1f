/* tlc.c -- the TLC module: registers, TLCGet, Print, Assert and friends.
 *
 * Design.  TLCSet(i, v) writes register i of the run (ev_run.registers)
 * and TLCGet(i) reads it; TLCGet("level") is the level the engine gives
 * (eval_set_level), and the other TLCGet keys describe the search through
 * the configuration and the counts the engines give
 * (eval_set_search_config/_stats).  Where TLC is random (RandomElement)
 * brink picks the least element, so that runs are reproducible.  Assert
 * failing in one of brink's own module definitions is an evaluation error
 * of the spec (exit 75), not a failed assertion (exit 14). */
#include "evalint.h"
#include <time.h>

/* All bijections of S onto itself, as functions. */
static Value *permutations(Ctx *c, Expr *e, Env *env) {
  Value *s = ev_enum_set(e, ev_eval(c, e->args[0], env));
  uint32_t n = s->u.set.n;
  if (n > 10)
    ev_fail(e,
            "Permutations of a set of %u elements: too many (%u! "
            "functions)",
            n, n);
  Value **keys = s->u.set.elems;
  uint32_t *perm = xmalloc((n ? n : 1) * sizeof *perm);
  Value **vals = xmalloc((n ? n : 1) * sizeof *vals);
  for (uint32_t i = 0; i < n; i++)
    perm[i] = i;
  VEC(Value *) out = {0};
  for (;;) {
    for (uint32_t i = 0; i < n; i++)
      vals[i] = keys[perm[i]];
    VEC_PUSH(out, val_fun(keys, vals, n));
    /* Next permutation in lexicographic order. */
    int i = (int)n - 2;
    while (i >= 0 && perm[i] > perm[i + 1])
      i--;
    if (i < 0)
      break;
    int j = (int)n - 1;
    while (perm[j] < perm[i])
      j--;
    uint32_t t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
    for (int a = i + 1, b = (int)n - 1; a < b; a++, b--) {
      t = perm[a];
      perm[a] = perm[b];
      perm[b] = t;
    }
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(perm);
  free(vals);
  return r;
}

static int64_t register_index(Expr *e, Value *k) {
  int64_t i;
  if (!val_int_fits(k, &i) || i < 1 || i > 1000000)
    ev_unsupported(e,
                   "TLCGet/TLCSet: register %s is not supported (brink has "
                   "the integer registers 1..1000000 and TLCGet(\"level\"))",
                   ev_show(k));
  return i;
}

void eval_set_search_config(const SearchConfig *cfg) {
  ev_run.have_search = cfg != NULL;
  if (cfg)
    ev_run.search = *cfg;
  ev_run.run_start = util_now();
}

void eval_set_search_stats(SearchStatsFn fn, void *arg) {
  ev_run.stats_fn = fn;
  ev_run.stats_arg = arg;
}

static Value *record_of(const char *const *names, Value **vals, size_t n) {
  Sym syms[8];
  for (size_t i = 0; i < n; i++)
    syms[i] = sym_intern(names[i]);
  return val_record(syms, vals, n);
}

static SearchStats search_stats(Expr *e, const char *key) {
  if (!ev_run.have_search)
    ev_fail(e,
            "TLCGet(\"%s\") describes TLC's breadth-first search; "
            "brink knows it only with --engine explicit",
            key);
  if (!ev_run.search.counts && strcmp(key, "config") != 0)
    ev_fail(e,
            "TLCGet(\"%s\") counts the states of a breadth-first "
            "search; brink knows it only with --engine explicit",
            key);
  SearchStats st = {0, 0, 0, 0};
  if (ev_run.stats_fn)
    ev_run.stats_fn(ev_run.stats_arg, &st);
  return st;
}

static Value *tlc_get(Ctx *c, Expr *e, Env *env) {
  Value *k = ev_eval(c, e->args[0], env);
  if (k->kind == V_STR) {
    const char *what = sym_str(k->u.str);
    if (strcmp(what, "level") == 0) {
      ev_run.level_reads++;
      if (c->level < 0)
        ev_fail(e, "TLCGet(\"level\") is only known while checking "
                   "states with --engine explicit");
      return val_int(c->level);
    }
    if (strcmp(what, "config") == 0) {
      search_stats(e, what);
      static const char *const names[] = {"mode", "depth", "deadlock",
                                          "worker"};
      Value *vals[] = {val_str(sym_intern(ev_run.search.mode)),
                       val_int(ev_run.search.depth),
                       val_bool(ev_run.search.deadlock), val_int(1)};
      return record_of(names, vals, 4);
    }
    int64_t duration = 0;
    if (ev_run.have_search)
      duration = (int64_t)(util_now() - ev_run.run_start);
    if (strcmp(what, "duration") == 0) {
      search_stats(e, what);
      return val_int(duration);
    }
    static const char *const stat_names[] = {"queue", "distinct", "generated",
                                             "diameter", "duration"};
    for (int i = 0; i < 5; i++)
      if (strcmp(what, stat_names[i]) == 0 || strcmp(what, "stats") == 0) {
        SearchStats st = search_stats(e, what);
        Value *vals[] = {val_int((int64_t)st.queue),
                         val_int((int64_t)st.distinct),
                         val_int((int64_t)st.generated), val_int(st.diameter),
                         val_int(duration)};
        if (strcmp(what, "stats") == 0)
          return record_of(stat_names, vals, 5);
        return vals[i];
      }
    ev_unsupported(e,
                   "TLCGet(\"%s\") is not supported by brink (it knows "
                   "\"level\", \"config\", \"stats\", \"diameter\", "
                   "\"distinct\", \"generated\", \"queue\", \"duration\" "
                   "and the registers TLCSet writes)",
                   what);
  }
  int64_t i = register_index(e, k);
  if ((size_t)i >= ev_run.registers.len || !ev_run.registers.data[i])
    ev_fail(e, "TLCGet(%lld): no value was set with TLCSet", (long long)i);
  return ev_run.registers.data[i];
}

bool eval_exit_requested(Loc *where) {
  if (where)
    *where = ev_run.exit_at;
  return ev_run.exit_at.file != 0;
}

void eval_allow_exit(bool on) {
  memset(&ev_run.exit_at, 0, sizeof ev_run.exit_at);
  ev_run.exit_allowed = on;
}

/* The second argument of the last Assert that failed, as TLC prints it. */
static char *assert_message;

const char *eval_assert_message(void) { return assert_message; }

static Value *tlc_set(Ctx *c, Expr *e, Env *env) {
  Value *k = ev_eval(c, e->args[0], env);
  if (k->kind == V_STR && strcmp(sym_str(k->u.str), "exit") == 0 &&
      ev_run.exit_allowed) {
    /* TLC stops its model checker (or simulator) when the value is TRUE
     * and goes on otherwise; TLCSet is TRUE either way. */
    if (ev_bool(e->args[1], ev_eval(c, e->args[1], env),
                "the second argument of TLCSet(\"exit\", ...)") &&
        !ev_run.exit_at.file)
      ev_run.exit_at = e->loc;
    return val_bool(true);
  }
  if (k->kind == V_STR)
    ev_unsupported(e, "TLCSet(\"%s\", ...) is not supported by brink yet",
                   sym_str(k->u.str));
  int64_t i = register_index(e, k);
  Value *v = ev_eval(c, e->args[1], env);
  while (ev_run.registers.len <= (size_t)i)
    VEC_PUSH(ev_run.registers, NULL);
  ev_run.registers.data[i] = v;
  return val_bool(true);
}

/* The operators of TLC and TLCExt. */
Value *ev_tlc_op(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_PRINT:
  case B_PRINTT: {
    Value *v = ev_eval(c, a[0], env);
    char *s = val_to_string(v);
    printf("%s\n", s);
    free(s);
    fflush(stdout);
    return b == B_PRINT ? ev_eval(c, a[1], env) : val_bool(true);
  }
  case B_ASSERT: {
    if (ev_bool(a[0], ev_eval(c, a[0], env), "the first argument of Assert"))
      return val_bool(true);
    Value *msg = ev_eval(c, a[1], env);
    /* brink's own module definitions (src/modules) report an operator
     * they do not support, or a misuse TLC reports as an evaluation
     * error, through Assert: that is an evaluation error, not a failed
     * assertion of the spec. */
    const char *path = src_path(e->loc.file);
    if (path && strncmp(path, "<brink>/", 8) == 0 && msg->kind == V_STR)
      fail_at(e->loc, EXIT_EVAL, "%s", sym_str(msg->u.str));
    char *s = val_to_string(msg);
    free(assert_message);
    assert_message = xstrdup(s);
    fail_at(e->loc, EXIT_ASSERT,
            "the first argument of Assert evaluated to FALSE; the second "
            "argument was: %s",
            s);
  }
  case B_PERMUTATIONS:
    return permutations(c, e, env);
  case B_TLCGET:
    return tlc_get(c, e, env);
  case B_TLCSET:
    return tlc_set(c, e, env);
  case B_TLCEVAL:
    return ev_eval(c, a[0], env);
  case B_RANDOMELEMENT: {
    /* TLC picks at random; brink picks the least element, so that runs
     * are reproducible. */
    Value *set = ev_enum_set(e, ev_eval(c, a[0], env));
    if (set->u.set.n == 0)
      ev_fail(e, "RandomElement of the empty set");
    return set->u.set.elems[0];
  }
  case B_JAVATIME:
    return val_int((long)time(NULL));
  case B_ANY:
    ev_unsupported(e, "TLC's Any is not supported by brink yet");
  case B_TOSTRING: {
    char *s = val_to_string(ev_eval(c, a[0], env));
    Value *r = val_str(sym_intern(s));
    free(s);
    return r;
  }
  default:
    break;
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}
