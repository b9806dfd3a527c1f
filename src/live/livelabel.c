/* livelabel.c -- action atoms read off the search's own enumeration.
 *
 * Most fairness conditions name a disjunct of Next: WF_vars(Do(p)) under
 * \A p \in Proc, with Next == \E p \in Proc : Req(p) \/ Do(p) \/ Rsp(p).
 * Evaluating <<Do(p)>>_vars on the edges out of a state, and ENABLED
 * <<Do(p)>>_vars on the state, repeats the work the search did when it
 * enumerated the state's successors.  So the search tells (eval.h's
 * EvalWatch) which calls it enumerates whole -- a call reached with
 * nothing left to enumerate after it and no variable assigned, whose
 * successors are then exactly its steps -- and between which successors.
 * An action atom <<A>>_v is labelled when v is every variable and A is a
 * disjunction of calls D(c) of a module's definitions with constant
 * arguments (definitions without parameters looked through).  On a state
 * where each of A's calls was enumerated whole, an edge is an A step if
 * and only if the search generated it inside one of them (the edge joins
 * distinct states, so v changes), and ENABLED <<A>>_v holds if and only
 * if some successor generated inside one of them differs from the state
 * -- a successor the constraints keep out of the graph counts too, as
 * ENABLED does not look at them.  Elsewhere an edge generated inside a
 * call of A is still an A step, and any other atom is evaluated when the
 * check asks for it (liveness.c). */
#include <stdlib.h>
#include <string.h>

#include "closed.h"
#include "instance.h"
#include "liveint.h"

static uint64_t call_hash(const Def *d, Value *const *vals, int n) {
  uint64_t h = hash_mix(0x51ed27u, d->id);
  for (int i = 0; i < n; i++)
    h = hash_mix(h, (uint64_t)(uintptr_t)vals[i]);
  return h;
}

/* The call of d with these argument values, or -1. */
static int call_find(const Labels *b, const Def *d, Value *const *vals) {
  size_t j = call_hash(d, vals, d->nparams) & (b->cap - 1);
  for (; b->tab[j] != NONE; j = (j + 1) & (b->cap - 1)) {
    const LiveCall *c = &b->calls.data[b->tab[j]];
    if (c->d == d && !memcmp(c->vals, vals, (size_t)d->nparams * sizeof *vals))
      return (int)b->tab[j];
  }
  return -1;
}

static void tab_put(Labels *b, size_t k) {
  const LiveCall *c = &b->calls.data[k];
  size_t j = call_hash(c->d, c->vals, c->d->nparams) & (b->cap - 1);
  while (b->tab[j] != NONE)
    j = (j + 1) & (b->cap - 1);
  b->tab[j] = (uint32_t)k;
}

static int call_add(Labels *b, const Def *d, Value **vals) {
  if (b->cap) {
    int k = call_find(b, d, vals);
    if (k >= 0) {
      free(vals);
      return k;
    }
  }
  LiveCall c = {d, vals, NULL};
  VEC_PUSH(b->calls, c);
  if (2 * b->calls.len > b->cap) {
    free(b->tab);
    b->cap = b->cap ? 2 * b->cap : 64;
    b->tab = xmalloc(b->cap * sizeof *b->tab);
    memset(b->tab, 0xff, b->cap * sizeof *b->tab);
    for (size_t k = 0; k < b->calls.len; k++)
      tab_put(b, k);
  } else {
    tab_put(b, b->calls.len - 1);
  }
  return (int)b->calls.len - 1;
}

static const EvalBind *bind_of(const EvalBind *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env;
  return NULL;
}

/* The constant value of a call's argument a under env: a name the
 * formula binds (\A p \in Proc), or a closed constant; NULL otherwise. */
static Value *arg_value(const Spec *sp, Expr *a, const EvalBind *env,
                        int depth) {
  if (depth > 32)
    return NULL;
  if (a->kind == EX_OP && a->ref.kind == REF_BINDER && !a->nargs &&
      !a->ref.u.binder->arity) {
    const EvalBind *b = bind_of(env, a->ref.u.binder->id);
    if (!b)
      return NULL;
    return b->value ? b->value : arg_value(sp, b->expr, b->env, depth + 1);
  }
  if (!closed_const(sp, a))
    return NULL;
  return eval_const_quiet(sp, a);
}

/* Appends the calls the action a (under env) is a disjunction of; false
 * when a is not such a disjunction. */
static bool action_calls(Labels *b, const Spec *sp, Expr *a,
                         const EvalBind *env, IntVec *out, int depth) {
  if (depth > 32 || a->kind != EX_OP)
    return false;
  if (a->ref.kind == REF_BUILTIN && a->ref.u.builtin == B_OR) {
    for (int i = 0; i < a->nargs; i++)
      if (!action_calls(b, sp, a->args[i], env, out, depth + 1))
        return false;
    return true;
  }
  if (a->ref.kind == REF_BINDER && !a->nargs && !a->ref.u.binder->arity) {
    /* an action passed by name: Fair(A) == WF_vars(A) */
    const EvalBind *x = bind_of(env, a->ref.u.binder->id);
    return x && !x->value && x->expr &&
           action_calls(b, sp, x->expr, x->env, out, depth + 1);
  }
  if (a->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(sp, a);
  if (!d || d->kind != DEF_OP || !d->module || d->origin ||
      a->nargs != d->nparams || !d->body)
    return false;
  size_t mark = out->len;
  if (!d->nparams && action_calls(b, sp, d->body, NULL, out, depth + 1))
    return true; /* Step == A \/ B: the calls of its body */
  out->len = mark;
  Value **vals = xmalloc(((size_t)d->nparams + 1) * sizeof *vals);
  for (int k = 0; k < d->nparams; k++)
    if (d->params[k].arity || !(vals[k] = arg_value(sp, a->args[k], env, 0))) {
      free(vals);
      return false;
    }
  VEC_PUSH(*out, call_add(b, d, vals));
  return true;
}

static void on_call(void *arg, const Def *d, Value *const *vals, bool start) {
  Live *l = arg;
  Labels *b = l->lab;
  size_t wa = (size_t)l->wa;
  if (!start) {
    b->stack.len -= wa;
    return;
  }
  size_t top = b->stack.len;
  for (size_t w = 0; w < wa; w++)
    VEC_PUSH(b->stack, top ? b->stack.data[top - wa + w] : 0);
  int c = call_find(b, d, vals);
  if (c < 0)
    return;
  for (size_t w = 0; w < wa; w++)
    b->stack.data[top + w] |= b->calls.data[c].atoms[w];
  if (!b->entered[c]) {
    b->entered[c] = 1;
    VEC_PUSH(b->entered_list, c);
  }
}

Labels *label_new(Live *l) {
  if (l->keyed || !l->wa)
    return NULL;
  const Spec *sp = l->spec;
  Labels *b = xcalloc(1, sizeof *b);
  size_t na = l->t->atoms.len;
  b->of_atom = xcalloc(na + 1, sizeof *b->of_atom);
  for (size_t k = 0; k < na; k++) {
    const TAtom *a = &l->t->atoms.data[k];
    if (a->kind != TA_ACTION || a->expr->kind != EX_DIA_ACT ||
        !l->all_vars[k] || l->next_step[k])
      continue;
    IntVec calls = {0};
    if (action_calls(b, sp, a->expr->args[0], a->env, &calls, 0) && calls.len) {
      b->of_atom[k] = calls;
      VEC_PUSH(b->atoms, (int)k);
    } else {
      VEC_FREE(calls);
    }
  }
  if (!b->atoms.len) {
    label_free(b);
    return NULL;
  }
  size_t wa = (size_t)l->wa;
  for (size_t c = 0; c < b->calls.len; c++)
    b->calls.data[c].atoms = xcalloc(wa, sizeof(Word));
  for (size_t i = 0; i < b->atoms.len; i++) {
    int k = b->atoms.data[i];
    for (size_t j = 0; j < b->of_atom[k].len; j++)
      wset(b->calls.data[b->of_atom[k].data[j]].atoms, live_slot(l, k));
  }
  for (size_t k = 0; k < na; k++) {
    const TAtom *a = &l->t->atoms.data[k];
    if (a->kind == TA_STATE && a->step >= 0 && b->of_atom[a->step].len &&
        !inst_enabled_of(a->expr) && !inst_enabled_refused(a->expr))
      VEC_PUSH(b->enabled, (int)k);
  }
  b->defs = xcalloc(sp->prog->defs.len + 1, 1);
  for (size_t c = 0; c < b->calls.len; c++)
    for (size_t w = 0; w < wa; w++)
      if (b->calls.data[c].atoms[w])
        b->defs[b->calls.data[c].d->id] = 1;
  b->watch = (EvalWatch){b->defs, sp->prog->defs.len, on_call, l};
  b->entered = xcalloc(b->calls.len + 1, 1);
  b->reach = xcalloc(wa, sizeof(Word));
  b->cover = xcalloc(wa, sizeof(Word));
  return b;
}

void label_free(Labels *b) {
  if (!b)
    return;
  for (size_t c = 0; c < b->calls.len; c++) {
    free(b->calls.data[c].vals);
    free(b->calls.data[c].atoms);
  }
  VEC_FREE(b->calls);
  free(b->tab);
  if (b->of_atom)
    for (size_t i = 0; i < b->atoms.len; i++)
      VEC_FREE(b->of_atom[b->atoms.data[i]]);
  free(b->of_atom);
  VEC_FREE(b->atoms);
  VEC_FREE(b->enabled);
  VEC_FREE(b->stack);
  free(b->defs);
  free(b->entered);
  VEC_FREE(b->entered_list);
  free(b->reach);
  free(b->cover);
  free(b);
}

void label_expanded(Live *l, uint32_t g) {
  Labels *b = l->lab;
  size_t wa = (size_t)l->wa;
  memset(b->cover, 0, wa * sizeof(Word));
  for (size_t i = 0; i < b->atoms.len; i++) {
    int k = b->atoms.data[i];
    const IntVec *calls = &b->of_atom[k];
    bool all = true;
    for (size_t j = 0; j < calls->len && all; j++)
      all = b->entered[calls->data[j]];
    if (all)
      wset(b->cover, live_slot(l, k));
  }
  for (uint64_t e = l->off.data[g]; e < l->off.data[g + 1]; e++)
    for (size_t w = 0; w < wa; w++)
      l->aknown.data[e * wa + w] |= b->cover[w] | l->abits.data[e * wa + w];
  Word *known = l->sknown.data + (size_t)g * l->ws;
  Word *val = l->sbits.data + (size_t)g * l->ws;
  for (size_t i = 0; i < b->enabled.len; i++) {
    const TAtom *a = &l->t->atoms.data[b->enabled.data[i]];
    int step = live_slot(l, a->step);
    if (wbit(b->reach, step)) {
      wset(known, a->slot);
      wset(val, a->slot);
    } else if (wbit(b->cover, step)) {
      wset(known, a->slot);
    }
  }
  for (size_t i = 0; i < b->entered_list.len; i++)
    b->entered[b->entered_list.data[i]] = 0;
  b->entered_list.len = 0;
  memset(b->reach, 0, wa * sizeof(Word));
}
