/* fun.c -- functions, records and EXCEPT.
 *
 * Design.  A function value is built whole from its constructor
 * [x \in S |-> e] by walking the bounds (quant.c) and collecting keys and
 * values; [S -> T] and [a : S, b : T] are built only when something
 * enumerates them (membership is decided in set.c without building).
 * Application of a function definition f[x \in S] == e evaluates the body
 * at the argument instead of building f, as TLC does: recursive function
 * definitions and definitions over infinite domains are applied that way.
 * EXCEPT walks its path, evaluating each new value with `@` bound to the
 * old one. */
#include "evalint.h"

typedef struct FunArg {
  Expr *body;
  Bound *bounds;
  int nbounds;
  VEC(Value *) keys;
  VEC(Value *) vals;
} FunArg;

static bool fun_body(Ctx *c, Env *env, void *p) {
  FunArg *f = p;
  Value *key = ev_bounds_key(f->bounds, f->nbounds, env);
  if (!key)
    ev_fail(f->body, "too many bound names");
  VEC_PUSH(f->keys, key);
  VEC_PUSH(f->vals, ev_eval(c, f->body, env));
  if (f->keys.len > MAX_ENUM)
    ev_unsupported(f->body,
                   "a function of more than %d arguments would be "
                   "built (brink's limit on a constructed value)",
                   MAX_ENUM);
  return true;
}

static Value *make_fun(Expr *at, FunArg *f) {
  Value *v = val_fun(f->keys.data, f->vals.data, f->keys.len);
  VEC_FREE(f->keys);
  VEC_FREE(f->vals);
  if (!v)
    ev_fail(at, "internal error: a function constructor produced the same "
                "argument twice");
  return v;
}

Value *ev_func(Ctx *c, Expr *at, Expr *body, Bound *b, int nb, Env *env) {
  FunArg f = {body, b, nb, {0}, {0}};
  ev_bind(c, at, b, nb, 0, env, fun_body, &f);
  return make_fun(at, &f);
}

/* [S -> T] as an explicit set of functions. */
static Value *fun_set(Expr *e, Value *dom, Value *cod) {
  dom = ev_enum_set(e, dom);
  cod = ev_enum_set(e, cod);
  size_t n = dom->u.set.n, m = cod->u.set.n;
  double total = 1;
  for (size_t i = 0; i < n; i++)
    total *= (double)m;
  if (total > MAX_ENUM)
    ev_unsupported(e,
                   "[S -> T] has %.0f elements: more than brink "
                   "enumerates (%d)",
                   total, MAX_ENUM);
  VEC(Value *) out = {0};
  size_t *idx = xcalloc(n + 1, sizeof *idx);
  Value **vals = xmalloc((n + 1) * sizeof *vals);
  if (m > 0 || n == 0) {
    for (;;) {
      for (size_t i = 0; i < n; i++)
        vals[i] = cod->u.set.elems[idx[i]];
      VEC_PUSH(out, val_fun(dom->u.set.elems, vals, n));
      size_t i = 0;
      while (i < n && ++idx[i] == m)
        idx[i++] = 0;
      if (i == n)
        break;
    }
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(idx);
  free(vals);
  return r;
}

static Value *mk_record(Expr *e, Value **vals, size_t n) {
  Value *r = val_record(e->fields, vals, n);
  if (!r)
    ev_fail(e, "a field name occurs twice in this record set");
  return r;
}

static Value *record_set(Ctx *c, Expr *e, Env *env) {
  int n = e->nargs;
  Value **sets = xmalloc((size_t)n * sizeof *sets);
  for (int i = 0; i < n; i++)
    sets[i] = ev_enum_set(e->args[i], ev_eval(c, e->args[i], env));
  Value *r = ev_product(e, sets, n, "the record set", mk_record);
  free(sets);
  return r;
}

/* ---- function application and EXCEPT ---- */

Value *ev_apply(Expr *e, Value *f, Value *arg) {
  if (f->kind != V_FUN)
    ev_fail(e, "attempted to apply %s, which is not a function, to %s",
            ev_show(f), ev_show(arg));
  Value *r = val_fun_apply(f, arg);
  if (!r)
    ev_fail(e,
            "attempted to apply the function %s to the argument %s, which "
            "is not in its domain",
            ev_show(f), ev_show(arg));
  return r;
}

Value *ev_fapp_arg(Ctx *c, Expr **args, int n, Env *env) {
  if (n == 1)
    return ev_eval(c, args[0], env);
  Value *parts[16];
  if (n > 16)
    ev_fail(args[0], "too many arguments");
  for (int i = 0; i < n; i++)
    parts[i] = ev_eval(c, args[i], env);
  return ev_seq(parts, (size_t)n);
}

static Value *except_path(Ctx *c, Expr *e, Value *f, ExceptUpdate *u, int i,
                          Env *env) {
  if (i == u->npath) {
    Value *saved = c->at;
    c->at = f;
    Value *v = ev_eval(c, u->value, env);
    c->at = saved;
    return v;
  }
  ExceptStep *st = &u->path[i];
  Value *key = st->is_field ? val_str(st->field)
                            : ev_fapp_arg(c, st->args, st->nargs, env);
  if (f->kind == V_FUN && !val_fun_apply(f, key) &&
      (f->u.fun.n == 0 || ev_comparable(key, f->u.fun.keys[0]))) {
    /* [f EXCEPT ![k] = v] with k outside DOMAIN f is f (the definition is
     * [x \in DOMAIN f |-> IF x = k THEN v ELSE f[x]]); TLC warns and goes
     * on, and so do we, once per run.  A key of another kind than the
     * domain's is an error, as in TLC. */
    if (!ev_run.warned_except) {
      ev_run.warned_except = true;
      char *k = ev_show(key);
      diag_warning(e->loc,
                   "EXCEPT updates %s, which is not in the domain of the "
                   "function; the function is left unchanged there",
                   k);
      free(k);
    }
    return f;
  }
  Value *old = ev_apply(e, f, key);
  return val_fun_update(f, key, except_path(c, e, old, u, i + 1, env));
}

/* f[args] for a function definition f[x \in S, <<y, z>> \in T] == body:
 * the argument (evaluated in argenv) is split into one part per name (or
 * tuple pattern), each part checked against its bound set, and the body
 * evaluated with the names bound (in env, where f is defined).  NULL when
 * the definition has too many names. */
static Value *apply_fun_def(Ctx *c, Expr *e, Def *d, Env *argenv, Env *env) {
  enum { MAXN = 16 };
  int nparts = 0, nnames = 0;
  for (int i = 0; i < d->nbounds; i++) {
    nparts += d->bounds[i].tuple ? 1 : d->bounds[i].nnames;
    nnames += d->bounds[i].nnames;
  }
  if (nparts > MAXN || nnames > MAXN)
    return NULL;
  Value *arg = ev_fapp_arg(c, e->args + 1, e->nargs - 1, argenv);
  Value *parts[MAXN];
  if (nparts == 1) {
    parts[0] = arg;
  } else {
    if (arg->kind != V_FUN || !val_is_seq(arg) ||
        arg->u.fun.n != (uint32_t)nparts)
      ev_fail(e,
              "attempted to apply the function %s to %s, which is not "
              "in its domain (%d arguments expected)",
              sym_str(d->name), ev_show(arg), nparts);
    for (int i = 0; i < nparts; i++)
      parts[i] = arg->u.fun.vals[i];
  }
  Env frames[MAXN];
  Env *cur = env;
  int k = 0, f = 0;
  for (int i = 0; i < d->nbounds; i++) {
    Bound *bd = &d->bounds[i];
    for (int j = 0; j < (bd->tuple ? 1 : bd->nnames); j++, k++) {
      Value *p = parts[k];
      if (!ev_in(c, e, p, bd->set, env))
        ev_fail(e,
                "attempted to apply the function %s to %s, which is "
                "not in its domain",
                sym_str(d->name), ev_show(arg));
      if (!bd->tuple) {
        frames[f] = (Env){bd->names[j].id, p, NULL, NULL, NULL, cur, NULL, 0};
        cur = &frames[f++];
        continue;
      }
      if (p->kind != V_FUN || !val_is_seq(p) ||
          p->u.fun.n != (uint32_t)bd->nnames)
        ev_fail(e, "the argument %s does not match the tuple pattern",
                ev_show(p));
      for (int n = 0; n < bd->nnames; n++) {
        frames[f] = (Env){
            bd->names[n].id, p->u.fun.vals[n], NULL, NULL, NULL, cur, NULL, 0};
        cur = &frames[f++];
      }
    }
  }
  if (++c->depth > MAX_DEPTH || stack_nearly_full())
    ev_fail(e,
            "recursion deeper than %d calls, or too deep for the stack "
            "(in '%s')",
            c->depth > MAX_DEPTH ? MAX_DEPTH : c->depth, sym_str(d->name));
  Value *v = ev_eval(c, d->body, cur);
  c->depth--;
  return v;
}

/* f[a, b]. */
Value *ev_fapp_node(Ctx *c, Expr *e, Env *env) {
  Expr *fe = e->args[0];
  /* A function definition applied directly: evaluate its body at the
   * argument instead of building the whole (perhaps infinite, perhaps
   * recursive) function, as TLC does. */
  Env *fenv = env;
  /* An operator argument that names a function definition (Sum(sc, S)
   * applying f[x]) is applied the same way, in the argument's scope. */
  for (int guard = 0;
       guard < 100 && fe->kind == EX_OP && fe->ref.kind == REF_BINDER &&
       fe->nargs == 0 && fe->ref.u.binder->arity == 0;
       guard++) {
    Env *b = ev_env_find(fenv, fe->ref.u.binder->id);
    if (!b || b->v || !b->thunk || (ev_cache_valid(b) && !c->primed))
      break;
    fe = b->thunk;
    fenv = b->tenv;
  }
  if (fe->kind == EX_OP && fe->ref.kind == REF_DEF && fe->nargs == 0 &&
      fe->ref.u.def->kind == DEF_FUN &&
      !(c->spec &&
        (spec_def_value(c->spec, fe->ref.u.def) ||
         spec_effective_def(c->spec, fe->ref.u.def) != fe->ref.u.def))) {
    Def *d = fe->ref.u.def;
    const Spec *sp = c->spec;
    bool cached = sp && d->id < sp->ndefs && sp->def_cache[d->id];
    Value *v = cached ? NULL : apply_fun_def(c, e, d, env, fenv);
    if (v)
      return v;
  }
  fe = e->args[0];
  Value *f = ev_eval(c, fe, env);
  return ev_apply(e, f, ev_fapp_arg(c, e->args + 1, e->nargs - 1, env));
}

/* Function and record constructors, fields, EXCEPT, `@`. */
Value *ev_fun_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_FUNC:
    return ev_func(c, e, e->body, e->bounds, e->nbounds, env);
  case EX_FUNSET: {
    Value *dom = ev_eval(c, e->args[0], env);
    Value *cod = ev_eval(c, e->args[1], env);
    return fun_set(e, dom, cod);
  }
  case EX_RECORD: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = ev_eval(c, e->args[i], env);
    Value *r = val_record(e->fields, buf, (size_t)e->nargs);
    if (!r)
      ev_fail(e, "a field name occurs twice in this record");
    return r;
  }
  case EX_RECSET:
    return record_set(c, e, env);
  case EX_DOT: {
    Value *r = ev_eval(c, e->args[0], env);
    if (r->kind != V_FUN)
      ev_fail(e,
              "attempted to select the field '%s' of %s, which is not a "
              "record",
              sym_str(e->field), ev_show(r));
    Value *v = val_fun_apply(r, val_str(e->field));
    if (!v)
      ev_fail(e, "the record %s has no field '%s'", ev_show(r),
              sym_str(e->field));
    return v;
  }
  case EX_EXCEPT: {
    Value *f = ev_eval(c, e->args[0], env);
    for (int i = 0; i < e->nupdates; i++)
      f = except_path(c, e, f, &e->updates[i], 0, env);
    return f;
  }
  case EX_AT:
    if (!c->at)
      ev_fail(e, "'@' outside an EXCEPT value");
    return c->at;
  default:
    break;
  }
  ev_fail(e, "internal error: %s routed to the wrong family",
          ast_kind_name(e->kind));
}

/* DOMAIN, :> and @@. */
Value *ev_fun_op(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_DOMAIN: {
    Value *f = ev_eval(c, a[0], env);
    if (f->kind != V_FUN)
      ev_fail(e, "DOMAIN is applied to %s, which is not a function",
              ev_show(f));
    return val_fun_domain(f);
  }
  case B_SINGLETON_FN: {
    Value *k = ev_eval(c, a[0], env), *v = ev_eval(c, a[1], env);
    return val_fun(&k, &v, 1);
  }
  case B_MERGE_FN: {
    Value *f = ev_eval(c, a[0], env), *g = ev_eval(c, a[1], env);
    if (f->kind != V_FUN || g->kind != V_FUN)
      ev_fail(e, "@@ needs two functions");
    VEC(Value *) ks = {0};
    VEC(Value *) vs = {0};
    for (uint32_t i = 0; i < f->u.fun.n; i++) {
      VEC_PUSH(ks, f->u.fun.keys[i]);
      VEC_PUSH(vs, f->u.fun.vals[i]);
    }
    for (uint32_t i = 0; i < g->u.fun.n; i++)
      if (!val_fun_apply(f, g->u.fun.keys[i])) {
        VEC_PUSH(ks, g->u.fun.keys[i]);
        VEC_PUSH(vs, g->u.fun.vals[i]);
      }
    Value *r = val_fun(ks.data, vs.data, ks.len);
    VEC_FREE(ks);
    VEC_FREE(vs);
    return r;
  }
  default:
    break;
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}
