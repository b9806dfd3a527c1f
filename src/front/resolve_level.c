/* resolve_level.c -- levels: constant, state, action, temporal.
 *
 * After binding, every expression gets a level (expr_level), one memoised
 * walk per definition: the level of a node is the highest of its
 * children's and of what its operator adds (a prime makes an action, []
 * a temporal formula, ENABLED a state function).  A call of a definition
 * counts at the level of its body with the arguments' levels substituted.
 * Then SANY's level rules are checked on the operators that care
 * (check_levels): what can be primed, what [] and WF apply to, that an
 * ASSUME is constant, and what replaces a constant of an instance. */
#include <stdio.h>
#include <string.h>

#include "resolveint.h"

/* ---- levels ---- */

static int max2(int a, int b) { return a > b ? a : b; }

/* Level of the node e itself given its children's: a0 the first
 * argument's, a the maximum over the arguments, rest the maximum over the
 * other subexpressions (bound sets and body; CASE arms; LET's body only;
 * EXCEPT's paths and values).  ENABLED is of state level whatever it
 * holds. */
static int node_level(Expr *e, int a0, int a, int rest) {
  int l = 0;
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_VAR)
      l = LEVEL_STATE;
    else if (e->ref.kind == REF_DEF)
      l = e->ref.u.def->level;
    else if (e->ref.kind == REF_BUILTIN)
      switch (e->ref.u.builtin) {
      case B_PRIME:
      case B_UNCHANGED:
        l = LEVEL_ACTION;
        break;
      case B_BOX:
      case B_DIAMOND:
      case B_LEADSTO:
        l = LEVEL_TEMPORAL;
        break;
      case B_ENABLED:
        return LEVEL_STATE;
      default:
        break;
      }
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    l = LEVEL_ACTION;
    break;
  case EX_WF:
  case EX_SF:
  case EX_TFORALL:
  case EX_TEXISTS:
    l = LEVEL_TEMPORAL;
    break;
  case EX_CASE:
  case EX_LET:
    return rest;
  case EX_EXCEPT:
    return max2(a0, rest);
  default:
    break;
  }
  return max2(l, max2(a, rest));
}

int expr_level(Expr *e) {
  if (!e)
    return 0;
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_ENABLED)
    return LEVEL_STATE;
  int a0 = 0, a = 0, rest = 0;
  for (int i = 0; i < e->nargs; i++) {
    int l = expr_level(e->args[i]);
    if (i == 0)
      a0 = l;
    a = max2(a, l);
  }
  switch (e->kind) {
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      rest = max2(rest, max2(expr_level(e->arms[i].guard),
                             expr_level(e->arms[i].value)));
    rest = max2(rest, expr_level(e->other));
    break;
  case EX_LET:
    rest = expr_level(e->body);
    break;
  case EX_EXCEPT:
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i];
      for (int s = 0; s < u->npath; s++)
        for (int k = 0; k < u->path[s].nargs; k++)
          rest = max2(rest, expr_level(u->path[s].args[k]));
      rest = max2(rest, expr_level(u->value));
    }
    break;
  default:
    for (int i = 0; i < e->nbounds; i++)
      rest = max2(rest, expr_level(e->bounds[i].set));
    rest = max2(rest, expr_level(e->body));
    break;
  }
  return node_level(e, a0, a, rest);
}

/* A definition's level is the level of its body (for a function, also
 * of its domain).  expr_level reads the current Def.level of the
 * definitions an expression uses, so levels are computed as a fixpoint:
 * all start at 0 and are raised until nothing changes.  That is exact for
 * mutual recursion, where a memoised walk would see a partner at 0. */
static int def_body_level(Def *d) {
  int l = 0;
  if (d->kind == DEF_FUN)
    for (int i = 0; i < d->nbounds; i++)
      l = max2(l, expr_level(d->bounds[i].set));
  return max2(l, expr_level(d->body));
}

void level_compute(Program *p) {
  for (size_t i = 0; i < p->defs.len; i++)
    p->defs.data[i]->level = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < p->defs.len; i++) {
      Def *d = p->defs.data[i];
      int l = def_body_level(d);
      if (l > d->level) {
        d->level = l;
        changed = true;
      }
    }
  }
}

/* ---- level errors ---- */

/* The level rules SANY enforces on the operators that care: a prime or
 * UNCHANGED of an action, ENABLED of a temporal formula, [] / <> / ~> of an
 * action (an action needs [A]_v), a temporal formula as the action of
 * [A]_v / <<A>>_v / WF / SF, a subscript that is not a state function, and
 * an ASSUME that is not constant.  An operator call counts at the highest
 * level of its definition and its arguments, so a parameter passed an
 * action is taken at face value. */
static void level_error(Resolver *r, Expr *at, const char *what, int level) {
  static const char *const names[] = {"constant", "state-level",
                                      "action-level", "temporal"};
  res_error(r, at->loc, "level error: %s (it is %s)", what, names[level]);
}

static int check_levels(Resolver *r, Expr *e);

static void check_def_levels(Resolver *r, Def *d) {
  for (int i = 0; i < d->nbounds; i++)
    check_levels(r, d->bounds[i].set);
  check_levels(r, d->body);
}

/* Reports the level errors of e and its subexpressions and returns the
 * level of e (as expr_level would): one walk, bottom-up, so a chain of n
 * operators costs O(n), not O(n^2) as asking expr_level at every
 * operator did.  Errors come children first. */
static int check_levels(Resolver *r, Expr *e) {
  if (!e)
    return 0;
  int a = 0, a0 = 0, a1 = 0, rest = 0;
  bool action_arg = false, temporal_arg = false;
  for (int i = 0; i < e->nargs; i++) {
    int l = check_levels(r, e->args[i]);
    if (i == 0)
      a0 = l;
    else if (i == 1)
      a1 = l;
    a = max2(a, l);
    action_arg |= l == LEVEL_ACTION;
    temporal_arg |= l == LEVEL_TEMPORAL;
  }
  for (int i = 0; i < e->nbounds; i++)
    rest = max2(rest, check_levels(r, e->bounds[i].set));
  rest = max2(rest, check_levels(r, e->body));
  for (int i = 0; i < e->narms; i++) {
    rest = max2(rest, check_levels(r, e->arms[i].guard));
    rest = max2(rest, check_levels(r, e->arms[i].value));
  }
  rest = max2(rest, check_levels(r, e->other));
  for (int i = 0; i < e->ndefs; i++)
    check_def_levels(r, e->defs[i]);
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int s = 0; s < u->npath; s++)
      for (int k = 0; k < u->path[s].nargs; k++)
        rest = max2(rest, check_levels(r, u->path[s].args[k]));
    rest = max2(rest, check_levels(r, u->value));
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN && e->nargs >= 1) {
    int l = a0, l2 = a1;
    switch (e->ref.u.builtin) {
    case B_PRIME:
      if (l >= LEVEL_ACTION)
        level_error(r, e, "only a constant or state-level expression can be "
                          "primed", l);
      break;
    case B_UNCHANGED:
      if (l >= LEVEL_ACTION)
        level_error(r, e, "UNCHANGED takes a state function", l);
      break;
    case B_ENABLED:
      if (l >= LEVEL_TEMPORAL)
        level_error(r, e, "ENABLED takes an action", l);
      break;
    case B_BOX: /* [][A]_v and <><<A>>_v are the action forms */
    case B_DIAMOND:
      if (l == LEVEL_ACTION &&
          e->args[0]->kind != (e->ref.u.builtin == B_BOX ? EX_BOX_ACT
                                                         : EX_DIA_ACT))
        level_error(r, e, "[] and <> take a state predicate or a temporal "
                          "formula; an action needs [A]_v or <<A>>_v", l);
      break;
    case B_AND: /* SANY: a logical operator or junction list may not mix */
    case B_OR:
    case B_IMPLIES:
    case B_EQUIV:
      if (action_arg && temporal_arg)
        level_error(r, e, "a logical operator has both a temporal formula "
                          "and an action as arguments",
                    LEVEL_TEMPORAL);
      break;
    case B_LEADSTO:
      if (l == LEVEL_ACTION || l2 == LEVEL_ACTION)
        level_error(r, e, "~> takes state predicates or temporal formulas",
                    LEVEL_ACTION);
      break;
    default:
      break;
    }
  }
  if (e->kind == EX_BOX_ACT || e->kind == EX_DIA_ACT || e->kind == EX_WF ||
      e->kind == EX_SF) {
    bool wf = e->kind == EX_WF || e->kind == EX_SF;
    Expr *act = e->args[wf ? 1 : 0], *sub = e->args[wf ? 0 : 1];
    int la = wf ? a1 : a0, ls = wf ? a0 : a1;
    if (la >= LEVEL_TEMPORAL)
      level_error(r, act, "the action of [A]_v, <<A>>_v, WF or SF must not "
                          "be temporal", la);
    else if (ls >= LEVEL_ACTION)
      level_error(r, sub, "a subscript must be a state function", ls);
  }
  return node_level(e, a0, a, rest);
}

/* Does module m (with what it EXTENDS) declare no variable and define
 * nothing above constant level?  Such a module's constant parameters may
 * be given expressions of any level; SANY then limits them by how they
 * are used, which brink does not follow (a constant module admits more). */
static bool module_is_constant(Program *p, Module *m, int depth) {
  if (depth > 64)
    return true;
  for (int u = 0; u < m->nunits; u++) {
    Unit *un = &m->units[u];
    if (un->kind == U_VARIABLES ||
        (un->kind == U_DEF && un->def->kind != DEF_INSTANCE &&
         un->def->level > LEVEL_CONST))
      return false;
  }
  for (int i = 0; i < m->nextends; i++)
    for (size_t k = 0; k < p->modules.len; k++)
      if (p->modules.data[k]->name == m->extends[i] &&
          !module_is_constant(p, p->modules.data[k], depth + 1))
        return false;
  return true;
}

/* SANY's level rule for INSTANCE: what replaces a VARIABLE must be at most
 * state-level, and what replaces a CONSTANT of a module that is not a
 * constant module must be constant (a primed or temporal expression would
 * change the meaning of the module's actions and formulas). */
static void check_instance_levels(Resolver *r, Instance *in) {
  if (!in || !in->resolved || in->nchain < 1)
    return;
  Instantiation *I = in->chain[0];
  bool constant = module_is_constant(r->prog, I->module, 0);
  for (size_t j = 0; j < I->subst.len; j++) {
    Decl *d = I->subst.data[j].decl;
    if (d->arity > 0 || !I->subst.data[j].value)
      continue;
    int max = d->is_var ? LEVEL_STATE : constant ? LEVEL_TEMPORAL : LEVEL_CONST;
    int l = expr_level(I->subst.data[j].value);
    if (l > max)
      res_error(r, I->subst.data[j].value->loc,
                "level error in instantiating module '%s': the level of the "
                "expression substituted for '%s' must be at most %d (it is %s)",
                sym_str(in->module), sym_str(d->name), max,
                (const char *[]){"constant", "state-level", "action-level",
                                 "temporal"}[l]);
  }
}

/* Checks every module of the program (each once, as written: instance
 * copies are not walked again). */
int level_check_program(Program *p) {
  Resolver r = {0};
  r.prog = p;
  for (size_t i = 0; i < p->modules.len; i++) {
    Module *m = p->modules.data[i];
    if (m->builtin)
      continue;
    for (int u = 0; u < m->nunits; u++) {
      Unit *un = &m->units[u];
      if (un->kind == U_DEF && un->def->kind != DEF_INSTANCE)
        check_def_levels(&r, un->def);
      if (un->kind == U_DEF && un->def->kind == DEF_INSTANCE)
        check_instance_levels(&r, un->def->inst);
      if (un->kind == U_INSTANCE)
        check_instance_levels(&r, un->inst);
      int l = 0;
      if (un->kind == U_ASSUME || un->kind == U_THEOREM)
        l = check_levels(&r, un->expr);
      if (un->kind == U_ASSUME && un->expr) {
        if (l > LEVEL_CONST)
          level_error(&r, un->expr, "an ASSUME must be a constant formula",
                      l);
      }
    }
  }
  return r.errors;
}
