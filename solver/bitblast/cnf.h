/* cnf.h -- the Tseitin CNF of an AIG's asserted cone, fed to a SAT solver.
 *
 * A Cnf links one AIG to one SAT instance (sat.h).  SAT variable 1 is the
 * constant TRUE (AIG node 0 is FALSE, so its literal is -1).  An AIG node
 * gets a SAT variable and its defining clauses the first time a clause or
 * an assumption needs it (cnf_lit), never before: only the cone of what is
 * asserted or asked reaches the solver.  An AND node whose two fanins are
 * negated ANDs that form a multiplexer (an ITE, or an XOR) is defined as
 * one 3-input gate, and its inner ANDs get no variables of their own.
 *
 * Invariant: var_of[n] != 0 exactly for the nodes in the CNF; every node
 * in the cone of such a node is in the CNF too (except the inner ANDs of a
 * multiplexer gate). */
#ifndef BRINK_CNF_H
#define BRINK_CNF_H

#include <stdbool.h>
#include <stdio.h>

#include "aig.h"
#include "sat.h"

typedef struct Cnf Cnf;

/* A CNF over aig into sat (neither is owned); `record`: keep every clause
 * for cnf_dump. */
Cnf *cnf_new(Aig *aig, Sat *sat, bool record);
void cnf_delete(Cnf *c);

/* The SAT literal of a, after putting a's cone into the CNF. */
int cnf_lit(Cnf *c, AigLit a);
/* Adds the clause lits[0..n) (SAT literals). */
void cnf_clause(Cnf *c, const int *lits, size_t n);
/* Asserts a: a conjunction as its conjuncts, a negated conjunction as one
 * clause of its negated conjuncts (flattened, up to 64 literals). */
void cnf_assert(Cnf *c, AigLit a);
/* A fresh SAT variable that is no AIG node (an activation literal). */
int cnf_fresh(Cnf *c);

/* After SAT: the model's value of a, which is in the CNF or an input (an
 * input no clause mentions is false). */
bool cnf_model_lit(const Cnf *c, AigLit a);

int cnf_num_vars(const Cnf *c);
size_t cnf_num_clauses(const Cnf *c);
/* Writes the recorded clauses in DIMACS, then `nassumed` unit clauses for
 * assumed[] after a comment line; `header` is written first as comments. */
void cnf_dump(const Cnf *c, FILE *f, const char *header, const int *assumed,
              size_t nassumed);

#endif
