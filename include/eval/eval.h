/* eval.h -- evaluation of TLA+ expressions on concrete values.
 *
 * An expression is evaluated in a state (cur: the value of every variable,
 * by Decl.index) and, for action-level expressions, a next state (next; a
 * primed variable reads it).  Errors -- a value outside a function's
 * domain, CHOOSE with no witness, a failed Assert, a construct that cannot
 * be evaluated -- print a located message and unwind to the caller's
 * recovery point (fail_push) with code EXIT_EVAL (EXIT_ASSERT for Assert).
 *
 * Operator arguments are passed by name (a thunk of the argument and the
 * caller's environment), as TLA+'s substitution semantics requires, and
 * cached when evaluated outside a primed context. */
#ifndef BRINK_EVAL_H
#define BRINK_EVAL_H

#include "spec.h"
#include "value.h"

typedef struct EvalState {
  const Spec *spec;
  Value *const *cur;  /* may be NULL for constant-level expressions */
  Value *const *next; /* may be NULL for state-level expressions */
} EvalState;

Value *eval_expr(const EvalState *st, Expr *e);
/* e evaluated in no state, its diagnostics muted: its value, or NULL when
 * the evaluation fails (for analyses that only take a hint from it). */
Value *eval_const_quiet(const Spec *sp, Expr *e);
/* A name bound outside the expression evaluated (a temporal formula's
 * \A p \in S, the parameter of a definition it expands): a value, or an
 * expression evaluated by name in its own bindings.  A chain, innermost
 * first. */
typedef struct EvalBind {
  uint32_t id; /* the Binder.id */
  Value *value;
  Expr *expr;                   /* when value is NULL */
  const struct EvalBind *env;   /* expr's own bindings */
  const struct EvalBind *up;
} EvalBind;
/* eval_expr with the names in b bound. */
Value *eval_expr_in(const EvalState *st, Expr *e, const EvalBind *b);
bool eval_bool(const EvalState *st, Expr *e, const char *what);
/* Checks every ASSUME of spec, printing TLC's messages; returns 0,
 * EXIT_ASSUME (a false assumption) or EXIT_EVAL. */
int eval_check_assumptions(const Spec *spec);
/* Does the step cur -> next satisfy action a (spec.h)? */
bool eval_action_holds(const EvalState *st, const Action *a);
/* As eval_action_holds, and when the step satisfies a: the values of the
 * arguments of the definition call that names the action (`Step(p)` under
 * `\E p \in P`: p's value), at most max of them into out, and that
 * definition in *def (NULL when the path has none).  Returns how many
 * values were written, -1 when the step does not satisfy a.  Evaluation
 * errors unwind as in eval_action_holds. */
int eval_action_params(const EvalState *st, const Action *a, Value **out,
                       int max, const Def **def);
/* The TLC level (1 for an initial state, +1 per step) of the state being
 * checked or expanded, which TLCGet("level") reports: 0 in ASSUMEs and
 * while Init is enumerated (TLC's definition), -1 when unknown (then
 * TLCGet("level") is an error).  Returns the previous level.  The
 * explicit engine sets it for each state it expands. */
int eval_set_level(int level);
/* A check at a level other than the current one (an ASSUME at 0, a
 * property of a replayed state at its index) is a scope:
 *   EvalLevel l = eval_level_enter(k + 1); ... eval_level_leave(l);
 * Scopes nest; leaving one restores the level it was entered from (and
 * closes the scopes inside it that an evaluation error unwound); leaving
 * a scope twice is an internal error (assert). */
typedef struct EvalLevel {
  int saved; /* the level before the scope */
  int depth; /* the nesting depth of the scope */
} EvalLevel;
EvalLevel eval_level_enter(int level);
void eval_level_leave(EvalLevel l);

/* Operators of the shipped modules that have a native implementation
 * (native.h) use it unless this is turned off (the tests compare the two). */
void eval_set_natives(bool on);

/* The second argument of the last Assert found false (as TLC prints it),
 * or NULL: the engines print it after an exit with EXIT_ASSERT. */
const char *eval_assert_message(void);
/* Module-level state-level definitions without parameters are memoised by
 * the values of the variables they read, unless this is turned off (the
 * tests compare the two). */
void eval_set_state_memo(bool on);
/* Forgets the memoised values (the constants changed: --cinit). */
void eval_forget_state_memo(void);
/* Whether operators that write files or run commands may do so (while a
 * POSTCONDITION is evaluated); returns the previous setting. */
bool eval_set_may_write(bool on);
/* TLCSet("exit", TRUE) asks the checker to stop as if the search were
 * done (TLC stops its workers); true, with *where its location, once
 * evaluated.  eval_allow_exit(true) (the explicit engine, which can stop)
 * forgets any earlier request and lets TLCSet("exit", ...) be evaluated;
 * otherwise it is refused (unsupported) where it is reached. */
bool eval_exit_requested(Loc *where);
void eval_allow_exit(bool on);

/* What TLCGet reports about the checker.  The CLI gives the search's
 * configuration (TLCGet("config")) before the assumptions are checked;
 * the explicit engine gives its running counts (TLCGet("stats"),
 * "diameter", "distinct", "generated", "queue") while it searches.  With
 * neither, these TLCGet keys are located errors. */
typedef struct SearchConfig {
  const char *mode; /* TLC's mode: "bfs" */
  int depth;        /* the depth limit, -1 for none */
  bool deadlock;    /* deadlock checking */
  bool counts;      /* the state counts are known (explicit engine); the
                     * symbolic engine has a depth bound but no counts */
} SearchConfig;
typedef struct SearchStats {
  uint64_t generated, distinct, queue;
  int diameter; /* the deepest level reached so far */
} SearchStats;
typedef void (*SearchStatsFn)(void *arg, SearchStats *out);
void eval_set_search_config(const SearchConfig *cfg);
void eval_set_search_stats(SearchStatsFn fn, void *arg);
/* Calls fn for every initial state (Init), or for every successor of cur
 * (Next), enumerating as TLC does: `x' = e` / `x = e` in Init assign,
 * `x' \in S` enumerates, disjunctions and \E branch.  fn returns false to
 * stop.  A state left with a variable unassigned is an error. */
typedef bool (*StateFn)(void *arg, Value **state);
void eval_init_states(const Spec *spec, StateFn fn, void *arg);
void eval_successors(const Spec *spec, Value *const *cur, StateFn fn,
                     void *arg);
/* Which disjuncts of Next the successors come from.  While
 * eval_successors_watched enumerates, a call D(args) of a watched
 * definition (defs[D.id], D a definition of a module, its parameters not
 * operators) reached with nothing left to enumerate after it and no
 * variable assigned yet is enumerated whole: the successors reported
 * between call(arg, D, vals, true) and call(arg, D, NULL, false) are all
 * of the states t with D(args) true on cur -> t, and only those (vals:
 * the arguments' values).  A call whose arguments are not all bound
 * names or constants already evaluated is not reported.  Calls nest
 * (Next itself is one). */
typedef struct EvalWatch {
  const uint8_t *defs; /* by Def.id, ndefs of them */
  size_t ndefs;
  void (*call)(void *arg, const Def *d, Value *const *vals, bool start);
  void *arg;
} EvalWatch;
void eval_successors_watched(const Spec *spec, Value *const *cur, StateFn fn,
                             void *arg, const EvalWatch *w);
/* Has cur a successor (stops at the first one)? */
bool eval_has_successor(const Spec *spec, Value *const *cur);

/* While replaying a symbolic counterexample: a name bound by \E (or
 * another bounded binder) whose binder id is among ids ranges over the
 * given values that are members of its set, instead of the set itself
 * (\E k \in Nat, \E s \in Seq(S)).  Several values per id are
 * candidates; n = 0 clears the table.  The table holds until it is
 * set again or cleared: the engine that replays a trace clears it when the
 * trace has been checked (eval_clear_witnesses). */
void eval_set_witnesses(const uint32_t *ids, Value *const *vals, size_t n);
void eval_clear_witnesses(void);
/* The number of names that have witnesses (0 when the table is clear). */
size_t eval_witness_count(void);

#endif
