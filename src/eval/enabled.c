/* enabled.c -- ENABLED A.
 *
 * Design.  ENABLED A holds in a state when some next state satisfies A:
 * A is enumerated as Next is (enum.c) from the current state into a
 * scratch next state, in a mode where the first partial successor
 * answers, since variables A leaves unassigned may take any value.  An
 * ENABLED that reaches through an instance whose substitutions TLC would
 * need to expand is refused (instance.h). */
#include "evalint.h"
#include "instance.h"

/* ENABLED A: some next state satisfies A from the current one.  Variables
 * A leaves unassigned may take any value, so they do not matter. */
static bool enabled(Ctx *c, Expr *action, Env *env) {
  if (c->primed || !c->cur)
    ev_fail(action, "ENABLED needs a current state");
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = c->spec->nvars;
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

/* ENABLED A. */
Value *ev_enabled_op(Ctx *c, Expr *e, Env *env) {
  Expr **a = e->args;
  if (inst_enabled_refused(e))
    fail_at(e->loc, EXIT_OTHER, ENABLED_REFUSAL);
  return val_bool(enabled(c, a[0], env));
}
