/* cnf.c -- Tseitin clauses for the asserted cone of an AIG (cnf.h).
 *
 * cnf_lit walks the cone of a literal with an explicit stack (AIGs of
 * unrolled specs are deep), giving each gate a variable after its inputs
 * and emitting its clauses then: 3 for an AND, 6 for a multiplexer (4 for
 * an XOR, where the two implied clauses are useless).  cnf_assert splits
 * conjunctions into unit facts and flattens a negated conjunction into one
 * clause, so an asserted disjunction costs no gate variable. */
#include "cnf.h"

#include <assert.h>
#include <string.h>

#include "stop.h"
#include "util.h"

#define CNF_MAX_CLAUSE 64

struct Cnf {
  Aig *aig;
  Sat *sat;
  int *var_of; /* by AIG node: SAT variable, 0 = not in the CNF yet */
  size_t var_cap;
  int nvars;
  size_t nclauses;
  bool record;
  VEC(int) clauses; /* every clause, 0-terminated (when recording) */
};

Cnf *cnf_new(Aig *aig, Sat *sat, bool record) {
  Cnf *c = xcalloc(1, sizeof *c);
  c->aig = aig;
  c->sat = sat;
  c->record = record;
  c->nvars = 1;
  int one = 1;
  cnf_clause(c, &one, 1); /* variable 1 is TRUE */
  return c;
}

void cnf_delete(Cnf *c) {
  if (!c)
    return;
  free(c->var_of);
  VEC_FREE(c->clauses);
  free(c);
}

void cnf_clause(Cnf *c, const int *lits, size_t n) {
  for (size_t i = 0; i < n; i++)
    sat_add(c->sat, lits[i]);
  sat_add(c->sat, 0);
  c->nclauses++;
  if (c->record) {
    for (size_t i = 0; i < n; i++)
      VEC_PUSH(c->clauses, lits[i]);
    VEC_PUSH(c->clauses, 0);
  }
}

int cnf_fresh(Cnf *c) { return cnf_lit(c, aig_input(c->aig)); }

static void reserve_nodes(Cnf *c) {
  size_t need = aig_num_nodes(c->aig);
  if (need <= c->var_cap)
    return;
  size_t ncap = c->var_cap ? 2 * c->var_cap : 4096;
  while (ncap < need)
    ncap *= 2;
  c->var_of = xrealloc(c->var_of, ncap * sizeof *c->var_of);
  memset(c->var_of + c->var_cap, 0, (ncap - c->var_cap) * sizeof *c->var_of);
  c->var_cap = ncap;
}

/* The SAT literal of a node already in the CNF. */
static int lit_of(const Cnf *c, AigLit a) {
  uint32_t n = aig_node(a);
  int v = n == 0 ? -1 : c->var_of[n]; /* node 0 is FALSE = -TRUE */
  assert(v != 0);
  return aig_sign(a) ? -v : v;
}

/* The inputs of node n's gate: an ITE r = c ? t : e when n is
 * !(c & t') & !(!c & e') (then t = !t', e = !e'; an XOR is the case
 * t = !e) and neither inner AND is in the CNF yet; else the AND of its
 * two fanins.  Returns the number of inputs (3 or 2) in in[]. */
static int gate(const Cnf *c, uint32_t n, AigLit in[3]) {
  AigLit c0 = aig_child(c->aig, n, 0), c1 = aig_child(c->aig, n, 1);
  in[0] = c0;
  in[1] = c1;
  uint32_t m0 = aig_node(c0), m1 = aig_node(c1);
  if (!aig_sign(c0) || !aig_sign(c1) || !aig_is_and(c->aig, m0) ||
      !aig_is_and(c->aig, m1) || c->var_of[m0] || c->var_of[m1])
    return 2;
  AigLit x[2] = {aig_child(c->aig, m0, 0), aig_child(c->aig, m0, 1)};
  AigLit y[2] = {aig_child(c->aig, m1, 0), aig_child(c->aig, m1, 1)};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      if (x[i] == aig_not(y[j])) {
        in[0] = x[i];
        in[1] = aig_not(x[1 - i]);
        in[2] = aig_not(y[1 - j]);
        return 3;
      }
  return 2;
}

/* The clauses of variable x defined as the gate over in[] (gate()). */
static void define(Cnf *c, int x, const AigLit *in, int k) {
  if (k == 2) {
    int c0 = lit_of(c, in[0]), c1 = lit_of(c, in[1]);
    int cl[3] = {-x, c0};
    cnf_clause(c, cl, 2);
    cl[1] = c1;
    cnf_clause(c, cl, 2);
    cl[0] = x;
    cl[1] = -c0;
    cl[2] = -c1;
    cnf_clause(c, cl, 3);
    return;
  }
  int s = lit_of(c, in[0]), t = lit_of(c, in[1]), e = lit_of(c, in[2]);
  int cls[6][3] = {{-x, -s, t}, {-x, s, e}, {x, -s, -t},
                   {x, s, -e},  {-x, t, e}, {x, -t, -e}};
  /* the last two are implied, and useless for an XOR (t = -e) */
  int ncl = t == -e ? 4 : 6;
  for (int i = 0; i < ncl; i++)
    cnf_clause(c, cls[i], 3);
}

int cnf_lit(Cnf *c, AigLit a) {
  reserve_nodes(c);
  uint32_t root = aig_node(a);
  if (root == 0 || c->var_of[root])
    return lit_of(c, a);
  VEC(uint32_t) stack = {0};
  VEC_PUSH(stack, root);
  while (stack.len) {
    uint32_t n = VEC_LAST(stack);
    if (c->var_of[n]) {
      stack.len--;
      continue;
    }
    if (aig_is_input(c->aig, n)) {
      c->var_of[n] = ++c->nvars;
      stack.len--;
      continue;
    }
    AigLit in[3];
    int k = gate(c, n, in);
    bool ready = true;
    for (int i = 0; i < k; i++) {
      uint32_t m = aig_node(in[i]);
      if (m && !c->var_of[m]) {
        VEC_PUSH(stack, m);
        ready = false;
      }
    }
    if (!ready)
      continue;
    stack.len--;
    stop_poll(); /* a long translation stops here (stop.h) */
    c->var_of[n] = ++c->nvars;
    define(c, c->var_of[n], in, k);
  }
  VEC_FREE(stack);
  return lit_of(c, a);
}

void cnf_assert(Cnf *c, AigLit a) {
  VEC(AigLit) todo = {0};
  VEC(AigLit) disj = {0};
  VEC(int) cl = {0};
  VEC_PUSH(todo, a);
  while (todo.len) {
    AigLit x = VEC_POP(todo);
    if (x == AIG_TRUE)
      continue;
    uint32_t n = aig_node(x);
    if (!aig_sign(x) && aig_is_and(c->aig, n)) {
      VEC_PUSH(todo, aig_child(c->aig, n, 0));
      VEC_PUSH(todo, aig_child(c->aig, n, 1));
      continue;
    }
    /* one clause: the disjuncts of x */
    disj.len = cl.len = 0;
    VEC_PUSH(disj, x);
    bool taut = false;
    while (disj.len && !taut) {
      AigLit d = VEC_POP(disj);
      uint32_t m = aig_node(d);
      if (d == AIG_FALSE)
        continue;
      if (d == AIG_TRUE) {
        taut = true;
        break;
      }
      if (aig_sign(d) && aig_is_and(c->aig, m) &&
          cl.len + disj.len + 2 <= CNF_MAX_CLAUSE) {
        VEC_PUSH(disj, aig_not(aig_child(c->aig, m, 0)));
        VEC_PUSH(disj, aig_not(aig_child(c->aig, m, 1)));
        continue;
      }
      VEC_PUSH(cl, cnf_lit(c, d));
    }
    if (!taut)
      cnf_clause(c, cl.data, cl.len); /* empty: the assertions are UNSAT */
  }
  VEC_FREE(todo);
  VEC_FREE(disj);
  VEC_FREE(cl);
}

bool cnf_model_lit(const Cnf *c, AigLit a) {
  uint32_t n = aig_node(a);
  if (n == 0)
    return aig_sign(a);
  if (n >= c->var_cap || !c->var_of[n]) {
    assert(aig_is_input(c->aig, n));
    return aig_sign(a);
  }
  return sat_val(c->sat, lit_of(c, a)) > 0;
}

int cnf_num_vars(const Cnf *c) { return c->nvars; }
size_t cnf_num_clauses(const Cnf *c) { return c->nclauses; }

void cnf_dump(const Cnf *c, FILE *f, const char *header, const int *assumed,
              size_t nassumed) {
  fputs(header, f);
  fprintf(f, "p cnf %d %zu\n", c->nvars, c->nclauses + nassumed);
  for (size_t i = 0; i < c->clauses.len; i++)
    fprintf(f, c->clauses.data[i] ? "%d " : "%d\n", c->clauses.data[i]);
  fprintf(f, "c assumptions of the last query\n");
  for (size_t i = 0; i < nassumed; i++)
    fprintf(f, "%d 0\n", assumed[i]);
}
