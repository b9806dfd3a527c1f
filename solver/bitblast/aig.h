/* aig.h -- and-inverter graphs with structural hashing.
 *
 * Representation (ABC's): a literal is a uint32_t, 2 * node + sign, where
 * the sign bit complements the node.  Node 0 is the constant FALSE, so
 * literal 0 is FALSE and literal 1 is TRUE.  Every other node is either an
 * input or the AND of two literals.  Invariants of an AND node (c0, c1):
 * c0 < c1, neither is constant, c0 != c1 and c0 != !c1 -- the constructor
 * applies the trivial rules (x & 0 = 0, x & 1 = x, x & x = x, x & !x = 0)
 * and the two-level rules of Brummayer and Biere ("Local Two-Level
 * And-Inverter Graph Minimization without Blowup", 2006) before looking
 * the pair up, so structurally equal ANDs are one node.  Nodes are never
 * deleted; an Aig lives as long as the CNF built from it.
 *
 * Inputs are numbered 0, 1, ... in creation order (aig_input_index). */
#ifndef BRINK_AIG_H
#define BRINK_AIG_H

#include "util.h"

typedef uint32_t AigLit;
#define AIG_FALSE 0u
#define AIG_TRUE 1u

static inline AigLit aig_not(AigLit a) { return a ^ 1u; }
static inline AigLit aig_not_if(AigLit a, bool c) { return a ^ (AigLit)c; }
static inline uint32_t aig_node(AigLit a) { return a >> 1; }
static inline bool aig_sign(AigLit a) { return a & 1u; }
static inline bool aig_is_const(AigLit a) { return a <= 1u; }

typedef struct Aig Aig;

Aig *aig_new(void);
void aig_delete(Aig *g);

/* A fresh input. */
AigLit aig_input(Aig *g);
AigLit aig_and(Aig *g, AigLit a, AigLit b);
AigLit aig_or(Aig *g, AigLit a, AigLit b);
AigLit aig_xor(Aig *g, AigLit a, AigLit b);
AigLit aig_iff(Aig *g, AigLit a, AigLit b);
AigLit aig_ite(Aig *g, AigLit c, AigLit t, AigLit e);
/* a ^ b ^ c and the majority of a, b, c (a full adder's sum and carry). */
AigLit aig_xor3(Aig *g, AigLit a, AigLit b, AigLit c);
AigLit aig_maj(Aig *g, AigLit a, AigLit b, AigLit c);

/* Inspection.  aig_child(g, n, i) is the i-th fanin of AND node n. */
uint32_t aig_num_nodes(const Aig *g); /* constant included */
bool aig_is_and(const Aig *g, uint32_t node);
bool aig_is_input(const Aig *g, uint32_t node);
AigLit aig_child(const Aig *g, uint32_t node, int i);
uint32_t aig_input_index(const Aig *g, uint32_t node);
uint32_t aig_num_inputs(const Aig *g);

/* Simulation, for tests and debugging: the value of literal a when input
 * i has value in[i]; aig_sim fills val[n] for every node n at once (val
 * has aig_num_nodes entries) and aig_lit_value reads a literal from it. */
bool aig_eval(const Aig *g, AigLit a, const bool *in);
void aig_sim(const Aig *g, const bool *in, bool *val);
static inline bool aig_lit_value(const bool *val, AigLit a) {
  return val[aig_node(a)] ^ aig_sign(a);
}

#endif
