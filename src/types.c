/* types.c -- Hindley-Milner style inference for TLA+ (see types.h).
 *
 * One walk over every definition in dependency order (the resolver's
 * order: a definition comes after what it uses, RECURSIVE ones aside),
 * unifying as it goes.  Bound names and parameters get fresh variables;
 * constants and variables one monomorphic type each, seeded from the
 * config values.  A recursive definition is typed monomorphically inside
 * its own body.  The first mismatch in a definition is reported and the
 * walk goes on with the next definition, so one run reports several. */
#include "types.h"

#include <string.h>

#include "builtin.h"

static uint32_t next_var;
static int type_errors;
static jmp_buf *mismatch_jb;

static Type *mk(TypeKind k, Loc origin, int nargs) {
  Type *t = xcalloc(1, sizeof *t);
  t->kind = k;
  t->origin = origin;
  t->nargs = nargs;
  if (nargs)
    t->args = xcalloc((size_t)nargs, sizeof *t->args);
  return t;
}

static Type *var(void) {
  Type *t = mk(TY_VAR, (Loc){0}, 0);
  t->id = ++next_var;
  return t;
}

static Type *prim(TypeKind k, Loc at) { return mk(k, at, 0); }

static Type *set_of(Type *e, Loc at) {
  Type *t = mk(TY_SET, at, 1);
  t->args[0] = e;
  return t;
}

static Type *fun_of(Type *d, Type *r, Loc at) {
  Type *t = mk(TY_FUN, at, 2);
  t->args[0] = d;
  t->args[1] = r;
  return t;
}

Type *type_find(Type *t) {
  while (t->link)
    t = t->link;
  return t;
}

/* ---- printing ---- */

static void print_rec(FILE *out, Type *t, int depth) {
  t = type_find(t);
  if (depth > 20) {
    fputs("...", out);
    return;
  }
  switch (t->kind) {
  case TY_VAR:
    fprintf(out, "t%u", t->id);
    break;
  case TY_BOOL:
    fputs("Bool", out);
    break;
  case TY_INT:
    fputs("Int", out);
    break;
  case TY_STR:
    fputs("Str", out);
    break;
  case TY_MODEL:
    fputs("ModelValue", out);
    break;
  case TY_SET:
    fputs("Set(", out);
    print_rec(out, t->args[0], depth + 1);
    fputc(')', out);
    break;
  case TY_FUN: {
    Type *d = type_find(t->args[0]);
    if (d->kind == TY_INT) {
      fputs("Seq(", out);
      print_rec(out, t->args[1], depth + 1);
      fputs(") or Int -> ", out);
      print_rec(out, t->args[1], depth + 1);
      break;
    }
    fputc('(', out);
    print_rec(out, d, depth + 1);
    fputs(" -> ", out);
    print_rec(out, t->args[1], depth + 1);
    fputc(')', out);
    break;
  }
  case TY_TUP:
    fputs("<<", out);
    for (int i = 0; i < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      print_rec(out, t->args[i], depth + 1);
    }
    fputs(">>", out);
    break;
  case TY_REC:
    fputc('[', out);
    for (int i = 0; i < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      fprintf(out, "%s: ", sym_str(t->fields[i]));
      print_rec(out, t->args[i], depth + 1);
    }
    fputc(']', out);
    break;
  case TY_OPER:
    fputc('(', out);
    for (int i = 0; i + 1 < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      print_rec(out, t->args[i], depth + 1);
    }
    fputs(") => ", out);
    print_rec(out, t->args[t->nargs - 1], depth + 1);
    break;
  }
}

void type_print(FILE *out, Type *t) { print_rec(out, t, 0); }

char *type_str(Type *t) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  type_print(f, t);
  fclose(f);
  return buf;
}

static const char *kind_words(Type *t) {
  switch (type_find(t)->kind) {
  case TY_BOOL:
    return "a Boolean";
  case TY_INT:
    return "an integer";
  case TY_STR:
    return "a string";
  case TY_MODEL:
    return "a model value";
  case TY_SET:
    return "a set";
  case TY_FUN:
    return "a function";
  case TY_TUP:
    return "a tuple";
  case TY_REC:
    return "a record";
  case TY_OPER:
    return "an operator";
  default:
    return "a value";
  }
}

/* ---- unification ---- */

typedef struct Unify {
  const char *what; /* the thing being typed, for messages */
  Loc at;           /* where the use happens */
} Unify;

static _Noreturn void mismatch(Unify *u, Type *a, Type *b) {
  char wa[256], wb[256];
  Loc la = type_find(a)->origin, lb = type_find(b)->origin;
  if (!la.file)
    la = u->at;
  if (!lb.file)
    lb = u->at;
  char *sa = type_str(a), *sb = type_str(b);
  diag_error(u->at, "%s is used as %s (%s) at %s but as %s (%s) at %s", u->what,
             kind_words(a), sa, loc_str(la, wa, sizeof wa), kind_words(b), sb,
             loc_str(lb, wb, sizeof wb));
  free(sa);
  free(sb);
  type_errors++;
  longjmp(*mismatch_jb, 1);
}

static void unify(Unify *u, Type *a, Type *b);

static bool occurs(Type *v, Type *t, int depth) {
  t = type_find(t);
  if (t == v)
    return true;
  if (depth > 200)
    return false;
  for (int i = 0; i < t->nargs; i++)
    if (occurs(v, t->args[i], depth + 1))
      return true;
  return false;
}

static int rec_field(Type *r, Sym f) {
  for (int i = 0; i < r->nargs; i++)
    if (r->fields[i] == f)
      return i;
  return -1;
}

static void rec_add(Type *r, Sym f, Type *t) {
  r->args = xrealloc(r->args, (size_t)(r->nargs + 1) * sizeof *r->args);
  r->fields = xrealloc(r->fields, (size_t)(r->nargs + 1) * sizeof *r->fields);
  r->args[r->nargs] = t;
  r->fields[r->nargs] = f;
  r->nargs++;
}

static void unify(Unify *u, Type *a, Type *b) {
  a = type_find(a);
  b = type_find(b);
  if (a == b)
    return;
  if (a->kind == TY_VAR || b->kind == TY_VAR) {
    Type *v = a->kind == TY_VAR ? a : b, *t = a->kind == TY_VAR ? b : a;
    if (occurs(v, t, 0))
      mismatch(u, a, b);
    v->link = t;
    return;
  }
  /* Model values compare with anything (TLC allows `x = NULL`). */
  if (a->kind == TY_MODEL || b->kind == TY_MODEL)
    return;
  if (a->kind == b->kind) {
    switch (a->kind) {
    case TY_BOOL:
    case TY_INT:
    case TY_STR:
      return;
    case TY_SET:
    case TY_FUN:
      for (int i = 0; i < a->nargs; i++)
        unify(u, a->args[i], b->args[i]);
      return;
    case TY_OPER:
      if (a->nargs != b->nargs)
        mismatch(u, a, b);
      for (int i = 0; i < a->nargs; i++)
        unify(u, a->args[i], b->args[i]);
      return;
    case TY_TUP:
      if (a->nargs == b->nargs) {
        for (int i = 0; i < a->nargs; i++)
          unify(u, a->args[i], b->args[i]);
        return;
      }
      /* Tuples of different lengths: both are sequences. */
      {
        Type *el = var();
        Type *f = fun_of(prim(TY_INT, a->origin), el, a->origin);
        a->link = f;
        b->link = f;
        for (int i = 0; i < a->nargs; i++)
          unify(u, a->args[i], el);
        for (int i = 0; i < b->nargs; i++)
          unify(u, b->args[i], el);
      }
      return;
    case TY_REC: {
      /* Open rows: the union of the fields. */
      b->link = a;
      for (int i = 0; i < b->nargs; i++) {
        int k = rec_field(a, b->fields[i]);
        if (k >= 0)
          unify(u, a->args[k], b->args[i]);
        else
          rec_add(a, b->fields[i], b->args[i]);
      }
      return;
    }
    default:
      return;
    }
  }
  /* Tuples, records and functions: the same values in TLA+. */
  Type *f = a->kind == TY_FUN ? a : b->kind == TY_FUN ? b : NULL;
  Type *o = f == a ? b : a;
  if (f && (o->kind == TY_TUP || o->kind == TY_REC)) {
    o->link = f;
    unify(u, f->args[0], prim(o->kind == TY_TUP ? TY_INT : TY_STR, o->origin));
    for (int i = 0; i < o->nargs; i++)
      unify(u, o->args[i], f->args[1]);
    return;
  }
  mismatch(u, a, b);
}

/* ---- instantiation ---- */

typedef struct CopyMap {
  VEC(Type *) from;
  VEC(Type *) to;
} CopyMap;

/* Copies t, giving fresh variables to the variables in `generic`. */
static Type *copy_type(Type *t, CopyMap *m, Type **generic, int ngen,
                       int depth) {
  t = type_find(t);
  if (depth > 100)
    return t;
  if (t->kind == TY_VAR) {
    bool gen = false;
    for (int i = 0; i < ngen && !gen; i++)
      gen = type_find(generic[i]) == t;
    if (!gen)
      return t;
    for (size_t i = 0; i < m->from.len; i++)
      if (m->from.data[i] == t)
        return m->to.data[i];
    Type *v = var();
    VEC_PUSH(m->from, t);
    VEC_PUSH(m->to, v);
    return v;
  }
  if (t->nargs == 0)
    return t;
  Type *c = mk(t->kind, t->origin, t->nargs);
  bool changed = false;
  for (int i = 0; i < t->nargs; i++) {
    c->args[i] = copy_type(t->args[i], m, generic, ngen, depth + 1);
    changed |= c->args[i] != type_find(t->args[i]);
  }
  if (t->kind == TY_REC) {
    c->fields = xmalloc((size_t)t->nargs * sizeof *c->fields);
    memcpy(c->fields, t->fields, (size_t)t->nargs * sizeof *c->fields);
    /* Records stay shared unless they mention generic variables. */
    if (!changed)
      return t;
  }
  return changed ? c : t;
}

typedef VEC(Type *) TypeVec;

static void collect_vars(Type *t, TypeVec *out, int depth) {
  t = type_find(t);
  if (depth > 100)
    return;
  if (t->kind == TY_VAR) {
    for (size_t i = 0; i < out->len; i++)
      if (out->data[i] == t)
        return;
    VEC_PUSH(*out, t);
    return;
  }
  for (int i = 0; i < t->nargs; i++)
    collect_vars(t->args[i], out, depth + 1);
}

/* Runs fn(arg) with a recovery point for type mismatches; false when one
 * was reported.  Keeping setjmp here means no caller's locals live
 * across it. */
static bool guarded(void (*fn)(void *), void *arg) {
  jmp_buf jb, *saved = mismatch_jb;
  mismatch_jb = &jb;
  bool ok = true;
  if (setjmp(jb) == 0)
    fn(arg);
  else
    ok = false;
  mismatch_jb = saved;
  return ok;
}

/* ---- inference ---- */

typedef struct TEnv {
  uint32_t id;
  Type *t;
  struct TEnv *up;
} TEnv;

typedef struct Infer {
  Spec *spec;
  Type **def_types;    /* by Def.id: the generalised type */
  Type ***def_generic; /* by Def.id: its generic variables */
  int *def_ngeneric;
  bool *def_busy;
  Type *at; /* type of `@` in the current EXCEPT value */
} Infer;

static Type *infer(Infer *I, Expr *e, TEnv *env);
static Type *def_type(Infer *I, Def *d, Loc use);

static Type *lookup(TEnv *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env->t;
  return NULL;
}

static void expect(Infer *I, Expr *e, Type *got, Type *want, const char *what) {
  (void)I;
  Unify u = {what, e->loc};
  unify(&u, got, want);
}

static const char *expr_name(Expr *e) {
  if (e->kind == EX_OP && e->nargs == 0)
    return xsprintf("'%s'", sym_str(e->name));
  return "this expression";
}

static Type *infer_expect(Infer *I, Expr *e, TEnv *env, Type *want) {
  Type *t = infer(I, e, env);
  expect(I, e, t, want, expr_name(e));
  return t;
}

/* Binds the names of bounds: each `x \in S` gives x the element type of
 * S; a tuple pattern splits it. */
static TEnv *bind_bounds(Infer *I, Bound *b, int nb, TEnv *env, TEnv *frames,
                         Type **key_parts, int *nkeys) {
  int k = 0, kp = 0;
  for (int i = 0; i < nb; i++) {
    Bound *bd = &b[i];
    Type *elem = var();
    if (bd->set)
      infer_expect(I, bd->set, env, set_of(elem, bd->set->loc));
    if (bd->tuple) {
      Type *tup = mk(TY_TUP, bd->set ? bd->set->loc : (Loc){0}, bd->nnames);
      for (int j = 0; j < bd->nnames; j++)
        tup->args[j] = var();
      expect(I, bd->set ? bd->set : NULL, elem, tup, "the tuple pattern");
      for (int j = 0; j < bd->nnames; j++) {
        frames[k] = (TEnv){bd->names[j].id, tup->args[j], env};
        bd->names[j].type = tup->args[j];
        env = &frames[k++];
      }
      if (key_parts)
        key_parts[kp++] = elem;
    } else {
      for (int j = 0; j < bd->nnames; j++) {
        Type *t = bd->set ? elem : var();
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
  Type *t = mk(TY_TUP, at, n);
  for (int i = 0; i < n; i++)
    t->args[i] = parts[i];
  return t;
}

static Type *builtin_type(Infer *I, Expr *e, TEnv *env) {
  Expr **a = e->args;
  Loc L = e->loc;
  int b = e->ref.u.builtin;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    Type *x = infer(I, a[0], env), *y = infer(I, a[1], env);
    expect(I, e, y, x, expr_name(a[0]));
    return prim(TY_BOOL, L);
  }
  case B_AND:
  case B_OR:
  case B_NOT:
  case B_IMPLIES:
  case B_EQUIV:
    for (int i = 0; i < e->nargs; i++)
      infer_expect(I, a[i], env, prim(TY_BOOL, a[i]->loc));
    return prim(TY_BOOL, L);
  case B_IN:
  case B_NOTIN: {
    Type *x = infer(I, a[0], env);
    infer_expect(I, a[1], env, set_of(x, a[0]->loc));
    return prim(TY_BOOL, L);
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
  case B_SUBSETEQ: {
    Type *s = set_of(var(), L);
    infer_expect(I, a[0], env, s);
    infer_expect(I, a[1], env, s);
    return b == B_SUBSETEQ ? prim(TY_BOOL, L) : s;
  }
  case B_SUBSET: {
    Type *s = set_of(var(), L);
    infer_expect(I, a[0], env, s);
    return set_of(s, L);
  }
  case B_UNION: {
    Type *s = set_of(var(), L);
    infer_expect(I, a[0], env, set_of(s, L));
    return s;
  }
  case B_DOMAIN: {
    Type *d = var();
    infer_expect(I, a[0], env, fun_of(d, var(), L));
    return set_of(d, L);
  }
  case B_PRIME:
    return infer(I, a[0], env);
  case B_UNCHANGED:
    infer(I, a[0], env);
    return prim(TY_BOOL, L);
  case B_ENABLED:
  case B_BOX:
  case B_DIAMOND:
    infer_expect(I, a[0], env, prim(TY_BOOL, L));
    return prim(TY_BOOL, L);
  case B_LEADSTO:
    infer_expect(I, a[0], env, prim(TY_BOOL, L));
    infer_expect(I, a[1], env, prim(TY_BOOL, L));
    return prim(TY_BOOL, L);
  case B_BOOLEAN:
    return set_of(prim(TY_BOOL, L), L);
  case B_STRING:
    return set_of(prim(TY_STR, L), L);
  case B_NAT:
  case B_INT:
    return set_of(prim(TY_INT, L), L);
  case B_TIMES: {
    Type *tup = mk(TY_TUP, L, e->nargs);
    for (int i = 0; i < e->nargs; i++) {
      tup->args[i] = var();
      infer_expect(I, a[i], env, set_of(tup->args[i], L));
    }
    return set_of(tup, L);
  }
  case B_PLUS:
  case B_MINUS:
  case B_MUL:
  case B_POW:
  case B_DIV:
  case B_MOD:
  case B_LT:
  case B_GT:
  case B_LE:
  case B_GE:
  case B_RANGE:
    infer_expect(I, a[0], env, prim(TY_INT, L));
    infer_expect(I, a[1], env, prim(TY_INT, L));
    if (b == B_RANGE)
      return set_of(prim(TY_INT, L), L);
    return prim(b >= B_LT && b <= B_GE ? TY_BOOL : TY_INT, L);
  case B_NEG:
    infer_expect(I, a[0], env, prim(TY_INT, L));
    return prim(TY_INT, L);
  case B_SEQ: {
    Type *el = var();
    infer_expect(I, a[0], env, set_of(el, L));
    return set_of(fun_of(prim(TY_INT, L), el, L), L);
  }
  case B_LEN:
    infer_expect(I, a[0], env, fun_of(prim(TY_INT, L), var(), L));
    return prim(TY_INT, L);
  case B_CONCAT:
  case B_APPEND:
  case B_HEAD:
  case B_TAIL:
  case B_SUBSEQ: {
    Type *el = var();
    Type *s = fun_of(prim(TY_INT, L), el, L);
    infer_expect(I, a[0], env, s);
    if (b == B_CONCAT)
      infer_expect(I, a[1], env, s);
    if (b == B_APPEND)
      infer_expect(I, a[1], env, el);
    if (b == B_SUBSEQ) {
      infer_expect(I, a[1], env, prim(TY_INT, L));
      infer_expect(I, a[2], env, prim(TY_INT, L));
    }
    return b == B_HEAD ? el : s;
  }
  case B_ISFINITESET:
    infer_expect(I, a[0], env, set_of(var(), L));
    return prim(TY_BOOL, L);
  case B_CARDINALITY:
    infer_expect(I, a[0], env, set_of(var(), L));
    return prim(TY_INT, L);
  case B_SINGLETON_FN:
    return fun_of(infer(I, a[0], env), infer(I, a[1], env), L);
  case B_MERGE_FN: {
    Type *f = fun_of(var(), var(), L);
    infer_expect(I, a[0], env, f);
    infer_expect(I, a[1], env, f);
    return f;
  }
  case B_PRINT:
    infer(I, a[0], env);
    return infer(I, a[1], env);
  case B_PRINTT:
    infer(I, a[0], env);
    return prim(TY_BOOL, L);
  case B_ASSERT:
    infer_expect(I, a[0], env, prim(TY_BOOL, L));
    infer(I, a[1], env);
    return prim(TY_BOOL, L);
  case B_TOSTRING:
    infer(I, a[0], env);
    return prim(TY_STR, L);
  }
  for (int i = 0; i < e->nargs; i++)
    infer(I, a[i], env);
  return var();
}

/* Applies an operator of type `op` (a TY_OPER, or a value type when it
 * has no parameters) to e's arguments. */
static Type *apply_oper(Infer *I, Expr *e, Type *op, TEnv *env) {
  op = type_find(op);
  if (e->nargs == 0)
    return op->kind == TY_OPER && op->nargs == 1 ? op->args[0] : op;
  if (op->kind != TY_OPER || op->nargs != e->nargs + 1) {
    for (int i = 0; i < e->nargs; i++)
      infer(I, e->args[i], env);
    return var();
  }
  for (int i = 0; i < e->nargs; i++) {
    Type *p = type_find(op->args[i]);
    if (p->kind == TY_OPER) {
      /* An operator argument: its own type must fit the parameter's. */
      Expr *arg = e->args[i];
      if (arg->kind == EX_OP && arg->ref.kind == REF_DEF)
        expect(I, arg, def_type(I, arg->ref.u.def, arg->loc), p,
               expr_name(arg));
      continue;
    }
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
      d->type = var();
    if (d->arity > 0) {
      for (int i = 0; i < e->nargs; i++)
        infer(I, e->args[i], env);
      return var();
    }
    return d->type;
  }
  case REF_BINDER: {
    Type *t = lookup(env, e->ref.u.binder->id);
    if (!t)
      t = e->ref.u.binder->type ? e->ref.u.binder->type : var();
    return apply_oper(I, e, t, env);
  }
  case REF_DEF:
    return apply_oper(I, e, def_type(I, e->ref.u.def, e->loc), env);
  default:
    return var();
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
  Type *elem = var();
  if (st->is_field) {
    Type *r = mk(TY_REC, e->loc, 0);
    rec_add(r, st->field, elem);
    expect(I, e, f, r, "the EXCEPT target");
  } else {
    Type *parts[16];
    int n = st->nargs > 16 ? 16 : st->nargs;
    for (int k = 0; k < n; k++)
      parts[k] = infer(I, st->args[k], env);
    Type *key = key_of(parts, n, e->loc);
    /* A tuple updated at a literal index keeps its shape. */
    Type *ff = type_find(f);
    if (ff->kind == TY_TUP && n == 1 && st->args[0]->kind == EX_NUM) {
      long k = strtol(st->args[0]->num, NULL, 10);
      if (k >= 1 && k <= ff->nargs) {
        infer_except_path(I, e, ff->args[k - 1], u, i + 1, env);
        return f;
      }
    }
    expect(I, e, f, fun_of(key, elem, e->loc), "the EXCEPT target");
  }
  infer_except_path(I, e, elem, u, i + 1, env);
  return f;
}

static Type *infer(Infer *I, Expr *e, TEnv *env) {
  Loc L = e->loc;
  Type *t;
  switch (e->kind) {
  case EX_NUM:
    t = prim(TY_INT, L);
    break;
  case EX_DECIMAL:
    t = var();
    break;
  case EX_STR:
    t = prim(TY_STR, L);
    break;
  case EX_BOOL:
    t = prim(TY_BOOL, L);
    break;
  case EX_OP:
    t = infer_op(I, e, env);
    break;
  case EX_IF:
    infer_expect(I, e->args[0], env, prim(TY_BOOL, L));
    t = infer(I, e->args[1], env);
    infer_expect(I, e->args[2], env, t);
    break;
  case EX_CASE:
    t = var();
    for (int i = 0; i < e->narms; i++) {
      infer_expect(I, e->arms[i].guard, env, prim(TY_BOOL, L));
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
  case EX_LAMBDA: {
    int nf = frames_needed(e->bounds, e->nbounds);
    TEnv frames[nf];
    Type *parts[nf];
    int nkeys = 0;
    TEnv *inner =
        bind_bounds(I, e->bounds, e->nbounds, env, frames, parts, &nkeys);
    switch (e->kind) {
    case EX_CHOOSE:
      infer_expect(I, e->body, inner, prim(TY_BOOL, L));
      t = e->bounds[0].tuple ? parts[0] : frames[0].t;
      break;
    case EX_SET_FILTER:
      infer_expect(I, e->body, inner, prim(TY_BOOL, L));
      t = set_of(e->bounds[0].tuple ? parts[0] : frames[0].t, L);
      break;
    case EX_SET_MAP:
      t = set_of(infer(I, e->body, inner), L);
      break;
    case EX_FUNC:
      t = fun_of(key_of(parts, nkeys, L), infer(I, e->body, inner), L);
      break;
    case EX_LAMBDA: {
      Type *op = mk(TY_OPER, L, nf);
      for (int i = 0; i < nf - 1; i++)
        op->args[i] = frames[i].t;
      op->args[nf - 1] = infer(I, e->body, inner);
      t = op;
      break;
    }
    default:
      infer_expect(I, e->body, inner, prim(TY_BOOL, L));
      t = prim(TY_BOOL, L);
    }
    break;
  }
  case EX_SET_ENUM: {
    Type *el = var();
    for (int i = 0; i < e->nargs; i++)
      infer_expect(I, e->args[i], env, el);
    t = set_of(el, L);
    break;
  }
  case EX_FUNSET: {
    Type *d = var(), *r = var();
    infer_expect(I, e->args[0], env, set_of(d, L));
    infer_expect(I, e->args[1], env, set_of(r, L));
    t = set_of(fun_of(d, r, L), L);
    break;
  }
  case EX_RECORD:
  case EX_RECSET: {
    Type *r = mk(TY_REC, L, 0);
    for (int i = 0; i < e->nargs; i++) {
      Type *ft = infer(I, e->args[i], env);
      if (e->kind == EX_RECSET) {
        Type *el = var();
        expect(I, e->args[i], ft, set_of(el, L), expr_name(e->args[i]));
        ft = el;
      }
      rec_add(r, e->fields[i], ft);
    }
    t = e->kind == EX_RECSET ? set_of(r, L) : r;
    break;
  }
  case EX_TUPLE: {
    Type *tup = mk(TY_TUP, L, e->nargs);
    for (int i = 0; i < e->nargs; i++)
      tup->args[i] = infer(I, e->args[i], env);
    t = tup;
    break;
  }
  case EX_FAPP: {
    Type *f = type_find(infer(I, e->args[0], env));
    if (f->kind == TY_TUP && e->nargs == 2 && e->args[1]->kind == EX_NUM) {
      long k = strtol(e->args[1]->num, NULL, 10);
      if (k >= 1 && k <= f->nargs) {
        t = f->args[k - 1];
        break;
      }
    }
    Type *parts[16];
    int n = e->nargs - 1 > 16 ? 16 : e->nargs - 1;
    for (int i = 0; i < n; i++)
      parts[i] = infer(I, e->args[i + 1], env);
    t = var();
    expect(I, e->args[0], f, fun_of(key_of(parts, n, L), t, L),
           expr_name(e->args[0]));
    break;
  }
  case EX_DOT: {
    Type *r = mk(TY_REC, L, 0);
    t = var();
    rec_add(r, e->field, t);
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
    t = I->at ? I->at : var();
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    infer_expect(I, e->args[0], env, prim(TY_BOOL, L));
    infer(I, e->args[1], env);
    t = prim(TY_BOOL, L);
    break;
  case EX_WF:
  case EX_SF:
    infer(I, e->args[0], env);
    infer_expect(I, e->args[1], env, prim(TY_BOOL, L));
    t = prim(TY_BOOL, L);
    break;
  case EX_LABEL:
    t = infer(I, e->body, env);
    break;
  default:
    t = var();
  }
  e->type = t;
  return t;
}

typedef struct DefJob {
  Infer *I;
  Def *d;
  Type *self;
  int np;
} DefJob;

/* Infers a definition's body against its placeholder type. */
static void infer_def_body(void *arg) {
  DefJob *job = arg;
  Infer *I = job->I;
  Def *d = job->d;
  Type *self = job->self;
  int np = job->np;
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
    unify(&u, np ? self->args[np] : self, body);
  } else if (d->kind == DEF_FUN) {
    int nf = frames_needed(d->bounds, d->nbounds);
    TEnv frames[nf];
    Type *parts[nf];
    int nk = 0;
    TEnv *env = bind_bounds(I, d->bounds, d->nbounds, NULL, frames, parts, &nk);
    /* The function itself, inside its body, is the result. */
    Type *f = fun_of(key_of(parts, nk, d->loc), var(), d->loc);
    Unify u = {xsprintf("'%s'", sym_str(d->name)), d->loc};
    unify(&u, self, f);
    Type *body = infer(I, d->body, env);
    unify(&u, f->args[1], body);
  }
}

/* The (generalised) type of a definition, inferred on first use. */
static Type *def_type(Infer *I, Def *d, Loc use) {
  const Spec *sp = I->spec;
  d = spec_effective_def(sp, d);
  if (I->def_types[d->id]) {
    if (I->def_busy[d->id])
      return I->def_types[d->id]; /* recursive: monomorphic inside */
    CopyMap m = {{0}, {0}};
    Type *t = copy_type(I->def_types[d->id], &m, I->def_generic[d->id],
                        I->def_ngeneric[d->id], 0);
    VEC_FREE(m.from);
    VEC_FREE(m.to);
    return t;
  }
  /* Placeholder for recursion. */
  int np = d->kind == DEF_OP ? d->nparams : 0;
  Type *self = np ? mk(TY_OPER, d->loc, np + 1) : var();
  for (int i = 0; i < np; i++)
    self->args[i] = d->params[i].arity > 0
                        ? mk(TY_OPER, d->params[i].loc, d->params[i].arity + 1)
                        : var();
  if (np) {
    for (int i = 0; i < np; i++)
      if (type_find(self->args[i])->kind == TY_OPER)
        for (int k = 0; k <= d->params[i].arity; k++)
          self->args[i]->args[k] = var();
    self->args[np] = var();
  }
  I->def_types[d->id] = self;
  I->def_busy[d->id] = true;
  DefJob job = {I, d, self, np};
  guarded(infer_def_body, &job);
  I->def_busy[d->id] = false;
  d->type = self;
  /* Generic: variables not reachable from constants or state variables. */
  TypeVec vs = {0};
  collect_vars(self, &vs, 0);
  TypeVec fixed = {0};
  for (size_t i = 0; i < sp->prog->consts.len; i++)
    if (sp->prog->consts.data[i]->type)
      collect_vars(sp->prog->consts.data[i]->type, &fixed, 0);
  for (size_t i = 0; i < sp->prog->vars.len; i++)
    if (sp->prog->vars.data[i]->type)
      collect_vars(sp->prog->vars.data[i]->type, &fixed, 0);
  TypeVec gen = {0};
  for (size_t i = 0; i < vs.len; i++) {
    bool f = false;
    for (size_t j = 0; j < fixed.len && !f; j++)
      f = fixed.data[j] == vs.data[i];
    if (!f && d->module) /* LET definitions may mention outer names */
      VEC_PUSH(gen, vs.data[i]);
  }
  I->def_generic[d->id] = gen.data;
  I->def_ngeneric[d->id] = (int)gen.len;
  VEC_FREE(vs);
  VEC_FREE(fixed);
  (void)use;
  return def_type(I, d, use);
}

static Type *value_type(const Value *v, Loc at) {
  switch (v->kind) {
  case V_BOOL:
    return prim(TY_BOOL, at);
  case V_INT:
    return prim(TY_INT, at);
  case V_STR:
    return prim(TY_STR, at);
  case V_MODEL:
    return prim(TY_MODEL, at);
  case V_SET: {
    Type *el = var();
    for (uint32_t i = 0; i < v->u.set.n; i++) {
      Unify u = {"an element of this set", at};
      unify(&u, el, value_type(v->u.set.elems[i], at));
    }
    return set_of(el, at);
  }
  case V_INTERVAL:
    return set_of(prim(TY_INT, at), at);
  default:
    return var();
  }
}

typedef struct SeedJob {
  Spec *spec;
  size_t i; /* the constant */
  Type *t;  /* for substitutions: the definition's type */
} SeedJob;

/* A constant's type from its config value. */
static void seed_const(void *arg) {
  SeedJob *j = arg;
  Decl *d = j->spec->prog->consts.data[j->i];
  Loc at = d->loc;
  for (size_t k = 0; k < j->spec->cfg->consts.len; k++)
    if (j->spec->cfg->consts.data[k].name == d->name)
      at = j->spec->cfg->consts.data[k].loc;
  d->type = value_type(j->spec->const_vals[j->i], at);
}

/* A constant substituted by a definition has the definition's type. */
static void unify_const(void *arg) {
  SeedJob *j = arg;
  Decl *d = j->spec->prog->consts.data[j->i];
  Unify u = {xsprintf("constant '%s'", sym_str(d->name)), d->loc};
  unify(&u, d->type, j->t);
}

bool types_infer(Spec *spec) {
  Program *p = spec->prog;
  Infer I = {0};
  I.spec = spec;
  size_t nd = p->defs.len + 1;
  I.def_types = xcalloc(nd, sizeof *I.def_types);
  I.def_generic = xcalloc(nd, sizeof *I.def_generic);
  I.def_ngeneric = xcalloc(nd, sizeof *I.def_ngeneric);
  I.def_busy = xcalloc(nd, sizeof *I.def_busy);
  type_errors = 0;
  for (size_t i = 0; i < p->consts.len; i++) {
    p->consts.data[i]->type = var();
    if (spec->const_vals[i]) {
      SeedJob j = {spec, i, NULL};
      guarded(seed_const, &j);
    }
  }
  for (size_t i = 0; i < p->vars.len; i++)
    p->vars.data[i]->type = var();
  for (size_t i = 0; i < p->consts.len; i++)
    if (spec->const_defs[i] && spec->const_defs[i]->nparams == 0) {
      SeedJob j = {spec, i,
                   def_type(&I, spec->const_defs[i], p->consts.data[i]->loc)};
      guarded(unify_const, &j);
    }
  for (size_t i = 0; i < p->defs.len; i++)
    if (p->defs.data[i]->module)
      def_type(&I, p->defs.data[i], p->defs.data[i]->loc);
  return type_errors == 0;
}

void types_report(FILE *out, const Spec *spec) {
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
}
