/* cinit.h -- --cinit: constants given by a predicate instead of the config.
 *
 * Apalache's --cinit names a constant-level predicate (ConstInit ==
 * N \in {4} /\ T \in 1..2 /\ F <= T) that the constants the config leaves
 * open must satisfy.  brink reads it the way TLC reads Init: conjuncts
 * left to right (through definitions without parameters), `C = e` and
 * `C \in S` give an open constant C its value(s), any other conjunct is a
 * condition on the values given so far.  Every assignment that satisfies
 * the predicate is checked in turn, so one run covers every parameter
 * value; the predicate must leave finitely many. */
#ifndef BRINK_CINIT_H
#define BRINK_CINIT_H

#include "spec.h"

/* Checks one assignment of the constants: returns an exit code (0 = no
 * error, which moves on to the next assignment). */
typedef int (*CinitCheck)(const Spec *spec, void *arg);

/* Calls check for every assignment of spec->cinit, printing each; stops at
 * the first non-zero code and returns it.  An assignment that leaves a
 * constant without a value, a disjunction, or an infinite set is an error
 * (exit 151 for the predicate's shape, 75 when it cannot be evaluated). */
int cinit_run(Spec *spec, CinitCheck check, void *arg);

#endif
