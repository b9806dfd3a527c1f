/* typeinfer_expr.c -- the inference walk over expressions.
 *
 * ti_infer gives every expression a type (stored in e->type) by
 * unification: a literal has its primitive type, a construct builds the
 * type of its result from its parts' (sets, functions, records, tuples,
 * EXCEPT paths), and a mismatch unwinds to the recovery point of the
 * definition being typed (ty_unify).  Bound names get the element type of
 * their set and live in a TEnv chain on the C stack; a tuple pattern
 * splits it.  A call of a definition instantiates the definition's
 * generalised type (ti_def_type, typeinfer.c); a built-in operator is
 * typed by its own rule (typeinfer_builtin.c).  Indexing with a literal
 * may make a value a tuple (tuple_component), so `t[1]` and `t[2]` can
 * have different types. */
#include <stdlib.h>

#include "inferint.h"

Type *ti_lookup(TEnv *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env->t;
  return NULL;
}

void ti_expect(Expr *e, Type *got, Type *want, const char *what) {
  Unify u = {what, e ? e->loc : (Loc){0}};
  ty_unify(&u, got, want);
}

/* How a message names e: its source text when short, else its kind. */
const char *ti_expr_name(Expr *e) {
  char *q = ty_snippet(e->loc, 40);
  if (q)
    return q;
  if (e->kind == EX_OP && e->nargs == 0)
    return xsprintf("'%s'", sym_str(e->name));
  if (e->kind == EX_OP && e->ref.kind == REF_DEF)
    return xsprintf("'%s(...)'", sym_str(e->name));
  return "this expression";
}

Type *ti_infer_expect(Infer *I, Expr *e, TEnv *env, Type *want) {
  Type *t = ti_infer(I, e, env);
  ti_expect(e, t, want, ti_expr_name(e));
  return t;
}


/* Binds the names of bounds: each `x \in S` gives x the element type of
 * S; a tuple pattern splits it. */
TEnv *ti_bind_bounds(Infer *I, Bound *b, int nb, TEnv *env, TEnv *frames,
                     Type **key_parts, int *nkeys) {
  int k = 0, kp = 0;
  for (int i = 0; i < nb; i++) {
    Bound *bd = &b[i];
    Type *elem = ty_var();
    if (bd->set)
      ti_infer_expect(I, bd->set, env, ty_set(elem, bd->set->loc));
    if (bd->tuple) {
      Type *tup = ty_tup(bd->nnames, bd->set ? bd->set->loc : (Loc){0});
      ti_expect(bd->set, elem, tup, "the tuple pattern");
      for (int j = 0; j < bd->nnames; j++) {
        frames[k] = (TEnv){bd->names[j].id, tup->args[j], env};
        bd->names[j].type = tup->args[j];
        env = &frames[k++];
      }
      if (key_parts)
        key_parts[kp++] = elem;
    } else {
      for (int j = 0; j < bd->nnames; j++) {
        Type *t = bd->set ? elem : ty_var();
        frames[k] = (TEnv){bd->names[j].id, t, env};
        bd->names[j].type = t;
        env = &frames[k++];
        if (key_parts)
          key_parts[kp++] = t;
      }
    }
  }
  if (nkeys)
    *nkeys = kp;
  return env;
}

int ti_frames_needed(Bound *b, int nb) {
  int n = 0;
  for (int i = 0; i < nb; i++)
    n += b[i].nnames;
  return n + 1;
}

Type *ti_key_of(Type **parts, int n, Loc at) {
  if (n == 1)
    return parts[0];
  Type *t = ty_tup(n, at);
  for (int i = 0; i < n; i++)
    t->args[i] = parts[i];
  return t;
}

/* The k-th component (1-based) of a value indexed by a literal, when its
 * type is, or can become, a tuple; NULL when it is something else (a
 * function or sequence, applied as such). */
static Type *tuple_component(Type *f, long k, Loc at) {
  f = type_find(f);
  if (k < 1 || k > 1000)
    return NULL;
  if (f->kind == TY_VAR && !f->strseq) {
    Type *t = ty_tup((int)k, at);
    t->open = true;
    f->link = t;
    return t->args[k - 1];
  }
  if (f->kind != TY_TUP)
    return NULL;
  if (k <= f->nargs)
    return f->args[k - 1];
  if (!f->open)
    return NULL;
  f->args = xrealloc(f->args, (size_t)k * sizeof *f->args);
  for (int i = f->nargs; i < k; i++)
    f->args[i] = ty_var();
  f->nargs = (int)k;
  return f->args[k - 1];
}

static long literal_index(Expr *e) {
  return e->kind == EX_NUM ? strtol(e->num, NULL, 10) : -1;
}

/* Applies an operator of type `op` (a TY_OPER, or a value type when it
 * has no parameters) to e's arguments. */
static Type *apply_oper(Infer *I, Expr *e, Type *op, TEnv *env) {
  op = type_find(op);
  if (e->nargs == 0)
    return op->kind == TY_OPER && op->nargs == 1 ? op->args[0] : op;
  if (op->kind == TY_VAR) { /* an operator parameter used first here */
    Type *o = ty_oper(e->nargs, e->loc);
    ti_expect(e, op, o, ti_expr_name(e));
    op = o;
  }
  if (op->kind != TY_OPER || op->nargs != e->nargs + 1) {
    for (int i = 0; i < e->nargs; i++)
      ti_infer(I, e->args[i], env);
    return ty_var();
  }
  for (int i = 0; i < e->nargs; i++) {
    Type *p = type_find(op->args[i]);
    if (p->kind == TY_OPER) /* an operator argument */
      ti_expect_op_arg(I, e->args[i], env, p);
    else
      ti_infer_expect(I, e->args[i], env, p);
  }
  return op->args[e->nargs];
}

static Type *infer_op(Infer *I, Expr *e, TEnv *env) {
  switch (e->ref.kind) {
  case REF_BUILTIN:
    return ti_builtin_type(I, e, env);
  case REF_CONST:
  case REF_VAR: {
    Decl *d = e->ref.u.decl;
    if (!d->type)
      d->type = ty_var();
    if (d->arity > 0) {
      bool top = !d->is_var && d->index >= 0 &&
                 (size_t)d->index < I->spec->prog->consts.len;
      Def *sub = top ? I->spec->const_defs[d->index] : NULL;
      if (sub)
        return apply_oper(I, e, ti_def_type(I, sub, e->loc), env);
      for (int i = 0; i < e->nargs; i++)
        ti_infer(I, e->args[i], env);
      return ty_var();
    }
    return d->type;
  }
  case REF_BINDER: {
    Type *t = ti_lookup(env, e->ref.u.binder->id);
    if (!t)
      t = e->ref.u.binder->type ? e->ref.u.binder->type : ty_var();
    return apply_oper(I, e, t, env);
  }
  case REF_DEF:
    if (e->ref.u.def->kind == DEF_INSTANCE)
      return ty_var();
    return apply_oper(I, e, ti_def_type(I, e->ref.u.def, e->loc), env);
  default:
    return ty_var();
  }
}

static Type *infer_except_path(Infer *I, Expr *e, Type *f, ExceptUpdate *u,
                               int i, TEnv *env) {
  if (i == u->npath) {
    Type *saved = I->at;
    I->at = f;
    ti_infer_expect(I, u->value, env, f);
    I->at = saved;
    return f;
  }
  ExceptStep *st = &u->path[i];
  Type *elem = ty_var();
  if (st->is_field) {
    Type *r = ty_rec(e->loc);
    ty_rec_add(r, st->field, elem);
    ti_expect(e, f, r, ti_expr_name(e->args[0]));
  } else {
    if (st->nargs == 1 && literal_index(st->args[0]) > 0) {
      /* A tuple updated at a literal index keeps its shape. */
      ti_infer(I, st->args[0], env);
      Type *c = tuple_component(f, literal_index(st->args[0]), e->loc);
      if (c) {
        infer_except_path(I, e, c, u, i + 1, env);
        return f;
      }
    }
    Type *parts[16];
    int n = st->nargs > 16 ? 16 : st->nargs;
    for (int k = 0; k < n; k++)
      parts[k] = ti_infer(I, st->args[k], env);
    ti_expect(e, f, ty_fun(ti_key_of(parts, n, e->loc), elem, e->loc),
              ti_expr_name(e->args[0]));
  }
  infer_except_path(I, e, elem, u, i + 1, env);
  return f;
}

static Type *infer_binding(Infer *I, Expr *e, TEnv *env) {
  Loc L = e->loc;
  int nf = ti_frames_needed(e->bounds, e->nbounds);
  TEnv frames[nf];
  Type *parts[nf];
  int nkeys = 0;
  TEnv *inner =
      ti_bind_bounds(I, e->bounds, e->nbounds, env, frames, parts, &nkeys);
  switch (e->kind) {
  case EX_CHOOSE:
    ti_infer_expect(I, e->body, inner, BOOL(L));
    return e->bounds[0].tuple ? parts[0] : frames[0].t;
  case EX_SET_FILTER:
    ti_infer_expect(I, e->body, inner, BOOL(L));
    return ty_set(e->bounds[0].tuple ? parts[0] : frames[0].t, L);
  case EX_SET_MAP:
    return ty_set(ti_infer(I, e->body, inner), L);
  case EX_FUNC:
    return ty_fun(ti_key_of(parts, nkeys, L), ti_infer(I, e->body, inner), L);
  case EX_LAMBDA: {
    Type *op = ty_oper(nf - 1, L);
    for (int i = 0; i < nf - 1; i++)
      op->args[i] = frames[i].t;
    op->args[nf - 1] = ti_infer(I, e->body, inner);
    return op;
  }
  default:
    ti_infer_expect(I, e->body, inner, BOOL(L));
    return BOOL(L);
  }
}

Type *ti_infer(Infer *I, Expr *e, TEnv *env) {
  Loc L = e->loc;
  Type *t;
  switch (e->kind) {
  case EX_NUM:
    t = INT(L);
    break;
  case EX_DECIMAL:
    t = ty_var();
    break;
  case EX_STR:
    t = STR(L);
    break;
  case EX_BOOL:
    t = BOOL(L);
    break;
  case EX_OP:
    t = infer_op(I, e, env);
    break;
  case EX_IF:
    ti_infer_expect(I, e->args[0], env, BOOL(L));
    t = ti_infer(I, e->args[1], env);
    ti_infer_expect(I, e->args[2], env, t);
    break;
  case EX_CASE:
    t = ty_var();
    for (int i = 0; i < e->narms; i++) {
      ti_infer_expect(I, e->arms[i].guard, env, BOOL(L));
      ti_infer_expect(I, e->arms[i].value, env, t);
    }
    if (e->other)
      ti_infer_expect(I, e->other, env, t);
    break;
  case EX_LET:
    for (int i = 0; i < e->ndefs; i++)
      ti_def_type(I, e->defs[i], e->defs[i]->loc);
    t = ti_infer(I, e->body, env);
    break;
  case EX_FORALL:
  case EX_EXISTS:
  case EX_TFORALL:
  case EX_TEXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
  case EX_LAMBDA:
    t = infer_binding(I, e, env);
    break;
  case EX_SET_ENUM: {
    Type *el = ty_var();
    for (int i = 0; i < e->nargs; i++)
      ti_infer_expect(I, e->args[i], env, el);
    t = ty_set(el, L);
    break;
  }
  case EX_FUNSET: {
    Type *d = ty_var(), *r = ty_var();
    ti_infer_expect(I, e->args[0], env, ty_set(d, L));
    ti_infer_expect(I, e->args[1], env, ty_set(r, L));
    t = ty_set(ty_fun(d, r, L), L);
    break;
  }
  case EX_RECORD:
  case EX_RECSET: {
    Type *r = ty_rec(L);
    for (int i = 0; i < e->nargs; i++) {
      Type *ft = ti_infer(I, e->args[i], env);
      if (e->kind == EX_RECSET) {
        Type *el = ty_var();
        ti_expect(e->args[i], ft, ty_set(el, L), ti_expr_name(e->args[i]));
        ft = el;
      }
      ty_rec_add(r, e->fields[i], ft);
    }
    t = e->kind == EX_RECSET ? ty_set(r, L) : r;
    break;
  }
  case EX_TUPLE: {
    Type *tup = ty_tup(e->nargs, L);
    for (int i = 0; i < e->nargs; i++)
      tup->args[i] = ti_infer(I, e->args[i], env);
    t = tup;
    break;
  }
  case EX_FAPP: {
    Type *f = ti_infer(I, e->args[0], env);
    if (e->nargs == 2 && literal_index(e->args[1]) > 0) {
      ti_infer(I, e->args[1], env);
      t = tuple_component(f, literal_index(e->args[1]), L);
      if (t)
        break;
    }
    Type *parts[16];
    int n = e->nargs - 1 > 16 ? 16 : e->nargs - 1;
    for (int i = 0; i < n; i++)
      parts[i] = ti_infer(I, e->args[i + 1], env);
    t = ty_var();
    ti_expect(e->args[0], f, ty_fun(ti_key_of(parts, n, L), t, L),
              ti_expr_name(e->args[0]));
    break;
  }
  case EX_DOT: {
    Type *r = ty_rec(L);
    t = ty_var();
    ty_rec_add(r, e->field, t);
    ti_infer_expect(I, e->args[0], env, r);
    break;
  }
  case EX_EXCEPT: {
    t = ti_infer(I, e->args[0], env);
    for (int i = 0; i < e->nupdates; i++)
      infer_except_path(I, e, t, &e->updates[i], 0, env);
    break;
  }
  case EX_AT:
    t = I->at ? I->at : ty_var();
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    ti_infer_expect(I, e->args[0], env, BOOL(L));
    ti_infer(I, e->args[1], env);
    t = BOOL(L);
    break;
  case EX_WF:
  case EX_SF:
    ti_infer(I, e->args[0], env);
    ti_infer_expect(I, e->args[1], env, BOOL(L));
    t = BOOL(L);
    break;
  case EX_LABEL:
    t = ti_infer(I, e->body, env);
    break;
  default:
    t = ty_var();
  }
  e->type = t;
  return t;
}
