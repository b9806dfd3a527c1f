/* evalint.h -- what the files of the evaluator (src/eval/) share.
 *
 * The evaluator is one recursive walk, ev_eval, split by construct family:
 * eval.c holds the dispatch, names, the Boolean connectives, the errors
 * and the small helpers on values; assume.c the ASSUME check;
 * quant.c the bound names (\A, \E, CHOOSE, set filters and maps); fun.c
 * functions, records and EXCEPT; set.c sets and membership; seq.c
 * sequences and tuples; arith.c integers; call.c operator calls, LET and
 * the memo of state-level definitions; natcall.c the calls of natives
 * (native.h); tlc.c the TLC module (TLCGet/TLCSet registers, Print,
 * Assert); action.c primes, UNCHANGED, [A]_v and the action paths; enum.c
 * the enumeration of states; enabled.c ENABLED.  The encoder (encode/)
 * has a twin of each family file under the same name.
 *
 * Each family has an entry for the AST nodes it evaluates (ev_*_node) and
 * one for the built-in operators (ev_*_op); eval.c's two switches route a
 * node or a built-in to its family.  Names private to src/eval/ start with
 * ev_; public ones (eval.h) with eval_.
 *
 * Context.  An evaluation carries a Ctx (the states, whether it is inside
 * a prime, the value of `@`, the recursion depth, TLCGet("level")) and an
 * environment Env of bound names.  The state that outlives an evaluation
 * -- settings given by the engines, TLC's registers, the replay's
 * witnesses, the counters that decide when a cached thunk is stale --
 * lives in the one EvalRun below, ev_run; nothing else in src/eval/ is a
 * mutable global except the caches keyed by definition or expression
 * (call.c's memo of state-level definitions, natcall.c's table of
 * natives, the analysis layer's tables), which only ever speed up an
 * answer that would be the same without them. */
#ifndef BRINK_EVALINT_H
#define BRINK_EVALINT_H

#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "native.h"

#define MAX_DEPTH 20000
#define MAX_ENUM 20000000 /* elements a constructed set may have */

/* A bound name: a value, or an operator argument passed by name (a thunk:
 * the expression and the caller's environment).  Frames live on the C
 * stack of the construct that binds them (evaluation is strictly nested),
 * linked innermost first. */
typedef struct Env {
  uint32_t id;
  Value *v;         /* the bound value, or NULL for a thunk */
  Expr *thunk;      /* operator argument (by name) */
  struct Env *tenv; /* the thunk's environment */
  Value *cache;     /* thunk value outside primes */
  struct Env *up;
  Value *at;      /* the value of `@` where the thunk was made */
  uint64_t epoch; /* ev_run.assign_epoch when cache was stored */
} Env;

typedef struct Ctx {
  const Spec *spec;
  Value **cur;
  Value **next;
  bool primed;
  Value *at;
  int depth;
  int level; /* TLCGet("level") of the current state; 0 if unknown */
  /* Enumeration: which array receives assignments (cur in Init, next in
   * Next). */
  Value **target;
} Ctx;

/* Candidate values for names bound by \E over sets the evaluator cannot
 * enumerate (eval_set_witnesses). */
typedef struct Witnesses {
  uint32_t id;
  Value **vals;
  size_t n;
} Witnesses;

/* The evaluator's state for the run (one instance, ev_run, in eval.c). */
typedef struct EvalRun {
  /* Enumeration gives variables of the state being built (Ctx.target)
   * values one by one and takes them back on backtracking; assign_epoch is
   * bumped at each change and target_reads at each read of that state.  A
   * thunk whose evaluation read it keeps its cached value only in the
   * epoch it was computed in (in Init(v) == \E k \in 0..1 : v = k /\ v < 1,
   * the argument of v has a new value in every branch); epoch 0 marks a
   * value that holds for the whole enumeration. */
  uint64_t assign_epoch;
  uint64_t target_reads;
  /* TLCGet("level") reads so far: a constant-level function definition
   * whose value read the level depends on the state after all, and is not
   * cached. */
  uint64_t level_reads;
  /* TLCGet("level") of the state checked or expanded (eval_set_level),
   * and the depth of nested eval_level_enter scopes. */
  int level;
  int level_scopes;
  /* Settings (eval.h): natives on, the state memo on, writing allowed. */
  bool natives;
  bool state_memo;
  bool may_write;
  /* The replay's candidate values per binder (eval_set_witnesses). */
  Witnesses *witnesses;
  size_t nwitnesses;
  /* TLCSet(i, v) registers, one per positive integer i. */
  VEC(Value *) registers;
  /* TLCSet("exit", TRUE) was evaluated: where (exit_at.file 0: not);
   * only the explicit engine, which can stop, allows it. */
  Loc exit_at;
  bool exit_allowed;
  /* TLCGet's view of the checker (eval_set_search_config/_stats). */
  SearchConfig search;
  bool have_search;
  SearchStatsFn stats_fn;
  void *stats_arg;
  double run_start;
  /* One warning per run for [f EXCEPT ![k] = v] with k outside DOMAIN f. */
  bool warned_except;
} EvalRun;

extern EvalRun ev_run;

static inline bool ev_cache_valid(const Env *b) {
  return b->cache && (b->epoch == 0 || b->epoch == ev_run.assign_epoch);
}

/* ---- eval.c: the walk, errors, helpers ---- */

/* The value of e in c and env.  A closed constant subexpression (closed.h)
 * is evaluated once and kept in Expr.cache; a node found not to be one is
 * marked there with &ev_not_const_mark.  The test of the cache is inline:
 * it is the hottest path of the evaluator. */
extern char ev_not_const_mark;
/* e evaluated by its kind, without looking at Expr.cache. */
Value *ev_node(Ctx *c, Expr *e, Env *env);
/* The first evaluation of e: decides whether it is a closed constant. */
Value *ev_eval_first(Ctx *c, Expr *e, Env *env);
static inline Value *ev_eval(Ctx *c, Expr *e, Env *env) {
  void *k = e->cache;
  if (k == (void *)&ev_not_const_mark)
    return ev_node(c, e, env);
  if (k)
    return k;
  return ev_eval_first(c, e, env);
}
/* An evaluation error of the spec (exit 75, as TLC). */
_Noreturn void ev_fail(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A construct the evaluator does not implement: a refusal (exit 255), not
 * an evaluation error of the spec. */
_Noreturn void ev_unsupported(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* v printed, cut to 300 characters (for messages; the caller frees). */
char *ev_show(const Value *v);
/* v as a Boolean; an evaluation error naming `what` when it is not. */
_Noreturn void ev_not_bool(Expr *e, Value *v, const char *what);
static inline bool ev_bool(Expr *e, Value *v, const char *what) {
  if (v->kind != V_BOOL)
    ev_not_bool(e, v, what);
  return v->u.b;
}
void ev_int(Expr *e, Value *v, mpz_t out, const char *what);
Value *ev_int_result(mpz_t z); /* clears z */
bool ev_comparable(const Value *a, const Value *b);
/* a = b, with TLC's errors for values it refuses to compare. */
bool ev_equal(Expr *e, Value *a, Value *b);
/* The elements of a set value, for enumeration (a V_SET). */
Value *ev_enum_set(Expr *e, Value *s);
/* The set of mk(e, vals, n) for every choice of vals[i] in sets[i] (each
 * enumerated, in place); refused past MAX_ENUM elements, `what` naming the
 * set ("the product", "the record set"). */
Value *ev_product(Expr *e, Value **sets, int n, const char *what,
                  Value *(*mk)(Expr *e, Value **vals, size_t n));
/* A finite set, enumerated (a V_SET). */
Value *ev_need_set(Expr *e, Value *v);
Value *ev_need_seq(Expr *e, Value *v, const char *op);
static inline Value *ev_seq(Value **vals, size_t n) {
  return val_tuple(vals, n);
}
static inline Env *ev_env_find(Env *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env;
  return NULL;
}
/* The value of a bound name, evaluating (and caching) a thunk. */
Value *ev_env_value(Ctx *c, Env *b);

/* A context for evaluating in st (at the run's level). */
void ev_ctx_init(Ctx *c, const EvalState *st);

/* ---- quant.c ---- */

/* Calls fn for every assignment of the bounds b[i..nb-1]; fn returns
 * false to stop early (then so does ev_bind).  The frames live on
 * ev_bind's stack. */
typedef bool (*BindFn)(Ctx *c, Env *env, void *arg);
bool ev_bind(Ctx *c, Expr *at, Bound *b, int nb, int i, Env *env, BindFn fn,
             void *arg);
/* The domain key a function constructor's bounds denote in env. */
Value *ev_bounds_key(Bound *b, int nb, Env *env);
Value *ev_quant_node(Ctx *c, Expr *e, Env *env);

/* ---- fun.c ---- */

/* The function [bounds |-> body] built in env. */
Value *ev_func(Ctx *c, Expr *at, Expr *body, Bound *b, int nb, Env *env);
Value *ev_apply(Expr *e, Value *f, Value *arg);
Value *ev_fapp_arg(Ctx *c, Expr **args, int n, Env *env);
Value *ev_fapp_node(Ctx *c, Expr *e, Env *env);
Value *ev_fun_node(Ctx *c, Expr *e, Env *env);
Value *ev_fun_op(Ctx *c, Expr *e, Env *env);

/* ---- set.c ---- */

/* x \in set, deciding membership in lazily described sets (Seq(S),
 * SUBSET S, [S -> T], Nat, filters over them) without building them. */
bool ev_in(Ctx *c, Expr *e, Value *x, Expr *set, Env *env);
Value *ev_set_node(Ctx *c, Expr *e, Env *env);
Value *ev_set_op(Ctx *c, Expr *e, Env *env);

/* ---- seq.c, arith.c ---- */

Value *ev_seq_node(Ctx *c, Expr *e, Env *env);
Value *ev_seq_op(Ctx *c, Expr *e, Env *env);
Value *ev_arith_op(Ctx *c, Expr *e, Env *env);

/* ---- call.c ---- */

/* Binds d's parameters to the argument expressions (by name, in env) in
 * frames (room for d->nparams); returns the innermost frame. */
Env *ev_param_frames(Ctx *c, Def *d, Expr **args, Env *env, Env *frames);
Value *ev_call_def(Ctx *c, Expr *e, Def *d, Env *env);
Value *ev_call_op_param(Ctx *c, Expr *e, Env *b, Env *env);
/* The operator argument op (written in env) applied to values. */
Value *ev_apply_op_arg(Ctx *c, Expr *site, Expr *op, Value **vals, int n,
                       Env *env);
Value *ev_let_node(Ctx *c, Expr *e, Env *env);

/* ---- natcall.c ---- */

/* The native implementation of d, or NULL. */
NativeFn ev_native_of(const Spec *sp, Def *d);
Value *ev_native_call(NativeFn f, Ctx *c, Expr *e, Env *env);

/* ---- tlc.c, action.c, enabled.c ---- */

Value *ev_tlc_op(Ctx *c, Expr *e, Env *env);
Value *ev_action_node(Ctx *c, Expr *e, Env *env);
Value *ev_action_op(Ctx *c, Expr *e, Env *env);
Value *ev_enabled_op(Ctx *c, Expr *e, Env *env);

/* ---- eval.c's routing of built-ins ---- */

Value *ev_builtin(Ctx *c, Expr *e, Env *env);

/* ---- enum.c: enumeration of states (TLC's way) ---- */

typedef struct Pending {
  Expr *e;
  Env *env;
  struct Pending *next;
} Pending;

typedef struct Gen {
  Ctx c;
  StateFn fn;
  void *arg;
  bool stop;
  bool enabled_mode; /* ENABLED: any partial successor will do */
  bool found;
  int nvars;
  int nassigned; /* target variables given a value so far */
  const char *what; /* "initial state" or "successor state" */
  Expr *root;
  const EvalWatch *watch; /* eval_successors_watched (NULL: none) */
} Gen;

/* Enumerates e with the conjuncts rest pending. */
void ev_enum_expr(Gen *g, Expr *e, Env *env, Pending *rest);

#endif
