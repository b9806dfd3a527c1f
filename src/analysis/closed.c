/* closed.c -- the closed-constant rule: which subexpressions have one
 * value for the whole run.
 *
 * Design.  A closed, constant-level subexpression without side effects
 * ({-1, 0, 1} \X {-1, 0, 1}, 0 .. N + 1, a set filter over constants)
 * has one value for the whole run, so an engine may evaluate it once.
 * Closed means: no variable, no name bound outside the node, no
 * definition whose body may see such names (LET definitions, instance
 * copies), no operator argument that is itself an operator, and no
 * built-in with an effect or a run-time answer (TLCGet, TLCSet, Print,
 * PrintT, JavaTime, Any, primes, UNCHANGED, ENABLED, temporal operators)
 * reachable through the definitions it calls.  LET, EXCEPT (whose `@` is
 * bound by the EXCEPT), LAMBDA and labels are not closed; neither is
 * anything nested deeper than 200 levels.  The purity of a definition is
 * kept by Def.id (0 unknown, 1 pure, 2 not, 3 being analysed: recursion
 * counts as impure). */
#include "closed.h"

#include "builtin.h"

static VEC(uint8_t)
    def_purity; /* by Def.id: 0 unknown, 1 pure, 2 not, 3 busy */

static bool builtin_pure(int b) {
  switch (b) {
  case B_TLCGET:
  case B_TLCSET:
  case B_PRINT:
  case B_PRINTT:
  case B_JAVATIME:
  case B_ANY:
  case B_PRIME:
  case B_UNCHANGED:
  case B_ENABLED:
  case B_BOX:
  case B_DIAMOND:
  case B_LEADSTO:
    return false;
  default:
    return true;
  }
}

static bool def_pure(const Spec *sp, Def *d);

/* Does e reach no impure built-in (through the definitions it calls)? */
static bool expr_pure(const Spec *sp, Expr *e, int depth) {
  if (!e)
    return true;
  if (depth > 500)
    return false;
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_BUILTIN && !builtin_pure(e->ref.u.builtin))
      return false;
    if (e->ref.kind == REF_DEF && !def_pure(sp, e->ref.u.def))
      return false;
    if (e->ref.kind == REF_CONST && sp->const_defs[e->ref.u.decl->index] &&
        !def_pure(sp, sp->const_defs[e->ref.u.decl->index]))
      return false;
    for (int i = 0; i < e->npath; i++)
      for (int k = 0; k < e->path_nargs[i]; k++)
        if (!expr_pure(sp, e->path_args[i][k], depth + 1))
          return false;
  }
  for (int i = 0; i < e->nargs; i++)
    if (!expr_pure(sp, e->args[i], depth + 1))
      return false;
  for (int i = 0; i < e->nbounds; i++)
    if (!expr_pure(sp, e->bounds[i].set, depth + 1))
      return false;
  for (int i = 0; i < e->narms; i++)
    if (!expr_pure(sp, e->arms[i].guard, depth + 1) ||
        !expr_pure(sp, e->arms[i].value, depth + 1))
      return false;
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int k = 0; k < u->npath; k++)
      for (int j = 0; j < u->path[k].nargs; j++)
        if (!expr_pure(sp, u->path[k].args[j], depth + 1))
          return false;
    if (!expr_pure(sp, u->value, depth + 1))
      return false;
  }
  for (int i = 0; i < e->ndefs; i++)
    if (!def_pure(sp, e->defs[i]))
      return false;
  return expr_pure(sp, e->other, depth + 1) &&
         expr_pure(sp, e->body, depth + 1);
}

/* A definition being analysed counts as impure (recursion is not cached). */
static bool def_pure(const Spec *sp, Def *d) {
  if (spec_def_value(sp, d))
    return true;
  d = spec_effective_def(sp, d);
  if (d->kind == DEF_INSTANCE)
    return false;
  while (def_purity.len <= d->id)
    VEC_PUSH(def_purity, 0);
  if (def_purity.data[d->id])
    return def_purity.data[d->id] == 1;
  def_purity.data[d->id] = 3;
  bool ok = expr_pure(sp, d->body, 0);
  for (int i = 0; ok && i < d->nbounds; i++)
    ok = expr_pure(sp, d->bounds[i].set, 0);
  def_purity.data[d->id] = ok ? 1 : 2;
  return ok;
}

typedef struct BoundIds {
  uint32_t id[64];
  int n;
} BoundIds;

static bool bound_has(const BoundIds *b, uint32_t id) {
  for (int i = 0; i < b->n; i++)
    if (b->id[i] == id)
      return true;
  return false;
}

static bool const_closed(const Spec *sp, Expr *e, BoundIds *b, int depth);

/* An operator argument that is an operator (a name of arity > 0, or a
 * LAMBDA) is not a value. */
static bool value_arg(Expr *a) {
  if (a->kind == EX_LAMBDA)
    return false;
  if (a->kind == EX_OP && a->nargs == 0) {
    if (a->ref.kind == REF_DEF && a->ref.u.def->nparams > 0)
      return false;
    if (a->ref.kind == REF_BUILTIN && builtin_info[a->ref.u.builtin].arity != 0)
      return false;
    if (a->ref.kind == REF_BINDER && a->ref.u.binder->arity > 0)
      return false;
  }
  return true;
}

static bool closed_list(const Spec *sp, Expr **es, int n, BoundIds *b,
                        int depth) {
  for (int i = 0; i < n; i++)
    if (!value_arg(es[i]) || !const_closed(sp, es[i], b, depth + 1))
      return false;
  return true;
}

/* Are the bounds' sets closed, and then the body with their names? */
static bool closed_binding(const Spec *sp, Expr *e, BoundIds *b, int depth) {
  int mark = b->n;
  bool ok = true;
  for (int i = 0; ok && i < e->nbounds; i++) {
    Bound *bd = &e->bounds[i];
    ok = bd->set && const_closed(sp, bd->set, b, depth + 1) &&
         b->n + bd->nnames <= 64;
    for (int k = 0; ok && k < bd->nnames; k++)
      b->id[b->n++] = bd->names[k].id;
  }
  ok = ok && const_closed(sp, e->body, b, depth + 1);
  b->n = mark;
  return ok;
}

static bool const_closed(const Spec *sp, Expr *e, BoundIds *b, int depth) {
  if (depth > 200)
    return false;
  switch (e->kind) {
  case EX_NUM:
  case EX_STR:
  case EX_BOOL:
    return true;
  case EX_OP: {
    if (e->npath)
      return false;
    switch (e->ref.kind) {
    case REF_BINDER:
      return e->nargs == 0 && e->ref.u.binder->arity == 0 &&
             bound_has(b, e->ref.u.binder->id);
    case REF_CONST:
      return e->nargs == 0 && sp->const_vals[e->ref.u.decl->index];
    case REF_DEF: {
      Def *d = e->ref.u.def;
      if (!d->module || d->origin || e->nargs != d->nparams)
        return false;
      if (!spec_def_value(sp, d)) {
        Def *ed = spec_effective_def(sp, d);
        if (!ed->module || ed->origin || ed->kind == DEF_INSTANCE ||
            ed->level != LEVEL_CONST || !def_pure(sp, ed))
          return false;
      }
      return closed_list(sp, e->args, e->nargs, b, depth);
    }
    case REF_BUILTIN: {
      int op = e->ref.u.builtin;
      int ar = builtin_info[op].arity;
      if (!builtin_pure(op) || (ar >= 0 && ar != e->nargs) ||
          (ar < 0 && e->nargs == 0))
        return false;
      for (int i = 0; i < e->nargs; i++)
        if (builtin_op_param(op, i) > 0)
          return false;
      return closed_list(sp, e->args, e->nargs, b, depth);
    }
    default:
      return false;
    }
  }
  case EX_IF:
  case EX_SET_ENUM:
  case EX_FUNSET:
  case EX_RECORD:
  case EX_RECSET:
  case EX_TUPLE:
  case EX_FAPP:
  case EX_DOT:
    return closed_list(sp, e->args, e->nargs, b, depth);
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (!const_closed(sp, e->arms[i].guard, b, depth + 1) ||
          !const_closed(sp, e->arms[i].value, b, depth + 1))
        return false;
    return !e->other || const_closed(sp, e->other, b, depth + 1);
  case EX_FORALL:
  case EX_EXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
    return closed_binding(sp, e, b, depth);
  default:
    /* LET, EXCEPT (@), LAMBDA, labels, temporal forms: not cached. */
    return false;
  }
}

bool closed_const(const Spec *sp, Expr *e) {
  BoundIds b;
  b.n = 0;
  return const_closed(sp, e, &b, 0);
}
