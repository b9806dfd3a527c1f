/* deadcells.h -- dropping the cells of a new frame that no behaviour makes
 * members (the bounded unrolling's and the lasso search's frames). */
#ifndef BRINK_DEADCELLS_H
#define BRINK_DEADCELLS_H

#include "solver.h"
#include "symval.h"

/* For each variable whose set or function value in cur has more cells than
 * in prev, asks s whether any of the extra cells can be a member under the
 * assertions and the assumptions assume[0..n); where none can, cur's value
 * loses them (cur is changed in place).  Sound when cur's values matter
 * only in models where every assumption holds. */
void dead_cells_drop(Solver *s, TermMgr *tm, SymVal *const *prev,
                     SymVal **cur, int nvars, const TermId *assume,
                     size_t nassume);

#endif
