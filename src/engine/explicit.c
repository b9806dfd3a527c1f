/* explicit.c -- the explicit-state engine: breadth-first search as TLC does.
 *
 * States are arrays of hash-consed values; a state's fingerprint mixes its
 * values' fingerprints.  Seen states live in an open-addressing table of
 * (fingerprint, state index); on a fingerprint match the states are
 * compared value by value (pointer equality), so the search is exact.
 * Every state keeps its parent's index, and counterexamples are rebuilt
 * from those links, so they are shortest.
 *
 * With a VIEW or a SYMMETRY, states are told apart by a key instead: the
 * VIEW's value (or the whole state), made canonical under the SYMMETRY
 * permutations by taking the least permuted key in value order.  The
 * stored state is the first one found with its key, so parent links still
 * form real behaviours; the number of distinct keys is TLC's count.
 *
 * TLC's rules: a generated state is checked against the invariants unless
 * it was seen before; it is added to the seen set and explored only if it
 * satisfies the CONSTRAINTs and the step the ACTION_CONSTRAINTs; a state
 * with no successor at all is a deadlock (when deadlock checking is on).
 * PROPERTY conjuncts (spec.h) are checked the same way: []P with the
 * invariants, a state predicate on the initial states, and [][A]_v on
 * every generated step, seen before or not, in the model or not.  The
 * temporal conjuncts are checked after a complete search, on the graph of
 * in-model states and steps recorded as the search goes (liveness.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checked.h"
#include "driver.h"
#include "eval.h"
#include "liveness.h"
#include "memguard.h"
#include "report.h"
#include "status.h"
#include "stop.h"
#include "trace.h"

typedef struct Bfs {
  const Spec *spec;
  int nvars;
  /* State i is sids[i * nvars ..] (value ids); its parent is parent[i]. */
  VEC(uint32_t) sids;
  VEC(uint32_t) parent;
  size_t nstates;
  bool init_done; /* the initial states are all computed */
  /* Breadth-first order puts the states of each level together: level L
   * starts at state level_start[L]. */
  VEC(uint32_t) level_start;
  uint64_t *fps;     /* table: fingerprint (0 = empty) */
  uint32_t *idx;     /* table: state index */
  size_t cap, used;
  size_t head;       /* queue = states[head..] in BFS order */
  Value **expanding; /* the state being expanded, as values */
  uint32_t cur_level; /* its level */
  uint64_t generated;
  uint32_t cur;      /* index of the state being expanded */
  bool has_succ;
  int max_level;
  int depth_limit;   /* -1 = none */
  bool truncated;
  size_t unexpanded; /* states at the --length limit, not expanded */
  /* A violation found in a callback. */
  int result;
  Value **bad_state;
  uint32_t bad_parent; /* UINT32_MAX: the bad state is initial */
  int bad_inv;          /* index into invariants, or -1 */
  const Property *bad_prop; /* the violated PROPERTY conjunct, or NULL */
  const Property *eval_prop; /* the PROPERTY conjunct being evaluated */
  double t0, last_report;
  uint64_t last_generated; /* counts at the last progress report */
  size_t last_distinct;
  Value **checking; /* the generated state being checked, for error traces */
  /* Keys (VIEW / SYMMETRY); keyed = false: a state is its own key. */
  bool keyed;
  int nkey;             /* values per key: 1 with a VIEW, else nvars */
  Value *perms;         /* the SYMMETRY permutations, or NULL */
  VEC(uint32_t) kids;   /* the key of state i: kids[i * nkey ..] */
  Value **kbuf, **tbuf; /* scratch keys */
  /* Liveness: the graph's edges and atoms (liveness.h), or NULL. */
  Live *live;
  uint32_t last_id; /* the state a visited successor is, or UINT32_MAX */
  bool bad_queued; /* the state that stopped the search was added to the
                      queue (TLC does not enqueue it) */
} Bfs;

static int key_len(const Bfs *b) { return b->keyed ? b->nkey : b->nvars; }

static uint64_t key_fp(const Bfs *b, Value **k) {
  uint64_t h = 0x5bd1e995u;
  for (int i = 0; i < key_len(b); i++)
    h = hash_mix(h, val_hash(k[i]));
  return h ? h : 1;
}

static bool same_key(const Bfs *b, const uint32_t *stored, Value **k) {
  for (int i = 0; i < key_len(b); i++)
    if (stored[i] != k[i]->id)
      return false;
  return true;
}

static int key_cmp(const Bfs *b, Value **x, Value **y) {
  for (int i = 0; i < key_len(b); i++) {
    int c = val_cmp(x[i], y[i]);
    if (c)
      return c;
  }
  return 0;
}

/* The key of state s (in b->kbuf when keyed). */
static Value **state_key(Bfs *b, Value **s) {
  if (!b->keyed)
    return s;
  Value **k = b->kbuf;
  if (b->spec->view) {
    EvalState st = {b->spec, s, NULL};
    k[0] = eval_expr(&st, b->spec->view);
  } else {
    memcpy(k, s, (size_t)b->nvars * sizeof *k);
  }
  if (b->perms) {
    Value **orig = b->tbuf + b->nkey;
    memcpy(orig, k, (size_t)b->nkey * sizeof *k);
    for (uint32_t p = 0; p < b->perms->u.set.n; p++) {
      for (int i = 0; i < b->nkey; i++)
        b->tbuf[i] = val_permute(orig[i], b->perms->u.set.elems[p]);
      if (key_cmp(b, b->tbuf, k) < 0)
        memcpy(k, b->tbuf, (size_t)b->nkey * sizeof *k);
    }
  }
  return k;
}

static const uint32_t *stored_key(const Bfs *b, uint32_t i) {
  return b->keyed ? b->kids.data + (size_t)i * (size_t)b->nkey
                  : b->sids.data + (size_t)i * (size_t)b->nvars;
}

/* live_set_classes: is s in the class of stored state i? */
static bool same_class(void *arg, Value *const *s, uint32_t i) {
  Bfs *b = arg;
  Value **k = state_key(b, (Value **)s);
  const uint32_t *want = stored_key(b, i);
  for (int j = 0; j < key_len(b); j++)
    if (k[j]->id != want[j])
      return false;
  return true;
}

/* State i as values, into out (nvars entries). */
static void load_state(const Bfs *b, uint32_t i, Value **out) {
  const uint32_t *ids = b->sids.data + (size_t)i * (size_t)b->nvars;
  for (int v = 0; v < b->nvars; v++)
    out[v] = val_by_id(ids[v]);
}

static Value **state_copy(const Bfs *b, uint32_t i) {
  Value **s = xmalloc((size_t)b->nvars * sizeof *s + 1);
  load_state(b, i, s);
  return s;
}


static void table_grow(Bfs *b) {
  size_t ncap = b->cap ? b->cap * 2 : 1u << 16;
  memguard_check_for(ncap * (sizeof *b->fps + sizeof *b->idx));
  uint64_t *nf = xcalloc(ncap, sizeof *nf);
  uint32_t *ni = xmalloc(ncap * sizeof *ni);
  for (size_t i = 0; i < b->cap; i++)
    if (b->fps[i]) {
      size_t j = b->fps[i] & (ncap - 1);
      while (nf[j])
        j = (j + 1) & (ncap - 1);
      nf[j] = b->fps[i];
      ni[j] = b->idx[i];
    }
  free(b->fps);
  free(b->idx);
  b->fps = nf;
  b->idx = ni;
  b->cap = ncap;
}

/* Adds s if unseen; returns true when it was new. */
static bool add_state(Bfs *b, Value **s, uint32_t parent, uint32_t level) {
  if (4 * (b->used + 1) > 3 * b->cap)
    table_grow(b);
  Value **k = state_key(b, s);
  uint64_t fp = key_fp(b, k);
  size_t j = fp & (b->cap - 1);
  while (b->fps[j]) {
    if (b->fps[j] == fp && same_key(b, stored_key(b, b->idx[j]), k)) {
      b->last_id = b->idx[j];
      return false;
    }
    j = (j + 1) & (b->cap - 1);
  }
  if (b->nstates >= UINT32_MAX - 1)
    fail_at((Loc){0}, EXIT_SYSTEM,
            "more than %u distinct states: brink numbers states with 32 bits",
            UINT32_MAX - 1);
  if (b->keyed)
    for (int i = 0; i < b->nkey; i++)
      VEC_PUSH(b->kids, k[i]->id);
  for (int i = 0; i < b->nvars; i++)
    VEC_PUSH(b->sids, s[i]->id);
  b->fps[j] = fp;
  b->idx[j] = (uint32_t)b->nstates;
  b->last_id = (uint32_t)b->nstates;
  b->used++;
  VEC_PUSH(b->parent, parent);
  while (b->level_start.len <= level)
    VEC_PUSH(b->level_start, (uint32_t)b->nstates);
  b->nstates++;
  if ((int)level > b->max_level)
    b->max_level = (int)level;
  if ((b->nstates & 4095) == 0)
    memguard_check();
  return true;
}

static bool seen(Bfs *b, Value **s) {
  if (!b->cap)
    return false;
  Value **k = state_key(b, s);
  uint64_t fp = key_fp(b, k);
  size_t j = fp & (b->cap - 1);
  while (b->fps[j]) {
    if (b->fps[j] == fp && same_key(b, stored_key(b, b->idx[j]), k))
      return true;
    j = (j + 1) & (b->cap - 1);
  }
  return false;
}

/* CONSTRAINTs see s's level; ACTION_CONSTRAINTs, like actions, the level
 * of the state the step starts from (TLC's TLCGet("level")). */
static bool in_model(Bfs *b, Value **prev, Value **s, int level) {
  const Spec *sp = b->spec;
  EvalState st = {sp, s, NULL};
  for (size_t i = 0; i < sp->constraints.len; i++)
    if (!eval_bool(&st, sp->constraints.data[i].expr, "a CONSTRAINT"))
      return false;
  if (prev && sp->action_constraints.len) {
    EvalState as = {sp, prev, s};
    eval_set_level(level - 1);
    bool ok = true;
    for (size_t i = 0; ok && i < sp->action_constraints.len; i++)
      ok = eval_bool(&as, sp->action_constraints.data[i].expr,
                     "an ACTION_CONSTRAINT");
    eval_set_level(level);
    return ok;
  }
  return true;
}

static Value **copy_state(const Bfs *b, Value **s) {
  Value **c = xmalloc((size_t)b->nvars * sizeof *c + 1);
  memcpy(c, s, (size_t)b->nvars * sizeof *c);
  return c;
}

/* The first PROPERTY conjunct of the given kind that the state s (or the
 * step prev -> s) violates, or NULL. */
static const Property *violated_property(Bfs *b, PropKind kind, Value **prev,
                                         Value **s) {
  const Spec *sp = b->spec;
  for (size_t i = 0; i < sp->properties.len; i++) {
    const Property *p = &sp->properties.data[i];
    if (p->kind != kind)
      continue;
    bool ok;
    b->eval_prop = p;
    ok = trace_property_holds(sp, p, prev, s);
    b->eval_prop = NULL;
    if (!ok)
      return p;
  }
  return NULL;
}

static bool violation(Bfs *b, int code, Value **s, uint32_t parent) {
  b->result = code;
  b->bad_state = copy_state(b, s);
  b->bad_parent = parent;
  b->checking = NULL;
  return false;
}

/* Checks a generated state: returns false to stop the search. */
static bool visit(Bfs *b, Value **prev, Value **s, uint32_t parent,
                  uint32_t level) {
  b->generated++;
  b->checking = s;
  b->last_id = UINT32_MAX;
  /* Constraints and invariants see the new state's level. */
  eval_set_level((int)level + 1);
  bool inm = in_model(b, prev, s, (int)level + 1);
  bool fresh = inm ? add_state(b, s, parent, level) : !seen(b, s);
  b->bad_queued = inm && fresh;
  if (fresh) {
    int inv = trace_violated_invariant(b->spec, s);
    if (inv >= 0) {
      b->bad_inv = inv;
      return violation(b, EXIT_SAFETY, s, parent);
    }
    const Property *p = violated_property(b, PROP_ALWAYS, prev, s);
    if (!p && !prev)
      p = violated_property(b, PROP_INIT, prev, s);
    if (p) {
      b->bad_prop = p;
      return violation(b, p->kind == PROP_ALWAYS ? EXIT_SAFETY : EXIT_LIVENESS,
                       s, parent);
    }
  }
  /* Action properties: on every step, seen before or not (TLC). */
  if (prev) {
    eval_set_level((int)level);
    const Property *p = violated_property(b, PROP_ACTION, prev, s);
    if (p) {
      b->bad_prop = p;
      return violation(b, EXIT_LIVENESS, s, parent);
    }
  }
  b->checking = NULL;
  b->bad_queued = false;
  eval_set_level(prev ? (int)level : 0);
  return true;
}

static bool on_init(void *arg, Value **s) {
  Bfs *b = arg;
  return visit(b, NULL, s, UINT32_MAX, 0);
}

static bool on_succ(void *arg, Value **s) {
  Bfs *b = arg;
  b->has_succ = true;
  if (!visit(b, b->expanding, s, b->cur, b->cur_level + 1))
    return false;
  if (b->live)
    live_edge(b->live, b->cur, b->expanding, b->last_id, s);
  return true;
}

/* The path from an initial state to state i, plus an optional last state. */
static Trace path_to(Bfs *b, uint32_t i, Value **last) {
  VEC(uint32_t) rev = {0};
  for (uint32_t k = i; k != UINT32_MAX; k = b->parent.data[k])
    VEC_PUSH(rev, k);
  Trace t;
  t.n = (int)rev.len + (last ? 1 : 0);
  t.states = xmalloc((size_t)t.n * sizeof *t.states);
  t.actions = xcalloc((size_t)t.n, sizeof *t.actions);
  for (size_t k = 0; k < rev.len; k++)
    t.states[k] = state_copy(b, rev.data[rev.len - 1 - k]);
  if (last)
    t.states[t.n - 1] = last;
  VEC_FREE(rev);
  return t;
}

/* Replays t (trace.h); a trace that does not replay is an internal
 * error, said on stderr. */
static void replay(Bfs *b, Trace *t) {
  char *why;
  if (!trace_replay(b->spec, t, &why))
    fprintf(stderr, "brink: internal error: the explicit engine's trace does "
                    "not replay (%s)\n",
            why);
}

static void print_trace(Bfs *b, Trace *t) {
  replay(b, t);
  fprintf(stdout, "Error: The behavior up to this point is:\n");
  trace_print(stdout, b->spec, t);
}

static void totals(Bfs *b) {
  fprintf(stdout,
          "%llu states generated, %zu distinct states found, %zu states left "
          "on queue.\n",
          (unsigned long long)b->generated, b->nstates,
          b->nstates - b->head + b->unexpanded - (b->bad_queued ? 1 : 0));
  report_states(b->generated, b->nstates, b->max_level);
}

/* After an error, TLC gives the depth reached too. */
static void error_totals(Bfs *b) {
  totals(b);
  fprintf(stdout, "The depth of the complete state graph search is %d.\n",
          b->generated ? b->max_level + 1 : 0);
}

/* TLC's last line: the run's length (seconds under a minute, then minutes
 * and seconds, hours and minutes, days and hours) and the time it ended. */
static void finished_line(double t0) {
  long ms = (long)((util_now() - t0) * 1000.0), s = ms / 1000;
  char took[64], when[64];
  if (ms > 86400000L)
    snprintf(took, sizeof took, "%ldd %02ldh", s / 86400, s % 86400 / 3600);
  else if (ms > 3600000L)
    snprintf(took, sizeof took, "%02ldh %02ldmin", s / 3600, s % 3600 / 60);
  else if (ms > 60000L)
    snprintf(took, sizeof took, "%02ldmin %02lds", s / 60, s % 60);
  else
    snprintf(took, sizeof took, "%02lds", s);
  time_t wall = time(NULL);
  struct tm tm;
  localtime_r(&wall, &tm);
  strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
  fprintf(stdout, "Finished in %s at (%s)\n", took, when);
}

/* n with thousands separators, as TLC prints counts in progress lines. */
static const char *grouped(uint64_t n, char *buf) {
  char digits[32];
  int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
  int k = 0;
  for (int i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0)
      buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = '\0';
  return buf;
}

#define PROGRESS_SECONDS 10.0

/* TLC's progress line: depth so far, counts, and the rates since the last
 * report (per minute). */
static void progress(Bfs *b, double t) {
  status_clear();
  double mins = (t - b->last_report) / 60.0;
  if (mins <= 0)
    mins = 1e-9;
  uint64_t spm = (uint64_t)((double)(b->generated - b->last_generated) / mins);
  uint64_t dspm =
      (uint64_t)((double)(b->nstates - b->last_distinct) / mins);
  char when[64], g[32], gs[32], d[32], ds[32], q[32];
  time_t wall = time(NULL);
  struct tm tm;
  localtime_r(&wall, &tm);
  strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
  fprintf(stdout,
          "Progress(%d) at %s: %s states generated (%s s/min), %s distinct "
          "states found (%s ds/min), %s states left on queue.\n",
          b->max_level + 1, when, grouped(b->generated, g), grouped(spm, gs),
          grouped(b->nstates, d), grouped(dspm, ds),
          grouped(b->nstates - b->head, q));
  fflush(stdout);
  b->last_report = t;
  b->last_generated = b->generated;
  b->last_distinct = b->nstates;
}

/* TLCGet("stats") and friends, during the search. */
static void search_stats(void *arg, SearchStats *out) {
  Bfs *b = arg;
  out->generated = b->generated;
  out->distinct = b->nstates;
  out->queue = b->nstates - b->head;
  out->diameter = b->max_level + 1;
}

static const char *prop_kind_word(PropKind k) {
  return k == PROP_ACTION ? "action property"
         : k == PROP_ALWAYS ? "invariant"
                            : "property";
}

/* A permutation as a function without its fixed points, so that equal
 * permutations are the same value whatever domain they were given on. */
static Value *perm_normal(Value *f) {
  uint32_t n = f->u.fun.n, k = 0;
  Value **kv = xmalloc((n ? 2 * n : 1) * sizeof *kv);
  for (uint32_t i = 0; i < n; i++)
    if (f->u.fun.keys[i] != f->u.fun.vals[i]) {
      kv[k] = f->u.fun.keys[i];
      kv[n + k++] = f->u.fun.vals[i];
    }
  Value *r = val_fun(kv, kv + n, k);
  free(kv);
  return r;
}

/* g after f (x |-> g[f[x]]), both normal. */
static Value *perm_compose(Value *g, Value *f) {
  VEC(Value *) keys = {0};
  VEC(Value *) vals = {0};
  for (uint32_t i = 0; i < f->u.fun.n; i++) {
    VEC_PUSH(keys, f->u.fun.keys[i]);
    VEC_PUSH(vals, val_permute(f->u.fun.vals[i], g));
  }
  for (uint32_t i = 0; i < g->u.fun.n; i++)
    if (!val_fun_apply(f, g->u.fun.keys[i])) {
      VEC_PUSH(keys, g->u.fun.keys[i]);
      VEC_PUSH(vals, g->u.fun.vals[i]);
    }
  Value *r = perm_normal(val_fun(keys.data, vals.data, keys.len));
  VEC_FREE(keys);
  VEC_FREE(vals);
  return r;
}

/* The group the given permutations generate (TLC reduces by that group:
 * Permutations(A) \cup Permutations(B) acts as all pairs of them). */
static bool perm_add(Value ***tab, size_t *cap, size_t len, Value *p) {
  if (2 * (len + 1) > *cap) {
    size_t nc = *cap ? 2 * *cap : 64;
    Value **nt = xcalloc(nc, sizeof *nt);
    for (size_t i = 0; i < *cap; i++)
      if ((*tab)[i]) {
        size_t j = val_hash((*tab)[i]) & (nc - 1);
        while (nt[j])
          j = (j + 1) & (nc - 1);
        nt[j] = (*tab)[i];
      }
    free(*tab);
    *tab = nt;
    *cap = nc;
  }
  size_t j = val_hash(p) & (*cap - 1);
  while ((*tab)[j]) {
    if ((*tab)[j] == p)
      return false;
    j = (j + 1) & (*cap - 1);
  }
  (*tab)[j] = p;
  return true;
}

static Value *perm_group(Expr *at, Value *gens) {
  VEC(Value *) g = {0};
  VEC(Value *) gen = {0};
  Value **tab = NULL;
  size_t cap = 0;
  for (uint32_t i = 0; i < gens->u.set.n; i++) {
    Value *p = perm_normal(gens->u.set.elems[i]);
    VEC_PUSH(gen, p);
    if (perm_add(&tab, &cap, g.len, p))
      VEC_PUSH(g, p);
  }
  for (size_t i = 0; i < g.len; i++)
    for (size_t j = 0; j < gen.len; j++) {
      Value *c = perm_compose(gen.data[j], g.data[i]);
      if (!perm_add(&tab, &cap, g.len, c))
        continue;
      if (g.len >= 1000000)
        fail_at(at->loc, EXIT_CONFIG,
                "SYMMETRY %s generates more than a million permutations",
                sym_str(at->name));
      VEC_PUSH(g, c);
    }
  Value *set = val_set(g.data, g.len);
  VEC_FREE(g);
  VEC_FREE(gen);
  free(tab);
  return set;
}

/* VIEW and SYMMETRY: evaluates the permutations once and checks them. */
static void setup_keys(Bfs *b) {
  const Spec *sp = b->spec;
  if (!sp->view && !sp->symmetry)
    return;
  b->keyed = true;
  b->nkey = sp->view ? 1 : b->nvars;
  b->kbuf = xmalloc((size_t)(b->nkey + 1) * sizeof *b->kbuf);
  b->tbuf = xmalloc((size_t)(2 * b->nkey + 1) * sizeof *b->tbuf);
  if (!sp->symmetry)
    return;
  EvalState st = {sp, NULL, NULL};
  Value *perms = eval_expr(&st, sp->symmetry);
  bool ok = perms->kind == V_SET;
  for (uint32_t i = 0; ok && i < perms->u.set.n; i++) {
    Value *f = perms->u.set.elems[i];
    ok = f->kind == V_FUN;
    for (uint32_t j = 0; ok && j < f->u.fun.n; j++)
      ok = f->u.fun.keys[j]->kind == V_MODEL &&
           f->u.fun.vals[j]->kind == V_MODEL;
  }
  if (!ok)
    fail_at(sp->symmetry->loc, EXIT_CONFIG,
            "SYMMETRY %s must be a set of permutations of model values "
            "(Permutations(S) for a set S of model values)",
            sym_str(sp->symmetry->name));
  b->perms = perm_group(sp->symmetry, perms);
}

/* The POSTCONDITION, once the search has ended without an error: with
 * TLCGet("stats") and friends giving the final counts, and with the
 * operators that write files allowed (native.h).  False, or an error while
 * evaluating it, is reported as TLC reports an assumption: exit 10 (TLC's
 * EC.ExitStatus maps TLC_POSTCONDITION_FALSE and
 * TLC_POSTCONDITION_EVALUATION_ERROR, earlier TLC_ASSUMPTION_FALSE and
 * TLC_ASSUMPTION_EVALUATION_ERROR, to VIOLATION_ASSUMPTION). */
static int postcondition(Bfs *b) {
  const Named *pc = &b->spec->postcondition;
  if (!pc->expr)
    return EXIT_OK;
  FailPoint fp;
  if (fail_push(&fp)) {
    eval_set_may_write(false);
    if (fp.code == EXIT_OTHER) { /* a construct brink does not support */
      fprintf(stdout, "brink: the POSTCONDITION %s was not checked (see "
                      "above).\n",
              sym_str(pc->name));
      return EXIT_OTHER;
    }
    fprintf(stdout, "Error: evaluating the POSTCONDITION %s failed (see "
                    "above).\n",
            sym_str(pc->name));
    return EXIT_ASSUME;
  }
  eval_set_level(-1);
  bool old = eval_set_may_write(true);
  EvalState st = {b->spec, NULL, NULL};
  bool ok = eval_bool(&st, pc->expr, "the POSTCONDITION");
  eval_set_may_write(old);
  fail_pop(&fp);
  if (ok)
    return EXIT_OK;
  spec_print_false_assumption(pc->expr->ref.u.def->body->loc);
  fprintf(stdout, "Error: the POSTCONDITION %s is false.\n",
          sym_str(pc->name));
  return EXIT_ASSUME;
}

static int search(const Spec *spec, const CheckOptions *opt) {
  Bfs b;
  memset(&b, 0, sizeof b);
  b.spec = spec;
  b.nvars = spec->nvars;
  b.depth_limit = opt->length_given ? opt->length : -1;
  b.t0 = b.last_report = util_now();
  b.cur = UINT32_MAX;
  b.bad_inv = -1;
  b.expanding = xmalloc((size_t)(b.nvars + 1) * sizeof *b.expanding);
  FailPoint fp;
  if (fail_push(&fp)) {
    int code = fp.code ? fp.code : EXIT_EVAL;
    status_clear();
    memguard_stop();
    val_set_memory_hook(NULL);
    if (stop_requested()) {
      /* taken up inside a state's computation (memguard.c): the states
       * of the levels before it are complete */
      code = report_stopped_explicit(
          b.nstates, b.init_done ? (int)b.cur_level : -1);
      totals(&b);
      return code;
    }
    if (code == EXIT_SYSTEM) {
      if (memguard_why()[0])
        fprintf(stdout,
                "Error: brink is running out of memory (%s). The search "
                "stopped; no error was found in the %zu distinct states "
                "explored, which include every state reachable in up to %u "
                "steps.\n",
                memguard_why(), b.nstates, b.cur_level);
      totals(&b);
      return code;
    }
    if (code == EXIT_ASSERT || (b.checking && trace_failed_invariant() >= 0))
      trace_print_eval_failure(stdout, spec);
    if (code == EXIT_EVAL && b.checking && trace_failed_invariant() >= 0)
      code = EXIT_EVAL_INVARIANT; /* TLC's exit code for it */
    if (b.eval_prop)
      fprintf(stdout, "Error: Evaluating %s %s failed.\n",
              prop_kind_word(b.eval_prop->kind),
              sym_str(b.eval_prop->name));
    /* TLC shows the behaviour up to the state being checked (or whose
     * successors were being computed). */
    Value **last = b.checking ? copy_state(&b, b.checking) : NULL;
    if (b.cur != UINT32_MAX || last) {
      Trace t = path_to(&b, b.cur, last);
      print_trace(&b, &t);
    }
    error_totals(&b);
    return code;
  }
  setup_keys(&b);
  bool live_refused = false;
  if (!opt->safety_only)
    b.live = live_new(spec, &live_refused);
  if (b.keyed)
    live_set_classes(b.live, same_class, &b);
  live_set_stats(opt->stats);
  const EvalWatch *watch = live_watch(b.live);
  memguard_start(opt->memory_budget);
  val_set_memory_hook(memguard_check);
  eval_set_search_stats(search_stats, &b);
  /* TLCGet("level") is 0 while Init is enumerated (TLC). */
  eval_set_level(0);
  eval_init_states(spec, on_init, &b);
  b.init_done = true;
  if (b.live)
    live_set_initial(b.live, (uint32_t)b.nstates);
  if (!b.result)
    fprintf(stdout, "Finished computing initial states: %zu distinct state%s "
                    "generated.\n",
            b.nstates, b.nstates == 1 ? "" : "s");
  while (!b.result && b.head < b.nstates && !stop_requested() &&
         !eval_exit_requested(NULL)) {
    uint32_t i = (uint32_t)b.head++;
    uint32_t level = b.cur_level;
    while (b.cur_level + 1 < b.level_start.len &&
           b.level_start.data[b.cur_level + 1] <= i)
      b.cur_level++;
    if (b.cur_level != level || i == 0) /* for a stop with no safe point */
      report_explored(b.nstates, (int)b.cur_level);
    load_state(&b, i, b.expanding);
    if (b.depth_limit >= 0 && (int)b.cur_level >= b.depth_limit) {
      /* Not expanded; but a state within the bound with no successor is
       * a deadlock (as the symbolic engine's --length means too). */
      b.truncated = true;
      b.unexpanded++;
      if (spec->check_deadlock) {
        eval_set_level((int)b.cur_level + 1);
        if (!eval_has_successor(spec, b.expanding)) {
          b.cur = i;
          b.result = EXIT_DEADLOCK;
          break;
        }
      }
      continue;
    }
    b.cur = i;
    b.has_succ = false;
    eval_set_level((int)b.cur_level + 1);
    eval_successors_watched(spec, b.expanding, on_succ, &b, watch);
    if (b.live && !b.result)
      live_expanded(b.live, i, b.expanding);
    if (!b.result && !b.has_succ && spec->check_deadlock) {
      b.result = EXIT_DEADLOCK;
      break;
    }
    double t = util_now();
    if (t - b.last_report >= PROGRESS_SECONDS)
      progress(&b, t);
    else
      status_set("%zu distinct states, %llu generated, depth %d, %zu on the "
                 "queue",
                 b.nstates, (unsigned long long)b.generated, b.max_level + 1,
                 b.nstates - b.head);
  }
  status_clear();
  b.cur = UINT32_MAX;
  b.checking = NULL;
  memguard_stop();
  val_set_memory_hook(NULL);
  fail_pop(&fp);
  if (!b.result && b.head < b.nstates && !eval_exit_requested(NULL)) {
    /* stopped (stop.h) */
    int code = report_stopped_explicit(b.nstates, (int)b.cur_level);
    totals(&b);
    return code;
  }
  if (b.bad_parent == UINT32_MAX &&
      (b.bad_inv >= 0 ||
       (b.bad_prop && (b.bad_prop->kind == PROP_ALWAYS ||
                       b.bad_prop->kind == PROP_INIT)))) {
    /* TLC's form for an initial state, with no totals line */
    Trace t = path_to(&b, b.bad_parent, b.bad_state);
    replay(&b, &t);
    trace_print_initial_violation(stdout, spec, &t, b.bad_inv, b.bad_prop);
    report_states(b.generated, b.nstates, 0);
    return b.result;
  }
  if (b.result == EXIT_SAFETY || b.result == EXIT_LIVENESS) {
    if (b.bad_inv >= 0)
      trace_print_invariant_violation(
          stdout, sym_str(spec->invariants.data[b.bad_inv].name));
    else
      trace_print_property_violation(stdout, b.bad_prop);
    Trace t = path_to(&b, b.bad_parent, b.bad_state);
    print_trace(&b, &t);
    if (b.bad_parent == UINT32_MAX)
      totals(&b);
    else
      error_totals(&b);
    return b.result;
  }
  if (b.result == EXIT_DEADLOCK) {
    fprintf(stdout, "Error: Deadlock reached.\n");
    Trace t = path_to(&b, (uint32_t)b.head - 1, NULL);
    print_trace(&b, &t);
    error_totals(&b);
    return EXIT_DEADLOCK;
  }
  Checks by = {true, true, NULL};
  /* TLCSet("exit", TRUE): the spec asked the search to stop, and TLC then
   * reports the run as completed; the states left on the queue were not
   * explored, so liveness is not checked on the partial graph. */
  Loc exit_at;
  bool exited = eval_exit_requested(&exit_at) && b.head < b.nstates;
  if (exited)
    fprintf(stdout, "brink: the search was stopped by TLCSet(\"exit\", "
                    "TRUE) at %s:%u:%u; the %zu states left on the queue "
                    "were not explored.\n",
            src_path(exit_at.file), exit_at.line, exit_at.col,
            b.nstates - b.head);
  if (b.live && exited) {
    by.liveness = false;
    by.liveness_why = "the search was stopped by TLCSet(\"exit\", TRUE)";
    live_free(b.live);
    b.live = NULL;
  }
  if (b.live && !b.truncated) {
    int lc = live_check(b.live, b.sids.data, b.nstates);
    if (lc != EXIT_OK) {
      totals(&b);
      if (lc == EXIT_LIVENESS)
        fprintf(stdout, "The depth of the complete state graph search is "
                        "%d.\n",
                b.max_level + 1);
      live_free(b.live);
      return lc;
    }
  }
  if (b.live && b.truncated && !opt->safety_only)
    fprintf(stdout, "brink: liveness is not checked: the search stopped at "
                    "depth %d (--length), so the state graph is incomplete and "
                    "a cycle in it need not be a behaviour.\n",
            b.depth_limit);
  if (opt->safety_only)
    by.liveness = false; /* left out, as asked (checked_finish says so) */
  if (live_refused || (b.live && b.truncated)) {
    by.liveness = false;
    by.liveness_why = live_refused ? "its form is not supported (see the "
                                     "error above)"
                                   : "the search was cut at --length";
  }
  live_free(b.live);
  bool incomplete = checked_incomplete(spec, &by, opt->safety_only);
  if (b.truncated)
    fprintf(stdout, "brink: the search stopped at depth %d (--length): the "
                    "%zu states found at that depth were not expanded; no "
                    "error found up to there.\n",
            b.depth_limit, b.unexpanded);
  else if (incomplete)
    fprintf(stdout, "brink: the search is complete and found no safety "
                    "error; the temporal formulas below were not checked.\n");
  else
    fprintf(stdout, "Model checking completed. No error has been found.\n");
  totals(&b);
  if (b.truncated)
    fprintf(stdout, "The depth of the search, cut by --length, is %d.\n",
            b.max_level + 1);
  else
    fprintf(stdout, "The depth of the complete state graph search is %d.\n",
            b.max_level + 1);
  int code = postcondition(&b);
  if (code != EXIT_OK)
    return code;
  char what[512];
  checked_describe(spec, &by, what, sizeof what);
  fprintf(stdout, "brink: checked: %s.\n", what);
  return checked_finish(stdout, spec, &by, opt->safety_only);
}

int check_explicit(const Spec *spec, const CheckOptions *opt) {
  /* --no-state-memo: the tests compare the search without the
   * evaluator's memo of state-level definitions. */
  eval_set_state_memo(!opt->no_state_memo);
  eval_allow_exit(true);
  double t0 = util_now();
  int code = search(spec, opt);
  finished_line(t0);
  eval_allow_exit(false);
  eval_set_search_stats(NULL, NULL);
  eval_set_level(-1);
  return code;
}
