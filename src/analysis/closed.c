/* closed.c -- the closed-constant rule: which subexpressions have one
 * value for the whole run.
 *
 * Design.  A closed, constant-level subexpression without side effects
 * ({-1, 0, 1} \X {-1, 0, 1}, 0 .. N + 1, a set filter over constants,
 * LET sq(n) == n * n IN {sq(i) : i \in 1..N}) has one value for the
 * whole run, so an engine may evaluate it once: the evaluator keeps it in
 * Expr.cache, the encoder turns it into a symbolic constant (encode/
 * closed.c).  Closed means: no variable, no name bound outside the node,
 * no operator argument that is itself an operator, no instance copy, and
 * nothing whose value is not a function of the constants (reads.h's
 * rule: TLCGet, TLCSet, Print, RandomElement, the I/O modules, primes,
 * ENABLED, ...) nor a temporal operator, reachable through the
 * definitions it calls.  A LET definition is looked into: it is closed
 * when its body is, its own parameters bound (each LET definition is
 * judged once per walk; a recursive one is not closed).  An EXCEPT is
 * closed when no update mentions `@`.  LAMBDA, labels and anything nested
 * deeper than 200 levels are not. */
#include "closed.h"

#include "builtin.h"
#include "reads.h"

/* Neither an effect, a run-time answer nor a temporal operator. */
static bool builtin_pure(int b) {
  return reads_builtin_pure(b) && b != B_BOX && b != B_DIAMOND &&
         b != B_LEADSTO;
}

/* A constant-level definition of a module (not an instance copy) whose
 * value is a function of its arguments and the constants. */
static bool def_pure(const Spec *sp, Def *d) {
  if (spec_def_value(sp, d))
    return true;
  Def *ed = spec_effective_def(sp, d);
  return ed->module && !ed->origin && ed->kind != DEF_INSTANCE &&
         ed->level == LEVEL_CONST && reads_def_pure(sp, ed);
}

/* One walk: the names bound inside the node being judged, and the LET
 * definitions met so far with their verdicts. */
typedef struct LetSeen {
  Def *def;
  uint8_t state; /* 1 being judged, 2 closed, 3 not */
} LetSeen;

typedef struct Walk {
  const Spec *sp;
  VEC(uint32_t) bound;
  VEC(LetSeen) lets;
} Walk;

static bool bound_has(const Walk *w, uint32_t id) {
  for (size_t i = 0; i < w->bound.len; i++)
    if (w->bound.data[i] == id)
      return true;
  return false;
}

static void bind_names(Walk *w, const Bound *bs, int n) {
  for (int i = 0; i < n; i++)
    for (int k = 0; k < bs[i].nnames; k++)
      VEC_PUSH(w->bound, bs[i].names[k].id);
}

static bool const_closed(Walk *w, Expr *e, int depth);

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

static bool closed_list(Walk *w, Expr **es, int n, int depth) {
  for (int i = 0; i < n; i++)
    if (!value_arg(es[i]) || !const_closed(w, es[i], depth + 1))
      return false;
  return true;
}

/* Are the bounds' sets closed, and then the body with their names? */
static bool closed_binding(Walk *w, Expr *e, int depth) {
  size_t mark = w->bound.len;
  bool ok = true;
  for (int i = 0; ok && i < e->nbounds; i++) {
    ok = e->bounds[i].set && const_closed(w, e->bounds[i].set, depth + 1);
    bind_names(w, &e->bounds[i], 1);
  }
  ok = ok && const_closed(w, e->body, depth + 1);
  w->bound.len = mark;
  return ok;
}

/* Is the LET definition d closed, its parameters (and a function
 * definition's bounds) bound?  The names its body may see from outside
 * are bound at every use inside the walk's node exactly when they are at
 * its definition, so one verdict per walk serves every use. */
static bool let_closed(Walk *w, Def *d, int depth) {
  for (size_t i = 0; i < w->lets.len; i++)
    if (w->lets.data[i].def == d)
      return w->lets.data[i].state == 2;
  size_t slot = w->lets.len;
  VEC_PUSH(w->lets, ((LetSeen){d, 1}));
  size_t mark = w->bound.len;
  bool ok = !d->recursive && d->kind != DEF_INSTANCE;
  for (int i = 0; ok && i < d->nbounds; i++)
    ok = d->bounds[i].set && const_closed(w, d->bounds[i].set, depth + 1);
  bind_names(w, d->bounds, d->nbounds);
  for (int i = 0; i < d->nparams; i++)
    VEC_PUSH(w->bound, d->params[i].id);
  ok = ok && const_closed(w, d->body, depth + 1);
  w->bound.len = mark;
  w->lets.data[slot].state = ok ? 2 : 3;
  return ok;
}

static bool closed_op(Walk *w, Expr *e, int depth) {
  if (e->npath)
    return false;
  switch (e->ref.kind) {
  case REF_BINDER:
    return e->nargs == 0 && e->ref.u.binder->arity == 0 &&
           bound_has(w, e->ref.u.binder->id);
  case REF_CONST:
    return e->nargs == 0 && w->sp->const_vals[e->ref.u.decl->index];
  case REF_DEF: {
    Def *d = e->ref.u.def;
    if (e->nargs != d->nparams || d->origin)
      return false;
    if (!d->module) {
      if (!let_closed(w, d, depth))
        return false;
    } else if (!def_pure(w->sp, d)) {
      return false;
    }
    return closed_list(w, e->args, e->nargs, depth);
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
    return closed_list(w, e->args, e->nargs, depth);
  }
  default:
    return false;
  }
}

static bool const_closed(Walk *w, Expr *e, int depth) {
  if (depth > 200)
    return false;
  switch (e->kind) {
  case EX_NUM:
  case EX_STR:
  case EX_BOOL:
    return true;
  case EX_OP:
    return closed_op(w, e, depth);
  case EX_IF:
  case EX_SET_ENUM:
  case EX_FUNSET:
  case EX_RECORD:
  case EX_RECSET:
  case EX_TUPLE:
  case EX_FAPP:
  case EX_DOT:
    return closed_list(w, e->args, e->nargs, depth);
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (!const_closed(w, e->arms[i].guard, depth + 1) ||
          !const_closed(w, e->arms[i].value, depth + 1))
        return false;
    return !e->other || const_closed(w, e->other, depth + 1);
  case EX_FORALL:
  case EX_EXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
    return closed_binding(w, e, depth);
  case EX_LET:
    for (int i = 0; i < e->ndefs; i++)
      if (!let_closed(w, e->defs[i], depth))
        return false;
    return const_closed(w, e->body, depth + 1);
  case EX_EXCEPT:
    if (!closed_list(w, e->args, e->nargs, depth))
      return false;
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i];
      for (int s = 0; s < u->npath; s++)
        if (!u->path[s].is_field &&
            !closed_list(w, u->path[s].args, u->path[s].nargs, depth))
          return false;
      if (!const_closed(w, u->value, depth + 1)) /* `@` is not closed */
        return false;
    }
    return true;
  default:
    /* `@`, LAMBDA, labels, temporal forms. */
    return false;
  }
}

bool closed_const(const Spec *sp, Expr *e) {
  Walk w = {sp, {0}, {0}};
  bool ok = const_closed(&w, e, 0);
  VEC_FREE(w.bound);
  VEC_FREE(w.lets);
  return ok;
}
