/* liveness.h -- the explicit engine's liveness checker.
 *
 * The breadth-first search hands it the state graph as it goes: the
 * successors of each state (state ids, in the order the states are
 * expanded).  The atoms the temporal properties and the fairness use
 * (temporal.h) are evaluated at most once per step and state, when the
 * check needs them (with a VIEW or SYMMETRY, the action atoms during the
 * search, on the generated step).  After a complete search, live_check
 * looks for a behaviour of the graph (every state may also stutter
 * forever) that satisfies the fairness and violates a temporal property,
 * and prints it as TLC prints a counterexample lasso. */
#ifndef BRINK_LIVENESS_H
#define BRINK_LIVENESS_H

#include "eval.h"
#include "spec.h"

typedef struct Live Live;

/* NULL when the spec has no temporal property.  A property or fairness
 * condition outside what temporal.h supports is reported (located) and
 * *refused set; the search then runs without liveness. */
Live *live_new(const Spec *spec, bool *refused);
/* State `from` (values s) has the successor `to` (values t, as generated;
 * with a VIEW or SYMMETRY `to` is the stored state standing for t; NONE,
 * UINT32_MAX, when the constraints keep t out of the graph).  Called for
 * every successor generated, during the enumeration of s's successors. */
void live_edge(Live *l, uint32_t from, Value *const *s, uint32_t to,
               Value *const *t);
/* What the search should report while it enumerates successors
 * (eval_successors_watched), or NULL: then eval_successors will do. */
const EvalWatch *live_watch(Live *l);
/* State i (values s) has been expanded: its successors are all known. */
void live_expanded(Live *l, uint32_t i, Value *const *s);
/* With a VIEW or SYMMETRY a stored state stands for its class: same(arg,
 * s, i) says whether state s (values) is in the class of stored state i.
 * The lasso found on the classes is then shown as a behaviour: each state
 * a successor of the one before it in the next class, as TLC rebuilds its
 * traces from fingerprints. */
typedef bool (*LiveClassFn)(void *arg, Value *const *s, uint32_t i);
void live_set_classes(Live *l, LiveClassFn same, void *arg);
/* --stats: the liveness check's timings and sizes on stderr. */
void live_set_stats(bool on);
/* States 0..n-1 are the initial states. */
void live_set_initial(Live *l, uint32_t n);
/* Checks every temporal property on the complete graph of nstates states
 * (state i's values are sids[i * nvars ..], value ids).  Prints TLC's
 * messages and, for a violation, the counterexample; returns EXIT_OK,
 * EXIT_LIVENESS, or EXIT_OTHER (a counterexample that does not replay, an
 * automaton too large). */
int live_check(Live *l, const uint32_t *sids, size_t nstates);
void live_free(Live *l);

#endif
