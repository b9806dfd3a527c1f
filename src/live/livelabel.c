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
 *
 * An action atom <<A>>_v is labelled when v is every variable and A is a
 * disjunction of alternatives G /\ D(c): G a conjunction of state
 * predicates (guards, maybe none), D a module's definition, c constant
 * arguments.  \/, /\ with state predicates, \E over a constant set, and
 * definitions without parameters are looked through:
 * WF_vars(pc[self] # "ncs" /\ P(self)) has one alternative per self.  On
 * a state where every alternative whose guards hold had its call
 * enumerated whole, an edge is an A step if and only if the search
 * generated it inside the call of such an alternative (the edge joins
 * distinct states, so v changes), and ENABLED <<A>>_v holds if and only
 * if some successor generated there differs from the state -- a
 * successor the constraints keep out of the graph counts too, as ENABLED
 * does not look at them.  Elsewhere an edge generated there is still an
 * A step, and any other atom is evaluated when the check asks for it
 * (liveness.c).  Guards are evaluated on each state as it is expanded;
 * one that fails to evaluate leaves the atom to the check. */
#include <stdlib.h>
#include <string.h>

#include "closed.h"
#include "instance.h"
#include "liveint.h"

#define MAX_ALTS 4096 /* alternatives of all the atoms */

/* A call D(vals) of a module's definition. */
typedef struct LiveCall {
  const Def *d;
  Value **vals; /* the arguments' values, d->nparams of them */
  Word *alts;   /* the alternatives it is the call of */
} LiveCall;

/* An alternative G /\ D(c) of a labelled atom. */
typedef struct LiveAlt {
  int call;
  int atom;
  int slot; /* the atom's */
  int *guards; /* the guards G, nguards of them */
  int nguards;
} LiveAlt;

/* A state predicate under its bindings. */
typedef struct LiveGuard {
  Expr *e;
  const EvalBind *env;
} LiveGuard;

struct Labels {
  EvalWatch watch;
  uint8_t *defs; /* by Def.id: a definition of a call below */
  VEC(LiveCall) calls;
  uint32_t *tab; /* (d, vals) -> call, open addressing */
  size_t cap;
  VEC(LiveAlt) alts;
  int wl; /* words per set of alternatives */
  VEC(LiveGuard) guards;
  IntVec *of_atom;       /* by atom: its alternatives (empty: not labelled) */
  IntVec atoms;          /* the labelled action atoms */
  IntVec enabled;        /* the state atoms ENABLED <<A>>_v, <<A>>_v
                          * labelled */
  VEC(EvalBind *) owned; /* the bindings made for \E */
  VEC(Word)
  stack; /* wl words per call being enumerated: the
          * alternatives its successors satisfy */
  /* the state being expanded: */
  uint8_t *entered; /* by call: enumerated whole from it */
  IntVec entered_list;
  Word *reach;     /* alternatives some successor satisfies */
  VEC(Word) edges; /* wl words per edge: those the edge satisfies */
  int8_t *gval;    /* by guard: -1 not evaluated, 0, 1, 2 failed */
  IntVec gval_list;
  Word *cover; /* scratch: the atoms covered (wa words) */
  Word *on;    /* scratch: the alternatives whose guards hold */
};

static uint64_t call_hash(const Def *d, Value *const *vals, int n) {
  uint64_t h = hash_mix(0x51ed27u, d->id);
  for (int i = 0; i < n; i++)
    h = hash_mix(h, (uint64_t)(uintptr_t)vals[i]);
  return h;
}

/* The call of d with these argument values, or -1. */
static int call_find(const Labels *b, const Def *d, Value *const *vals) {
  if (!b->cap)
    return -1;
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
  int k = call_find(b, d, vals);
  if (k >= 0) {
    free(vals);
    return k;
  }
  LiveCall c = {d, vals, NULL};
  VEC_PUSH(b->calls, c);
  if (2 * b->calls.len > b->cap) {
    free(b->tab);
    b->cap = b->cap ? 2 * b->cap : 64;
    b->tab = xmalloc(b->cap * sizeof *b->tab);
    memset(b->tab, 0xff, b->cap * sizeof *b->tab);
    for (size_t i = 0; i < b->calls.len; i++)
      tab_put(b, i);
  } else {
    tab_put(b, b->calls.len - 1);
  }
  return (int)b->calls.len - 1;
}

static int guard_add(Labels *b, Expr *e, const EvalBind *env) {
  for (size_t i = 0; i < b->guards.len; i++)
    if (b->guards.data[i].e == e && b->guards.data[i].env == env)
      return (int)i;
  LiveGuard g = {e, env};
  VEC_PUSH(b->guards, g);
  return (int)b->guards.len - 1;
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

/* The alternatives of an action being split (action_alts). */
typedef struct Split {
  Live *l;
  int atom;
  IntVec guards; /* of the conjunction the action is part of */
  IntVec out;    /* the alternatives made */
} Split;

static bool action_alts(Split *sp, Expr *a, const EvalBind *env, int depth);

static bool alt_add(Split *sp, const Def *d, Value **vals) {
  Labels *b = sp->l->lab;
  if (b->alts.len >= MAX_ALTS) {
    free(vals);
    return false;
  }
  LiveAlt alt = {call_add(b, d, vals), sp->atom,
                 live_slot(sp->l, sp->atom), NULL, (int)sp->guards.len};
  alt.guards = xmalloc((sp->guards.len + 1) * sizeof *alt.guards);
  memcpy(alt.guards, sp->guards.data, sp->guards.len * sizeof *alt.guards);
  VEC_PUSH(b->alts, alt);
  VEC_PUSH(sp->out, (int)b->alts.len - 1);
  return true;
}

/* G1 /\ ... /\ A /\ ... /\ Gn: the guards, then the alternatives of A. */
static bool and_alts(Split *sp, Expr *a, const EvalBind *env, int depth) {
  Temporal *t = sp->l->t;
  size_t mark = sp->guards.len;
  Expr *act = NULL;
  bool ok = true;
  for (int i = 0; i < a->nargs && ok; i++) {
    if (temporal_level(t, a->args[i], env) <= LEVEL_STATE)
      VEC_PUSH(sp->guards, guard_add(sp->l->lab, a->args[i], env));
    else if (act)
      ok = false; /* two actions */
    else
      act = a->args[i];
  }
  ok = ok && act && action_alts(sp, act, env, depth + 1);
  sp->guards.len = mark; /* (also when A is not split: the caller goes on) */
  return ok;
}

/* \E x \in S : A with S constant: the alternatives of A for each x. */
static bool exists_alts(Split *sp, Expr *a, const EvalBind *env, int depth) {
  if (a->nbounds != 1 || a->bounds[0].nnames != 1 || a->bounds[0].tuple ||
      !a->bounds[0].set)
    return false;
  Value *s = arg_value(sp->l->spec, a->bounds[0].set, env, 0);
  if (!s || s->kind != V_SET || s->u.set.n > MAX_ALTS)
    return false;
  Labels *b = sp->l->lab;
  for (uint32_t i = 0; i < s->u.set.n; i++) {
    EvalBind *x = xcalloc(1, sizeof *x);
    *x = (EvalBind){a->bounds[0].names[0].id, s->u.set.elems[i], NULL, NULL,
                    env};
    VEC_PUSH(b->owned, x);
    if (!action_alts(sp, a->body, x, depth + 1))
      return false;
  }
  return true;
}

/* Appends the alternatives of the action a (under env); false when a is
 * not a disjunction of them. */
static bool action_alts(Split *sp, Expr *a, const EvalBind *env, int depth) {
  const Spec *spec = sp->l->spec;
  if (depth > 32)
    return false;
  if (a->kind == EX_EXISTS)
    return exists_alts(sp, a, env, depth);
  if (a->kind != EX_OP)
    return false;
  if (a->ref.kind == REF_BUILTIN && a->ref.u.builtin == B_OR) {
    for (int i = 0; i < a->nargs; i++)
      if (!action_alts(sp, a->args[i], env, depth + 1))
        return false;
    return true;
  }
  if (a->ref.kind == REF_BUILTIN && a->ref.u.builtin == B_AND)
    return and_alts(sp, a, env, depth);
  if (a->ref.kind == REF_BINDER && !a->nargs && !a->ref.u.binder->arity) {
    /* an action passed by name: Fair(A) == WF_vars(A) */
    const EvalBind *x = bind_of(env, a->ref.u.binder->id);
    return x && !x->value && x->expr &&
           action_alts(sp, x->expr, x->env, depth + 1);
  }
  if (a->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(spec, a);
  if (!d || d->kind != DEF_OP || !d->module || d->origin ||
      a->nargs != d->nparams || !d->body)
    return false;
  Labels *b = sp->l->lab;
  size_t mark = sp->out.len, nalts = b->alts.len;
  if (!d->nparams && action_alts(sp, d->body, NULL, depth + 1))
    return true; /* Step == A \/ B: the alternatives of its body */
  sp->out.len = mark;
  for (size_t i = nalts; i < b->alts.len; i++)
    free(b->alts.data[i].guards);
  b->alts.len = nalts;
  Value **vals = xmalloc(((size_t)d->nparams + 1) * sizeof *vals);
  for (int k = 0; k < d->nparams; k++)
    if (d->params[k].arity ||
        !(vals[k] = arg_value(spec, a->args[k], env, 0))) {
      free(vals);
      return false;
    }
  return alt_add(sp, d, vals);
}

static void on_call(void *arg, const Def *d, Value *const *vals, bool start) {
  Live *l = arg;
  Labels *b = l->lab;
  size_t wl = (size_t)b->wl;
  if (!start) {
    b->stack.len -= wl;
    return;
  }
  size_t top = b->stack.len;
  for (size_t w = 0; w < wl; w++)
    VEC_PUSH(b->stack, top ? b->stack.data[top - wl + w] : 0);
  int c = call_find(b, d, vals);
  if (c < 0)
    return;
  for (size_t w = 0; w < wl; w++)
    b->stack.data[top + w] |= b->calls.data[c].alts[w];
  if (!b->entered[c]) {
    b->entered[c] = 1;
    VEC_PUSH(b->entered_list, c);
  }
}

Labels *label_new(Live *l) {
  if (l->keyed || !l->wa)
    return NULL;
  const Spec *sp = l->spec;
  Labels *b = l->lab = xcalloc(1, sizeof *b);
  size_t na = l->t->atoms.len;
  b->of_atom = xcalloc(na + 1, sizeof *b->of_atom);
  for (size_t k = 0; k < na; k++) {
    const TAtom *a = &l->t->atoms.data[k];
    if (a->kind != TA_ACTION || a->expr->kind != EX_DIA_ACT ||
        !l->all_vars[k] || l->next_step[k])
      continue;
    Split s = {l, (int)k, {0}, {0}};
    size_t nalts = b->alts.len;
    FailPoint fp;
    void *old = diag_mute();
    volatile bool ok = false;
    if (fail_push(&fp) == 0) { /* (a level or a constant may fail) */
      ok = action_alts(&s, a->expr->args[0], a->env, 0) && s.out.len;
      fail_pop(&fp);
    }
    diag_unmute(old);
    if (ok) {
      b->of_atom[k] = s.out;
      VEC_PUSH(b->atoms, (int)k);
    } else {
      for (size_t i = nalts; i < b->alts.len; i++)
        free(b->alts.data[i].guards);
      b->alts.len = nalts;
      VEC_FREE(s.out);
    }
    VEC_FREE(s.guards);
  }
  if (!b->atoms.len) {
    label_free(b);
    l->lab = NULL;
    return NULL;
  }
  b->wl = (int)((b->alts.len + 63) / 64);
  size_t wl = (size_t)b->wl;
  for (size_t c = 0; c < b->calls.len; c++)
    b->calls.data[c].alts = xcalloc(wl, sizeof(Word));
  b->defs = xcalloc(sp->prog->defs.len + 1, 1);
  for (size_t i = 0; i < b->alts.len; i++) {
    const LiveCall *c = &b->calls.data[b->alts.data[i].call];
    wset(c->alts, (int)i);
    b->defs[c->d->id] = 1;
  }
  for (size_t k = 0; k < na; k++) {
    const TAtom *a = &l->t->atoms.data[k];
    if (a->kind == TA_STATE && a->step >= 0 && b->of_atom[a->step].len &&
        !inst_enabled_of(a->expr) && !inst_enabled_refused(a->expr))
      VEC_PUSH(b->enabled, (int)k);
  }
  b->watch = (EvalWatch){b->defs, sp->prog->defs.len, on_call, l};
  b->entered = xcalloc(b->calls.len + 1, 1);
  b->reach = xcalloc(wl, sizeof(Word));
  b->cover = xcalloc((size_t)l->wa, sizeof(Word));
  b->on = xcalloc(wl, sizeof(Word));
  b->gval = xmalloc(b->guards.len + 1);
  memset(b->gval, -1, b->guards.len + 1);
  return b;
}

void label_free(Labels *b) {
  if (!b)
    return;
  for (size_t c = 0; c < b->calls.len; c++) {
    free(b->calls.data[c].vals);
    free(b->calls.data[c].alts);
  }
  VEC_FREE(b->calls);
  free(b->tab);
  for (size_t i = 0; i < b->alts.len; i++)
    free(b->alts.data[i].guards);
  VEC_FREE(b->alts);
  VEC_FREE(b->guards);
  if (b->of_atom)
    for (size_t i = 0; i < b->atoms.len; i++)
      VEC_FREE(b->of_atom[b->atoms.data[i]]);
  free(b->of_atom);
  VEC_FREE(b->atoms);
  VEC_FREE(b->enabled);
  for (size_t i = 0; i < b->owned.len; i++)
    free(b->owned.data[i]);
  VEC_FREE(b->owned);
  VEC_FREE(b->stack);
  free(b->defs);
  free(b->entered);
  VEC_FREE(b->entered_list);
  free(b->reach);
  VEC_FREE(b->edges);
  free(b->gval);
  VEC_FREE(b->gval_list);
  free(b->cover);
  free(b->on);
  free(b);
}

const EvalWatch *label_watch(Labels *b) { return b ? &b->watch : NULL; }

bool label_active(const Labels *b) { return b->stack.len; }

void label_step(Labels *b, uint64_t edge, bool changed) {
  if (!b->stack.len)
    return;
  size_t wl = (size_t)b->wl;
  const Word *m = b->stack.data + b->stack.len - wl;
  if (changed)
    for (size_t w = 0; w < wl; w++)
      b->reach[w] |= m[w];
  if (edge == UINT64_MAX)
    return;
  while (b->edges.len < (edge + 1) * wl)
    VEC_PUSH(b->edges, 0);
  for (size_t w = 0; w < wl; w++)
    b->edges.data[edge * wl + w] |= m[w];
}

/* Guard i on state s: 0 or 1, 2 when it fails to evaluate. */
static int guard_on(Live *l, int i, Value *const *s) {
  Labels *b = l->lab;
  if (b->gval[i] >= 0)
    return b->gval[i];
  const LiveGuard *g = &b->guards.data[i];
  EvalState st = {l->spec, s, NULL};
  FailPoint fp;
  void *old = diag_mute();
  int r = 2;
  if (fail_push(&fp) == 0) {
    Value *v = eval_expr_in(&st, g->e, g->env);
    fail_pop(&fp);
    if (v->kind == V_BOOL)
      r = v->u.b;
  }
  diag_unmute(old);
  b->gval[i] = (int8_t)r;
  VEC_PUSH(b->gval_list, i);
  return r;
}

/* Alternative a's guards on s: 0 or 1, 2 when one fails to evaluate
 * (and none is false). */
static int alt_on(Live *l, const LiveAlt *a, Value *const *s) {
  int r = 1;
  for (int i = 0; i < a->nguards && r; i++) {
    int v = guard_on(l, a->guards[i], s);
    r = v == 0 ? 0 : v == 2 ? 2 : r;
  }
  return r;
}

void label_expanded(Live *l, uint32_t g, Value *const *s) {
  Labels *b = l->lab;
  size_t wa = (size_t)l->wa, wl = (size_t)b->wl;
  memset(b->cover, 0, wa * sizeof(Word));
  memset(b->on, 0, wl * sizeof(Word));
  for (size_t i = 0; i < b->atoms.len; i++) {
    int k = b->atoms.data[i];
    const IntVec *alts = &b->of_atom[k];
    bool all = true;
    for (size_t j = 0; j < alts->len; j++) {
      const LiveAlt *a = &b->alts.data[alts->data[j]];
      int on = alt_on(l, a, s);
      if (on == 1)
        wset(b->on, alts->data[j]);
      all &= on == 0 || (on == 1 && b->entered[a->call]);
    }
    if (all)
      wset(b->cover, live_slot(l, k));
  }
  uint64_t e0 = l->off.data[g], e1 = l->off.data[g + 1];
  size_t labelled = b->edges.len / wl; /* the edges reached by a label */
  for (uint64_t e = e0; e < e1; e++) {
    Word *val = l->abits.data + e * wa;
    const Word *m = b->edges.data + (e - e0) * wl;
    for (size_t w = 0; e - e0 < labelled && w < wl; w++)
      for (Word x = m[w] & b->on[w]; x; x &= x - 1)
        wset(val, b->alts.data[w * 64 + __builtin_ctzll(x)].slot);
    for (size_t w = 0; w < wa; w++)
      l->aknown.data[e * wa + w] |= b->cover[w] | val[w];
  }
  Word *known = l->sknown.data + (size_t)g * l->ws;
  Word *sval = l->sbits.data + (size_t)g * l->ws;
  for (size_t i = 0; i < b->enabled.len; i++) {
    const TAtom *a = &l->t->atoms.data[b->enabled.data[i]];
    const IntVec *alts = &b->of_atom[a->step];
    bool v = false;
    for (size_t j = 0; j < alts->len && !v; j++)
      v = wbit(b->reach, alts->data[j]) && wbit(b->on, alts->data[j]);
    if (v || wbit(b->cover, live_slot(l, a->step)))
      wset(known, a->slot);
    if (v)
      wset(sval, a->slot);
  }
  for (size_t i = 0; i < b->entered_list.len; i++)
    b->entered[b->entered_list.data[i]] = 0;
  b->entered_list.len = 0;
  for (size_t i = 0; i < b->gval_list.len; i++)
    b->gval[b->gval_list.data[i]] = -1;
  b->gval_list.len = 0;
  memset(b->reach, 0, wl * sizeof(Word));
  b->edges.len = 0;
}
