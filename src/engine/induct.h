/* induct.h -- the bounded unrolling's invariants proved one step at a time
 * (src/engine/induct.c).
 *
 * Before the unrolling asks whether an invariant can fail in frame k (a
 * question about every behaviour of k steps, harder with every depth),
 * induct_step asks a question of one step: can a state of frame k-1's
 * shape, whose values are fresh variables, that satisfies every part
 * proved so far and the CONSTRAINTs, take a Next step to a state where the
 * part fails?  Each state frame k-1 holds is such a state, so "no" proves
 * the part in frame k.  The parts are the spec's invariants, then its
 * PROPERTY conjuncts []P and [][A]_v, in the order the driver asks them;
 * an evaluation error of a part counts as its failure. */
#ifndef BRINK_INDUCT_H
#define BRINK_INDUCT_H

#include "charvec.h"
#include "solver.h"
#include "spec.h"
#include "symval.h"

typedef struct Induct Induct;

/* mk makes the solver for each question (arg is passed through). */
/* max_seq_len: the unrolling's enc_set_max_seq_len, or -1. */
Induct *induct_new(const Spec *spec, TermMgr *tm, const CvPlan *cv,
                   int max_seq_len, Solver *(*mk)(void *arg, TermMgr *tm),
                   void *arg);
void induct_delete(Induct *in);

/* proved[i] for each of the n parts of frame k (k >= 1), given prev, the
 * unrolling's frame k-1, in which every part holds and no step errs; a
 * proved part holds in every state of frame k that has no member outside
 * the characteristic vectors (charvec.h).
 * False means not proved this way (a counterexample to induction, the
 * effort bound, a value without finite bounds, or an encoding that
 * failed, after which induct_step proves nothing more). */
void induct_step(Induct *in, int k, SymVal *const *prev, bool *proved,
                 size_t n);

/* Whether no state of frame k's shape in which every part holds has an
 * evaluation error in its CONSTRAINTs or (where they hold) in its Next
 * step: then the unrolling need not ask it of frame k. */
bool induct_no_step_errors(Induct *in, int k, SymVal *const *frame);

#endif
