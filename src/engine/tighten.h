/* tighten.h -- a new frame's integers as variables with the bounds the
 * solver proves for them (src/engine/tighten.c). */
#ifndef BRINK_TIGHTEN_H
#define BRINK_TIGHTEN_H

#include "solver.h"
#include "symval.h"

typedef struct Tighten Tighten;

Tighten *tighten_new(void);
void tighten_delete(Tighten *tg);

/* For each integer of cur, frame k's state (a variable's value, or one
 * nested under constant keys), whose term_int_bounds need 2 bits more than
 * the range the same place had in prev, or take in negative numbers where
 * it had none: asks s, a back end that sizes integers by their bounds
 * (solver_sized_ints; nothing is done on Z3), whether, under what is
 * asserted, the integer can leave a candidate range (prev's, widened by
 * the models found).  Where it cannot, the integer becomes a fresh
 * variable with that range as its bounds (cur is changed in place).
 * Returns the conjunction of the equalities defining the new variables
 * (TRUE when none), which the caller must assert before anything else. */
TermId tighten_frame(Tighten *tg, Solver *s, TermMgr *tm, int k,
                     SymVal *const *prev, SymVal **cur, int nvars);

#endif
