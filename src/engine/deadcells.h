/* deadcells.h -- dropping the cells of a new frame that no behaviour makes
 * members (the bounded unrolling's and the lasso search's frames). */
#ifndef BRINK_DEADCELLS_H
#define BRINK_DEADCELLS_H

#include "solver.h"
#include "symval.h"

/* What the questions about one sequence of frames found so far: per
 * variable, whether its new cells were live at the last depth it grew. */
typedef struct DeadCells DeadCells;

DeadCells *dead_cells_new(int nvars);
void dead_cells_delete(DeadCells *dc);

/* For each variable whose set or function value in cur has more cells than
 * in prev, asks s whether any of the extra cells can be a member under the
 * assertions and the assumptions assume[0..n); where none can, cur's value
 * loses them (cur is changed in place).  Sound when cur's values matter
 * only in models where every assumption holds.  A question about variables
 * found live at an earlier depth is bounded in effort; past the bound
 * their cells stay. */
void dead_cells_drop(DeadCells *dc, Solver *s, TermMgr *tm,
                     SymVal *const *prev, SymVal **cur, const TermId *assume,
                     size_t nassume);

#endif
