/* livescc.c -- the product of the state graph with an automaton, its
 * strongly connected components, and the lasso through a fair one.
 *
 * Product nodes pair a graph state with an automaton state; they are
 * numbered as they are reached (a hash table maps the pair to the number)
 * and their edges are stored like the graph's (offsets and targets), each
 * with the graph edge it follows (NONE for the stuttering step), so that
 * action atoms are read from the graph's bits.  Components are found with
 * Tarjan's algorithm run iteratively (an explicit stack of frames: graphs
 * of millions of states would overflow the C stack) on the nodes carrying
 * a tag, along the edges the disjunct's <>[] conditions allow.  Only the
 * nodes whose automaton state lies on an accepting cycle of the automaton
 * are searched first (a component of the others cannot be accepting: for
 * <>(P /\ []~Q) that leaves out the copy of the graph waiting for P and
 * most edges), and only their edges are stored (the others' are followed
 * to reach and number the nodes); when that finds a fair component, the
 * edges of all are stored and the whole product is searched again, so
 * that the component shown is the first in the order of all of them, as
 * it was.  A pair whose automaton state's literals are false on its graph
 * state would have no edges, and is not made a node (nor the edges into
 * it): the order of the others, their components and shortest paths are
 * the same without it.  A
 * component is searched for a fair accepting one as liveness.c explains;
 * removing the states where a pending SF action is enabled retags the rest
 * and runs Tarjan again on it.  The fairness conditions are tried in
 * move-to-front order (the last one to reject a component first), WF
 * conditions whose ENABLED is already known on all of the component's
 * states before the rest; this cuts the atoms evaluated several times
 * over on specs with many conditions, and changes only the work, as a
 * fair component meets them all.  Lasso paths are breadth-first, so the
 * stem is a shortest path to the component, and the cycle goes from
 * witness to witness by shortest paths inside it. */
#include <stdlib.h>
#include <string.h>

#include "liveint.h"

static bool temporal_free(const Temporal *t, int f) {
  const TNode *n = &t->nodes.data[f];
  if (n->kind == TF_ALWAYS || n->kind == TF_EVENTUALLY)
    return false;
  if (n->kind == TF_AND || n->kind == TF_OR)
    return temporal_free(t, n->a) && temporal_free(t, n->b);
  return true;
}

/* f is <>[]x (outer = TF_EVENTUALLY) or []<>x with x temporal-free: x. */
int live_nested(const Temporal *t, int f, TKind outer) {
  const TNode *n = &t->nodes.data[f];
  TKind inner = outer == TF_EVENTUALLY ? TF_ALWAYS : TF_EVENTUALLY;
  if (n->kind != outer || t->nodes.data[n->a].kind != inner)
    return -1;
  int x = t->nodes.data[n->a].a;
  return temporal_free(t, x) ? x : -1;
}

/* ---- the product with the automaton ---- */

static uint64_t pkey_hash(uint32_t g, uint32_t q) {
  return hash_mix(hash_mix(0x1234567u, g), q);
}

static uint32_t pnode(Prod *P, uint32_t g, uint32_t q) {
  if (P->dense) {
    uint32_t *slot = &P->dense[(size_t)g * (size_t)P->a->nq + q];
    if (*slot == NONE) {
      *slot = (uint32_t)P->g.len;
      VEC_PUSH(P->g, g);
      VEC_PUSH(P->q, q);
    }
    return *slot;
  }
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
    bool v = state ? live_state_bit(P->l, g, n->atom)
                   : live_action_bit(P->l, g, via, n->atom);
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
      return live_state_bit(P->l, g, n->atom) != n->neg;
    return live_action_bit(P->l, g, via, n->atom) != n->neg;
  }
  case TF_AND:
    return pos_holds(P, n->a, g, via) && pos_holds(P, n->b, g, via);
  case TF_OR:
    return pos_holds(P, n->a, g, via) || pos_holds(P, n->b, g, via);
  default:
    return false;
  }
}

/* The temporal-free formula x at state g whatever the step: 0 or 1, or
 * -1 when that depends on the step. */
static int state_holds(const Prod *P, int x, uint32_t g) {
  const Temporal *t = P->l->t;
  const TNode *n = &t->nodes.data[x];
  switch (n->kind) {
  case TF_TRUE:
    return 1;
  case TF_LIT:
    if (t->atoms.data[n->atom].kind != TA_STATE)
      return -1;
    return live_state_bit(P->l, g, n->atom) != n->neg;
  case TF_AND: {
    int a = state_holds(P, n->a, g);
    if (a == 0)
      return 0;
    int b = state_holds(P, n->b, g);
    return b == 0 ? 0 : a == 1 && b == 1 ? 1 : -1;
  }
  case TF_OR: {
    int a = state_holds(P, n->a, g);
    if (a == 1)
      return 1;
    int b = state_holds(P, n->b, g);
    return b == 1 ? 1 : a == 0 && b == 0 ? 0 : -1;
  }
  default:
    return 0;
  }
}

static bool allowed(const Prod *P, uint64_t e) {
  return !P->allowed || P->allowed[e];
}

#define DEAD (NONE - 1) /* P->dense: q's state literals are false on g */

/* The node (g, q), or NONE when q's state literals are false on g: such a
 * node would have no edge, so it is left out. */
static uint32_t live_node(Prod *P, uint32_t g, uint32_t q) {
  uint32_t *slot = P->dense ? &P->dense[(size_t)g * (size_t)P->a->nq + q]
                            : NULL;
  if (slot && *slot != NONE)
    return *slot == DEAD ? NONE : *slot;
  if (!lits_hold(P, q, g, NONE, true)) {
    if (slot)
      *slot = DEAD;
    return NONE;
  }
  return pnode(P, g, q);
}

/* The edges of node k along the graph step to t (via), stored when
 * store, else only their ends made nodes. */
static void add_pedges(Prod *P, uint32_t k, uint32_t t, uint32_t via,
                       bool store) {
  uint32_t g = P->g.data[k], q = P->q.data[k];
  if (P->act[q] && !lits_hold(P, q, g, via, false))
    return;
  const TAutoState *s = &P->a->q[q];
  for (int j = 0; j < s->nsucc; j++) {
    uint32_t d = live_node(P, t, (uint32_t)s->succ[j]);
    if (d == NONE || !store)
      continue;
    VEC_PUSH(P->dst, d);
    VEC_PUSH(P->via, via);
  }
}

static uint8_t *cycle_states(const TAuto *a);

/* The product, with the edges out of every node (light: only out of the
 * nodes whose automaton state lies on an accepting cycle). */
static void build(Prod *P, bool light) {
  Live *l = P->l;
  /* a product built before (for another automaton) lends its memory */
  P->g.len = P->q.len = P->off.len = P->dst.len = P->via.len = 0;
  free(P->tab);
  P->tab = NULL;
  P->cap = 0;
  size_t ncells = (l->off.len - 1) * (size_t)P->a->nq;
  if (ncells <= ((size_t)1 << 24)) { /* 64 MiB at most */
    P->dense = xrealloc(P->dense, (ncells + 1) * sizeof *P->dense);
    memset(P->dense, 0xff, (ncells + 1) * sizeof *P->dense);
  } else {
    free(P->dense);
    P->dense = NULL;
  }
  /* whether a state's action literals need a look on each edge */
  P->act = xrealloc(P->act, (size_t)P->a->nq + 1);
  for (int q = 0; q < P->a->nq; q++) {
    const TAutoState *s = &P->a->q[q];
    P->act[q] = 0;
    for (int i = 0; i < s->nlits; i++) {
      const TNode *n = &l->t->nodes.data[s->lits[i]];
      P->act[q] |= l->t->atoms.data[n->atom].kind != TA_STATE;
    }
  }
  for (uint32_t s = 0; s < l->ninit; s++)
    for (int q = 0; q < P->a->nq; q++)
      if (P->a->q[q].initial)
        live_node(P, s, (uint32_t)q);
  P->ninit = (uint32_t)P->g.len;
  P->light = light;
  VEC_PUSH(P->off, 0);
  for (uint32_t k = 0; k < P->g.len; k++) {
    uint32_t g = P->g.data[k];
    bool store = !light || P->cyc[P->q.data[k]];
    add_pedges(P, k, g, NONE, store);
    for (uint64_t e = l->off.data[g]; e < l->off.data[g + 1]; e++)
      add_pedges(P, k, l->succ.data[e], (uint32_t)e, store);
    VEC_PUSH(P->off, P->dst.len);
  }
  size_t n = P->g.len + 1;
  P->mark = xrealloc(P->mark, n * sizeof *P->mark);
  memset(P->mark, 0, n * sizeof *P->mark);
  P->tags = 0;
  P->index = xrealloc(P->index, n * sizeof *P->index);
  memset(P->index, 0, n * sizeof *P->index);
  P->low = xrealloc(P->low, n * sizeof *P->low);
  P->on = xrealloc(P->on, n);
  memset(P->on, 0, n);
  P->counter = 0;
}

void prod_build(Prod *P) {
  free(P->cyc);
  P->cyc = cycle_states(P->a);
  bool some_off = false; /* a state off the accepting cycles */
  for (int q = 0; q < P->a->nq && !some_off; q++)
    some_off = !P->cyc[q];
  build(P, some_off);
}

/* ---- components ---- */

typedef struct Sccs {
  VEC(uint32_t) nodes;
  VEC(uint64_t) start; /* component c: nodes[start[c] .. start[c+1]] */
} Sccs;

/* Tarjan's algorithm, iteratively, on the nodes marked tag reachable from
 * roots (NULL: every node, in order); appends the non-trivial components
 * to out. */
static void tarjan(Prod *P, const uint32_t *roots, size_t nroots, uint32_t tag,
                   Sccs *out) {
  uint32_t *index = P->index, *low = P->low;
  uint8_t *on = P->on;
  if (P->counter > UINT32_MAX - P->g.len - 1) {
    memset(index, 0, (P->g.len + 1) * sizeof *index);
    P->counter = 0;
  }
  const uint32_t base = P->counter; /* index[w] <= base: unvisited */
  uint32_t counter = base;
  P->stack.len = P->calls.len = 0;
  if (!out->start.len)
    VEC_PUSH(out->start, 0);
  for (size_t r = 0; r < nroots; r++) {
    uint32_t root = roots ? roots[r] : (uint32_t)r;
    if (P->mark[root] != tag || index[root] > base)
      continue;
    Frame f0 = {root, P->off.data[root]};
    index[root] = low[root] = ++counter;
    VEC_PUSH(P->stack, root);
    on[root] = 1;
    VEC_PUSH(P->calls, f0);
    while (P->calls.len) {
      Frame *f = &P->calls.data[P->calls.len - 1];
      uint32_t v = f->node;
      if (f->edge < P->off.data[v + 1]) {
        uint64_t e = f->edge++;
        uint32_t w = P->dst.data[e];
        if (P->mark[w] != tag || !allowed(P, e))
          continue;
        if (index[w] <= base) {
          index[w] = low[w] = ++counter;
          VEC_PUSH(P->stack, w);
          on[w] = 1;
          Frame fw = {w, P->off.data[w]};
          VEC_PUSH(P->calls, fw);
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      P->calls.len--;
      if (P->calls.len) {
        uint32_t u = P->calls.data[P->calls.len - 1].node;
        if (low[v] < low[u])
          low[u] = low[v];
      }
      if (low[v] != index[v])
        continue;
      uint32_t *stack = P->stack.data;
      size_t first = P->stack.len;
      do
        first--;
      while (stack[first] != v);
      bool nontrivial = P->stack.len - first > 1;
      for (uint64_t e = P->off.data[v]; !nontrivial && e < P->off.data[v + 1];
           e++)
        nontrivial = P->dst.data[e] == v && allowed(P, e);
      for (size_t k = first; k < P->stack.len; k++) {
        on[stack[k]] = 0;
        if (nontrivial)
          VEC_PUSH(out->nodes, stack[k]);
      }
      if (nontrivial)
        VEC_PUSH(out->start, out->nodes.len);
      P->stack.len = first;
    }
  }
  P->counter = counter;
}

/* Some step inside the component (marked tag) is an action-atom step. */
static bool some_step(Prod *P, const uint32_t *nodes, size_t n, uint32_t tag,
                      int atom) {
  for (size_t i = 0; i < n; i++) {
    uint32_t k = nodes[i], g = P->g.data[k];
    for (uint64_t e = P->off.data[k]; e < P->off.data[k + 1]; e++) {
      /* a step already known not to be one needs no look at its end */
      uint32_t via = P->via.data[e];
      int known = live_action_known(P->l, g, via, atom);
      if (known != 0 && P->mark[P->dst.data[e]] == tag && allowed(P, e) &&
          (known == 1 || live_action_bit(P->l, g, via, atom)))
        return true;
    }
  }
  return false;
}

/* Some state of the component has state atom `atom` equal to v. */
static bool some_state(Prod *P, const uint32_t *nodes, size_t n, int atom,
                       bool v) {
  for (size_t i = 0; i < n; i++)
    if (live_state_bit(P->l, P->g.data[nodes[i]], atom) == v)
      return true;
  return false;
}

/* Is state atom `atom` already known to hold on every state of the
 * component? */
static bool known_everywhere(Prod *P, const uint32_t *nodes, size_t n,
                             int atom) {
  for (size_t i = 0; i < n; i++)
    if (live_state_known(P->l, P->g.data[nodes[i]], atom) != 1)
      return false;
  return true;
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
  /* A WF already known to be enabled on every state rejects the
   * component unless a step of its action lies inside, so those come
   * first: evaluating ENABLED is what most components cost. */
  for (size_t j = 0; ok && j < t->fair.len; j++) {
    int i = l->fair_order[j];
    const TFair *f = &t->fair.data[i];
    if (!f->strong && known_everywhere(P, nodes, n, f->enabled) &&
        !some_step(P, nodes, n, tag, f->step)) {
      ok = false;
      memmove(l->fair_order + 1, l->fair_order, j * sizeof *l->fair_order);
      l->fair_order[0] = i;
    }
  }
  for (size_t j = 0; ok && j < t->fair.len; j++) {
    int i = l->fair_order[j];
    const TFair *f = &t->fair.data[i];
    if (some_step(P, nodes, n, tag, f->step))
      continue;
    if (!f->strong)
      ok = some_state(P, nodes, n, f->enabled, false);
    else if (some_state(P, nodes, n, f->enabled, true)) {
      cut = true;
      VEC_PUSH(strong, i);
    }
    if (!ok) {
      /* components found one after the other tend to fail the same one */
      memmove(l->fair_order + 1, l->fair_order, j * sizeof *l->fair_order);
      l->fair_order[0] = i;
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
      keep = !live_state_bit(l, P->g.data[k], t->fair.data[strong.data[j]].enabled);
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
  return !live_state_bit((Live *)l, P->g.data[k], l->t->fair.data[r.idx].enabled);
}

static bool edge_sat(const Prod *P, Req r, uint32_t k, uint64_t e) {
  Live *l = P->l;
  if (r.kind == REQ_ACC)
    return false;
  if (!allowed(P, e))
    return false;
  if (r.kind == REQ_EA)
    return pos_holds(P, P->ea[r.idx], P->g.data[k], P->via.data[e]);
  return live_action_bit(l, P->g.data[k], P->via.data[e],
                         l->t->fair.data[r.idx].step);
}


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
void prod_lasso(Prod *P, uint32_t tag, U32Vec *out, size_t *loop) {
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

void prod_free(Prod *P) {
  VEC_FREE(P->g);
  VEC_FREE(P->q);
  VEC_FREE(P->off);
  VEC_FREE(P->dst);
  VEC_FREE(P->via);
  free(P->tab);
  free(P->dense);
  free(P->mark);
  free(P->act);
  free(P->index);
  free(P->low);
  free(P->on);
  VEC_FREE(P->stack);
  VEC_FREE(P->calls);
  free(P->cyc);
}

/* The automaton states that lie in a cycle of the automaton meeting every
 * acceptance set (a product component projects onto a cycle of the
 * automaton, so a fair accepting one has only such states). */
static uint8_t *cycle_states(const TAuto *a) {
  int n = a->nq;
  /* Tarjan's algorithm on the automaton (at most a few thousand states) */
  int *index = xcalloc((size_t)n + 1, sizeof *index);
  int *low = xmalloc(((size_t)n + 1) * sizeof *low);
  int *comp = xmalloc(((size_t)n + 1) * sizeof *comp);
  uint8_t *on = xcalloc((size_t)n + 1, 1);
  VEC(int) stack = {0};
  VEC(int) calls = {0}; /* pairs: state, next successor */
  int counter = 0, ncomp = 0;
  for (int r = 0; r < n; r++) {
    if (index[r])
      continue;
    index[r] = low[r] = ++counter;
    VEC_PUSH(stack, r);
    on[r] = 1;
    VEC_PUSH(calls, r);
    VEC_PUSH(calls, 0);
    while (calls.len) {
      int v = calls.data[calls.len - 2], *j = &calls.data[calls.len - 1];
      if (*j < a->q[v].nsucc) {
        int w = a->q[v].succ[(*j)++];
        if (!index[w]) {
          index[w] = low[w] = ++counter;
          VEC_PUSH(stack, w);
          on[w] = 1;
          VEC_PUSH(calls, w);
          VEC_PUSH(calls, 0);
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      calls.len -= 2;
      if (calls.len && low[v] < low[calls.data[calls.len - 2]])
        low[calls.data[calls.len - 2]] = low[v];
      if (low[v] != index[v])
        continue;
      int w;
      do {
        w = VEC_POP(stack);
        on[w] = 0;
        comp[w] = ncomp;
      } while (w != v);
      ncomp++;
    }
  }
  /* a component qualifies when it has an edge inside and meets every
   * acceptance set */
  uint8_t *inner = xcalloc((size_t)ncomp + 1, 1);
  uint8_t *met = xcalloc((size_t)ncomp * ((size_t)a->nacc + 1) + 1, 1);
  for (int q = 0; q < n; q++) {
    for (int j = 0; j < a->q[q].nsucc; j++)
      inner[comp[q]] |= comp[a->q[q].succ[j]] == comp[q];
    for (int c = 0; c < a->nacc; c++)
      met[(size_t)comp[q] * a->nacc + c] |= a->acc[(size_t)c * n + q];
  }
  uint8_t *ok = xcalloc((size_t)n + 1, 1);
  for (int q = 0; q < n; q++) {
    ok[q] = inner[comp[q]];
    for (int c = 0; c < a->nacc; c++)
      ok[q] &= met[(size_t)comp[q] * a->nacc + c];
  }
  free(index);
  free(low);
  free(comp);
  free(on);
  free(inner);
  free(met);
  VEC_FREE(stack);
  VEC_FREE(calls);
  return ok;
}

/* Tarjan on the nodes whose automaton state is in keep (NULL: every
 * node), then fair_scc on the components found, in their order, until
 * one is fair and accepting: *found is its tag (0: none).  Returns the
 * number of components examined. */
static size_t search_components(Prod *P, const uint8_t *keep,
                                uint32_t *found) {
  uint32_t all = ++P->tags;
  for (uint32_t k = 0; k < P->g.len; k++)
    P->mark[k] = !keep || keep[P->q.data[k]] ? all : 0;
  Sccs s = {0};
  tarjan(P, NULL, P->g.len, all, &s);
  *found = 0;
  size_t c = 0;
  for (; !*found && c + 1 < s.start.len; c++) {
    uint32_t ctag = ++P->tags;
    uint32_t *cn = s.nodes.data + s.start.data[c];
    size_t cnum = s.start.data[c + 1] - s.start.data[c];
    for (size_t i = 0; i < cnum; i++)
      P->mark[cn[i]] = ctag;
    if (!fair_scc(P, cn, cnum, ctag, found))
      *found = 0;
  }
  VEC_FREE(s.nodes);
  VEC_FREE(s.start);
  return c;
}

static uint8_t *allowed_edges(Prod *P, const IntVec *ae);

/* Searches one disjunct of ~p: *found is set to a fair accepting
 * component's tag.  Returns false when the automaton is too big. */
bool prod_search(Prod *P, const IntVec *conj, uint32_t *found) {
  Live *l = P->l;
  Temporal *t = l->t;
  IntVec ae = {0}, ea = {0};
  for (size_t i = 0; i < conj->len; i++) {
    int f = conj->data[i], x;
    if ((x = live_nested(t, f, TF_EVENTUALLY)) >= 0)
      VEC_PUSH(ae, x);
    else if ((x = live_nested(t, f, TF_ALWAYS)) >= 0)
      VEC_PUSH(ea, x);
  }
  P->allowed = allowed_edges(P, &ae);
  P->ea = ea.data;
  P->nea = (int)ea.len;
  /* Only nodes whose automaton state can lie on an accepting cycle can be
   * in a fair accepting component, so the others are left out (and a
   * light product has no edges out of them); when that finds one, the
   * whole product is searched again, so that the component (and the
   * lasso) is the first in the order of all of its components. */
  bool pruned = false;
  for (uint32_t k = 0; k < P->g.len && !pruned; k++)
    pruned = !P->cyc[P->q.data[k]];
  size_t ncomp = search_components(P, P->cyc, found);
  if (*found && pruned) {
    if (P->light) {
      build(P, false); /* the same nodes, in the same order */
      free((void *)P->allowed);
      P->allowed = allowed_edges(P, &ae);
    }
    ncomp = search_components(P, NULL, found);
  }
  if (live_stats)
    fprintf(stderr, "liveness disjunct: %zu <>[], %zu []<>, automaton %d "
                    "states %d acceptance sets, product %zu nodes %zu edges, "
                    "%zu components\n",
            ae.len, ea.len, P->a->nq, P->a->nacc, P->g.len, P->dst.len,
            ncomp);
  VEC_FREE(ae);
  if (!*found) {
    VEC_FREE(ea);
    free((void *)P->allowed);
    P->allowed = NULL;
    P->ea = NULL;
  }
  return true;
}

/* The edges the <>[] conditions ae allow on a loop (NULL: all). */
static uint8_t *allowed_edges(Prod *P, const IntVec *aev) {
  const IntVec ae = *aev;
  uint8_t *ok = NULL;
  if (ae.len) {
    /* the edges out of a node where a <>[] condition is false whatever
     * the step are all left out, without a look at them */
    ok = xmalloc(P->dst.len + 1);
    IntVec step = {0}; /* the conditions that depend on the step */
    for (uint32_t k = 0; k < P->g.len; k++) {
      uint64_t e0 = P->off.data[k], e1 = P->off.data[k + 1];
      if (e0 == e1)
        continue;
      uint32_t g = P->g.data[k];
      bool none = false;
      step.len = 0;
      for (size_t i = 0; i < ae.len && !none; i++) {
        int r = state_holds(P, ae.data[i], g);
        none = r == 0;
        if (r < 0)
          VEC_PUSH(step, ae.data[i]);
      }
      for (uint64_t e = e0; e < e1; e++) {
        bool all = !none;
        for (size_t i = 0; i < step.len && all; i++)
          all = pos_holds(P, step.data[i], g, P->via.data[e]);
        ok[e] = all;
      }
    }
    VEC_FREE(step);
  }
  return ok;
}
