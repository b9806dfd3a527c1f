/* closed.c -- closed constant subexpressions, computed by the evaluator.
 *
 * An expression of constant level with no free bound name, no variable,
 * no prime and no impure definition (TLCGet("level"), RandomElement, ...)
 * has one value for the whole run.  The encoder asks the concrete
 * evaluator for it once (closed_value), memoises it by expression, and
 * turns it into a symbolic constant, so that everything TLC computes from
 * the config alone is computed the same way here.  closed_rec is the
 * encoder's closed-constant rule, kept in this one place so that it can be
 * replaced by the rule the evaluator shares (src/analysis). */
#include "encint.h"

static Value not_const_marker;
#define NOT_CONST (&not_const_marker)

typedef VEC(uint32_t) IdVec;

static bool bound_has(IdVec *b, uint32_t id) {
  for (size_t i = 0; i < b->len; i++)
    if (b->data[i] == id)
      return true;
  return false;
}

static void bind_bounds(IdVec *b, Bound *bs, int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < bs[i].nnames; j++)
      VEC_PUSH(*b, bs[i].names[j].id);
}

static bool closed_rec(const Spec *sp, Expr *e, IdVec *bound, int depth) {
  if (!e)
    return true;
  if (depth > 200)
    return false;
  size_t mark = bound->len;
  bool ok = true;
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_BINDER && !bound_has(bound, e->ref.u.binder->id))
      return false;
    if (e->ref.kind == REF_VAR)
      return false;
    /* A definition whose value is not a function of the state and the
     * constants (TLCGet("level"), RandomElement, ...) is not a constant. */
    if (e->ref.kind == REF_DEF && e->ref.u.def->module &&
        !eval_def_pure(sp, e->ref.u.def))
      return false;
    if (e->ref.kind == REF_DEF && !e->ref.u.def->module) {
      Def *d = e->ref.u.def; /* a LET definition: look inside */
      bind_bounds(bound, d->bounds, d->nbounds);
      for (int i = 0; i < d->nparams; i++)
        VEC_PUSH(*bound, d->params[i].id);
      ok = closed_rec(sp, d->body, bound, depth + 1);
      bound->len = mark;
      if (!ok)
        return false;
    }
    if (e->ref.kind == REF_BUILTIN &&
        (e->ref.u.builtin == B_PRIME || e->ref.u.builtin == B_UNCHANGED ||
         e->ref.u.builtin == B_ENABLED || e->ref.u.builtin == B_PRINT ||
         e->ref.u.builtin == B_PRINTT ||
         (e->ref.u.builtin == B_TLCGET && e->args[0]->kind == EX_STR &&
          !strcmp(sym_str(e->args[0]->str), "level"))))
      return false;
  }
  if (e->kind == EX_AT)
    return false;
  for (int i = 0; ok && i < e->nbounds; i++)
    ok = closed_rec(sp, e->bounds[i].set, bound, depth + 1);
  bind_bounds(bound, e->bounds, e->nbounds);
  for (int i = 0; ok && i < e->nargs; i++)
    ok = closed_rec(sp, e->args[i], bound, depth + 1);
  ok = ok && closed_rec(sp, e->body, bound, depth + 1);
  for (int i = 0; ok && i < e->narms; i++)
    ok = closed_rec(sp, e->arms[i].guard, bound, depth + 1) &&
         closed_rec(sp, e->arms[i].value, bound, depth + 1);
  ok = ok && closed_rec(sp, e->other, bound, depth + 1);
  for (int i = 0; ok && i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    if (!closed_rec(sp, u->value, bound, depth + 1))
      ok = false; /* `@` inside makes it non-closed anyway */
    for (int s = 0; ok && s < u->npath; s++)
      for (int k = 0; ok && k < u->path[s].nargs; k++)
        ok = closed_rec(sp, u->path[s].args[k], bound, depth + 1);
  }
  for (int i = 0; ok && i < e->ndefs; i++) {
    Def *d = e->defs[i];
    size_t m2 = bound->len;
    for (int k = 0; k < d->nparams; k++)
      VEC_PUSH(*bound, d->params[k].id);
    bind_bounds(bound, d->bounds, d->nbounds);
    ok = closed_rec(sp, d->body, bound, depth + 1);
    bound->len = m2;
  }
  bound->len = mark;
  return ok;
}

static Value *memo_get(Enc *E, Expr *e) {
  if (!E->memo.cap)
    return NULL;
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i]) {
    if (E->memo.keys[i] == e)
      return E->memo.vals[i];
    i = (i + 1) & (E->memo.cap - 1);
  }
  return NULL;
}

static void memo_put(Enc *E, Expr *e, Value *v) {
  if (2 * (E->memo.len + 1) > E->memo.cap) {
    size_t ncap = E->memo.cap ? 2 * E->memo.cap : 1024;
    Expr **nk = xcalloc(ncap, sizeof *nk);
    Value **nv = xcalloc(ncap, sizeof *nv);
    for (size_t i = 0; i < E->memo.cap; i++)
      if (E->memo.keys[i]) {
        size_t j = hash_mix(0, (uintptr_t)E->memo.keys[i]) & (ncap - 1);
        while (nk[j])
          j = (j + 1) & (ncap - 1);
        nk[j] = E->memo.keys[i];
        nv[j] = E->memo.vals[i];
      }
    free(E->memo.keys);
    free(E->memo.vals);
    E->memo.keys = nk;
    E->memo.vals = nv;
    E->memo.cap = ncap;
  }
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i])
    i = (i + 1) & (E->memo.cap - 1);
  E->memo.keys[i] = e;
  E->memo.vals[i] = v;
  E->memo.len++;
}

/* The value of e when it is closed and constant-level and the evaluator
 * can compute it; NULL otherwise. */
Value *closed_value(Enc *E, Expr *e) {
  Value *m = memo_get(E, e);
  if (m)
    return m == NOT_CONST ? NULL : m;
  Value *v = NOT_CONST;
  IdVec bound = {0};
  if (expr_level(e) == LEVEL_CONST && closed_rec(E->spec, e, &bound, 0)) {
    EvalState st = {E->spec, NULL, NULL};
    FailPoint fp;
    FILE *devnull = fopen("/dev/null", "w");
    void *old = diag_set_stream(devnull);
    if (fail_push(&fp) == 0) {
      Value *x = eval_expr(&st, e);
      fail_pop(&fp);
      /* Infinite sets stay symbolic-only (membership tests). */
      if (x->kind != V_INFSET && x->kind != V_INTERVAL)
        v = x;
    }
    diag_set_stream(old);
    if (devnull)
      fclose(devnull);
  }
  VEC_FREE(bound);
  memo_put(E, e, v);
  return v == NOT_CONST ? NULL : v;
}
