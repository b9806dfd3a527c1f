/* liveint.h -- what the two halves of the liveness checker share.
 *
 * liveness.c records the state graph during the search (Live) and drives
 * the check; livescc.c builds the product of the graph with an automaton
 * (Prod), finds its components and the lasso.  Representation:
 *   - graph state i's successors are succ[off[i] .. off[i+1]] (state ids);
 *     every state also has a stuttering step, which is not stored;
 *   - action atoms: wa words of bits per stored edge (abits) and per state
 *     for its stuttering step (stut), valid where the matching bit of
 *     aknown / stknown is set (live_action_bit evaluates the rest); with
 *     a VIEW or SYMMETRY (keyed) all of them are computed during the
 *     search, as the stored successor only stands for the generated one;
 *   - state atoms: ws words of bits per state (sbits), valid where the
 *     matching bit of sknown is set (live_state_bit evaluates the rest);
 *   - product node k pairs graph state g[k] with automaton state q[k]; its
 *     edges are dst/via[off[k] .. off[k+1]], via being the graph edge (or
 *     NONE for the stuttering step). */
#ifndef BRINK_LIVEINT_H
#define BRINK_LIVEINT_H

#include "liveness.h"
#include "temporal.h"

typedef VEC(uint32_t) U32Vec;
typedef VEC(uint64_t) U64Vec;
typedef VEC(int) IntVec;

#define NONE UINT32_MAX

typedef uint64_t Word;

typedef struct Labels Labels; /* livelabel.c */

typedef struct AtomMemo AtomMemo; /* livememo.c */

typedef struct LiveProp {
  const Property *p;
  int neg; /* the normal form of ~p */
} LiveProp;

struct Live {
  const Spec *spec;
  Temporal *t;
  VEC(LiveProp) props;
  bool keyed;
  LiveClassFn same_class; /* keyed: is a state in a stored state's class */
  void *class_arg;
  int ws, wa;             /* words per state bit set / per edge bit set */
  VEC(uint32_t) succ;     /* successors, state by state */
  VEC(uint64_t) off;      /* state i's successors: succ[off[i] .. off[i+1]] */
  VEC(Word) sbits;        /* state atoms: ws words per state ... */
  VEC(Word) sknown;       /* ... evaluated when first asked for */
  VEC(Word) abits;        /* action atoms: wa words per edge ... */
  VEC(Word) stut;         /* ... and per state for its stuttering step */
  VEC(Word) aknown;       /* not keyed: which of them are evaluated ... */
  Word *stknown;          /* ... (stuttering steps: after the search) */
  Labels *lab;            /* not keyed: the labelled atoms (NULL: none) */
  AtomMemo **memo;        /* by atom: a state atom's values by the
                           * variables it reads (livememo.c; NULL: none) */
  VEC(uint32_t) seen_from; /* dedup of edges: last source + 1, per state */
  uint32_t ninit;
  const uint32_t *sids;
  int nvars;
  Value **buf[2];   /* states' values, loaded from sids ... */
  uint32_t held[2]; /* ... these states' (NONE: none) */
  uint8_t *next_step; /* by atom: <<Next>>_v, true on a generated step
                       * where v changes */
  uint8_t *all_vars;  /* by atom: <<A>>_v with v every variable, which
                       * changes on every generated step */
  int *fair_order;    /* the fairness conditions in the order components
                       * are tested against them: the last one to reject
                       * a component first (livescc.c) */
};

extern bool live_stats; /* --stats: timings and sizes on stderr */

static inline bool wbit(const Word *w, int i) {
  return (w[i / 64] >> (i % 64)) & 1;
}
static inline void wset(Word *w, int i) { w[i / 64] |= (Word)1 << (i % 64); }

/* The memos of l's state atoms that read only some variables. */
void memo_setup(Live *l);
void memo_free(Live *l);
/* State atom `atom` on graph state g as remembered (0 or 1), or -1. */
int memo_get(Live *l, int atom, uint32_t g);
void memo_put(Live *l, int atom, uint32_t g, bool v);

/* The labelled atoms of l, also set in l->lab (NULL: none). */
Labels *label_new(Live *l);
void label_free(Labels *b);
const EvalWatch *label_watch(Labels *b);
/* Is the search inside a call some labelled atom is made of? */
bool label_active(const Labels *b);
/* A successor generated now from the state being expanded: its stored
 * edge (numbered from the state's first; UINT64_MAX: not stored, or the
 * stuttering step), and whether it differs from the state. */
void label_step(Labels *b, uint64_t edge, bool changed);
/* State g (values s) has been expanded: its edges' and its ENABLED
 * atoms' labels. */
void label_expanded(Live *l, uint32_t g, Value *const *s);

static inline int live_slot(const Live *l, int atom) {
  return l->t->atoms.data[atom].slot;
}

/* Action atom `atom` on graph edge via out of state g (NONE: the
 * stuttering step) if already known (0 or 1), else -1. */
static inline int live_action_known(const Live *l, uint32_t g, uint32_t via,
                                    int atom) {
  int slot = live_slot(l, atom);
  if (l->keyed)
    return wbit(via != NONE ? l->abits.data + (size_t)via * l->wa
                            : l->stut.data + (size_t)g * l->wa,
                slot);
  size_t w = (size_t)(via != NONE ? via : g) * l->wa;
  const Word *known = via != NONE ? l->aknown.data : l->stknown;
  const Word *val = via != NONE ? l->abits.data : l->stut.data;
  return wbit(known + w, slot) ? wbit(val + w, slot) : -1;
}

/* Action atom `atom` on graph edge via out of state g (NONE: the
 * stuttering step), evaluated when first asked for; live_action_bit
 * first looks whether it is known. */
bool live_action_eval(Live *l, uint32_t g, uint32_t via, int atom);
static inline bool live_action_bit(Live *l, uint32_t g, uint32_t via,
                                   int atom) {
  int v = live_action_known(l, g, via, atom);
  return v >= 0 ? v : live_action_eval(l, g, via, atom);
}

/* State atom `atom` on graph state g if already evaluated (0 or 1), else
 * -1. */
static inline int live_state_known(const Live *l, uint32_t g, int atom) {
  int slot = live_slot(l, atom);
  size_t w = (size_t)g * l->ws;
  if (!wbit(l->sknown.data + w, slot))
    return -1;
  return wbit(l->sbits.data + w, slot);
}

/* State atom `atom` on graph state g (evaluated when first asked for). */
bool live_state_eval(Live *l, uint32_t g, int atom);
static inline bool live_state_bit(Live *l, uint32_t g, int atom) {
  int v = live_state_known(l, g, atom);
  return v >= 0 ? v : live_state_eval(l, g, atom);
}


/* A frame of the iterative Tarjan (livescc.c): a node and the next of its
 * edges to follow. */
typedef struct Frame {
  uint32_t node;
  uint64_t edge;
} Frame;

typedef struct Prod {
  Live *l;
  TAuto *a;
  VEC(uint32_t) g;     /* product node -> graph state */
  VEC(uint32_t) q;     /* product node -> automaton state */
  VEC(uint64_t) off;   /* node k's edges: dst/via[off[k] .. off[k+1]] */
  VEC(uint32_t) dst;
  VEC(uint32_t) via;   /* the graph edge, or NONE for the stuttering step */
  uint8_t *act;        /* automaton state -> has it action literals */
  uint8_t *cyc;        /* automaton state -> on an accepting cycle */
  bool light;          /* only the nodes with such a state have edges */
  uint32_t ninit;
  uint32_t *tab;       /* (g, q) -> node, open addressing ... */
  size_t cap;
  uint32_t *dense;     /* ... or g * nq + q -> node (NONE: none) when small */
  uint32_t *mark;      /* which subgraph a node belongs to (a tag) */
  uint32_t tags;
  /* Tarjan's scratch, kept from one call to the next: a node is visited
   * in a call when its index exceeds the counter the call started at */
  uint32_t *index, *low;
  uint8_t *on;         /* on the stack (all 0 between calls) */
  uint32_t counter;
  U32Vec stack;
  VEC(Frame) calls;
  /* The disjunct being checked: the edges its <>[] conditions allow on a
   * loop (NULL: all), and its []<> conditions. */
  const uint8_t *allowed;
  const int *ea;
  int nea;
} Prod;

/* f is <>[]x (outer = TF_EVENTUALLY) or []<>x (TF_ALWAYS) with x free of
 * temporal operators: x; else -1. */
int live_nested(const Temporal *t, int f, TKind outer);

/* Builds the product of the graph with P->a from the initial states, in
 * the memory of the product P held before (P zeroed before the first);
 * light when some automaton state is off the accepting cycles (then
 * prod_search stores the other edges when it needs them). */
void prod_build(Prod *P);
void prod_free(Prod *P);
/* Searches the disjunct conj (conjuncts of ~p) for a fair accepting
 * component; *found is its tag (0: none). */
bool prod_search(Prod *P, const IntVec *conj, uint32_t *found);
/* The lasso through the component tagged tag, as graph states; *loop is
 * the index the last state goes back to. */
void prod_lasso(Prod *P, uint32_t tag, U32Vec *out, size_t *loop);

#endif
