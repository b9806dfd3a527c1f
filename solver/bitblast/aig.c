/* aig.c -- the and-inverter graph: nodes, hashing, simplification.
 *
 * Nodes live in one array indexed by node number; an AND node stores its
 * two fanin literals, an input stores AIG_INPUT in c0 and its index in c1.
 * The unique table is open addressing with linear probing over node
 * numbers, keyed on the fanin pair, at most half full.  aig_and first
 * applies the constant and one-level rules, then the two-level rules
 * (contradiction, idempotence, subsumption, substitution and resolution of
 * Brummayer and Biere), which may rewrite the pair and try again; every
 * rewrite makes one fanin a strict sub-literal of its old value, so the
 * loop ends. */
#include "aig.h"

#include <assert.h>
#include <string.h>

#include "stop.h"

#define AIG_INPUT UINT32_MAX

typedef struct AigNode {
  AigLit c0, c1; /* AND: fanins, c0 < c1; input: AIG_INPUT, index */
} AigNode;

struct Aig {
  VEC(AigNode) nodes;
  uint32_t *table; /* node numbers, 0 = empty; power-of-2 size */
  size_t tcap;
  uint32_t ninputs;
};

Aig *aig_new(void) {
  Aig *g = xcalloc(1, sizeof *g);
  VEC_PUSH(g->nodes, ((AigNode){AIG_INPUT, AIG_INPUT})); /* constant */
  g->tcap = 1024;
  g->table = xcalloc(g->tcap, sizeof *g->table);
  return g;
}

void aig_delete(Aig *g) {
  if (!g)
    return;
  VEC_FREE(g->nodes);
  free(g->table);
  free(g);
}

uint32_t aig_num_nodes(const Aig *g) { return (uint32_t)g->nodes.len; }
uint32_t aig_num_inputs(const Aig *g) { return g->ninputs; }

bool aig_is_and(const Aig *g, uint32_t n) {
  assert(n < g->nodes.len);
  return n != 0 && g->nodes.data[n].c0 != AIG_INPUT;
}

bool aig_is_input(const Aig *g, uint32_t n) {
  assert(n < g->nodes.len);
  return n != 0 && g->nodes.data[n].c0 == AIG_INPUT;
}

AigLit aig_child(const Aig *g, uint32_t n, int i) {
  assert(aig_is_and(g, n));
  return i ? g->nodes.data[n].c1 : g->nodes.data[n].c0;
}

uint32_t aig_input_index(const Aig *g, uint32_t n) {
  assert(aig_is_input(g, n));
  return g->nodes.data[n].c1;
}

AigLit aig_input(Aig *g) {
  assert(g->nodes.len < UINT32_MAX / 2);
  uint32_t n = (uint32_t)g->nodes.len;
  VEC_PUSH(g->nodes, ((AigNode){AIG_INPUT, g->ninputs++}));
  return 2 * n;
}

static uint32_t aig_hash(AigLit a, AigLit b) {
  return (uint32_t)hash_mix(a, b);
}

static void aig_grow(Aig *g) {
  size_t ncap = 2 * g->tcap;
  uint32_t *t = xcalloc(ncap, sizeof *t);
  for (uint32_t n = 1; n < g->nodes.len; n++) {
    if (g->nodes.data[n].c0 == AIG_INPUT)
      continue;
    size_t j = aig_hash(g->nodes.data[n].c0, g->nodes.data[n].c1) & (ncap - 1);
    while (t[j])
      j = (j + 1) & (ncap - 1);
    t[j] = n;
  }
  free(g->table);
  g->table = t;
  g->tcap = ncap;
}

/* The node a & b (a < b, no rule applies), found or created. */
static AigLit aig_lookup(Aig *g, AigLit a, AigLit b) {
  stop_poll(); /* a long bit-blasting stops here (stop.h) */
  if (2 * (g->nodes.len + 1) > g->tcap)
    aig_grow(g);
  size_t j = aig_hash(a, b) & (g->tcap - 1);
  for (uint32_t n; (n = g->table[j]); j = (j + 1) & (g->tcap - 1))
    if (g->nodes.data[n].c0 == a && g->nodes.data[n].c1 == b)
      return 2 * n;
  assert(g->nodes.len < UINT32_MAX / 2);
  uint32_t n = (uint32_t)g->nodes.len;
  VEC_PUSH(g->nodes, ((AigNode){a, b}));
  g->table[j] = n;
  return 2 * n;
}

/* The fanins of literal a when it is an AND node (either sign). */
static bool aig_fanins(const Aig *g, AigLit a, AigLit *x0, AigLit *x1) {
  uint32_t n = aig_node(a);
  if (!aig_is_and(g, n))
    return false;
  *x0 = g->nodes.data[n].c0;
  *x1 = g->nodes.data[n].c1;
  return true;
}

/* The two-level rules for a & b where a is an AND node (a0, a1) and b any
 * literal (itself an AND node (b0, b1) when bb).  Returns true with the
 * result in *r, or false after possibly rewriting *pb (then the caller
 * starts over). */
static bool aig_rules(const Aig *g, AigLit a, AigLit *pb, AigLit *r,
                      bool *again) {
  AigLit b = *pb, a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  aig_fanins(g, a, &a0, &a1);
  bool bb = aig_fanins(g, b, &b0, &b1);
  if (!aig_sign(a)) {
    /* (a0 & a1) & b */
    if (b == aig_not(a0) || b == aig_not(a1)) { /* contradiction */
      *r = AIG_FALSE;
      return true;
    }
    if (b == a0 || b == a1) { /* idempotence */
      *r = a;
      return true;
    }
    if (bb && !aig_sign(b)) {
      /* (a0 & a1) & (b0 & b1) */
      if (a0 == aig_not(b0) || a0 == aig_not(b1) || a1 == aig_not(b0) ||
          a1 == aig_not(b1)) {
        *r = AIG_FALSE;
        return true;
      }
      if (b0 == a0 || b0 == a1) { /* idempotence: drop b0 */
        *pb = b1;
        *again = true;
        return false;
      }
      if (b1 == a0 || b1 == a1) {
        *pb = b0;
        *again = true;
        return false;
      }
    }
    if (bb && aig_sign(b)) {
      /* (a0 & a1) & !(b0 & b1) */
      if (b0 == aig_not(a0) || b0 == aig_not(a1) || b1 == aig_not(a0) ||
          b1 == aig_not(a1)) { /* subsumption */
        *r = a;
        return true;
      }
      if (b0 == a0 || b0 == a1) { /* substitution */
        *pb = aig_not(b1);
        *again = true;
        return false;
      }
      if (b1 == a0 || b1 == a1) {
        *pb = aig_not(b0);
        *again = true;
        return false;
      }
    }
  } else {
    /* !(a0 & a1) & b */
    if (b == aig_not(a0) || b == aig_not(a1)) { /* subsumption */
      *r = b;
      return true;
    }
    if (bb && aig_sign(b)) {
      /* !(a0 & a1) & !(b0 & b1): resolution */
      if ((a0 == b0 && a1 == aig_not(b1)) || (a0 == b1 && a1 == aig_not(b0))) {
        *r = aig_not(a0);
        return true;
      }
      if ((a1 == b0 && a0 == aig_not(b1)) || (a1 == b1 && a0 == aig_not(b0))) {
        *r = aig_not(a1);
        return true;
      }
    }
  }
  return false;
}

AigLit aig_and(Aig *g, AigLit a, AigLit b) {
  for (;;) {
    if (a > b) {
      AigLit t = a;
      a = b;
      b = t;
    }
    if (a == AIG_FALSE)
      return AIG_FALSE;
    if (a == AIG_TRUE || a == b)
      return b;
    if (a == aig_not(b))
      return AIG_FALSE;
    AigLit r;
    bool again = false;
    /* !(a0 & a1) & a0 = a0 & !a1 (substitution), from either side. */
    for (int side = 0; side < 2 && !again; side++) {
      AigLit x = side ? b : a, y = side ? a : b, x0 = 0, x1 = 0;
      if (aig_sign(x) && aig_fanins(g, x, &x0, &x1) && (y == x0 || y == x1)) {
        AigLit other = y == x0 ? x1 : x0;
        a = y;
        b = aig_not(other);
        again = true;
      }
    }
    if (again)
      continue;
    if (aig_is_and(g, aig_node(a))) {
      if (aig_rules(g, a, &b, &r, &again))
        return r;
      if (again)
        continue;
    }
    if (aig_is_and(g, aig_node(b))) {
      if (aig_rules(g, b, &a, &r, &again))
        return r;
      if (again)
        continue;
    }
    return aig_lookup(g, a, b);
  }
}

AigLit aig_or(Aig *g, AigLit a, AigLit b) {
  return aig_not(aig_and(g, aig_not(a), aig_not(b)));
}

AigLit aig_xor(Aig *g, AigLit a, AigLit b) {
  if (aig_is_const(a))
    return aig_not_if(b, a == AIG_TRUE);
  if (aig_is_const(b))
    return aig_not_if(a, b == AIG_TRUE);
  if (a == b)
    return AIG_FALSE;
  if (a == aig_not(b))
    return AIG_TRUE;
  /* Canonical form: both fanins unsigned, the sign on the result. */
  bool neg = aig_sign(a) ^ aig_sign(b);
  a &= ~1u;
  b &= ~1u;
  AigLit r = aig_and(g, aig_not(aig_and(g, a, b)),
                     aig_not(aig_and(g, aig_not(a), aig_not(b))));
  return aig_not_if(r, neg);
}

AigLit aig_iff(Aig *g, AigLit a, AigLit b) { return aig_not(aig_xor(g, a, b)); }

AigLit aig_ite(Aig *g, AigLit c, AigLit t, AigLit e) {
  if (c == AIG_TRUE || t == e)
    return t;
  if (c == AIG_FALSE)
    return e;
  if (t == aig_not(e))
    return aig_xor(g, c, e);
  return aig_or(g, aig_and(g, c, t), aig_and(g, aig_not(c), e));
}

AigLit aig_xor3(Aig *g, AigLit a, AigLit b, AigLit c) {
  return aig_xor(g, aig_xor(g, a, b), c);
}

AigLit aig_maj(Aig *g, AigLit a, AigLit b, AigLit c) {
  return aig_or(g, aig_and(g, a, b), aig_and(g, c, aig_or(g, a, b)));
}

/* Node values in id order: fanins always have smaller ids. */
static void aig_sim_upto(const Aig *g, const bool *in, bool *v, uint32_t top) {
  v[0] = false;
  for (uint32_t n = 1; n <= top; n++) {
    const AigNode *x = &g->nodes.data[n];
    if (x->c0 == AIG_INPUT)
      v[n] = in[x->c1];
    else
      v[n] = aig_lit_value(v, x->c0) && aig_lit_value(v, x->c1);
  }
}

void aig_sim(const Aig *g, const bool *in, bool *val) {
  aig_sim_upto(g, in, val, (uint32_t)g->nodes.len - 1);
}

bool aig_eval(const Aig *g, AigLit a, const bool *in) {
  uint32_t top = aig_node(a);
  bool *v = xmalloc(((size_t)top + 1) * sizeof *v);
  aig_sim_upto(g, in, v, top);
  bool r = aig_lit_value(v, a);
  free(v);
  return r;
}
