/* symmetric.c -- is the spec symmetric in the elements of a constant set?
 *
 * One walk over what the symbolic engine checks -- Init, Next, the
 * invariants, CONSTRAINTs, ACTION_CONSTRAINTs and PROPERTY conjuncts --
 * and the bodies of the definitions they apply (each once), accepting
 * only constructs that commute with renaming the elements of a set: a
 * renaming maps every value built from them by these constructs to the
 * value built from the renamed arguments, and leaves Booleans alone.
 * The one constant named is C (its value, however the config gives it,
 * is a set, so a permutation of it maps it to itself); any other constant,
 * any literal but TRUE and FALSE, any operator outside the list, any
 * definition the config overrides by a value, any instance's copy and any
 * operator of a shipped module (which may be native) fail the test.  Integers in
 * particular must not appear other than as C's elements, since a renaming
 * of integers would not commute with arithmetic, order, Cardinality or
 * the indices of tuples. */
#include "symmetric.h"

#include "builtin.h"
#include "eval.h"

typedef struct Walk {
  const Spec *sp;
  Decl *c;      /* the constant named so far, or NULL */
  Expr *c_expr; /* a reference to it */
  VEC(Def *) seen;
} Walk;

static bool walk(Walk *w, Expr *e);

/* The built-ins that commute with renaming. */
static bool builtin_ok(int b) {
  switch (b) {
  case B_EQ:
  case B_NEQ:
  case B_AND:
  case B_OR:
  case B_NOT:
  case B_IMPLIES:
  case B_EQUIV:
  case B_IN:
  case B_NOTIN:
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
  case B_SUBSETEQ:
  case B_SUBSET:
  case B_UNION:
  case B_PRIME:
  case B_BOOLEAN:
  case B_ISFINITESET:
    return true;
  default:
    return false;
  }
}

static bool walk_def(Walk *w, Def *d) {
  for (size_t i = 0; i < w->seen.len; i++)
    if (w->seen.data[i] == d)
      return true; /* checked, or being checked further up */
  VEC_PUSH(w->seen, d);
  /* A shipped module's operator may be implemented natively, whatever
   * its body says; an instance's copy sees substituted constants. */
  if (d->kind != DEF_OP || d->origin || d->via ||
      (d->module && d->module->builtin))
    return false;
  return walk(w, d->body);
}

static bool walk_bounds(Walk *w, Expr *e) {
  for (int i = 0; i < e->nbounds; i++)
    if (e->bounds[i].tuple || !e->bounds[i].set || !walk(w, e->bounds[i].set))
      return false;
  return true;
}

/* UNCHANGED e: e a variable, an allowed expression or a tuple of them
 * (<<a, b>>' = <<a, b>> is a' = a /\ b' = b), possibly through
 * definitions without parameters (vars == <<a, b>>), which are not marked
 * as checked: used elsewhere, the tuple is a value. */
static bool walk_unchanged(Walk *w, Expr *e) {
  for (int hops = 0; hops < 16 && e->kind == EX_OP &&
                     e->ref.kind == REF_DEF && e->nargs == 0 && !e->npath;
       hops++) {
    Def *d = spec_applied_def(w->sp, e);
    if (!d || d->nparams != 0 || d->origin || d->via ||
        (d->module && d->module->builtin))
      return false;
    e = d->body;
  }
  if (e->kind != EX_TUPLE)
    return walk(w, e);
  for (int i = 0; i < e->nargs; i++)
    if (!walk_unchanged(w, e->args[i]))
      return false;
  return true;
}

static bool walk_op(Walk *w, Expr *e) {
  if (e->npath > 0)
    return false;
  for (int i = 0; i < e->nargs; i++)
    if (!(ast_is_builtin(e, B_UNCHANGED) ? walk_unchanged(w, e->args[i])
                                         : walk(w, e->args[i])))
      return false;
  switch (e->ref.kind) {
  case REF_BUILTIN:
    return builtin_ok(e->ref.u.builtin) ||
           e->ref.u.builtin == B_UNCHANGED;
  case REF_VAR:
  case REF_BINDER:
    return true;
  case REF_CONST: {
    Decl *c = e->ref.u.decl;
    if (c->arity != 0 || (w->c && w->c != c))
      return false;
    w->c = c;
    w->c_expr = e;
    return true;
  }
  case REF_DEF: {
    Def *d = spec_applied_def(w->sp, e);
    return d && !d->recursive && walk_def(w, d);
  }
  default:
    return false;
  }
}

static bool walk(Walk *w, Expr *e) {
  if (!e)
    return true;
  switch (e->kind) {
  case EX_BOOL:
    return true;
  case EX_OP:
    return walk_op(w, e);
  case EX_IF:
  case EX_SET_ENUM:
    for (int i = 0; i < e->nargs; i++)
      if (!walk(w, e->args[i]))
        return false;
    return true;
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (!walk(w, e->arms[i].guard) || !walk(w, e->arms[i].value))
        return false;
    return walk(w, e->other);
  case EX_LET:
    for (int i = 0; i < e->ndefs; i++)
      if (e->defs[i]->kind != DEF_OP || !walk(w, e->defs[i]->body))
        return false;
    return walk(w, e->body);
  case EX_FORALL:
  case EX_EXISTS:
  case EX_SET_FILTER:
  case EX_SET_MAP:
    return walk_bounds(w, e) && walk(w, e->body);
  case EX_LABEL:
    return walk(w, e->body);
  case EX_BOX_ACT: /* [A]_v of an action property */
    return walk(w, e->args[0]) && walk_unchanged(w, e->args[1]);
  default:
    return false;
  }
}

/* Integers, or strings and model values: atoms a renaming may exchange
 * (of one of the two kinds, as symbolic values have them). */
static bool atoms(const Value *v) {
  if (!v || v->kind != V_SET || v->u.set.n < 2)
    return false;
  bool ints = v->u.set.elems[0]->kind == V_INT;
  for (uint32_t i = 0; i < v->u.set.n; i++) {
    const Value *x = v->u.set.elems[i];
    if (ints ? x->kind != V_INT : x->kind != V_STR && x->kind != V_MODEL)
      return false;
  }
  return true;
}

static bool walk_named(Walk *w, const void *vec) {
  const VEC(Named) *v = vec;
  for (size_t i = 0; i < v->len; i++)
    if (!walk(w, v->data[i].expr))
      return false;
  return true;
}

Value *symmetric_values(const Spec *sp, Sym *name) {
  if (sp->cinit || !sp->init || !sp->next)
    return NULL;
  Walk w = {sp, NULL, NULL, {0}};
  bool ok = walk(&w, sp->init) && walk(&w, sp->next) &&
            walk_named(&w, &sp->invariants) &&
            walk_named(&w, &sp->constraints) &&
            walk_named(&w, &sp->action_constraints);
  for (size_t i = 0; ok && i < sp->properties.len; i++)
    ok = walk(&w, sp->properties.data[i].expr) &&
         (!sp->properties.data[i].sub ||
          walk_unchanged(&w, sp->properties.data[i].sub));
  VEC_FREE(w.seen);
  if (!ok || !w.c)
    return NULL;
  Value *v = eval_const_quiet(sp, w.c_expr);
  if (v && val_is_set(v))
    v = val_set_enum(v);
  if (!atoms(v))
    return NULL;
  *name = w.c->name;
  return v;
}
