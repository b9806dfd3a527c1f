/* symmetric.h -- a constant set whose elements the spec cannot tell apart.
 *
 * A spec is symmetric in the elements of a CONSTANT set C when renaming
 * them (any permutation of C's value, applied to every value of a state)
 * maps behaviours to behaviours, initial states to initial states and
 * every checked state or step to one checked the same way.  Then the
 * symbolic engine may look at one behaviour of each class of renamings
 * (symbreak.h).  The test here is syntactic and conservative: the only
 * constant the checked formulas name is C, and they use no number or
 * string literal and no operator that could tell two elements apart or
 * make an integer (arithmetic, order, Cardinality, tuples, functions,
 * sequences, CHOOSE, TLC's operators) -- only logic, equality, set
 * algebra, set constructors, bounded quantifiers, IF, CASE, LET, primes
 * and UNCHANGED, through definitions. */
#ifndef BRINK_SYMMETRIC_H
#define BRINK_SYMMETRIC_H

#include "spec.h"

/* The value of the constant set the spec is symmetric in (a V_SET of at
 * least two integers, strings or model values), or NULL when the test
 * fails.  *name receives the constant's name. */
Value *symmetric_values(const Spec *sp, Sym *name);

#endif
