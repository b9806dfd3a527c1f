/* quant.c -- bound names: \A, \E, CHOOSE, set filters and set maps.
 *
 * Design.  ev_bind walks the assignments of a list of bounds depth first,
 * binding each name in a frame on its own C stack and calling a body
 * function at the leaves; the body says whether to go on, so \E stops at
 * the first witness and \A at the first counterexample.  `x, y \in S`
 * ranges each name over S independently, the set evaluated outside the
 * names; a tuple pattern <<a, b>> \in S binds the parts of each element.
 * Integer intervals are walked without being enumerated.  While a
 * symbolic trace is replayed, the solver's choices for a name
 * (eval_set_witnesses) are tried first, so that \E k \in Nat or over
 * Seq(S) is settled without enumerating the set.  CHOOSE takes the first
 * element in value order that satisfies the body, hence the least one. */
#include "evalint.h"

static bool bind_rec(Ctx *c, Expr *at, Bound *b, int nb, int i, int j, Env *env,
                     BindFn fn, void *arg);

void eval_clear_witnesses(void) { eval_set_witnesses(NULL, NULL, 0); }

size_t eval_witness_count(void) { return ev_run.nwitnesses; }

void eval_set_witnesses(const uint32_t *ids, Value *const *vals, size_t n) {
  for (size_t i = 0; i < ev_run.nwitnesses; i++)
    free(ev_run.witnesses[i].vals);
  free(ev_run.witnesses);
  ev_run.witnesses = NULL;
  ev_run.nwitnesses = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    while (k < ev_run.nwitnesses && ev_run.witnesses[k].id != ids[i])
      k++;
    if (k == ev_run.nwitnesses) {
      ev_run.witnesses =
          xrealloc(ev_run.witnesses, (k + 1) * sizeof *ev_run.witnesses);
      ev_run.witnesses[k] = (Witnesses){ids[i], NULL, 0};
      ev_run.nwitnesses++;
    }
    Witnesses *w = &ev_run.witnesses[k];
    bool dup = false;
    for (size_t m = 0; m < w->n && !dup; m++)
      dup = val_eq(w->vals[m], vals[i]);
    if (dup)
      continue;
    w->vals = xrealloc(w->vals, (w->n + 1) * sizeof *w->vals);
    w->vals[w->n++] = vals[i];
  }
}

static const Witnesses *witnesses_for(uint32_t id) {
  for (size_t i = 0; i < ev_run.nwitnesses; i++)
    if (ev_run.witnesses[i].id == id)
      return &ev_run.witnesses[i];
  return NULL;
}

bool ev_bind(Ctx *c, Expr *at, Bound *b, int nb, int i, Env *env, BindFn fn,
             void *arg) {
  if (i == nb)
    return fn(c, env, arg);
  return bind_rec(c, at, b, nb, i, 0, env, fn, arg);
}

static bool bind_rec(Ctx *c, Expr *at, Bound *b, int nb, int i, int j, Env *env,
                     BindFn fn, void *arg) {
  Bound *bd = &b[i];
  if (!bd->set)
    ev_fail(at, "an unbounded quantifier cannot be evaluated; write "
                "\\E x \\in S instead");
  if (bd->tuple) {
    Value *s = ev_enum_set(bd->set, ev_eval(c, bd->set, env));
    for (uint32_t k = 0; k < s->u.set.n; k++) {
      Value *t = s->u.set.elems[k];
      if (t->kind != V_FUN || !val_is_seq(t) ||
          t->u.fun.n != (uint32_t)bd->nnames)
        ev_fail(bd->set, "a tuple of %d elements was expected, but got %s",
                bd->nnames, ev_show(t));
      Env frames[16];
      if (bd->nnames > 16)
        ev_fail(at, "too many names in a tuple pattern");
      Env *cur = env;
      for (int n = 0; n < bd->nnames; n++) {
        frames[n] = (Env){
            bd->names[n].id, t->u.fun.vals[n], NULL, NULL, NULL, cur, NULL, 0};
        cur = &frames[n];
      }
      if (!ev_bind(c, at, b, nb, i + 1, cur, fn, arg))
        return false;
    }
    return true;
  }
  /* Each name of `x, y \in S` ranges over S independently.  The set is
   * evaluated in the environment outside the names. */
  const Witnesses *w = witnesses_for(bd->names[j].id);
  if (w) {
    /* Replay of a symbolic trace: the solver's choices for this name
     * that are members of S come first, so that S need not be enumerated
     * (it may be infinite) when one of them settles the quantifier. */
    for (size_t k = 0; k < w->n; k++) {
      if (!ev_in(c, bd->set, w->vals[k], bd->set, env))
        continue;
      Env f = {bd->names[j].id, w->vals[k], NULL, NULL, NULL, env, NULL, 0};
      bool go = j + 1 < bd->nnames
                    ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                    : ev_bind(c, at, b, nb, i + 1, &f, fn, arg);
      if (!go)
        return false;
    }
  }
  Value *s = ev_eval(c, bd->set, env);
  if (s->kind == V_INTERVAL) {
    mpz_t z;
    mpz_init_set(z, s->z);
    bool go = true;
    for (; go && mpz_cmp(z, s->z2) <= 0; mpz_add_ui(z, z, 1)) {
      Env f = {bd->names[j].id, val_int_mpz(z), NULL, NULL, NULL, env, NULL, 0};
      go = j + 1 < bd->nnames ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                              : ev_bind(c, at, b, nb, i + 1, &f, fn, arg);
    }
    mpz_clear(z);
    return go;
  }
  s = ev_enum_set(bd->set, s);
  for (uint32_t k = 0; k < s->u.set.n; k++) {
    Env f = {
        bd->names[j].id, s->u.set.elems[k], NULL, NULL, NULL, env, NULL, 0};
    bool go = j + 1 < bd->nnames ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                                 : ev_bind(c, at, b, nb, i + 1, &f, fn, arg);
    if (!go)
      return false;
  }
  return true;
}

/* ---- quantifiers, CHOOSE, filters and maps ---- */

typedef struct QArg {
  Expr *body;
  bool result;
  bool want; /* stop when the body evaluates to this */
  VEC(Value *) acc;
  Value *found;
  Bound *bound; /* set filter over a tuple pattern */
} QArg;

static bool q_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  bool b =
      ev_bool(q->body, ev_eval(c, q->body, env), "the body of a quantifier");
  if (b == q->want) {
    q->result = q->want;
    return false;
  }
  return true;
}

static bool map_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  VEC_PUSH(q->acc, ev_eval(c, q->body, env));
  if (q->acc.len > MAX_ENUM)
    ev_unsupported(q->body,
                   "a set of more than %d elements would be built "
                   "(brink's limit on a constructed value)",
                   MAX_ENUM);
  return true;
}

static bool filter_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  if (ev_bool(q->body, ev_eval(c, q->body, env),
              "the condition of a set filter"))
    VEC_PUSH(q->acc, q->bound ? ev_bounds_key(q->bound, 1, env) : env->v);
  return true;
}

/* The domain key a function constructor's bounds denote in env: one name
 * gives its value, a tuple pattern the tuple, several names or bounds the
 * tuple of those parts. */
Value *ev_bounds_key(Bound *b, int nb, Env *env) {
  int total = 0;
  for (int i = 0; i < nb; i++)
    total += b[i].nnames;
  Value *flat[64];
  if (total > 64)
    return NULL;
  Env *e = env;
  for (int i = total - 1; i >= 0; i--, e = e->up)
    flat[i] = e->v;
  Value *parts[64];
  int np = 0, k = 0;
  for (int i = 0; i < nb; i++) {
    if (b[i].tuple) {
      parts[np++] = ev_seq(flat + k, (size_t)b[i].nnames);
      k += b[i].nnames;
    } else {
      for (int j = 0; j < b[i].nnames; j++)
        parts[np++] = flat[k++];
    }
  }
  return np == 1 ? parts[0] : ev_seq(parts, (size_t)np);
}

static bool choose_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  if (ev_bool(q->body, ev_eval(c, q->body, env), "the body of CHOOSE")) {
    q->found = env->v;
    return false;
  }
  return true;
}

/* \A, \E, CHOOSE, {x \in S : P} and {e : x \in S}. */
Value *ev_quant_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_FORALL:
  case EX_EXISTS: {
    bool forall = e->kind == EX_FORALL;
    QArg q = {e->body, forall, !forall, {0}, NULL, NULL};
    ev_bind(c, e, e->bounds, e->nbounds, 0, env, q_body, &q);
    return val_bool(q.result);
  }
  case EX_CHOOSE: {
    if (e->bounds[0].tuple || e->bounds[0].nnames != 1)
      ev_unsupported(e, "CHOOSE over a tuple pattern is not supported yet");
    QArg q = {e->body, false, true, {0}, NULL, NULL};
    ev_bind(c, e, e->bounds, 1, 0, env, choose_body, &q);
    if (!q.found)
      ev_fail(e, "CHOOSE found no element satisfying its condition");
    return q.found;
  }
  case EX_SET_FILTER: {
    if (!e->bounds[0].tuple && e->bounds[0].nnames != 1)
      ev_fail(e, "a set filter binds one name or one tuple pattern");
    QArg q = {e->body, false, false, {0}, NULL, NULL};
    if (e->bounds[0].tuple)
      q.bound = &e->bounds[0];
    ev_bind(c, e, e->bounds, 1, 0, env, filter_body, &q);
    Value *r = val_set(q.acc.data, q.acc.len);
    VEC_FREE(q.acc);
    return r;
  }
  case EX_SET_MAP: {
    QArg q = {e->body, false, false, {0}, NULL, NULL};
    ev_bind(c, e, e->bounds, e->nbounds, 0, env, map_body, &q);
    Value *r = val_set(q.acc.data, q.acc.len);
    VEC_FREE(q.acc);
    return r;
  }
  default:
    break;
  }
  ev_fail(e, "internal error: %s routed to the wrong family",
          ast_kind_name(e->kind));
}
