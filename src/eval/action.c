/* action.c -- primes, UNCHANGED, [A]_v, <<A>>_v and the paths of actions.
 *
 * Design.  A primed expression is the same expression read in the next
 * state (Ctx.primed); operators substitute their arguments, so a prime
 * reaches into the arguments of the definitions it covers.  An action
 * (spec.h) is a path from Next down to a leaf -- \E bindings, definition
 * calls, disjuncts -- and a step satisfies it when some binding along the
 * path makes the leaf hold; eval_action_params also returns the
 * arguments of the definition call that names the action. */
#include "evalint.h"

/* eval_action_params: the path index of the action's definition call, and
 * where the values of its arguments go once the rest of the path holds
 * (at is -1 for eval_action_holds). */
typedef struct Capture {
  int at;
  Value **out;
  int max, n;
} Capture;

/* Walks an action's path: \E binds (any binding that makes the rest hold
 * will do), a definition call binds its parameters, a disjunction goes
 * into the chosen disjunct. */
typedef struct PathArg {
  const Action *a;
  int i;
  bool holds;
  Capture *cap;
} PathArg;

static bool path_holds(Ctx *c, const Action *a, int i, Env *env, Capture *cap);

static bool path_body(Ctx *c, Env *env, void *p) {
  PathArg *pa = p;
  if (path_holds(c, pa->a, pa->i, env, pa->cap)) {
    pa->holds = true;
    return false;
  }
  return true;
}

static bool path_holds(Ctx *c, const Action *a, int i, Env *env, Capture *cap) {
  if (i == a->npath)
    return ev_bool(a->leaf, ev_eval(c, a->leaf, env), "an action");
  Expr *n = a->path[i].node;
  switch (n->kind) {
  case EX_EXISTS: {
    PathArg pa = {a, i + 1, false, cap};
    ev_bind(c, n, n->bounds, n->nbounds, 0, env, path_body, &pa);
    return pa.holds;
  }
  case EX_LET:
    return path_holds(c, a, i + 1, env, cap);
  case EX_OP:
    if (n->ref.kind == REF_DEF) {
      Def *d = n->ref.u.def;
      Env frames[d->nparams > 0 ? d->nparams : 1];
      Env *cur = env;
      for (int k = 0; k < d->nparams; k++) {
        frames[k] =
            (Env){d->params[k].id, NULL, n->args[k], env, NULL, cur, c->at, 0};
        cur = &frames[k];
      }
      bool holds = path_holds(c, a, i + 1, cur, cap);
      if (holds && i == cap->at) /* the \E bindings still live */
        for (int k = 0; k < d->nparams && k < cap->max; k++)
          cap->out[cap->n++] = ev_eval(c, n->args[k], env);
      return holds;
    }
    return path_holds(c, a, i + 1, env, cap); /* a disjunction: "\/" */
  default:
    return path_holds(c, a, i + 1, env, cap);
  }
}

bool eval_action_holds(const EvalState *st, const Action *a) {
  Ctx c;
  ev_ctx_init(&c, st);
  Capture none = {-1, NULL, 0, 0};
  return path_holds(&c, a, 0, NULL, &none);
}

int eval_action_params(const EvalState *st, const Action *a, Value **out,
                       int max, const Def **def) {
  int at = -1;
  for (int i = 0; i < a->npath; i++) {
    Expr *n = a->path[i].node;
    if (n->kind == EX_OP && n->ref.kind == REF_DEF)
      at = i;
  }
  *def = at >= 0 ? a->path[at].node->ref.u.def : NULL;
  Ctx c;
  ev_ctx_init(&c, st);
  Capture cap = {at, out, max, 0};
  bool holds = path_holds(&c, a, 0, NULL, &cap);
  return holds ? cap.n : -1;
}

/* [A]_v and <<A>>_v. */
Value *ev_action_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_BOX_ACT:
  case EX_DIA_ACT: {
    /* [A]_v is A \/ UNCHANGED v, <<A>>_v is A /\ ~UNCHANGED v; TLC
     * compares v first for [A]_v and evaluates A first for <<A>>_v. */
    bool box = e->kind == EX_BOX_ACT;
    if (!box && !ev_bool(e->args[0], ev_eval(c, e->args[0], env), "an action"))
      return val_bool(false);
    if (c->primed)
      ev_fail(e, "an action inside a primed expression");
    Value *before = ev_eval(c, e->args[1], env);
    c->primed = true;
    Value *after = ev_eval(c, e->args[1], env);
    c->primed = false;
    if (!box)
      return val_bool(before != after);
    if (before == after)
      return val_bool(true);
    return val_bool(
        ev_bool(e->args[0], ev_eval(c, e->args[0], env), "an action"));
  }
  default:
    break;
  }
  ev_fail(e, "internal error: %s routed to the wrong family",
          ast_kind_name(e->kind));
}

/* e' and UNCHANGED e. */
Value *ev_action_op(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_PRIME: {
    if (c->primed)
      ev_fail(e, "a primed expression is primed again");
    c->primed = true;
    Value *v = ev_eval(c, a[0], env);
    c->primed = false;
    return v;
  }
  case B_UNCHANGED: {
    if (c->primed)
      ev_fail(e, "UNCHANGED inside a primed expression");
    Value *before = ev_eval(c, a[0], env);
    c->primed = true;
    Value *after = ev_eval(c, a[0], env);
    c->primed = false;
    return val_bool(before == after);
  }
  default:
    break;
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}
