/* charvec.h -- set-valued state variables as characteristic vectors.
 *
 * A set variable whose value Next builds by union and difference grows a
 * cell per step and branch (symval.h: a list of (element, member) cells),
 * and every membership, CHOOSE and quantifier over it grows with it.  When
 * the spec names a small finite universe U for the variable -- a conjunct
 * `x \in SUBSET U` or `x \subseteq U` of an invariant or a CONSTRAINT, as
 * type invariants do -- each frame's value is rewritten to one cell per
 * element u of U, member when some cell holds an element equal to u: a
 * characteristic vector of constant elements, whose size does not grow
 * with the depth.  A set of sets named `x \in SUBSET SUBSET W`, W too
 * large for SUBSET W to be a universe, keeps a cell per member, and each
 * member becomes a vector over W.
 *
 * The universe is a hint, not an assumption: the rewrite also yields an
 * overflow term that holds when a member lies outside U (the value it
 * would lose).  The caller asks for it with the frame's invariants; a
 * reachable overflow means the hint was wrong (or the invariant naming U is
 * violated), and the caller then checks again without the rewrite.  So no
 * value is silently lost. */
#ifndef BRINK_CHARVEC_H
#define BRINK_CHARVEC_H

#include "spec.h"
#include "symval.h"

typedef struct CvPlan CvPlan;

/* The universes the spec names for its variables (none: an empty plan). */
CvPlan *cv_plan_new(const Spec *sp);
void cv_plan_delete(CvPlan *p);
/* How many variables have a universe. */
int cv_plan_size(const CvPlan *p);
/* Rewrites, in place, the value of every variable of state that has a
 * universe as its characteristic vector over it (or its members, for a set
 * of sets); returns the overflow: a Bool term that holds when some member
 * of such a variable lies outside its universe (FALSE when none can). */
TermId cv_rewrite_state(const CvPlan *p, SymVal **state);

#endif
