/* typeinfer.c -- Hindley-Milner style inference over a bound spec (see
 * types.h).
 *
 * Constants and variables have one monomorphic type each, seeded from
 * their config values and their annotations.  Definitions are typed on
 * first use (so in dependency order), each under its own recovery point;
 * bound names and parameters get fresh variables; a recursive definition
 * is monomorphic inside its own body; a definition of a module is then
 * generalised over the variables and rows that no constant or variable
 * reaches.
 *
 * The walk starts from what the config names (Init, Next, invariants,
 * constraints, properties, assumptions ...): everything reached from there
 * is used by the model and a mismatch in it is an error.  Definitions
 * nothing reaches are typed afterwards, against the types the used ones
 * fixed, and a mismatch in them is a warning: neither engine evaluates
 * them, as TLC does not.
 *
 * Last, what the uses left open is settled: a string-or-sequence that is
 * never a string is a sequence, an open tuple is closed; --verbose tells
 * which representation each such choice gives. */
#include <string.h>

#include "builtin.h"
#include "cfg.h"
#include "typeint.h"

typedef struct TEnv {
  uint32_t id;
  Type *t;
  struct TEnv *up;
} TEnv;

typedef struct Infer {
  Spec *spec;
  Type **def_types;    /* by Def.id: the generalised type */
  Type ***def_generic; /* by Def.id: its generic variables and rows */
  int *def_ngeneric;
  bool *def_busy;
  Type *at; /* type of `@` in the current EXCEPT value */
  bool annotations;
} Infer;

static Type *infer(Infer *I, Expr *e, TEnv *env);
static Type *def_type(Infer *I, Def *d, Loc use);

static Type *lookup(TEnv *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env->t;
  return NULL;
}

static void expect(Expr *e, Type *got, Type *want, const char *what) {
  Unify u = {what, e ? e->loc : (Loc){0}};
  ty_unify(&u, got, want);
}

/* How a message names e: its source text when short, else its kind. */
static const char *expr_name(Expr *e) {
  char *q = ty_snippet(e->loc, 40);
  if (q)
    return q;
  if (e->kind == EX_OP && e->nargs == 0)
    return xsprintf("'%s'", sym_str(e->name));
  if (e->kind == EX_OP && e->ref.kind == REF_DEF)
    return xsprintf("'%s(...)'", sym_str(e->name));
  return "this expression";
}

static Type *infer_expect(Infer *I, Expr *e, TEnv *env, Type *want) {
  Type *t = infer(I, e, env);
  expect(e, t, want, expr_name(e));
  return t;
}

#define BOOL(L) ty_prim(TY_BOOL, L)
#define INT(L) ty_prim(TY_INT, L)
#define STR(L) ty_prim(TY_STR, L)

/* Binds the names of bounds: each `x \in S` gives x the element type of
 * S; a tuple pattern splits it. */
static TEnv *bind_bounds(Infer *I, Bound *b, int nb, TEnv *env, TEnv *frames,
                         Type **key_parts, int *nkeys) {
  int k = 0, kp = 0;
  for (int i = 0; i < nb; i++) {
    Bound *bd = &b[i];
    Type *elem = ty_var();
    if (bd->set)
      infer_expect(I, bd->set, env, ty_set(elem, bd->set->loc));
    if (bd->tuple) {
      Type *tup = ty_tup(bd->nnames, bd->set ? bd->set->loc : (Loc){0});
      expect(bd->set, elem, tup, "the tuple pattern");
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

static int frames_needed(Bound *b, int nb) {
  int n = 0;
  for (int i = 0; i < nb; i++)
    n += b[i].nnames;
  return n + 1;
}

static Type *key_of(Type **parts, int n, Loc at) {
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

/* The type of an expression passed where an operator is expected (a
 * definition's name, an operator parameter, a LAMBDA); NULL for a
 * built-in operator. */
static Type *op_arg_type(Infer *I, Expr *arg, TEnv *env) {
  if (arg->kind == EX_LAMBDA)
    return infer(I, arg, env);
  if (arg->kind != EX_OP || arg->nargs != 0)
    return NULL;
  if (arg->ref.kind == REF_DEF)
    return def_type(I, arg->ref.u.def, arg->loc);
  if (arg->ref.kind == REF_BINDER) {
    Type *t = lookup(env, arg->ref.u.binder->id);
    return t ? t : arg->ref.u.binder->type;
  }
  return NULL;
}

static void expect_op_arg(Infer *I, Expr *arg, TEnv *env, Type *want) {
  Type *t = op_arg_type(I, arg, env);
  if (t)
    expect(arg, t, want, expr_name(arg));
}

static Type *builtin_type(Infer *I, Expr *e, TEnv *env) {
  Expr **a = e->args;
  Loc L = e->loc;
  int b = e->ref.u.builtin;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    Type *x = infer(I, a[0], env), *y = infer(I, a[1], env);
    expect(a[1], y, x, expr_name(a[0]));
    return BOOL(L);
  }
  case B_AND:
  case B_OR:
  case B_NOT:
  case B_IMPLIES:
  case B_EQUIV:
    for (int i = 0; i < e->nargs; i++)
      infer_expect(I, a[i], env, BOOL(a[i]->loc));
    return BOOL(L);
  case B_IN:
  case B_NOTIN: {
    Type *x = infer(I, a[0], env);
    infer_expect(I, a[1], env, ty_set(x, a[0]->loc));
    return BOOL(L);
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
  case B_SUBSETEQ: {
    Type *s = ty_set(ty_var(), L);
    infer_expect(I, a[0], env, s);
    infer_expect(I, a[1], env, s);
    return b == B_SUBSETEQ ? BOOL(L) : s;
  }
  case B_SUBSET: {
    Type *s = ty_set(ty_var(), L);
    infer_expect(I, a[0], env, s);
    return ty_set(s, L);
  }
  case B_UNION: {
    Type *s = ty_set(ty_var(), L);
    infer_expect(I, a[0], env, ty_set(s, L));
    return s;
  }
  case B_DOMAIN: {
    Type *f = type_find(infer(I, a[0], env));
    if (f->kind == TY_TUP || f->kind == TY_SEQ)
      return ty_set(INT(L), L);
    if (f->kind == TY_REC)
      return ty_set(STR(L), L);
    Type *d = ty_var();
    expect(a[0], f, ty_fun(d, ty_var(), L), expr_name(a[0]));
    return ty_set(d, L);
  }
  case B_PRIME:
    return infer(I, a[0], env);
  case B_UNCHANGED:
    infer(I, a[0], env);
    return BOOL(L);
  case B_ENABLED:
  case B_BOX:
  case B_DIAMOND:
    infer_expect(I, a[0], env, BOOL(L));
    return BOOL(L);
  case B_LEADSTO:
    infer_expect(I, a[0], env, BOOL(L));
    infer_expect(I, a[1], env, BOOL(L));
    return BOOL(L);
  case B_BOOLEAN:
    return ty_set(BOOL(L), L);
  case B_STRING:
    return ty_set(STR(L), L);
  case B_NAT:
  case B_INT:
  case B_REAL:
    return ty_set(INT(L), L);
  case B_INFINITY:
  case B_JAVATIME:
    return INT(L);
  case B_TIMES: {
    Type *tup = ty_tup(e->nargs, L);
    for (int i = 0; i < e->nargs; i++)
      infer_expect(I, a[i], env, ty_set(tup->args[i], L));
    return ty_set(tup, L);
  }
  case B_PLUS:
  case B_MINUS:
  case B_MUL:
  case B_POW:
  case B_DIV:
  case B_RDIV:
  case B_MOD:
  case B_LT:
  case B_GT:
  case B_LE:
  case B_GE:
  case B_RANGE:
    infer_expect(I, a[0], env, INT(L));
    infer_expect(I, a[1], env, INT(L));
    if (b == B_RANGE)
      return ty_set(INT(L), L);
    return b >= B_LT && b <= B_GE ? BOOL(L) : INT(L);
  case B_NEG:
    infer_expect(I, a[0], env, INT(L));
    return INT(L);
  case B_SEQ: {
    Type *el = ty_var();
    infer_expect(I, a[0], env, ty_set(el, L));
    return ty_set(ty_seq(el, L), L);
  }
  /* Len, \o, SubSeq and Tail take strings too, as in TLC. */
  case B_TAIL: {
    Type *s = ty_strseq(L);
    infer_expect(I, a[0], env, s);
    return s;
  }
  case B_LEN:
    infer_expect(I, a[0], env, ty_strseq(L));
    return INT(L);
  case B_CONCAT: {
    Type *s = ty_strseq(L);
    infer_expect(I, a[0], env, s);
    infer_expect(I, a[1], env, s);
    return s;
  }
  case B_SUBSEQ: {
    Type *s = ty_strseq(L);
    infer_expect(I, a[0], env, s);
    infer_expect(I, a[1], env, INT(L));
    infer_expect(I, a[2], env, INT(L));
    return s;
  }
  case B_APPEND:
  case B_HEAD:
  case B_SELECTSEQ:
  case B_SORTSEQ: {
    Type *el = ty_var();
    Type *s = ty_seq(el, L);
    infer_expect(I, a[0], env, s);
    if (b == B_APPEND)
      infer_expect(I, a[1], env, el);
    if (b == B_SELECTSEQ || b == B_SORTSEQ) {
      Type *op = ty_oper(b == B_SELECTSEQ ? 1 : 2, L);
      for (int i = 0; i + 1 < op->nargs; i++)
        op->args[i] = el;
      op->args[op->nargs - 1] = BOOL(L);
      expect_op_arg(I, a[1], env, op);
    }
    return b == B_HEAD ? el : s;
  }
  case B_ISFINITESET:
    infer_expect(I, a[0], env, ty_set(ty_var(), L));
    return BOOL(L);
  case B_CARDINALITY:
    infer_expect(I, a[0], env, ty_set(ty_var(), L));
    return INT(L);
  case B_SINGLETON_FN:
    return ty_fun(infer(I, a[0], env), infer(I, a[1], env), L);
  case B_MERGE_FN: {
    Type *f = ty_fun(ty_var(), ty_var(), L);
    infer_expect(I, a[0], env, f);
    infer_expect(I, a[1], env, f);
    return f;
  }
  case B_PERMUTATIONS: {
    Type *el = ty_var();
    infer_expect(I, a[0], env, ty_set(el, L));
    return ty_set(ty_fun(el, el, L), L);
  }
  case B_RANDOMELEMENT: {
    Type *el = ty_var();
    infer_expect(I, a[0], env, ty_set(el, L));
    return el;
  }
  case B_PRINT:
  case B_TLCEVAL:
    if (b == B_PRINT)
      infer(I, a[0], env);
    return infer(I, a[b == B_PRINT ? 1 : 0], env);
  case B_PRINTT:
    infer(I, a[0], env);
    return BOOL(L);
  case B_ASSERT: /* Assert(P, out) is TRUE when it does not fail */
    infer_expect(I, a[0], env, BOOL(L));
    infer(I, a[1], env);
    return BOOL(L);
  case B_TLCSET: /* TLCSet(i, v): i is a number or "exit" */
    infer(I, a[0], env);
    infer(I, a[1], env);
    return BOOL(L);
  case B_TOSTRING:
    infer(I, a[0], env);
    return STR(L);
  }
  for (int i = 0; i < e->nargs; i++)
    if (!builtin_op_param(b, i))
      infer(I, a[i], env);
  return ty_var();
}

/* Applies an operator of type `op` (a TY_OPER, or a value type when it
 * has no parameters) to e's arguments. */
static Type *apply_oper(Infer *I, Expr *e, Type *op, TEnv *env) {
  op = type_find(op);
  if (e->nargs == 0)
    return op->kind == TY_OPER && op->nargs == 1 ? op->args[0] : op;
  if (op->kind == TY_VAR) { /* an operator parameter used first here */
    Type *o = ty_oper(e->nargs, e->loc);
    expect(e, op, o, expr_name(e));
    op = o;
  }
  if (op->kind != TY_OPER || op->nargs != e->nargs + 1) {
    for (int i = 0; i < e->nargs; i++)
      infer(I, e->args[i], env);
    return ty_var();
  }
  for (int i = 0; i < e->nargs; i++) {
    Type *p = type_find(op->args[i]);
    if (p->kind == TY_OPER) /* an operator argument */
      expect_op_arg(I, e->args[i], env, p);
    else
      infer_expect(I, e->args[i], env, p);
  }
  return op->args[e->nargs];
}

static Type *infer_op(Infer *I, Expr *e, TEnv *env) {
  switch (e->ref.kind) {
  case REF_BUILTIN:
    return builtin_type(I, e, env);
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
        return apply_oper(I, e, def_type(I, sub, e->loc), env);
      for (int i = 0; i < e->nargs; i++)
        infer(I, e->args[i], env);
      return ty_var();
    }
    return d->type;
  }
  case REF_BINDER: {
    Type *t = lookup(env, e->ref.u.binder->id);
    if (!t)
      t = e->ref.u.binder->type ? e->ref.u.binder->type : ty_var();
    return apply_oper(I, e, t, env);
  }
  case REF_DEF:
    if (e->ref.u.def->kind == DEF_INSTANCE)
      return ty_var();
    return apply_oper(I, e, def_type(I, e->ref.u.def, e->loc), env);
  default:
    return ty_var();
  }
}

static Type *infer_except_path(Infer *I, Expr *e, Type *f, ExceptUpdate *u,
                               int i, TEnv *env) {
  if (i == u->npath) {
    Type *saved = I->at;
    I->at = f;
    infer_expect(I, u->value, env, f);
    I->at = saved;
    return f;
  }
  ExceptStep *st = &u->path[i];
  Type *elem = ty_var();
  if (st->is_field) {
    Type *r = ty_rec(e->loc);
    ty_rec_add(r, st->field, elem);
    expect(e, f, r, expr_name(e->args[0]));
  } else {
    if (st->nargs == 1 && literal_index(st->args[0]) > 0) {
      /* A tuple updated at a literal index keeps its shape. */
      infer(I, st->args[0], env);
      Type *c = tuple_component(f, literal_index(st->args[0]), e->loc);
      if (c) {
        infer_except_path(I, e, c, u, i + 1, env);
        return f;
      }
    }
    Type *parts[16];
    int n = st->nargs > 16 ? 16 : st->nargs;
    for (int k = 0; k < n; k++)
      parts[k] = infer(I, st->args[k], env);
    expect(e, f, ty_fun(key_of(parts, n, e->loc), elem, e->loc),
           expr_name(e->args[0]));
  }
  infer_except_path(I, e, elem, u, i + 1, env);
  return f;
}

static Type *infer_binding(Infer *I, Expr *e, TEnv *env) {
  Loc L = e->loc;
  int nf = frames_needed(e->bounds, e->nbounds);
  TEnv frames[nf];
  Type *parts[nf];
  int nkeys = 0;
  TEnv *inner =
      bind_bounds(I, e->bounds, e->nbounds, env, frames, parts, &nkeys);
  switch (e->kind) {
  case EX_CHOOSE:
    infer_expect(I, e->body, inner, BOOL(L));
    return e->bounds[0].tuple ? parts[0] : frames[0].t;
  case EX_SET_FILTER:
    infer_expect(I, e->body, inner, BOOL(L));
    return ty_set(e->bounds[0].tuple ? parts[0] : frames[0].t, L);
  case EX_SET_MAP:
    return ty_set(infer(I, e->body, inner), L);
  case EX_FUNC:
    return ty_fun(key_of(parts, nkeys, L), infer(I, e->body, inner), L);
  case EX_LAMBDA: {
    Type *op = ty_oper(nf - 1, L);
    for (int i = 0; i < nf - 1; i++)
      op->args[i] = frames[i].t;
    op->args[nf - 1] = infer(I, e->body, inner);
    return op;
  }
  default:
    infer_expect(I, e->body, inner, BOOL(L));
    return BOOL(L);
  }
}

static Type *infer(Infer *I, Expr *e, TEnv *env) {
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
    infer_expect(I, e->args[0], env, BOOL(L));
    t = infer(I, e->args[1], env);
    infer_expect(I, e->args[2], env, t);
    break;
  case EX_CASE:
    t = ty_var();
    for (int i = 0; i < e->narms; i++) {
      infer_expect(I, e->arms[i].guard, env, BOOL(L));
      infer_expect(I, e->arms[i].value, env, t);
    }
    if (e->other)
      infer_expect(I, e->other, env, t);
    break;
  case EX_LET:
    for (int i = 0; i < e->ndefs; i++)
      def_type(I, e->defs[i], e->defs[i]->loc);
    t = infer(I, e->body, env);
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
      infer_expect(I, e->args[i], env, el);
    t = ty_set(el, L);
    break;
  }
  case EX_FUNSET: {
    Type *d = ty_var(), *r = ty_var();
    infer_expect(I, e->args[0], env, ty_set(d, L));
    infer_expect(I, e->args[1], env, ty_set(r, L));
    t = ty_set(ty_fun(d, r, L), L);
    break;
  }
  case EX_RECORD:
  case EX_RECSET: {
    Type *r = ty_rec(L);
    for (int i = 0; i < e->nargs; i++) {
      Type *ft = infer(I, e->args[i], env);
      if (e->kind == EX_RECSET) {
        Type *el = ty_var();
        expect(e->args[i], ft, ty_set(el, L), expr_name(e->args[i]));
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
      tup->args[i] = infer(I, e->args[i], env);
    t = tup;
    break;
  }
  case EX_FAPP: {
    Type *f = infer(I, e->args[0], env);
    if (e->nargs == 2 && literal_index(e->args[1]) > 0) {
      infer(I, e->args[1], env);
      t = tuple_component(f, literal_index(e->args[1]), L);
      if (t)
        break;
    }
    Type *parts[16];
    int n = e->nargs - 1 > 16 ? 16 : e->nargs - 1;
    for (int i = 0; i < n; i++)
      parts[i] = infer(I, e->args[i + 1], env);
    t = ty_var();
    expect(e->args[0], f, ty_fun(key_of(parts, n, L), t, L),
           expr_name(e->args[0]));
    break;
  }
  case EX_DOT: {
    Type *r = ty_rec(L);
    t = ty_var();
    ty_rec_add(r, e->field, t);
    infer_expect(I, e->args[0], env, r);
    break;
  }
  case EX_EXCEPT: {
    t = infer(I, e->args[0], env);
    for (int i = 0; i < e->nupdates; i++)
      infer_except_path(I, e, t, &e->updates[i], 0, env);
    break;
  }
  case EX_AT:
    t = I->at ? I->at : ty_var();
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    infer_expect(I, e->args[0], env, BOOL(L));
    infer(I, e->args[1], env);
    t = BOOL(L);
    break;
  case EX_WF:
  case EX_SF:
    infer(I, e->args[0], env);
    infer_expect(I, e->args[1], env, BOOL(L));
    t = BOOL(L);
    break;
  case EX_LABEL:
    t = infer(I, e->body, env);
    break;
  default:
    t = ty_var();
  }
  e->type = t;
  return t;
}

/* ---- constants' config values ---- */

/* Model values get the uninterpreted type of the first constant (in
 * config order) whose value holds them, named in capitals.  The table is
 * indexed by the model value's name (symbols are dense ids; 0 = none), so
 * a config set of n model values costs O(n). */
static VEC(Sym) model_names;

static Sym model_type_name(Sym value, Sym owner) {
  if (value < model_names.len && model_names.data[value])
    return model_names.data[value];
  char *up = xstrdup(sym_str(owner));
  for (char *c = up; *c; c++)
    *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
  Sym t = sym_intern(up);
  free(up);
  while (model_names.len <= value)
    VEC_PUSH(model_names, 0);
  model_names.data[value] = t;
  return t;
}

static void name_models(const Value *v, Sym owner, int depth) {
  if (depth > 20)
    return;
  if (v->kind == V_MODEL)
    model_type_name(v->u.model.name, owner);
  else if (v->kind == V_SET)
    for (uint32_t i = 0; i < v->u.set.n; i++)
      name_models(v->u.set.elems[i], owner, depth + 1);
  else if (v->kind == V_FUN)
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      name_models(v->u.fun.keys[i], owner, depth + 1);
      name_models(v->u.fun.vals[i], owner, depth + 1);
    }
}

static Type *value_type(const Value *v, Loc at, int depth) {
  if (depth > 20)
    return ty_var();
  switch (v->kind) {
  case V_BOOL:
    return BOOL(at);
  case V_INT:
    return INT(at);
  case V_STR:
    return STR(at);
  case V_MODEL:
    return ty_model(model_type_name(v->u.model.name, v->u.model.name), at);
  case V_SET: {
    Type *el = ty_var();
    for (uint32_t i = 0; i < v->u.set.n; i++) {
      Unify u = {"an element of this set", at};
      ty_unify(&u, el, value_type(v->u.set.elems[i], at, depth + 1));
    }
    return ty_set(el, at);
  }
  case V_INTERVAL:
    return ty_set(INT(at), at);
  case V_FUN: {
    /* <<a, b>> in a config is a function over 1..n: a tuple. */
    bool tuple = true;
    for (uint32_t i = 0; i < v->u.fun.n && tuple; i++)
      tuple = v->u.fun.keys[i]->kind == V_INT && !v->u.fun.keys[i]->big &&
              v->u.fun.keys[i]->u.small == (int64_t)i + 1;
    if (tuple) {
      Type *t = ty_tup((int)v->u.fun.n, at);
      for (uint32_t i = 0; i < v->u.fun.n; i++)
        t->args[i] = value_type(v->u.fun.vals[i], at, depth + 1);
      return t;
    }
    Type *d = ty_var(), *r = ty_var();
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      Unify u = {"this function", at};
      ty_unify(&u, d, value_type(v->u.fun.keys[i], at, depth + 1));
      ty_unify(&u, r, value_type(v->u.fun.vals[i], at, depth + 1));
    }
    return ty_fun(d, r, at);
  }
  default:
    return ty_var();
  }
}

static Loc cfg_loc(const Spec *s, Sym name, Loc dflt) {
  for (size_t k = 0; k < s->cfg->consts.len; k++)
    if (s->cfg->consts.data[k].name == name)
      return s->cfg->consts.data[k].loc;
  return dflt;
}

/* ---- annotations ---- */

/* Parses the annotation before `at`; NULL when there is none or it does
 * not read (a warning: annotations are never required). */
static Type *annotation(Sym name, Loc at, Type *inferred, Loc *where,
                        char **text) {
  char *t = annot_text_before(at, where);
  if (!t)
    return NULL;
  char *err = NULL;
  Type *recorded = type_parse(t, *where, &err);
  if (!recorded) {
    diag_warning(*where,
                 "cannot read the @type annotation of '%s': %s; it "
                 "is ignored",
                 sym_str(name), err);
    free(err);
    free(t);
    return NULL;
  }
  annot_record(name, *where, t, recorded, inferred);
  Type *use = type_parse(t, *where, &err);
  *text = t;
  return use;
}

typedef struct AnnotJob {
  const char *what;
  Loc where;
  Type *t, *annotated;
} AnnotJob;

static void unify_annotation(void *arg) {
  AnnotJob *j = arg;
  Unify u = {j->what, j->where};
  ty_unify(&u, j->t, j->annotated);
}

static void annotate_decl(Infer *I, Decl *d) {
  Loc where;
  char *text;
  Type *a = annotation(d->name, d->loc, d->type, &where, &text);
  if (!a || !I->annotations)
    return;
  AnnotJob j = {xsprintf("%s '%s' (annotated @type: %s)",
                         d->is_var ? "variable" : "constant", sym_str(d->name),
                         text),
                where, d->type, a};
  ty_guarded(unify_annotation, &j);
}

/* After the body: the annotation's type variables must still stand for
 * any type, each a different one, or the annotation claims more than the
 * definition gives. */
static void check_polymorphic(Def *d, TypeVec *avars, Loc where) {
  for (size_t i = 0; i < avars->len; i++) {
    Type *v = type_find(avars->data[i]);
    bool same = false;
    for (size_t j = 0; j < i; j++)
      same |= type_find(avars->data[j]) == v;
    if (v->kind == TY_VAR && !v->strseq && !same)
      continue;
    if (same)
      ty_fail(where,
              "'%s' is annotated with two type variables that its "
              "definition needs to be one type",
              sym_str(d->name));
    ty_fail(where,
            "'%s' is annotated with a type variable where its definition "
            "needs %s",
            sym_str(d->name), type_str(v));
  }
}

/* ---- definitions ---- */

typedef struct DefJob {
  Infer *I;
  Def *d;
  Type *self;
  int np;
  Type *annotated;
  const char *annot_text;
  Loc annot_at;
  TypeVec avars; /* the annotation's type variables */
} DefJob;

/* Infers a definition's body against its placeholder type. */
static void infer_def_body(void *arg) {
  DefJob *job = arg;
  Infer *I = job->I;
  Def *d = job->d;
  Type *self = job->self;
  int np = job->np;
  if (job->annotated) {
    TypeVec all = {0};
    ty_collect(job->annotated, &all);
    for (size_t i = 0; i < all.len; i++)
      if (all.data[i]->kind == TY_VAR)
        VEC_PUSH(job->avars, all.data[i]);
    VEC_FREE(all);
    Unify u = {xsprintf("'%s' (annotated @type: %s)", sym_str(d->name),
                        job->annot_text),
               job->annot_at};
    ty_unify(&u, self, job->annotated);
  }
  if (d->kind == DEF_OP) {
    TEnv frames[np + 1];
    TEnv *env = NULL;
    for (int i = 0; i < np; i++) {
      frames[i] = (TEnv){d->params[i].id, self->args[i], env};
      d->params[i].type = self->args[i];
      env = &frames[i];
    }
    Type *body = infer(I, d->body, env);
    Unify u = {xsprintf("the body of '%s'", sym_str(d->name)), d->body->loc};
    ty_unify(&u, np ? self->args[np] : self, body);
  } else if (d->kind == DEF_FUN) {
    int nf = frames_needed(d->bounds, d->nbounds);
    TEnv frames[nf];
    Type *parts[nf];
    int nk = 0;
    TEnv *env = bind_bounds(I, d->bounds, d->nbounds, NULL, frames, parts, &nk);
    /* The function itself, inside its body, is the result. */
    Type *f = ty_fun(key_of(parts, nk, d->loc), ty_var(), d->loc);
    Unify u = {xsprintf("'%s'", sym_str(d->name)), d->loc};
    ty_unify(&u, self, f);
    Type *body = infer(I, d->body, env);
    ty_unify(&u, f->args[1], body);
  }
  if (job->annotated)
    check_polymorphic(d, &job->avars, job->annot_at);
}

static void generalise(Infer *I, Def *d, Type *self) {
  const Spec *sp = I->spec;
  TypeVec vs = {0}, fixed = {0}, gen = {0};
  if (d->module) { /* LET definitions may mention outer names */
    ty_collect(self, &vs);
    for (size_t i = 0; i < sp->prog->consts.len; i++)
      if (sp->prog->consts.data[i]->type)
        ty_collect(sp->prog->consts.data[i]->type, &fixed);
    for (size_t i = 0; i < sp->prog->vars.len; i++)
      if (sp->prog->vars.data[i]->type)
        ty_collect(sp->prog->vars.data[i]->type, &fixed);
  }
  for (size_t i = 0; i < vs.len; i++) {
    bool f = false;
    for (size_t j = 0; j < fixed.len && !f; j++)
      f = fixed.data[j] == vs.data[i];
    if (!f)
      VEC_PUSH(gen, vs.data[i]);
  }
  I->def_generic[d->id] = gen.data;
  I->def_ngeneric[d->id] = (int)gen.len;
  VEC_FREE(vs);
  VEC_FREE(fixed);
}

/* The (generalised) type of a definition, inferred on first use. */
static Type *def_type(Infer *I, Def *d, Loc use) {
  const Spec *sp = I->spec;
  Value *given = spec_def_value(sp, d);
  d = spec_effective_def(sp, d);
  if (I->def_types[d->id]) {
    if (I->def_busy[d->id])
      return I->def_types[d->id]; /* recursive: monomorphic inside */
    return ty_instantiate(I->def_types[d->id], I->def_generic[d->id],
                          I->def_ngeneric[d->id]);
  }
  if (given) { /* `Op = value` in the config: the body is not used */
    Type *t = value_type(given, cfg_loc(sp, d->name, d->loc), 0);
    I->def_types[d->id] = d->type = t;
    return t;
  }
  /* Placeholder for recursion. */
  int np = d->kind == DEF_OP ? d->nparams : 0;
  Type *self = np ? ty_oper(np, d->loc) : ty_var();
  for (int i = 0; i < np; i++)
    if (d->params[i].arity > 0)
      self->args[i] = ty_oper(d->params[i].arity, d->params[i].loc);
  I->def_types[d->id] = self;
  I->def_busy[d->id] = true;
  DefJob job = {I, d, self, np, NULL, NULL, {0}, {0}};
  Def *src = d->origin ? d->origin : d;
  job.annotated = annotation(d->name, src->loc, self, &job.annot_at,
                             (char **)&job.annot_text);
  if (!I->annotations)
    job.annotated = NULL;
  const char *saved = ty_context;
  bool saved_quiet = ty_quiet, saved_untypable = ty_quiet_untypable;
  if (ty_lenient)
    ty_context =
        xsprintf(" (in '%s', which this model does not use)", sym_str(d->name));
  /* Nobody can fix brink's own modules: when unused, they type quietly,
   * and what their types cannot describe is never reported. */
  if (ty_lenient && d->module && d->module->builtin)
    ty_quiet = true;
  if (d->module) /* a LET definition keeps its context's */
    ty_quiet_untypable = d->module->builtin;
  ty_guarded(infer_def_body, &job);
  VEC_FREE(job.avars);
  ty_context = saved;
  ty_quiet = saved_quiet;
  ty_quiet_untypable = saved_untypable;
  I->def_busy[d->id] = false;
  d->type = self;
  generalise(I, d, self);
  return def_type(I, d, use);
}

/* ---- the whole spec ---- */

typedef struct SeedJob {
  Infer *I;
  size_t i; /* the constant */
} SeedJob;

/* A constant substituted by a definition has the definition's type. */
static void unify_const_def(void *arg) {
  SeedJob *j = arg;
  Spec *s = j->I->spec;
  Decl *d = s->prog->consts.data[j->i];
  Type *t = def_type(j->I, s->const_defs[j->i], d->loc);
  Unify u = {xsprintf("constant '%s'", sym_str(d->name)), d->loc};
  ty_unify(&u, d->type, t);
}

static void seed_const(void *arg) {
  SeedJob *j = arg;
  Spec *s = j->I->spec;
  Decl *d = s->prog->consts.data[j->i];
  d->type = value_type(s->const_vals[j->i], cfg_loc(s, d->name, d->loc), 0);
}

typedef struct RootJob {
  Infer *I;
  Expr *e;
} RootJob;

static void infer_root(void *arg) {
  RootJob *r = arg;
  infer(r->I, r->e, NULL);
}

static void root(Infer *I, Expr *e) {
  if (!e)
    return;
  RootJob r = {I, e};
  ty_guarded(infer_root, &r);
}

static void root_name(Infer *I, Sym name) {
  TopEntry t = program_lookup(I->spec->prog, name);
  if (t.kind == REF_DEF && t.ref.u.def->kind != DEF_INSTANCE)
    def_type(I, t.ref.u.def, t.ref.u.def->loc);
}

/* ---- what the uses leave open ---- */

/* The representation chosen for a name's type where its uses leave the
 * choice open (brink typecheck --verbose). */
typedef struct Choice {
  Sym name;
  char *type; /* the part of the type the choice is about */
  const char *why;
} Choice;
static VEC(Choice) choices;

static void choose(Sym name, Type *t, const char *why) {
  for (size_t i = 0; i < choices.len; i++)
    if (choices.data[i].name == name && choices.data[i].why == why)
      return;
  VEC_PUSH(choices, ((Choice){name, type_str(t), why}));
}

/* Settles what the uses left open in the type of `name`: a string or
 * sequence is a sequence, an open tuple is closed; and notes the
 * representations chosen. */
static void settle(Sym name, Type *t, int depth) {
  t = type_find(t);
  if (depth > 50)
    return;
  if (t->kind == TY_VAR && t->strseq) {
    Type *s = ty_seq(t->args[0], t->origin);
    t->link = s;
    t = s;
    choose(name, t,
           "only Len, \\o or SubSeq are applied, which take strings and "
           "sequences alike: taken as a sequence (a length and a bounded "
           "array)");
  }
  if (t->kind == TY_TUP && t->open) {
    t->open = false;
    choose(name, t,
           "only ever indexed by constants: taken as a tuple of the "
           "components indexed (a product of their values)");
  } else if (t->kind == TY_TUP && t->nargs >= 2) {
    char *first = type_str(t->args[0]);
    bool alike = true;
    for (int i = 1; i < t->nargs && alike; i++) {
      char *o = type_str(t->args[i]);
      alike = strcmp(o, first) == 0;
      free(o);
    }
    free(first);
    if (alike)
      choose(name, t,
             "could be a sequence, but is only indexed by constants and "
             "never changes length: a tuple (a product of its components)");
  } else if (t->kind == TY_FUN && type_find(t->args[0])->kind == TY_INT) {
    choose(name, t,
           "a function over integers that no sequence operator is applied "
           "to: a function (one value per element of its finite domain), "
           "not a sequence");
  } else if (t->kind == TY_VAR) {
    choose(name, t,
           "no use constrains this type (say, the elements of a set that "
           "stays empty): any representation will do");
  }
  for (int i = 0; i < t->nargs; i++)
    settle(name, t->args[i], depth + 1);
}

/* A module whose constants are not the spec's: it is only used through
 * INSTANCE, whose copies of its definitions are typed instead. */
static bool only_instantiated(const Module *m) {
  for (int u = 0; u < m->nunits; u++)
    if (m->units[u].kind == U_CONSTANTS)
      for (int k = 0; k < m->units[u].ndecls; k++)
        if (m->units[u].decls[k]->index < 0)
          return true;
  return false;
}

bool types_infer_opts(Spec *spec, const TypeOptions *opt) {
  Program *p = spec->prog;
  Infer I = {0};
  I.spec = spec;
  I.annotations = opt ? opt->annotations : true;
  size_t nd = p->defs.len + 1;
  I.def_types = xcalloc(nd, sizeof *I.def_types);
  I.def_generic = xcalloc(nd, sizeof *I.def_generic);
  I.def_ngeneric = xcalloc(nd, sizeof *I.def_ngeneric);
  I.def_busy = xcalloc(nd, sizeof *I.def_busy);
  ty_errors = 0;
  ty_lenient = false;
  ty_quiet_untypable = false;
  ty_context = NULL;
  model_names.len = 0;
  annot_reset();
  annot_load_aliases(p);
  /* Model values are named after the sets that hold them first. */
  for (size_t k = 0; k < spec->cfg->consts.len; k++) {
    CfgConst *cc = &spec->cfg->consts.data[k];
    for (size_t i = 0; i < p->consts.len; i++)
      if (p->consts.data[i]->name == cc->name && spec->const_vals[i] &&
          spec->const_vals[i]->kind == V_SET)
        name_models(spec->const_vals[i], cc->name, 0);
  }
  for (size_t i = 0; i < p->consts.len; i++)
    if (spec->const_vals[i])
      name_models(spec->const_vals[i], p->consts.data[i]->name, 0);
  for (size_t i = 0; i < p->consts.len; i++) {
    p->consts.data[i]->type = ty_var();
    if (spec->const_vals[i]) {
      SeedJob j = {&I, i};
      ty_guarded(seed_const, &j);
    }
  }
  for (size_t i = 0; i < p->vars.len; i++)
    p->vars.data[i]->type = ty_var();
  for (size_t i = 0; i < p->consts.len; i++)
    annotate_decl(&I, p->consts.data[i]);
  for (size_t i = 0; i < p->vars.len; i++)
    annotate_decl(&I, p->vars.data[i]);
  for (size_t i = 0; i < p->consts.len; i++)
    if (spec->const_defs[i] && spec->const_defs[i]->nparams == 0) {
      SeedJob j = {&I, i};
      ty_guarded(unify_const_def, &j);
    }
  /* What the config names, then everything else. */
  root(&I, spec->init);
  root(&I, spec->next);
  for (size_t i = 0; i < spec->invariants.len; i++)
    root(&I, spec->invariants.data[i].expr);
  for (size_t i = 0; i < spec->constraints.len; i++)
    root(&I, spec->constraints.data[i].expr);
  for (size_t i = 0; i < spec->action_constraints.len; i++)
    root(&I, spec->action_constraints.data[i].expr);
  for (size_t i = 0; i < spec->cfg->properties.len; i++)
    root_name(&I, spec->cfg->properties.data[i].name);
  if (spec->cfg->spec.name)
    root_name(&I, spec->cfg->spec.name);
  for (size_t i = 0; i < spec->assumes.len; i++)
    root(&I, spec->assumes.data[i]);
  root(&I, spec->symmetry);
  root(&I, spec->view);
  ty_lenient = !spec->no_behavior;
  /* Whether a module is only instantiated is asked once per run of its
   * definitions (they come in module order), not once per definition. */
  const Module *last = NULL;
  bool last_only = false;
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    if (!d->module || d->kind == DEF_INSTANCE)
      continue;
    if (d->module != last) {
      last = d->module;
      last_only = only_instantiated(last);
    }
    if (!last_only)
      def_type(&I, d, d->loc);
  }
  ty_lenient = false;
  choices.len = 0;
  for (size_t i = 0; i < p->consts.len; i++)
    settle(p->consts.data[i]->name, p->consts.data[i]->type, 0);
  for (size_t i = 0; i < p->vars.len; i++)
    settle(p->vars.data[i]->name, p->vars.data[i]->type, 0);
  return ty_errors == 0;
}

bool types_infer(Spec *spec) { return types_infer_opts(spec, NULL); }

Spec *types_bare_spec(Program *p) {
  Spec *s = xcalloc(1, sizeof *s);
  s->prog = p;
  s->cfg = cfg_parse_text("(no config)", "");
  s->module_name = sym_str(p->root->name);
  s->nvars = (int)p->vars.len;
  s->const_vals = xcalloc(p->consts.len + 1, sizeof *s->const_vals);
  s->const_defs = xcalloc(p->consts.len + 1, sizeof *s->const_defs);
  s->ndefs = p->defs.len;
  s->def_vals = xcalloc(s->ndefs + 1, sizeof *s->def_vals);
  s->def_substs = xcalloc(s->ndefs + 1, sizeof *s->def_substs);
  s->def_cache = xcalloc(s->ndefs + 1, sizeof *s->def_cache);
  for (size_t i = 0; i < p->assumes.len; i++)
    VEC_PUSH(s->assumes, p->assumes.data[i]);
  s->no_behavior = true;
  return s;
}

void types_report(FILE *out, const Spec *spec, bool verbose) {
  Program *p = spec->prog;
  for (size_t i = 0; i < p->consts.len; i++) {
    fprintf(out, "CONSTANT %s : ", sym_str(p->consts.data[i]->name));
    type_print(out, p->consts.data[i]->type);
    fputc('\n', out);
  }
  for (size_t i = 0; i < p->vars.len; i++) {
    fprintf(out, "VARIABLE %s : ", sym_str(p->vars.data[i]->name));
    type_print(out, p->vars.data[i]->type);
    fputc('\n', out);
  }
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    if (d->module != p->root || !d->type)
      continue;
    fprintf(out, "%s : ", sym_str(d->name));
    type_print(out, d->type);
    fputc('\n', out);
  }
  if (!verbose)
    return;
  fprintf(out, "\nrepresentations chosen where the uses leave them open:\n");
  if (!choices.len)
    fprintf(out, "  (none: the uses fix every representation)\n");
  for (size_t i = 0; i < choices.len; i++)
    fprintf(out, "  %s: %s: %s\n", sym_str(choices.data[i].name),
            choices.data[i].type, choices.data[i].why);
  const TypeAnnot *an;
  size_t n = types_annotations(spec, &an);
  fprintf(out, "\nannotations read: %zu\n", n);
  for (size_t i = 0; i < n; i++) {
    char buf[256];
    char *inf = type_str(an[i].inferred);
    fprintf(out, "  %s (%s): @type: %s; inferred %s\n", sym_str(an[i].name),
            loc_str(an[i].loc, buf, sizeof buf), an[i].text, inf);
    free(inf);
  }
}
