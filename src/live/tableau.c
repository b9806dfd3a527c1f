/* tableau.c -- the Büchi automaton of a temporal formula, and its truth
 * on a lasso.
 *
 * The automaton is the tableau of Gerth, Peled, Vardi and Wolper (1995)
 * on temporal.h's normal form, with []a as a release of FALSE and <>a as
 * an until of TRUE.  A node under construction holds the subformulas still
 * to be processed (New), those processed (Old: they hold at this position)
 * and the obligations for the next position (Next); processing splits a
 * node at each \/ and <>, and a node with nothing left to process becomes
 * an automaton state unless a state with the same Old and Next exists
 * (then it only adds an incoming edge).  The literals of Old label the
 * state; each <>a gives the acceptance set of the states that do not owe
 * it or fulfil it now.  TRUE is not remembered in Old, so that a formula
 * with nothing left to do has a single state.  Sets of subformulas are bit
 * sets over node ids (the nodes are hash-consed).
 *
 * temporal_on_lasso computes, subformula by subformula, its truth at every
 * position of a lasso: []a at a position in the loop is a at every loop
 * position; before the loop, a here and []a at the next position. */
#include <stdio.h>
#include <string.h>

#include "temporal.h"


typedef uint64_t Word;

typedef struct GNode {
  VEC(int) incoming; /* automaton states; -1 = initial */
  Word *new_, *old, *next;
} GNode;

typedef struct Tableau {
  Temporal *t;
  int words;
  VEC(GNode) states; /* finished states: old, next, incoming */
  VEC(GNode) stack;
} Tableau;

static bool bit(const Word *s, int i) { return (s[i / 64] >> (i % 64)) & 1; }
static void set_bit(Word *s, int i) { s[i / 64] |= (Word)1 << (i % 64); }

static GNode gnode_copy(const Tableau *tb, const GNode *g) {
  GNode c = {0};
  for (size_t i = 0; i < g->incoming.len; i++)
    VEC_PUSH(c.incoming, g->incoming.data[i]);
  size_t sz = (size_t)tb->words * sizeof(Word);
  c.new_ = xmalloc(sz), c.old = xmalloc(sz), c.next = xmalloc(sz);
  memcpy(c.new_, g->new_, sz);
  memcpy(c.old, g->old, sz);
  memcpy(c.next, g->next, sz);
  return c;
}

static void gnode_free(GNode *g) {
  VEC_FREE(g->incoming);
  free(g->new_), free(g->old), free(g->next);
}

static int first_bit(const Tableau *tb, const Word *s) {
  for (int w = 0; w < tb->words; w++)
    if (s[w])
      return w * 64 + __builtin_ctzll(s[w]);
  return -1;
}

static void add_new(GNode *g, int f) {
  if (!bit(g->old, f))
    set_bit(g->new_, f);
}

/* Expands the stack's top node; false when the automaton grows too big. */
static bool expand(Tableau *tb, int max) {
  Temporal *t = tb->t;
  size_t sz = (size_t)tb->words * sizeof(Word);
  while (tb->stack.len) {
    GNode g = VEC_POP(tb->stack);
    int f = first_bit(tb, g.new_);
    if (f < 0) {
      bool merged = false;
      for (size_t i = 0; i < tb->states.len && !merged; i++) {
        GNode *q = &tb->states.data[i];
        if (!memcmp(q->old, g.old, sz) && !memcmp(q->next, g.next, sz)) {
          for (size_t k = 0; k < g.incoming.len; k++)
            VEC_PUSH(q->incoming, g.incoming.data[k]);
          merged = true;
        }
      }
      if (merged) {
        gnode_free(&g);
        continue;
      }
      if ((int)tb->states.len >= max) {
        gnode_free(&g);
        return false;
      }
      int id = (int)tb->states.len;
      GNode succ = {0};
      VEC_PUSH(succ.incoming, id);
      succ.new_ = xmalloc(sz), succ.old = xcalloc(1, sz),
      succ.next = xcalloc(1, sz);
      memcpy(succ.new_, g.next, sz);
      VEC_PUSH(tb->states, g);
      VEC_PUSH(tb->stack, succ);
      continue;
    }
    g.new_[f / 64] &= ~((Word)1 << (f % 64));
    TNode n = t->nodes.data[f];
    switch (n.kind) {
    case TF_FALSE:
      gnode_free(&g);
      continue;
    case TF_TRUE:
      VEC_PUSH(tb->stack, g); /* TRUE is not remembered: fewer states */
      continue;
    case TF_LIT: {
      int neg = temporal_lit(t, n.atom, !n.neg);
      if (neg < tb->words * 64 && bit(g.old, neg)) {
        gnode_free(&g);
        continue;
      }
      break;
    }
    case TF_AND:
      add_new(&g, n.a);
      add_new(&g, n.b);
      break;
    case TF_OR: {
      GNode h = gnode_copy(tb, &g);
      set_bit(h.old, f);
      add_new(&h, n.b);
      VEC_PUSH(tb->stack, h);
      add_new(&g, n.a);
      break;
    }
    case TF_ALWAYS:
      add_new(&g, n.a);
      set_bit(g.next, f);
      break;
    case TF_EVENTUALLY: {
      GNode h = gnode_copy(tb, &g);
      set_bit(h.old, f);
      set_bit(h.next, f);
      VEC_PUSH(tb->stack, h);
      add_new(&g, n.a);
      break;
    }
    }
    set_bit(g.old, f);
    VEC_PUSH(tb->stack, g);
  }
  return true;
}

TAuto *temporal_automaton(Temporal *t, int f, int max) {
  /* Every literal's negation exists before the bit sets are sized. */
  size_t n0 = t->nodes.len;
  for (size_t i = 0; i < n0; i++)
    if (t->nodes.data[i].kind == TF_LIT)
      temporal_lit(t, t->nodes.data[i].atom, !t->nodes.data[i].neg);
  Tableau tb = {t, (int)(t->nodes.len + 63) / 64, {0}, {0}};
  size_t sz = (size_t)tb.words * sizeof(Word);
  GNode g0 = {0};
  VEC_PUSH(g0.incoming, -1);
  g0.new_ = xcalloc(1, sz), g0.old = xcalloc(1, sz), g0.next = xcalloc(1, sz);
  set_bit(g0.new_, f);
  VEC_PUSH(tb.stack, g0);
  bool ok = expand(&tb, max);
  while (tb.stack.len)
    gnode_free(&tb.stack.data[--tb.stack.len]);
  VEC_FREE(tb.stack);
  if (!ok) {
    for (size_t i = 0; i < tb.states.len; i++)
      gnode_free(&tb.states.data[i]);
    VEC_FREE(tb.states);
    return NULL;
  }
  TAuto *a = xcalloc(1, sizeof *a);
  a->nq = (int)tb.states.len;
  a->q = xcalloc((size_t)a->nq + 1, sizeof *a->q);
  VEC(int) evs = {0};
  for (size_t i = 0; i < t->nodes.len; i++)
    if (t->nodes.data[i].kind == TF_EVENTUALLY)
      for (int q = 0; q < a->nq; q++)
        if (bit(tb.states.data[q].old, (int)i)) {
          VEC_PUSH(evs, (int)i);
          break;
        }
  a->nacc = (int)evs.len;
  a->acc = xcalloc((size_t)a->nacc * (size_t)a->nq + 1, 1);
  for (int q = 0; q < a->nq; q++) {
    GNode *g = &tb.states.data[q];
    TAutoState *s = &a->q[q];
    s->lits = xmalloc((t->nodes.len + 1) * sizeof *s->lits);
    for (size_t i = 0; i < t->nodes.len; i++)
      if (t->nodes.data[i].kind == TF_LIT && bit(g->old, (int)i))
        s->lits[s->nlits++] = (int)i;
    for (size_t k = 0; k < g->incoming.len; k++) {
      int p = g->incoming.data[k];
      if (p < 0) {
        s->initial = true;
        continue;
      }
      TAutoState *ps = &a->q[p];
      bool dup = false;
      for (int j = 0; j < ps->nsucc; j++)
        dup |= ps->succ[j] == q;
      if (dup)
        continue;
      ps->succ = xrealloc(ps->succ, (size_t)(ps->nsucc + 1) * sizeof(int));
      ps->succ[ps->nsucc++] = q;
    }
    for (int k = 0; k < a->nacc; k++) {
      int u = evs.data[k];
      a->acc[(size_t)k * a->nq + q] =
          !bit(g->old, u) || bit(g->old, t->nodes.data[u].a);
    }
  }
  VEC_FREE(evs);
  for (size_t i = 0; i < tb.states.len; i++)
    gnode_free(&tb.states.data[i]);
  VEC_FREE(tb.states);
  return a;
}

TAuto *temporal_automaton_true(void) {
  TAuto *a = xcalloc(1, sizeof *a);
  a->nq = 1;
  a->q = xcalloc(1, sizeof *a->q);
  a->q[0].succ = xmalloc(sizeof(int));
  a->q[0].succ[0] = 0;
  a->q[0].nsucc = 1;
  a->q[0].initial = true;
  a->acc = xcalloc(1, 1);
  return a;
}

void temporal_auto_free(TAuto *a) {
  if (!a)
    return;
  for (int q = 0; q < a->nq; q++) {
    free(a->q[q].lits);
    free(a->q[q].succ);
  }
  free(a->q);
  free(a->acc);
  free(a);
}

/* ---- truth on a lasso ---- */

typedef struct LassoEval {
  Temporal *t;
  int n, loop;
  TAtomAt holds;
  void *arg;
  uint8_t **val; /* by node id: truth per position, or NULL */
} LassoEval;

static uint8_t *lasso_node(LassoEval *L, int f) {
  if (L->val[f])
    return L->val[f];
  TNode nd = L->t->nodes.data[f];
  int n = L->n;
  uint8_t *v = xmalloc((size_t)n);
  uint8_t *a = nd.kind >= TF_AND ? lasso_node(L, nd.a) : NULL;
  uint8_t *b = nd.kind == TF_AND || nd.kind == TF_OR ? lasso_node(L, nd.b)
                                                      : NULL;
  bool all = true, any = false;
  if (nd.kind == TF_ALWAYS || nd.kind == TF_EVENTUALLY)
    for (int i = L->loop; i < n; i++)
      all &= a[i] != 0, any |= a[i] != 0;
  for (int i = n - 1; i >= 0; i--) {
    switch (nd.kind) {
    case TF_TRUE:
    case TF_FALSE:
      v[i] = nd.kind == TF_TRUE;
      break;
    case TF_LIT:
      v[i] = L->holds(L->arg, nd.atom, i) != nd.neg;
      break;
    case TF_AND:
      v[i] = a[i] && b[i];
      break;
    case TF_OR:
      v[i] = a[i] || b[i];
      break;
    case TF_ALWAYS:
      v[i] = i >= L->loop ? all : a[i] && v[i + 1];
      break;
    case TF_EVENTUALLY:
      v[i] = i >= L->loop ? any : a[i] || v[i + 1];
      break;
    }
  }
  L->val[f] = v;
  return v;
}

bool temporal_on_lasso(Temporal *t, int f, int n, int loop, TAtomAt holds,
                       void *arg) {
  LassoEval L = {t, n, loop, holds, arg, NULL};
  L.val = xcalloc(t->nodes.len + 1, sizeof *L.val);
  bool r = lasso_node(&L, f)[0];
  for (size_t i = 0; i < t->nodes.len; i++)
    free(L.val[i]);
  free(L.val);
  return r;
}

void temporal_print_violated(FILE *out, Temporal *t,
                             const Property *const *props, const int *negs,
                             size_t n, size_t found, int len, int loop,
                             TAtomAt holds, void *arg) {
  VEC(Sym) names = {0};
  for (size_t i = 0; i < n; i++) {
    Sym s = prop_name(props[i]);
    bool known = false;
    for (size_t j = 0; j < names.len; j++)
      known |= names.data[j] == s;
    if (!known && (i == found ||
                   temporal_on_lasso(t, negs[i], len, loop, holds, arg)))
      VEC_PUSH(names, s);
  }
  if (names.len == 1) {
    fprintf(out, "Error: Temporal property %s was violated.\n\n",
            sym_str(names.data[0]));
  } else {
    fprintf(out, "Error: Temporal properties ");
    for (size_t i = 0; i < names.len; i++)
      fprintf(out, "%s%s",
              i == 0                 ? ""
              : i + 1 < names.len    ? ", "
              : names.len == 2       ? " and "
                                     : ", and ",
              sym_str(names.data[i]));
    fprintf(out, " were violated.\n\n");
  }
  VEC_FREE(names);
}
