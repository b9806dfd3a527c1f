/* packcells.h -- packing the symbolic-key cells of a new frame's sets and
 * functions into as many cells as the previous frame had (the bounded
 * unrolling's frames; src/engine/packcells.c). */
#ifndef BRINK_PACKCELLS_H
#define BRINK_PACKCELLS_H

#include "solver.h"
#include "symval.h"

/* For each set or function in cur's values -- a variable's value, or one
 * nested under constant keys (a function's value at a constant key, a
 * record's field) -- that has more cells with a non-constant key than the
 * same place in prev, asks s whether its distinct members held by those
 * cells can outnumber prev's such cells under the assertions and the
 * assumptions assume[0..n).  Where they cannot, cur's value there keeps
 * its constant-key cells and gets prev's number of cells for the others,
 * each the next distinct member in cell order (cur is changed in place;
 * the proved bound is asserted).  Sound when cur's values matter only in
 * models where every assumption holds.  Returns how many places were
 * packed. */
int pack_cells_frame(Solver *s, TermMgr *tm, SymVal *const *prev,
                     SymVal **cur, int nvars, const TermId *assume,
                     size_t nassume);

#endif
