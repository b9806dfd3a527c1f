/* canhold.h -- which of several conditions some model of a solver's
 * assertions makes true (src/engine/canhold.c); the question behind the
 * dead-cell and packed-cell passes (deadcells.h, packcells.h). */
#ifndef BRINK_CANHOLD_H
#define BRINK_CANHOLD_H

#include "solver.h"

enum {
  CH_OPEN,  /* not decided: a stop, the effort bound, or a model with none */
  CH_CAN,   /* true in a model of the assertions and assumptions */
  CH_NEVER, /* false in every such model */
};

/* out[i] for each of cond[0..n), under the assumptions assume[0..nassume):
 * asks whether any open condition can hold; a model marks those true in it
 * CH_CAN and the question is asked again of the rest, until an answer
 * "no" (the rest CH_NEVER) or "unknown" (the rest CH_OPEN).  effort: the
 * conflicts each question may take (solver_limit_next), 0 for no bound.
 * Takes at most one question more than the conditions that can hold. */
void can_hold(Solver *s, TermMgr *tm, const TermId *assume, size_t nassume,
              const TermId *cond, size_t n, unsigned effort,
              unsigned char *out);

#endif
