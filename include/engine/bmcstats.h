/* bmcstats.h -- `--stats`: where the symbolic engine's time and terms go.
 *
 * The driver brackets each enc_* call with bst_enter / bst_leave, naming
 * the formula it encodes (Init, Next, invariant i, ...); a BmcStats counts
 * the time spent encoding and the terms made (term_count grows by exactly
 * the terms a call creates: terms are hash-consed and never freed).  Next
 * is split further by action through enc_def_terms.  Translation and
 * solving times and the solver's sizes come from the back end's stats op
 * (solver.h).  bst_depth prints three lines per depth on stderr, for what
 * happened since the previous one; bst_summary the totals; bst_lasso a
 * line per bound of the lasso search, which runs on a solver of its own.
 *
 * Every function accepts NULL (bst_new returns NULL when the option is
 * off), so that the driver needs no tests of its own. */
#ifndef BRINK_BMCSTATS_H
#define BRINK_BMCSTATS_H

#include "encode.h"
#include "solver.h"
#include "spec.h"

typedef enum BstPart {
  BST_INIT,
  BST_NEXT,
  BST_INV,        /* by invariant index (SIZE_MAX: the query) */
  BST_PROP,       /* PROPERTY conjuncts checked on states and steps */
  BST_CONSTRAINT, /* CONSTRAINTs and ACTION_CONSTRAINTs */
  BST_ERRORS,     /* the query for the step's evaluation errors */
  BST_DEADLOCK,   /* the deadlock refinement */
  BST_TRIM,       /* the queries for a new frame's dead cells */
  BST_INDUCT,     /* one-step proofs (induct.h), on solvers of their own:
                     their time is the whole CPU time spent */
  BST_PACK,       /* the queries that pack a new frame's cells */
  BST_BOUNDS,     /* the queries that bound a new frame's integers */
  BST_DEAD_ENDS,  /* whether every state has a successor (driver.c) */
  BST__COUNT
} BstPart;

typedef struct BmcStats BmcStats;

BmcStats *bst_new(bool on, const Spec *spec, TermMgr *tm, Solver *s,
                  const Enc *enc);
void bst_enter(BmcStats *st);
/* Terms and search time since bst_enter go to part (index: the
 * invariant's), and so does the time when encoding (else it is left to
 * the solver's counters). */
void bst_leave(BmcStats *st, BstPart part, size_t index, bool encoding);
/* After depth k's query; frame: its state. */
void bst_depth(BmcStats *st, int k, SymVal *const *frame);
void bst_summary(BmcStats *st);
void bst_delete(BmcStats *st);

/* The lasso search's line per bound k (lasso.c), for what happened since
 * bst_mark on its solver s:
 *   brink: stats lasso P k=K: encode E s, translate T s, solve S s (unsat);
 *     N terms (+D), A AIG nodes, C clauses, V vars
 * where encode is the CPU time outside the back end's calls. */
typedef struct BstMark {
  double cpu;
  SolverStats ss;
  uint32_t terms;
} BstMark;

void bst_mark(BstMark *m, Solver *s, TermMgr *tm);
void bst_lasso(const BstMark *m, Solver *s, TermMgr *tm, const char *label,
               int k, const char *answer);

#endif
