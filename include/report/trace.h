/* trace.h -- counterexamples: replay through the evaluator, and printing.
 *
 * A trace is an array of states (each an array of Value*, one per
 * variable).  trace_replay checks it with the concrete evaluator: state 1
 * satisfies Init, states 1..n-1 satisfy the CONSTRAINTs and each step the
 * ACTION_CONSTRAINTs (TLC explores only such states), every step satisfies
 * Next, and names the action of each step.  Nothing reaches the user
 * without passing it. */
#ifndef BRINK_TRACE_H
#define BRINK_TRACE_H

#include <stdio.h>

#include "spec.h"

typedef struct Trace {
  Value ***states;
  int n;
  int *actions; /* per state: index into spec->actions, -1 for state 1 */
} Trace;

/* true when the trace is a behaviour of the spec; otherwise false and
 * *why says what failed (malloc'd). */
bool trace_replay(const Spec *spec, Trace *t, char **why);
/* Prints "State N: <Action(args) line L, col C to line L2, col C2 of module
 * M>" and "/\ var = value" lines, TLC's format.  The trace printed on
 * stdout is also the run's counterexample in the result record (report.h). */
void trace_print(FILE *out, const Spec *spec, const Trace *t);
/* Invariant inv, or else PROPERTY conjunct bad (a []P, printed as an
 * invariant, or a state predicate), violated by an initial state (t has
 * that one state), as TLC reports it: "Error: Invariant Inv is violated
 * by the initial state:" and the state, with no "State 1" header. */
void trace_print_initial_violation(FILE *out, const Spec *spec,
                                   const Trace *t, int inv,
                                   const Property *bad);
/* A step's action as TLC names it in a trace: "<Next>" for a < 0, else
 * "<label line L, col C to line L2, col C2 of module M>" (label NULL: the
 * action's name). */
void trace_print_action(FILE *out, const Spec *spec, int a,
                        const char *label);
/* One variable of a printed state, as TLC prints it: "/\\ x = v", or
 * "x = v" when the state has only one variable (count). */
void trace_print_binding(FILE *out, const char *name, const char *value,
                         int count);
/* The action of step i (0-based state index, i > 0) of a replayed trace:
 * the values of the arguments of the definition that names it (at most max
 * into params) and that definition (*def, for its parameters' names).
 * Returns the number of values, or -1 for the first state, a step whose
 * action is not known, or one that cannot be evaluated again. */
enum { TRACE_MAX_PARAMS = 16 };
int trace_step_params(const Spec *spec, const Trace *t, int i,
                      Value **params, int max, const Def **def);
/* "Step(p1)", "Step", "Initial predicate" or "Next" (malloc'd). */
char *trace_step_label(const Spec *spec, const Trace *t, int i);
/* Index of the first invariant violated in state s, or -1; an evaluation
 * error unwinds to the caller's recovery point. */
int trace_violated_invariant(const Spec *spec, Value **s);
/* The invariant whose evaluation by trace_violated_invariant unwound with
 * an error (until the next call), or -1. */
int trace_failed_invariant(void);
/* After an evaluation error that unwound with EXIT_ASSERT, or out of an
 * invariant: TLC's lines for it ("Error: Evaluating invariant I failed.",
 * the Assert's message). */
void trace_print_eval_failure(FILE *out, const Spec *spec);
/* Does state s1 (PROP_INIT, PROP_ALWAYS) or the step s0 -> s1
 * (PROP_ACTION: [A]_v) satisfy the PROPERTY conjunct p?  Evaluation errors
 * unwind as above. */
bool trace_property_holds(const Spec *spec, const Property *p, Value **s0,
                          Value **s1);
/* "Error: Invariant NAME is violated." (and the result record learns it). */
void trace_print_invariant_violation(FILE *out, const char *name);
/* TLC's words for a violated PROPERTY conjunct ("Error: Action property
 * P is violated.", ...). */
void trace_print_property_violation(FILE *out, const Property *p);

#endif
