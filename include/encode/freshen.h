/* freshen.h -- a frame's values as fresh variables defined by equalities
 * (encode/freshen.c), so that each frame's formulas stop at the previous
 * frame's variables instead of reaching back to Init.  The driver asserts
 * the definitions when some set variable is a characteristic vector
 * (charvec.h), where it was measured to pay; --no-freshen turns it off. */
#ifndef BRINK_FRESHEN_H
#define BRINK_FRESHEN_H

#include "symval.h"

typedef VEC(TermId) TermVecFr;

/* Replaces, in place, every compound term of the state's values by a
 * fresh variable; returns the conjunction of their definitions. */
TermId fr_state(SymVal **state, int nvars);

#endif
