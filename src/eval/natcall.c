/* natcall.c -- the evaluator's side of native implementations (native.h).
 *
 * Design.  A definition of a module that comes with brink may have a C
 * implementation (native.c, nativeio.c); call.c asks ev_native_of once per
 * definition (the answer is kept in a table by Def.id, reset when the
 * program changes) and then calls it with an opaque NativeCall: the call
 * site, its environment and the context, through which the native asks
 * for argument values, applications of operator arguments and errors
 * located at the call.  The natives see nothing else of the evaluator. */
#include "evalint.h"

struct NativeCall {
  Ctx *c;
  Expr *e;
  Env *env;
};

Value *ev_native_call(NativeFn f, Ctx *c, Expr *e, Env *env) {
  NativeCall nc = {c, e, env};
  return f(&nc);
}

Value *native_arg(NativeCall *nc, int i) {
  return ev_eval(nc->c, nc->e->args[i], nc->env);
}

Value *native_apply(NativeCall *nc, int i, Value **vals, int n) {
  return ev_apply_op_arg(nc->c, nc->e, nc->e->args[i], vals, n, nc->env);
}

bool native_test(NativeCall *nc, int i, Value **vals, int n, const char *what) {
  return ev_bool(nc->e, native_apply(nc, i, vals, n), what);
}

void native_fail(NativeCall *nc, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ev_fail(nc->e, "%s", buf);
}

const char *native_spec_dir(NativeCall *nc) {
  return nc->c->spec && nc->c->spec->prog ? nc->c->spec->prog->dir : NULL;
}

bool native_may_write(NativeCall *nc) { return ev_run.may_write; }

/* The native of definition d (NULL if none), found once per definition:
 * only a definition of a module that comes with brink has one. */
NativeFn ev_native_of(const Spec *sp, Def *d) {
  static VEC(uint8_t) known; /* by Def.id: 0 unknown, 1 none, 2 found */
  static VEC(NativeFn) fns;
  static const Program *owner; /* ids are per program */
  if (owner != sp->prog) {
    known.len = fns.len = 0;
    owner = sp->prog;
  }
  if (d->id < known.len && known.data[d->id])
    return known.data[d->id] == 2 ? fns.data[d->id] : NULL;
  while (known.len <= d->id) {
    VEC_PUSH(known, 0);
    VEC_PUSH(fns, NULL);
  }
  Def *o = d->origin ? d->origin : d;
  NativeFn f = NULL;
  if (o->module && o->module->builtin && o->kind == DEF_OP &&
      o->nparams == d->nparams)
    f = native_lookup(sym_str(o->module->name), sym_str(o->name), o->nparams);
  known.data[d->id] = f ? 2 : 1;
  fns.data[d->id] = f;
  return f;
}
