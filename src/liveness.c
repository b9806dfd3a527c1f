/* liveness.c -- temporal properties on the complete state graph.
 *
 * TLC (tlc2/tool/liveness) checks Fairness => Property by searching the
 * behaviour graph for a behaviour that satisfies Fairness /\ ~Property: it
 * puts the negation, conjoined with the fairness, into disjunctive normal
 * form, builds a tableau for the parts that are not of the forms []<>A and
 * <>[]A, takes the product with the state graph (LiveCheck, TBGraph) and,
 * per disjunct (OrderOfSolution, LiveWorker), looks for a strongly
 * connected component that meets the []<> conditions and lies inside the
 * <>[] ones.  Fairness in that scheme multiplies the disjuncts (each WF is
 * a disjunction), so brink keeps fairness out of the formula and uses it
 * as acceptance conditions on components instead, which is equivalent:
 *   - only ~Property becomes an automaton (temporal.h's tableau); a
 *     product state (s, q) pairs a graph state with an automaton state,
 *     and its edges follow the graph's edges -- plus a stuttering loop at
 *     every state, as a behaviour may stutter forever -- on which q's
 *     literals hold;
 *   - a fair accepting component (Tarjan's algorithm, iterative) contains
 *     a state of each acceptance set; for each WF_v(A) a state where
 *     <<A>>_v is disabled or a <<A>>_v step; for each SF_v(A) a <<A>>_v
 *     step, or else the states where it is enabled are removed and the
 *     rest is split into components again (the Streett emptiness check:
 *     a run that avoids those states satisfies SF vacuously).
 * A component that fails an acceptance set or a WF cannot be helped by
 * removing states, so only SF recurses, at most once per SF condition.
 * The counterexample is a lasso: the shortest path (breadth-first in the
 * product) to the component, then a cycle inside it through a witness of
 * every condition.  It is replayed before it is shown: Init and Next on
 * every step (trace.h), the atoms evaluated again on it, ~Property true on
 * it, every fairness condition true on its loop.
 *
 * The graph is stored compactly: successor ids in one array with offsets
 * per state, one bit per state atom per state and one bit per action atom
 * per edge (and per state for its stuttering step).  Atoms are evaluated
 * once, during the search; ENABLED <<A>>_v is true without evaluation
 * where a generated step is a <<A>>_v step. */
#include "liveness.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "temporal.h"
#include "trace.h"

typedef uint64_t Word;

typedef struct LiveProp {
  const Property *p;
  int neg; /* the normal form of ~p */
} LiveProp;

struct Live {
  const Spec *spec;
  Temporal *t;
  VEC(LiveProp) props;
  bool keyed;
  int ws, wa;             /* words per state bit set / per edge bit set */
  VEC(uint32_t) succ;     /* successors, state by state */
  VEC(uint64_t) off;      /* state i's successors: succ[off[i] .. off[i+1]] */
  VEC(Word) sbits;        /* state atoms: ws words per state ... */
  VEC(Word) sknown;       /* ... evaluated when first asked for */
  VEC(Word) abits;        /* action atoms: wa words per edge */
  VEC(Word) stut;         /* action atoms on the stuttering step: per state */
  VEC(uint32_t) seen_from; /* dedup of edges: last source + 1, per state */
  uint32_t ninit;
  const uint32_t *sids;
  int nvars;
  Value **buf; /* a state's values, loaded from sids */
};

static bool stats; /* BRINK_LIVE_STATS: timings and sizes on stderr */

static bool wbit(const Word *w, int i) { return (w[i / 64] >> (i % 64)) & 1; }
static void wset(Word *w, int i) { w[i / 64] |= (Word)1 << (i % 64); }

Live *live_new(const Spec *spec, bool *refused) {
  *refused = false;
  if (!spec_count_properties(spec, PROP_TEMPORAL))
    return NULL;
  Live *l = xcalloc(1, sizeof *l);
  l->spec = spec;
  l->t = temporal_new(spec);
  l->keyed = spec->view || spec->symmetry;
  l->nvars = spec->nvars;
  stats = getenv("BRINK_LIVE_STATS") != NULL;
  l->buf = xmalloc(((size_t)l->nvars + 1) * sizeof *l->buf);
  FailPoint fp;
  if (fail_push(&fp)) {
    *refused = true;
    return NULL;
  }
  for (size_t i = 0; i < spec->fairness.len; i++)
    temporal_fairness(l->t, spec->fairness.data[i].expr);
  for (size_t i = 0; i < spec->properties.len; i++) {
    const Property *p = &spec->properties.data[i];
    if (p->kind != PROP_TEMPORAL)
      continue;
    LiveProp lp = {p, temporal_formula(l->t, p->expr, true)};
    VEC_PUSH(l->props, lp);
  }
  fail_pop(&fp);
  l->ws = (l->t->nstate + 63) / 64;
  l->wa = (l->t->naction + 63) / 64;
  VEC_PUSH(l->off, 0);
  if (spec->symmetry)
    fprintf(stdout, "Warning: Declaring symmetry during liveness checking is "
                    "dangerous. It might cause TLC to miss violations of the "
                    "stated liveness properties. Please check liveness "
                    "without symmetry defined.\n");
  else if (spec->view)
    fprintf(stdout, "Warning: liveness is checked on the states the VIEW "
                    "tells apart; it might miss violations of the stated "
                    "liveness properties.\n");
  return l;
}

void live_free(Live *l) {
  if (!l)
    return;
  VEC_FREE(l->succ);
  VEC_FREE(l->off);
  VEC_FREE(l->sbits);
  VEC_FREE(l->sknown);
  free(l->buf);
  VEC_FREE(l->abits);
  VEC_FREE(l->stut);
  VEC_FREE(l->seen_from);
  VEC_FREE(l->props);
  free(l);
}

/* ---- atoms ---- */

static bool state_atom(Live *l, const TAtom *a, Value *const *s) {
  EvalState st = {l->spec, s, NULL};
  Value *v = eval_expr_in(&st, a->expr, a->env);
  if (v->kind != V_BOOL)
    fail_at(a->expr->loc, EXIT_EVAL, "a state predicate of a temporal "
                                     "formula should be a Boolean");
  return v->u.b;
}

static bool action_atom(Live *l, const TAtom *a, Value *const *s,
                        Value *const *t) {
  if (a->expr->kind == EX_DIA_ACT) {
    /* <<A>>_v: a step that leaves v unchanged is not one. */
    EvalState s0 = {l->spec, s, NULL}, s1 = {l->spec, t, NULL};
    if (eval_expr_in(&s0, a->expr->args[1], a->env) ==
        eval_expr_in(&s1, a->expr->args[1], a->env))
      return false;
  }
  /* v changes: <<A>>_v is A (TLC evaluates A first; the outcome is the
   * same unless A fails to evaluate on a step that leaves v unchanged). */
  Expr *e = a->expr->kind == EX_DIA_ACT ? a->expr->args[0] : a->expr;
  EvalState st = {l->spec, s, t};
  Value *v = eval_expr_in(&st, e, a->env);
  if (v->kind != V_BOOL)
    fail_at(e->loc, EXIT_EVAL, "an action of a temporal formula should be a "
                               "Boolean");
  return v->u.b;
}

static void action_bits(Live *l, Word *out, Value *const *s, Value *const *t) {
  for (size_t i = 0; i < l->t->atoms.len; i++) {
    const TAtom *a = &l->t->atoms.data[i];
    if (a->kind == TA_ACTION && action_atom(l, a, s, t))
      wset(out, a->slot);
  }
}

static double t_edge, t_state, t_enabled;

static double cpu(void) {
  if (!stats)
    return 0;
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void live_edge(Live *l, uint32_t from, Value *const *s, uint32_t to,
               Value *const *t) {
  double t0 = cpu();
  if (!l->keyed) {
    if (to == from)
      return; /* the stuttering step, which every state has */
    while (l->seen_from.len <= to)
      VEC_PUSH(l->seen_from, 0);
    if (l->seen_from.data[to] == from + 1)
      return;
    l->seen_from.data[to] = from + 1;
  }
  VEC_PUSH(l->succ, to);
  for (int w = 0; w < l->wa; w++)
    VEC_PUSH(l->abits, 0);
  if (l->wa)
    action_bits(l, l->abits.data + (l->succ.len - 1) * (size_t)l->wa, s, t);
  t_edge += cpu() - t0;
}

void live_expanded(Live *l, uint32_t i, Value *const *s) {
  (void)i;
  double t0 = cpu();
  VEC_PUSH(l->off, l->succ.len);
  for (int w = 0; w < l->ws; w++) {
    VEC_PUSH(l->sbits, 0);
    VEC_PUSH(l->sknown, 0);
  }
  size_t sb = l->stut.len;
  for (int w = 0; w < l->wa; w++)
    VEC_PUSH(l->stut, 0);
  if (l->wa)
    action_bits(l, l->stut.data + sb, s, s);
  t_state += cpu() - t0;
}

void live_set_initial(Live *l, uint32_t n) { l->ninit = n; }

/* State atom `atom` on state g, evaluated when first asked for (after the
 * search): ENABLED <<A>>_v is true where a <<A>>_v step leaves g. */
static bool state_bit(Live *l, uint32_t g, int atom) {
  const TAtom *a = &l->t->atoms.data[atom];
  Word *known = l->sknown.data + (size_t)g * l->ws;
  Word *val = l->sbits.data + (size_t)g * l->ws;
  if (wbit(known, a->slot))
    return wbit(val, a->slot);
  bool v = false;
  if (a->step >= 0) {
    int slot = l->t->atoms.data[a->step].slot;
    for (uint64_t e = l->off.data[g]; e < l->off.data[g + 1] && !v; e++)
      v = wbit(l->abits.data + e * (uint64_t)l->wa, slot);
  }
  if (!v) {
    for (int i = 0; i < l->nvars; i++)
      l->buf[i] = val_by_id(l->sids[(size_t)g * l->nvars + i]);
    double t1 = cpu();
    bool enabled = a->expr->kind == EX_OP && a->expr->ref.kind == REF_BUILTIN &&
                   a->expr->ref.u.builtin == B_ENABLED;
    FailPoint fp;
    if (enabled && fail_push(&fp)) {
      /* e.g. an action of an instance whose variables are substituted by
       * expressions: x' inside the expression has no value to enumerate */
      fail_at(a->expr->loc, EXIT_OTHER,
              "liveness: ENABLED of this action cannot be evaluated by "
              "enumerating its successors (see the error above), so the "
              "temporal properties are not checked");
    }
    v = state_atom(l, a, l->buf);
    if (enabled)
      fail_pop(&fp);
    t_state += cpu() - t1;
    if (a->step >= 0)
      t_enabled += cpu() - t1;
  }
  wset(known, a->slot);
  if (v)
    wset(val, a->slot);
  return v;
}

/* ---- the product with the automaton ---- */

#define NONE UINT32_MAX

typedef struct Prod {
  Live *l;
  TAuto *a;
  VEC(uint32_t) g;     /* product node -> graph state */
  VEC(uint32_t) q;     /* product node -> automaton state */
  VEC(uint64_t) off;   /* node k's edges: dst/via[off[k] .. off[k+1]] */
  VEC(uint32_t) dst;
  VEC(uint32_t) via;   /* the graph edge, or NONE for the stuttering step */
  uint32_t ninit;
  uint32_t *tab;       /* (g, q) -> node, open addressing */
  size_t cap;
  uint32_t *mark;      /* which subgraph a node belongs to (a tag) */
  uint32_t tags;
  /* The disjunct being checked: the edges its <>[] conditions allow on a
   * loop (NULL: all), and its []<> conditions. */
  const uint8_t *allowed;
  const int *ea;
  int nea;
} Prod;

static uint64_t pkey_hash(uint32_t g, uint32_t q) {
  return hash_mix(hash_mix(0x1234567u, g), q);
}

static uint32_t pnode(Prod *P, uint32_t g, uint32_t q) {
  if (2 * (P->g.len + 1) > P->cap) {
    size_t nc = P->cap ? 2 * P->cap : 1024;
    uint32_t *nt = xmalloc(nc * sizeof *nt);
    memset(nt, 0xff, nc * sizeof *nt);
    for (size_t k = 0; k < P->g.len; k++) {
      size_t j = pkey_hash(P->g.data[k], P->q.data[k]) & (nc - 1);
      while (nt[j] != NONE)
        j = (j + 1) & (nc - 1);
      nt[j] = (uint32_t)k;
    }
    free(P->tab);
    P->tab = nt;
    P->cap = nc;
  }
  size_t j = pkey_hash(g, q) & (P->cap - 1);
  while (P->tab[j] != NONE) {
    uint32_t k = P->tab[j];
    if (P->g.data[k] == g && P->q.data[k] == q)
      return k;
    j = (j + 1) & (P->cap - 1);
  }
  P->tab[j] = (uint32_t)P->g.len;
  VEC_PUSH(P->g, g);
  VEC_PUSH(P->q, q);
  return (uint32_t)P->g.len - 1;
}

static const Word *edge_bits(const Live *l, uint32_t g, uint32_t via) {
  return via == NONE ? l->stut.data + (size_t)g * l->wa
                     : l->abits.data + (size_t)via * l->wa;
}

/* Do q's literals hold on state g (state literals) or on the step via
 * (action literals; state = true checks only the former). */
static bool lits_hold(const Prod *P, uint32_t q, uint32_t g, uint32_t via,
                      bool state) {
  const Temporal *t = P->l->t;
  const TAutoState *s = &P->a->q[q];
  for (int i = 0; i < s->nlits; i++) {
    const TNode *n = &t->nodes.data[s->lits[i]];
    const TAtom *a = &t->atoms.data[n->atom];
    if ((a->kind == TA_STATE) != state)
      continue;
    bool v = state ? state_bit(P->l, g, n->atom)
                   : wbit(edge_bits(P->l, g, via), a->slot);
    if (v == n->neg)
      return false;
  }
  return true;
}

/* Does the temporal-free formula x hold at the position (g, step via)? */
static bool pos_holds(const Prod *P, int x, uint32_t g, uint32_t via) {
  const Temporal *t = P->l->t;
  const TNode *n = &t->nodes.data[x];
  switch (n->kind) {
  case TF_TRUE:
    return true;
  case TF_LIT: {
    const TAtom *a = &t->atoms.data[n->atom];
    if (a->kind == TA_STATE)
      return state_bit(P->l, g, n->atom) != n->neg;
    return wbit(edge_bits(P->l, g, via), a->slot) != n->neg;
  }
  case TF_AND:
    return pos_holds(P, n->a, g, via) && pos_holds(P, n->b, g, via);
  case TF_OR:
    return pos_holds(P, n->a, g, via) || pos_holds(P, n->b, g, via);
  default:
    return false;
  }
}

static bool allowed(const Prod *P, uint64_t e) {
  return !P->allowed || P->allowed[e];
}

static void add_pedges(Prod *P, uint32_t k, uint32_t t, uint32_t via) {
  uint32_t g = P->g.data[k], q = P->q.data[k];
  if (!lits_hold(P, q, g, via, false))
    return;
  const TAutoState *s = &P->a->q[q];
  for (int j = 0; j < s->nsucc; j++) {
    uint32_t d = pnode(P, t, (uint32_t)s->succ[j]);
    VEC_PUSH(P->dst, d);
    VEC_PUSH(P->via, via);
  }
}

static void build_product(Prod *P) {
  Live *l = P->l;
  for (uint32_t s = 0; s < l->ninit; s++)
    for (int q = 0; q < P->a->nq; q++)
      if (P->a->q[q].initial)
        pnode(P, s, (uint32_t)q);
  P->ninit = (uint32_t)P->g.len;
  VEC_PUSH(P->off, 0);
  for (uint32_t k = 0; k < P->g.len; k++) {
    uint32_t g = P->g.data[k];
    if (lits_hold(P, P->q.data[k], g, NONE, true)) {
      add_pedges(P, k, g, NONE);
      for (uint64_t e = l->off.data[g]; e < l->off.data[g + 1]; e++)
        add_pedges(P, k, l->succ.data[e], (uint32_t)e);
    }
    VEC_PUSH(P->off, P->dst.len);
  }
  P->mark = xcalloc(P->g.len + 1, sizeof *P->mark);
}

/* ---- components ---- */

typedef struct Sccs {
  VEC(uint32_t) nodes;
  VEC(uint64_t) start; /* component c: nodes[start[c] .. start[c+1]] */
} Sccs;

typedef struct Frame {
  uint32_t node;
  uint64_t edge;
} Frame;

/* Tarjan's algorithm, iteratively, on the nodes marked tag reachable from
 * roots; appends the non-trivial components to out. */
static void tarjan(Prod *P, const uint32_t *roots, size_t nroots, uint32_t tag,
                   Sccs *out) {
  size_t n = P->g.len;
  uint32_t *index = xcalloc(n + 1, sizeof *index); /* 0 = unvisited */
  uint32_t *low = xmalloc((n + 1) * sizeof *low);
  uint8_t *on = xcalloc(n + 1, 1);
  VEC(uint32_t) stack = {0};
  VEC(Frame) calls = {0};
  uint32_t counter = 0;
  if (!out->start.len)
    VEC_PUSH(out->start, 0);
  for (size_t r = 0; r < nroots; r++) {
    uint32_t root = roots[r];
    if (P->mark[root] != tag || index[root])
      continue;
    Frame f0 = {root, P->off.data[root]};
    index[root] = low[root] = ++counter;
    VEC_PUSH(stack, root);
    on[root] = 1;
    VEC_PUSH(calls, f0);
    while (calls.len) {
      Frame *f = &calls.data[calls.len - 1];
      uint32_t v = f->node;
      if (f->edge < P->off.data[v + 1]) {
        uint64_t e = f->edge++;
        uint32_t w = P->dst.data[e];
        if (P->mark[w] != tag || !allowed(P, e))
          continue;
        if (!index[w]) {
          index[w] = low[w] = ++counter;
          VEC_PUSH(stack, w);
          on[w] = 1;
          Frame fw = {w, P->off.data[w]};
          VEC_PUSH(calls, fw);
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      calls.len--;
      if (calls.len) {
        uint32_t u = calls.data[calls.len - 1].node;
        if (low[v] < low[u])
          low[u] = low[v];
      }
      if (low[v] != index[v])
        continue;
      size_t first = stack.len;
      do
        first--;
      while (stack.data[first] != v);
      bool nontrivial = stack.len - first > 1;
      for (uint64_t e = P->off.data[v]; !nontrivial && e < P->off.data[v + 1];
           e++)
        nontrivial = P->dst.data[e] == v && allowed(P, e);
      for (size_t k = first; k < stack.len; k++) {
        on[stack.data[k]] = 0;
        if (nontrivial)
          VEC_PUSH(out->nodes, stack.data[k]);
      }
      if (nontrivial)
        VEC_PUSH(out->start, out->nodes.len);
      stack.len = first;
    }
  }
  free(index);
  free(low);
  free(on);
  VEC_FREE(stack);
  VEC_FREE(calls);
}

static int slot_of(const Live *l, int atom) {
  return l->t->atoms.data[atom].slot;
}

/* Some step inside the component (marked tag) is an action-atom step. */
static bool some_step(Prod *P, const uint32_t *nodes, size_t n, uint32_t tag,
                      int atom) {
  int slot = slot_of(P->l, atom);
  for (size_t i = 0; i < n; i++) {
    uint32_t k = nodes[i];
    for (uint64_t e = P->off.data[k]; e < P->off.data[k + 1]; e++)
      if (P->mark[P->dst.data[e]] == tag && allowed(P, e) &&
          wbit(edge_bits(P->l, P->g.data[k], P->via.data[e]), slot))
        return true;
  }
  return false;
}

/* Some state of the component has state atom `atom` equal to v. */
static bool some_state(Prod *P, const uint32_t *nodes, size_t n, int atom,
                       bool v) {
  for (size_t i = 0; i < n; i++)
    if (state_bit(P->l, P->g.data[nodes[i]], atom) == v)
      return true;
  return false;
}

/* Some position inside the component satisfies the []<> formula x. */
static bool some_position(Prod *P, const uint32_t *nodes, size_t n,
                          uint32_t tag, int x) {
  for (size_t i = 0; i < n; i++) {
    uint32_t k = nodes[i];
    for (uint64_t e = P->off.data[k]; e < P->off.data[k + 1]; e++)
      if (P->mark[P->dst.data[e]] == tag && allowed(P, e) &&
          pos_holds(P, x, P->g.data[k], P->via.data[e]))
        return true;
  }
  return false;
}

/* Is there a fair accepting component among nodes (all marked tag)?  On
 * success *found is the tag of the component.  The cheap conditions
 * (steps, acceptance sets) are tried first, so most components are
 * rejected before a state atom is evaluated. */
static bool fair_scc(Prod *P, uint32_t *nodes, size_t n, uint32_t tag,
                     uint32_t *found) {
  Live *l = P->l;
  const Temporal *t = l->t;
  bool ok = true, cut = false;
  for (int c = 0; ok && c < P->a->nacc; c++) {
    bool met = false;
    for (size_t i = 0; i < n && !met; i++)
      met = P->a->acc[(size_t)c * P->a->nq + P->q.data[nodes[i]]];
    ok = met;
  }
  VEC(int) strong = {0}; /* SF conditions to satisfy by removal */
  for (size_t i = 0; ok && i < t->fair.len; i++) {
    const TFair *f = &t->fair.data[i];
    if (some_step(P, nodes, n, tag, f->step))
      continue;
    if (!f->strong)
      ok = some_state(P, nodes, n, f->enabled, false);
    else if (some_state(P, nodes, n, f->enabled, true)) {
      cut = true;
      VEC_PUSH(strong, (int)i);
    }
  }
  for (int x = 0; ok && x < P->nea; x++)
    ok = some_position(P, nodes, n, tag, P->ea[x]);
  if (!ok || !cut) {
    VEC_FREE(strong);
    if (ok)
      *found = tag;
    return ok;
  }
  /* Remove the states where a pending SF's action is enabled. */
  uint32_t sub = ++P->tags;
  VEC(uint32_t) rest = {0};
  for (size_t i = 0; i < n; i++) {
    uint32_t k = nodes[i];
    bool keep = true;
    for (size_t j = 0; j < strong.len && keep; j++)
      keep = !state_bit(l, P->g.data[k], t->fair.data[strong.data[j]].enabled);
    P->mark[k] = keep ? sub : 0;
    if (keep)
      VEC_PUSH(rest, k);
  }
  VEC_FREE(strong);
  Sccs s = {0};
  tarjan(P, rest.data, rest.len, sub, &s);
  VEC_FREE(rest);
  bool r = false;
  for (size_t c = 0; !r && c + 1 < s.start.len; c++) {
    uint32_t ctag = ++P->tags;
    uint32_t *cn = s.nodes.data + s.start.data[c];
    size_t cnum = s.start.data[c + 1] - s.start.data[c];
    for (size_t i = 0; i < cnum; i++)
      P->mark[cn[i]] = ctag;
    r = fair_scc(P, cn, cnum, ctag, found);
  }
  VEC_FREE(s.nodes);
  VEC_FREE(s.start);
  return r;
}

/* ---- the lasso ---- */

typedef enum ReqKind { REQ_ACC, REQ_EA, REQ_WF, REQ_SF } ReqKind;
typedef struct Req {
  ReqKind kind;
  int idx;
} Req;

static bool node_sat(const Prod *P, Req r, uint32_t k) {
  const Live *l = P->l;
  if (r.kind == REQ_ACC)
    return P->a->acc[(size_t)r.idx * P->a->nq + P->q.data[k]];
  if (r.kind == REQ_SF || r.kind == REQ_EA)
    return false;
  return !state_bit((Live *)l, P->g.data[k], l->t->fair.data[r.idx].enabled);
}

static bool edge_sat(const Prod *P, Req r, uint32_t k, uint64_t e) {
  const Live *l = P->l;
  if (r.kind == REQ_ACC)
    return false;
  if (!allowed(P, e))
    return false;
  if (r.kind == REQ_EA)
    return pos_holds(P, P->ea[r.idx], P->g.data[k], P->via.data[e]);
  const Word *eb = edge_bits(l, P->g.data[k], P->via.data[e]);
  return wbit(eb, slot_of(l, l->t->fair.data[r.idx].step));
}

typedef VEC(uint32_t) U32Vec;
typedef VEC(uint64_t) U64Vec;

/* Breadth-first from the sources (or from their successors when skip) over
 * nodes marked tag (any node when tag is 0) to the first node k with
 * goal(k) (or an edge out of it with goal_edge); appends the path after
 * the source to nodes/edges (and that edge and its end). */
typedef struct Goal {
  Req req;
  bool use_req;
  uint32_t tag_goal; /* a node marked so (0: none) */
  uint32_t node;     /* this node (NONE: none) */
} Goal;

static bool bfs_path(Prod *P, const uint32_t *src, size_t nsrc, bool skip,
                     uint32_t tag, Goal g, U32Vec *nodes, U64Vec *edges) {
  size_t n = P->g.len;
  uint32_t *par = xmalloc((n + 1) * sizeof *par);
  uint64_t *pe = xmalloc((n + 1) * sizeof *pe);
  memset(par, 0xff, (n + 1) * sizeof *par);
  uint8_t *first = xcalloc(n + 1, 1);
  U32Vec queue = {0};
  uint32_t root_mark = NONE - 1;
  for (size_t i = 0; i < nsrc; i++) {
    if (skip) {
      for (uint64_t e = P->off.data[src[i]]; e < P->off.data[src[i] + 1]; e++) {
        uint32_t d = P->dst.data[e];
        if ((tag && (P->mark[d] != tag || !allowed(P, e))) || par[d] != NONE)
          continue;
        par[d] = src[i], pe[d] = e, first[d] = 1;
        VEC_PUSH(queue, d);
      }
    } else if (par[src[i]] == NONE) {
      par[src[i]] = root_mark;
      VEC_PUSH(queue, src[i]);
    }
  }
  uint32_t hit = NONE;
  uint64_t hit_edge = UINT64_MAX;
  for (size_t h = 0; h < queue.len && hit == NONE; h++) {
    uint32_t k = queue.data[h];
    if ((g.node != NONE && k == g.node) ||
        (g.tag_goal && P->mark[k] == g.tag_goal) ||
        (g.use_req && node_sat(P, g.req, k))) {
      hit = k;
      break;
    }
    for (uint64_t e = P->off.data[k]; e < P->off.data[k + 1]; e++) {
      uint32_t d = P->dst.data[e];
      if (tag && (P->mark[d] != tag || !allowed(P, e)))
        continue;
      if (g.use_req && edge_sat(P, g.req, k, e)) {
        hit = k, hit_edge = e;
        break;
      }
      if (par[d] != NONE)
        continue;
      par[d] = k, pe[d] = e;
      VEC_PUSH(queue, d);
    }
  }
  bool ok = hit != NONE;
  if (ok) {
    U32Vec rev = {0};
    U64Vec reve = {0};
    uint32_t k = hit;
    for (;;) {
      if (!skip && par[k] == root_mark)
        break; /* k is the source the path starts from */
      VEC_PUSH(rev, k);
      VEC_PUSH(reve, pe[k]);
      if (skip && first[k])
        break; /* k was reached by an edge out of the source */
      k = par[k];
    }
    if (!skip)
      VEC_PUSH(*nodes, k);
    for (size_t i = rev.len; i-- > 0;) {
      VEC_PUSH(*edges, reve.data[i]);
      VEC_PUSH(*nodes, rev.data[i]);
    }
    if (hit_edge != UINT64_MAX) {
      VEC_PUSH(*edges, hit_edge);
      VEC_PUSH(*nodes, P->dst.data[hit_edge]);
    }
    VEC_FREE(rev);
    VEC_FREE(reve);
  }
  free(first);
  free(par);
  free(pe);
  VEC_FREE(queue);
  return ok;
}

static bool path_sat(const Prod *P, Req r, const U32Vec *nodes,
                     const U64Vec *edges, size_t from) {
  for (size_t i = from; i < nodes->len; i++)
    if (node_sat(P, r, nodes->data[i]))
      return true;
  for (size_t i = from; i < edges->len; i++)
    if (edge_sat(P, r, nodes->data[i], edges->data[i]))
      return true;
  return false;
}

/* The lasso through the component marked tag, as graph states: *loop is
 * the index the last state returns to; the states are collapsed where a
 * step stutters (equal consecutive states). */
static void build_lasso(Prod *P, uint32_t tag, U32Vec *out, size_t *loop) {
  const Live *l = P->l;
  const Temporal *t = l->t;
  U32Vec stem = {0}, cyc = {0};
  U64Vec se = {0}, ce = {0};
  U32Vec roots = {0};
  for (uint32_t k = 0; k < P->ninit; k++)
    VEC_PUSH(roots, k);
  Goal to_scc = {{REQ_ACC, 0}, false, tag, NONE};
  bfs_path(P, roots.data, roots.len, false, 0, to_scc, &stem, &se);
  VEC_FREE(roots);
  uint32_t n0 = VEC_LAST(stem);
  VEC_PUSH(cyc, n0);
  VEC(Req) reqs = {0};
  for (int c = 0; c < P->a->nacc; c++) {
    Req r = {REQ_ACC, c};
    VEC_PUSH(reqs, r);
  }
  for (int x = 0; x < P->nea; x++) {
    Req r = {REQ_EA, x};
    VEC_PUSH(reqs, r);
  }
  for (size_t i = 0; i < t->fair.len; i++) {
    Req r = {t->fair.data[i].strong ? REQ_SF : REQ_WF, (int)i};
    VEC_PUSH(reqs, r);
  }
  for (size_t i = 0; i < reqs.len; i++) {
    Req r = reqs.data[i];
    if (path_sat(P, r, &cyc, &ce, 0))
      continue;
    Goal g = {r, true, 0, NONE};
    uint32_t cur = VEC_LAST(cyc);
    /* An SF with no step in the component was met by removing the states
     * where it is enabled: nothing to visit. */
    size_t before = cyc.len;
    if (bfs_path(P, &cur, 1, false, tag, g, &cyc, &ce)) {
      /* the path starts with cur, which the cycle already ends with */
      memmove(cyc.data + before, cyc.data + before + 1,
              (cyc.len - before - 1) * sizeof *cyc.data);
      cyc.len--;
    }
  }
  VEC_FREE(reqs);
  uint32_t cur = VEC_LAST(cyc);
  Goal back = {{REQ_ACC, 0}, false, 0, n0};
  if (!(cur == n0 && ce.len > 0))
    bfs_path(P, &cur, 1, true, tag, back, &cyc, &ce);
  /* graph states: stem (ending at n0), then the cycle without its end */
  U32Vec seq = {0};
  for (size_t i = 0; i < stem.len; i++)
    VEC_PUSH(seq, P->g.data[stem.data[i]]);
  size_t m = seq.len - 1;
  for (size_t i = 1; i + 1 < cyc.len; i++)
    VEC_PUSH(seq, P->g.data[cyc.data[i]]);
  out->len = 0;
  size_t lp = 0;
  for (size_t i = 0; i < seq.len; i++) {
    if (!out->len || VEC_LAST(*out) != seq.data[i])
      VEC_PUSH(*out, seq.data[i]);
    if (i == m)
      lp = out->len - 1;
  }
  while (out->len - 1 > lp && VEC_LAST(*out) == out->data[lp])
    out->len--;
  *loop = lp;
  VEC_FREE(seq);
  VEC_FREE(stem);
  VEC_FREE(cyc);
  VEC_FREE(se);
  VEC_FREE(ce);
}

/* ---- replay ---- */

typedef struct Replay {
  Live *l;
  Value ***st; /* the lasso's states */
  int n, loop;
  bool stutter;  /* the loop is the last state stuttering */
  uint8_t *val;  /* val[i * natoms + atom] */
} Replay;

static Value *const *next_of(const Replay *r, int i) {
  if (i + 1 < r->n)
    return r->st[i + 1];
  return r->stutter ? r->st[i] : r->st[r->loop];
}

static bool replay_atom(void *arg, int atom, int pos) {
  Replay *r = arg;
  return r->val[(size_t)pos * r->l->t->atoms.len + (size_t)atom];
}

/* Evaluates every atom on the lasso again and checks ~p and the fairness
 * on it; false with *why set when something does not hold. */
static bool replay_lasso(Replay *r, const LiveProp *lp, const char **why) {
  Live *l = r->l;
  size_t na = l->t->atoms.len;
  r->val = xcalloc((size_t)r->n * na + 1, 1);
  FailPoint fp;
  FILE *devnull = fopen("/dev/null", "w");
  void *old = diag_set_stream(devnull);
  bool ok = false;
  if (fail_push(&fp) == 0) {
    for (int i = 0; i < r->n; i++)
      for (size_t a = 0; a < na; a++) {
        const TAtom *at = &l->t->atoms.data[a];
        r->val[(size_t)i * na + a] =
            at->kind == TA_STATE ? state_atom(l, at, r->st[i])
                                 : action_atom(l, at, r->st[i], next_of(r, i));
      }
    fail_pop(&fp);
    ok = true;
  }
  diag_set_stream(old);
  if (devnull)
    fclose(devnull);
  if (!ok) {
    *why = "evaluating the formula's atoms on it failed";
    return false;
  }
  if (!temporal_on_lasso(l->t, lp->neg, r->n, r->loop, replay_atom, r)) {
    *why = "the property holds on it";
    return false;
  }
  for (size_t i = 0; i < l->t->fair.len; i++) {
    const TFair *f = &l->t->fair.data[i];
    bool step = false, on = false, off = false;
    for (int k = r->loop; k < r->n; k++) {
      step |= replay_atom(r, f->step, k);
      bool e = replay_atom(r, f->enabled, k);
      on |= e, off |= !e;
    }
    if (f->strong ? !(step || !on) : !(step || off)) {
      *why = "a fairness condition does not hold on its loop";
      return false;
    }
  }
  return true;
}

static void print_action(FILE *out, const Spec *spec, int a) {
  if (a < 0) {
    fprintf(out, "<Next>");
    return;
  }
  const Action *ac = &spec->actions.data[a];
  fprintf(out, "<%s line %u, col %u to line %u, col %u of module %s>",
          ac->name, ac->loc.line, ac->loc.col, ac->loc.eline, ac->loc.ecol,
          ac->loc.file ? sym_str(spec->prog->root->name) : "?");
}

/* Replays and prints the lasso; false (after an internal-error line) when
 * it does not replay. */
static bool show_lasso(Live *l, const LiveProp *lp, const U32Vec *states,
                       size_t loop) {
  Replay r = {l, NULL, (int)states->len, (int)loop, false, NULL};
  r.stutter = loop + 1 == states->len;
  Trace tr;
  tr.n = r.n + (r.stutter ? 0 : 1);
  tr.states = xmalloc((size_t)tr.n * sizeof *tr.states);
  tr.actions = xcalloc((size_t)tr.n, sizeof *tr.actions);
  for (int i = 0; i < tr.n; i++) {
    uint32_t g = i < r.n ? states->data[i] : states->data[loop];
    tr.states[i] = xmalloc(((size_t)l->nvars + 1) * sizeof **tr.states);
    for (int v = 0; v < l->nvars; v++)
      tr.states[i][v] = val_by_id(l->sids[(size_t)g * l->nvars + v]);
  }
  r.st = tr.states;
  char *why = NULL;
  const char *why2 = NULL;
  bool ok = trace_replay(l->spec, &tr, &why);
  if (ok)
    ok = replay_lasso(&r, lp, &why2);
  if (!ok) {
    fprintf(stdout, "brink: internal error: the liveness counterexample for "
                    "%s does not replay (%s)%s\n",
            sym_str(lp->p->name), why ? why : why2,
            l->keyed ? "; with a VIEW or SYMMETRY the stored states stand "
                       "for others, so the lasso is not a behaviour"
                     : "");
    free(why);
  } else {
    fprintf(stdout, "Error: Temporal property %s was violated.\n\n",
            sym_str(lp->p->name));
    fprintf(stdout, "Error: The following behavior constitutes a "
                    "counter-example:\n\n");
    Trace shown = tr;
    shown.n = r.n;
    trace_print(stdout, l->spec, &shown);
    if (r.stutter) {
      fprintf(stdout, "State %d: Stuttering\n", r.n + 1);
    } else {
      fprintf(stdout, "Back to state %zu: ", loop + 1);
      print_action(stdout, l->spec, tr.actions[r.n]);
      fprintf(stdout, "\n\n");
    }
  }
  for (int i = 0; i < tr.n; i++)
    free(tr.states[i]);
  free(tr.states);
  free(tr.actions);
  free(r.val);
  return ok;
}

/* ---- the check ---- */

static void stamp(char *buf, size_t n) {
  time_t wall = time(NULL);
  struct tm tm;
  localtime_r(&wall, &tm);
  strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm);
}

static double mono(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void prod_free(Prod *P) {
  VEC_FREE(P->g);
  VEC_FREE(P->q);
  VEC_FREE(P->off);
  VEC_FREE(P->dst);
  VEC_FREE(P->via);
  free(P->tab);
  free(P->mark);
}

typedef VEC(int) IntVec;
typedef VEC(IntVec) Dnf;

static void dnf_free(Dnf *d) {
  for (size_t i = 0; i < d->len; i++)
    VEC_FREE(d->data[i]);
  VEC_FREE(*d);
}

/* The disjuncts of f at its top level, each a list of conjuncts; false when
 * there would be more than max of them. */
static bool dnf(const Temporal *t, int f, Dnf *out, size_t max) {
  const TNode *n = &t->nodes.data[f];
  if (n->kind == TF_OR) {
    return dnf(t, n->a, out, max) && dnf(t, n->b, out, max);
  }
  if (n->kind == TF_AND) {
    Dnf x = {0}, y = {0};
    bool ok = dnf(t, n->a, &x, max) && dnf(t, n->b, &y, max) &&
              out->len + x.len * y.len <= max;
    for (size_t i = 0; ok && i < x.len; i++)
      for (size_t j = 0; j < y.len; j++) {
        IntVec c = {0};
        for (size_t k = 0; k < x.data[i].len; k++)
          VEC_PUSH(c, x.data[i].data[k]);
        for (size_t k = 0; k < y.data[j].len; k++)
          VEC_PUSH(c, y.data[j].data[k]);
        VEC_PUSH(*out, c);
      }
    dnf_free(&x);
    dnf_free(&y);
    return ok;
  }
  if (out->len + 1 > max)
    return false;
  IntVec c = {0};
  VEC_PUSH(c, f);
  VEC_PUSH(*out, c);
  return true;
}

static bool temporal_free(const Temporal *t, int f) {
  const TNode *n = &t->nodes.data[f];
  if (n->kind == TF_ALWAYS || n->kind == TF_EVENTUALLY)
    return false;
  if (n->kind == TF_AND || n->kind == TF_OR)
    return temporal_free(t, n->a) && temporal_free(t, n->b);
  return true;
}

/* f is <>[]x (outer = TF_EVENTUALLY) or []<>x with x temporal-free: x. */
static int nested(const Temporal *t, int f, TKind outer) {
  const TNode *n = &t->nodes.data[f];
  TKind inner = outer == TF_EVENTUALLY ? TF_ALWAYS : TF_EVENTUALLY;
  if (n->kind != outer || t->nodes.data[n->a].kind != inner)
    return -1;
  int x = t->nodes.data[n->a].a;
  return temporal_free(t, x) ? x : -1;
}

/* Searches one disjunct of ~p: *found is set to a fair accepting
 * component's tag.  Returns false when the automaton is too big. */
static bool check_disjunct(Prod *P, const IntVec *conj, uint32_t *found) {
  Live *l = P->l;
  Temporal *t = l->t;
  IntVec ae = {0}, ea = {0};
  for (size_t i = 0; i < conj->len; i++) {
    int f = conj->data[i], x;
    if ((x = nested(t, f, TF_EVENTUALLY)) >= 0)
      VEC_PUSH(ae, x);
    else if ((x = nested(t, f, TF_ALWAYS)) >= 0)
      VEC_PUSH(ea, x);
  }
  uint8_t *ok = NULL;
  if (ae.len) {
    ok = xmalloc(P->dst.len + 1);
    for (uint32_t k = 0; k < P->g.len; k++)
      for (uint64_t e = P->off.data[k]; e < P->off.data[k + 1]; e++) {
        bool all = true;
        for (size_t i = 0; i < ae.len && all; i++)
          all = pos_holds(P, ae.data[i], P->g.data[k], P->via.data[e]);
        ok[e] = all;
      }
  }
  P->allowed = ok;
  P->ea = ea.data;
  P->nea = (int)ea.len;
  uint32_t all = ++P->tags;
  U32Vec roots = {0};
  for (uint32_t k = 0; k < P->g.len; k++) {
    P->mark[k] = all;
    VEC_PUSH(roots, k);
  }
  Sccs s = {0};
  tarjan(P, roots.data, roots.len, all, &s);
  VEC_FREE(roots);
  *found = 0;
  for (size_t c = 0; !*found && c + 1 < s.start.len; c++) {
    uint32_t ctag = ++P->tags;
    uint32_t *cn = s.nodes.data + s.start.data[c];
    size_t cnum = s.start.data[c + 1] - s.start.data[c];
    for (size_t i = 0; i < cnum; i++)
      P->mark[cn[i]] = ctag;
    if (!fair_scc(P, cn, cnum, ctag, found))
      *found = 0;
  }
  if (getenv("BRINK_LIVE_STATS"))
    fprintf(stderr, "liveness disjunct: %zu <>[], %zu []<>, automaton %d "
                    "states %d acceptance sets, product %zu nodes %zu edges, "
                    "%zu components\n",
            ae.len, ea.len, P->a->nq, P->a->nacc, P->g.len, P->dst.len,
            s.start.len ? s.start.len - 1 : 0);
  VEC_FREE(s.nodes);
  VEC_FREE(s.start);
  VEC_FREE(ae);
  if (!*found) {
    VEC_FREE(ea);
    free(ok);
    P->allowed = NULL;
    P->ea = NULL;
  }
  return true;
}

/* The tableau part of a disjunct: the conjuncts that are not <>[]x or
 * []<>x. */
static int rest_of(Temporal *t, const IntVec *conj) {
  int r = temporal_true(t);
  for (size_t i = 0; i < conj->len; i++) {
    int f = conj->data[i];
    if (nested(t, f, TF_EVENTUALLY) >= 0 || nested(t, f, TF_ALWAYS) >= 0)
      continue;
    r = temporal_and(t, r, f);
  }
  return r;
}

/* One property: EXIT_OK, EXIT_LIVENESS (printed) or EXIT_OTHER. */
static int check_prop(Live *l, const LiveProp *lp) {
  Temporal *t = l->t;
  Dnf d = {0};
  if (!dnf(t, lp->neg, &d, 256)) {
    dnf_free(&d);
    IntVec one = {0};
    VEC_PUSH(one, lp->neg);
    VEC_PUSH(d, one);
  }
  int code = EXIT_OK;
  Prod P;
  memset(&P, 0, sizeof P);
  int built_for = -2;
  for (size_t i = 0; i < d.len && code == EXIT_OK; i++) {
    int rest = rest_of(t, &d.data[i]);
    if (rest != built_for) {
      if (P.a) {
        prod_free(&P);
        temporal_auto_free(P.a);
      }
      memset(&P, 0, sizeof P);
      P.l = l;
      P.a = t->nodes.data[rest].kind == TF_TRUE
                ? temporal_automaton_true()
                : temporal_automaton(t, rest, 4096);
      if (!P.a) {
        char where[256];
        fprintf(stdout, "brink: liveness: the automaton of the negation of "
                        "%s at %s has more than 4096 states; not checked.\n",
                sym_str(lp->p->name),
                loc_str(lp->p->loc, where, sizeof where));
        code = EXIT_OTHER;
        break;
      }
      build_product(&P);
      built_for = rest;
    }
    uint32_t found = 0;
    check_disjunct(&P, &d.data[i], &found);
    if (found) {
      U32Vec states = {0};
      size_t loop;
      build_lasso(&P, found, &states, &loop);
      code = show_lasso(l, lp, &states, loop) ? EXIT_LIVENESS : EXIT_OTHER;
      VEC_FREE(states);
      free((void *)P.allowed);
      free((void *)P.ea);
      P.allowed = NULL;
      P.ea = NULL;
    }
  }
  if (P.a) {
    prod_free(&P);
    temporal_auto_free(P.a);
  }
  dnf_free(&d);
  return code;
}

int live_check(Live *l, const uint32_t *sids, size_t nstates) {
  char when[64];
  l->sids = sids;
  stamp(when, sizeof when);
  fprintf(stdout, "Checking temporal properties for the complete state space "
                  "with %zu total distinct states at (%s)\n",
          nstates, when);
  fflush(stdout);
  double t0 = mono();
  int code = EXIT_OK;
  if (l->off.len != nstates + 1) {
    fprintf(stdout, "brink: internal error: the liveness graph has %zu of "
                    "%zu states\n",
            l->off.len - 1, nstates);
    return EXIT_OTHER;
  }
  const LiveProp *volatile cur = NULL;
  FailPoint fp;
  if (fail_push(&fp)) {
    /* a state predicate of a property failed to evaluate (printed) */
    if (fp.code == EXIT_OTHER)
      fprintf(stdout, "brink: temporal property %s was not checked (see "
                      "above); no verdict is given for it.\n",
              cur ? sym_str(cur->p->name) : "?");
    else
      fprintf(stdout, "Error: Evaluating temporal property %s failed.\n",
              cur ? sym_str(cur->p->name) : "?");
    return fp.code ? fp.code : EXIT_EVAL;
  }
  for (size_t i = 0; i < l->props.len && code == EXIT_OK; i++) {
    cur = &l->props.data[i];
    code = check_prop(l, cur);
  }
  fail_pop(&fp);
  int secs = (int)(mono() - t0);
  if (getenv("BRINK_LIVE_STATS"))
    fprintf(stderr, "liveness time: edges %.3fs, states %.3fs (ENABLED "
                    "%.3fs), check %.3fs, total %.3fs\n",
            t_edge, t_state, t_enabled, mono() - t0, cpu());
  stamp(when, sizeof when);
  if (secs < 60)
    fprintf(stdout, "Finished checking temporal properties in %02ds at %s\n",
            secs, when);
  else
    fprintf(stdout, "Finished checking temporal properties in %02dmin %02ds "
                    "at %s\n",
            secs / 60, secs % 60, when);
  return code;
}
