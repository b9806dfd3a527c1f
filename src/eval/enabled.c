/* enabled.c -- ENABLED A.
 *
 * Design.  ENABLED A holds in a state when some next state satisfies A:
 * A is enumerated as Next is (enum.c) from the current state into a
 * scratch next state, in a mode where the first partial successor
 * answers, since variables A leaves unassigned may take any value.  An
 * ENABLED of an instantiated module's action under a substitution is
 * evaluated on the module's own state the substitution maps the current
 * state to; one the instance module cannot handle is refused
 * (instance.h). */
#include "evalint.h"
#include "instance.h"

/* ENABLED A: some next state satisfies A from the current one.  Variables
 * A leaves unassigned may take any value, so they do not matter. */
static bool enabled_on(Ctx *c, Expr *action, Env *env, int nvars) {
  if (c->primed || !c->cur)
    ev_fail(action, "ENABLED needs a current state");
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = nvars;
  Value **next = xcalloc((size_t)g.nvars + 1, sizeof *next);
  g.c.spec = c->spec;
  g.c.level = c->level;
  g.c.cur = c->cur;
  g.c.next = next;
  g.c.target = next;
  g.c.depth = c->depth;
  g.enabled_mode = true;
  g.what = "successor state";
  g.root = action;
  ev_enum_expr(&g, action, env, NULL);
  free(next);
  return g.found;
}

static bool enabled(Ctx *c, Expr *action, Env *env) {
  return enabled_on(c, action, env, c->spec->nvars);
}

/* ENABLED of an instantiated module's action under a substitution: on the
 * state of the module's own variables that the substitution maps the
 * current state to (instance.h). */
static bool enabled_inst(Ctx *c, Expr *e, const InstEnabled *t, Env *env) {
  if (c->primed || !c->cur)
    ev_fail(e, "ENABLED needs a current state");
  Value **mod = xcalloc((size_t)t->nvars + 1, sizeof *mod);
  for (int k = 0; k < t->nvars; k++)
    mod[k] = ev_eval(c, t->values[k], env);
  Ctx in = *c;
  in.cur = mod;
  bool r = enabled_on(&in, t->arg, env, t->nvars);
  free(mod);
  return r;
}

/* ENABLED A. */
Value *ev_enabled_op(Ctx *c, Expr *e, Env *env) {
  Expr **a = e->args;
  if (inst_enabled_of(e))
    return val_bool(enabled_inst(c, e, inst_enabled_of(e), env));
  if (inst_enabled_refused(e))
    fail_at(e->loc, EXIT_OTHER, ENABLED_REFUSAL);
  return val_bool(enabled(c, a[0], env));
}
