/* call.c -- operator calls, constants, variables, LET, and the memo of
 * state-level definitions.
 *
 * Design.  A call binds the definition's parameters to thunks of the
 * argument expressions (by name, TLA+'s substitution) and evaluates the
 * body; a definition with a native implementation (natcall.c) runs that
 * instead.  A module-level definition without parameters of constant
 * level is evaluated once per run (Spec.def_cache), as TLC does; one of
 * state level is a function of the variables it reads (reads.h), and its
 * values are kept in a fixed-size table keyed by the definition and the
 * (hash-consed, hence pointer-comparable) values of those variables, a
 * new entry replacing an old one, so memory stays bounded.  The search
 * evaluates such definitions again and again with equal values -- every
 * disjunct of Next reading the same helper, a primed predicate evaluated
 * once per candidate successor.  LET definitions without parameters are
 * evaluated at most once per evaluation of their LET (TLC's lazy
 * values).  Operator-valued parameters (names and LAMBDAs) are applied
 * as if written in place. */
#include "evalint.h"
#include "reads.h"

/* Binds d's parameters to the argument expressions (by name, in env) in
 * frames, which has room for d->nparams; returns the innermost frame.
 * The frames extend the caller's chain: a LET definition passed as an
 * operator argument and applied inside the callee finds the names bound
 * around its LET there. */
Env *ev_param_frames(Ctx *c, Def *d, Expr **args, Env *env, Env *frames) {
  Env *cur = env;
  for (int i = 0; i < d->nparams; i++) {
    frames[i] = (Env){d->params[i].id, NULL, args[i], env, NULL, cur, c->at, 0};
    cur = &frames[i];
  }
  return cur;
}

/* The variables a module-level definition without parameters of constant
 * or state level reads, or NULL when it is not evaluated once or
 * memoised. */
static const DefReads *reads_of(const Spec *sp, Def *d) {
  if (!d->module || d->kind != DEF_OP || d->nparams != 0 ||
      d->level > LEVEL_STATE)
    return NULL;
  return reads_of_def(sp, d);
}

#define STATE_MEMO_SIZE 4096 /* entries; a power of 2 */

typedef struct StateMemo {
  const Spec *sp;
  const Def *d;
  uint32_t n;
  Value **key; /* the values read, n of them (capacity cap) */
  uint32_t cap;
  Value *v;
} StateMemo;

static StateMemo state_memo[STATE_MEMO_SIZE];

/* Fills key with the values d reads in the state c reads from; false when
 * one of them has no value yet (a primed variable not yet assigned). */
static bool memo_key(Ctx *c, const DefReads *r, Value **key, uint64_t *h) {
  Value **st = c->primed ? c->next : c->cur;
  if (!st)
    return false;
  if (st == c->target)
    ev_run.target_reads++;
  for (uint32_t i = 0; i < r->n; i++) {
    key[i] = st[r->vars[i]];
    if (!key[i])
      return false;
    *h = (*h ^ val_hash(key[i])) * 0x100000001b3ull;
  }
  return true;
}

static StateMemo *memo_slot(const Spec *sp, const Def *d, Value **key,
                            uint32_t n, uint64_t h, bool *hit) {
  StateMemo *m = &state_memo[(h ^ (h >> 29)) & (STATE_MEMO_SIZE - 1)];
  *hit = m->v && m->sp == sp && m->d == d && m->n == n &&
         memcmp(m->key, key, n * sizeof *key) == 0;
  return m;
}

void eval_forget_state_memo(void) {
  for (size_t i = 0; i < STATE_MEMO_SIZE; i++)
    state_memo[i].v = NULL;
}

static void memo_store(StateMemo *m, const Spec *sp, const Def *d, Value **key,
                       uint32_t n, Value *v) {
  if (m->cap < n) {
    m->key = xrealloc(m->key, n * sizeof *m->key);
    m->cap = n;
  }
  memcpy(m->key, key, n * sizeof *key);
  m->sp = sp;
  m->d = d;
  m->n = n;
  m->v = v;
}

/* LET definitions without parameters are evaluated at most once per
 * evaluation of their LET, as TLC binds them to lazy values: the LET
 * pushes a thunk frame marked LET_FRAME for each (ev_let_node), and a use
 * of the definition finds it by the definition's body. */
#define LET_FRAME (UINT32_MAX - 64)

static Env *let_frame(Env *env, const Def *d) {
  for (; env; env = env->up)
    if (env->id == LET_FRAME && env->thunk == d->body)
      return env;
  return NULL;
}


Value *ev_call_def(Ctx *c, Expr *e, Def *d, Env *env) {
  const Spec *sp = c->spec;
  if (!d->module && d->kind == DEF_OP && d->nparams == 0) {
    Env *f = let_frame(env, d);
    if (f)
      return ev_env_value(c, f);
  }
  if (!spec_names_instance_copy(sp, e, d)) {
    Value *given = spec_def_value(sp, d);
    if (given)
      return given;
    d = spec_effective_def(sp, d);
  }
  if (d->kind == DEF_FUN) {
    bool cache = d->module && d->level == LEVEL_CONST && d->id < sp->ndefs;
    if (cache && sp->def_cache[d->id])
      return sp->def_cache[d->id];
    uint64_t reads = ev_run.level_reads;
    Value *v = ev_func(c, e, d->body, d->bounds, d->nbounds, env);
    if (cache && ev_run.level_reads == reads)
      sp->def_cache[d->id] = v;
    return v;
  }
  if (d->kind != DEF_OP)
    ev_fail(e, "'%s' cannot be evaluated", sym_str(d->name));
  if (ev_run.natives && d->module) {
    NativeFn f = ev_native_of(sp, d);
    if (f)
      return ev_native_call(f, c, e, env);
  }
  const DefReads *r = reads_of(sp, d);
  bool cache = r && d->level == LEVEL_CONST && d->id < sp->ndefs;
  if (cache && sp->def_cache[d->id])
    return sp->def_cache[d->id];
  if (!ev_run.state_memo || d->level != LEVEL_STATE)
    r = NULL;
  StateMemo *slot = NULL;
  Value *keybuf[r && r->n ? r->n : 1];
  if (r && r->n) {
    uint64_t h = d->id * 0x9e3779b97f4a7c15ull;
    bool hit;
    if (memo_key(c, r, keybuf, &h)) {
      slot = memo_slot(sp, d, keybuf, r->n, h, &hit);
      if (hit)
        return slot->v;
    }
  }
  if (++c->depth > MAX_DEPTH || stack_nearly_full())
    ev_fail(e,
            "recursion deeper than %d calls, or too deep for the stack "
            "(in '%s')",
            c->depth > MAX_DEPTH ? MAX_DEPTH : c->depth, sym_str(d->name));
  Env frames[d->nparams > 0 ? d->nparams : 1];
  Value *v = ev_eval(c, d->body, ev_param_frames(c, d, e->args, env, frames));
  c->depth--;
  if (cache)
    sp->def_cache[d->id] = v;
  if (slot)
    memo_store(slot, sp, d, keybuf, r->n, v);
  return v;
}

/* Applies an operator-valued parameter (bound to a name or a LAMBDA). */
Value *ev_call_op_param(Ctx *c, Expr *e, Env *b, Env *env) {
  Expr *op = b->thunk;
  if (op->kind == EX_LAMBDA) {
    Bound *bd = &op->bounds[0];
    Env frames[bd->nnames > 0 ? bd->nnames : 1];
    Env *cur = b->tenv;
    for (int i = 0; i < bd->nnames; i++) {
      frames[i] =
          (Env){bd->names[i].id, NULL, e->args[i], env, NULL, cur, c->at, 0};
      cur = &frames[i];
    }
    return ev_eval(c, op->body, cur);
  }
  /* A name: apply it to e's arguments as if written in its place. */
  Expr call = *op;
  call.args = e->args;
  call.nargs = e->nargs;
  call.loc = e->loc;
  if (op->ref.kind == REF_DEF)
    return ev_call_def(c, &call, op->ref.u.def, env);
  if (op->ref.kind == REF_BUILTIN)
    return ev_builtin(c, &call, env);
  if (op->ref.kind == REF_BINDER) {
    Env *bb = ev_env_find(b->tenv, op->ref.u.binder->id);
    if (bb)
      return ev_call_op_param(c, &call, bb, env);
  }
  ev_fail(e, "cannot apply this operator argument");
}

/* LET: a thunk frame marked LET_FRAME for each definition without
 * parameters, found by call_def through the definition's body. */
Value *ev_let_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_LET: {
    int n = 0;
    for (int i = 0; i < e->ndefs; i++)
      n += e->defs[i]->kind == DEF_OP && e->defs[i]->nparams == 0;
    if (n == 0)
      return ev_eval(c, e->body, env);
    Env frames[n];
    Env *cur = env;
    for (int i = 0, k = 0; i < e->ndefs; i++) {
      Def *d = e->defs[i];
      if (d->kind != DEF_OP || d->nparams != 0)
        continue;
      frames[k] = (Env){LET_FRAME, NULL, d->body, NULL, NULL, cur, c->at, 0};
      cur = &frames[k++];
    }
    /* Each definition sees the others (and itself, as RECURSIVE allows). */
    for (int k = 0; k < n; k++)
      frames[k].tenv = cur;
    return ev_eval(c, e->body, cur);
  }
  default:
    break;
  }
  ev_fail(e, "internal error: not a LET");
}

/* ---- operator arguments applied to values ---- */

/* Applies the operator argument `op` (a name or a LAMBDA written in env)
 * to values, as if `op(v1, ..., vn)` were written at `site`: the values
 * are bound to synthetic argument names, and the call goes the way of any
 * operator parameter's (call_op_param). */
Value *ev_apply_op_arg(Ctx *c, Expr *site, Expr *op, Value **vals, int n,
                       Env *env) {
  if (n > AST_MAX_VALUE_ARGS)
    ev_fail(site, "too many arguments for an operator argument");
  Expr argv[AST_MAX_VALUE_ARGS], *args[AST_MAX_VALUE_ARGS], call;
  ast_value_call(site, n, argv, args, &call);
  Env frames[AST_MAX_VALUE_ARGS];
  Env *cur = env;
  for (int i = 0; i < n; i++) {
    frames[i] =
        (Env){ast_value_arg_id(i), vals[i], NULL, NULL, NULL, cur, NULL, 0};
    cur = &frames[i];
  }
  Env b = {0, NULL, op, env, NULL, NULL, c->at, 0};
  return ev_call_op_param(c, &call, &b, cur);
}
