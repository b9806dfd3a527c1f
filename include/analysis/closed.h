/* closed.h -- the closed-constant rule, shared by the two engines.
 *
 * A subexpression is a closed constant when it has one value for the
 * whole run (for given constants): no variable, no name bound outside it,
 * no definition whose body may see such names (LET definitions, instance
 * copies), no operator argument that is an operator, and no built-in with
 * an effect or a run-time answer (TLCGet, TLCSet, Print, PrintT,
 * JavaTime, Any, primes, UNCHANGED, ENABLED, temporal operators)
 * reachable through the definitions it calls.  An engine may evaluate
 * such a subexpression once and keep its value (the evaluator does, in
 * Expr.cache). */
#ifndef BRINK_CLOSED_H
#define BRINK_CLOSED_H

#include "spec.h"

/* Is e a closed constant of sp? */
bool closed_const(const Spec *sp, Expr *e);

#endif
