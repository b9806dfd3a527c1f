/* enum.c -- enumeration of states, TLC's way.
 *
 * Design.  Init and Next are walked as TLC walks them: a conjunction is
 * processed left to right with a continuation of pending conjuncts
 * (Pending); `x' = e` assigns an unassigned x' (x in Init), `x' \in S`
 * branches over S, disjunctions and \E branch, IF and CASE follow their
 * guard, definitions that may assign are expanded, and anything else is a
 * guard.  A state is complete when the continuation is empty; then every
 * variable must have a value.  Assignments are undone on backtracking,
 * each bumping ev_run.assign_epoch (evalint.h) so that thunks computed
 * from the state being built are not reused in another branch.
 * \E r \in SUBSET S whose body first bounds r by \subseteq conjuncts
 * enumerates only the subsets between the bounds.  To count generated
 * states as TLC does, P => Q enumerates Q when P holds, \A x \in S : P
 * is the conjunction of its instances, the definitions TLC expands are
 * expanded (enum_opens), and once every variable has a value the
 * conjuncts left are only tested (Gen.nassigned). */
#include "evalint.h"

static void enum_rest(Gen *g, Pending *rest) {
  if (g->stop)
    return;
  if (rest && g->nassigned == g->nvars && !g->enabled_mode) {
    /* Every variable has its value: the conjuncts left are only tested,
     * once each, as TLC does (a true disjunction there is one state). */
    for (Pending *p = rest; p; p = p->next)
      if (!ev_bool(p->e, ev_eval(&g->c, p->e, p->env), "this conjunct"))
        return;
    rest = NULL;
  }
  if (rest) {
    ev_enum_expr(g, rest->e, rest->env, rest->next);
    return;
  }
  if (g->enabled_mode) {
    g->found = true;
    g->stop = true;
    return;
  }
  for (int i = 0; i < g->nvars; i++)
    if (!g->c.target[i]) {
      const Spec *s = g->c.spec;
      fail_at(g->root->loc, EXIT_EVAL,
              "the %s is not completely specified: variable '%s' is not "
              "given a value",
              g->what, sym_str(s->prog->vars.data[i]->name));
    }
  if (!g->fn(g->arg, g->c.target))
    g->stop = true;
}

/* Is e an assignable variable reference: x' in Next, x in Init?  An
 * operator parameter is looked through to the argument it stands for. */
static Decl *assign_target(Gen *g, Expr *e, Env *env) {
  bool init = g->c.target == g->c.cur;
  for (int guard = 0; guard < 100 && e->kind == EX_OP &&
                      e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0;
       guard++) {
    Env *b = ev_env_find(env, e->ref.u.binder->id);
    if (!b || !b->thunk)
      return NULL;
    e = b->thunk;
    env = b->tenv;
  }
  if (init) {
    if (e->kind == EX_OP && e->ref.kind == REF_VAR)
      return e->ref.u.decl;
    return NULL;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_PRIME) {
    /* x', or v' for a parameter v standing for x (Set(v, e) == v' = e). */
    Expr *x = e->args[0];
    for (int guard = 0;
         guard < 100 && x->kind == EX_OP && x->ref.kind == REF_BINDER &&
         x->ref.u.binder->arity == 0;
         guard++) {
      Env *b = ev_env_find(env, x->ref.u.binder->id);
      if (!b || !b->thunk)
        return NULL;
      x = b->thunk;
      env = b->tenv;
    }
    if (x->kind == EX_OP && x->ref.kind == REF_VAR)
      return x->ref.u.decl;
  }
  return NULL;
}

static void enum_assign(Gen *g, Decl *d, Value *v, Pending *rest) {
  Value **slot = &g->c.target[d->index];
  if (*slot) {
    if (*slot == v)
      enum_rest(g, rest);
    return;
  }
  *slot = v;
  g->nassigned++;
  ev_run.assign_epoch++;
  enum_rest(g, rest);
  *slot = NULL;
  g->nassigned--;
  ev_run.assign_epoch++;
}

typedef struct EnumBind {
  Gen *g;
  Expr *body;
  Pending *rest;
} EnumBind;

static bool enum_bind_body(Ctx *c, Env *env, void *p) {
  EnumBind *eb = p;
  ev_enum_expr(eb->g, eb->body, env, eb->rest);
  return !eb->g->stop;
}

/* ---- \E r \in SUBSET S bounded by its first conjuncts ----
 *
 * An action that chooses a subset and first thing requires r \subseteq X
 * or Y \subseteq r, for X and Y that do not mention r (bosco's Receive:
 * \E r \in SUBSET (P \X M) : r \subseteq sent \cup ... /\ rcvd[self]
 * \subseteq r), has as witnesses only the sets between the union of the Ys
 * and the elements of S in every X.  Those are enumerated instead of all of
 * SUBSET S: the same successors, without evaluating the body for subsets
 * that its first conjuncts reject.  The body is still evaluated whole for
 * each set enumerated, so these only need to include every witness. */

static bool lacks_binder(Expr *e, void *id) {
  if (e->kind == EX_OP && e->ref.kind == REF_BINDER &&
      e->ref.u.binder->id == *(uint32_t *)id)
    return false;
  return ast_each_child(e, lacks_binder, id);
}

static bool is_binder(Expr *e, uint32_t id) {
  return e->kind == EX_OP && e->ref.kind == REF_BINDER &&
         e->ref.u.binder->id == id;
}

/* The leading conjuncts of e (through nested /\), at most max. */
static int leading_conjuncts(Expr *e, Expr **out, int n, int max) {
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_AND) {
    for (int i = 0; i < e->nargs && n < max; i++)
      n = leading_conjuncts(e->args[i], out, n, max);
    return n;
  }
  if (n < max)
    out[n++] = e;
  return n;
}

static bool subset_exists(Ctx *c, Expr *e, Env *env, EnumBind *eb) {
  Bound *bd = &e->bounds[0];
  if (e->nbounds != 1 || bd->nnames != 1 || bd->tuple || !bd->set ||
      bd->set->kind != EX_OP || bd->set->ref.kind != REF_BUILTIN ||
      bd->set->ref.u.builtin != B_SUBSET)
    return false;
  uint32_t id = bd->names[0].id;
  Expr *conj[16], *upper[16], *lower[16];
  int n = leading_conjuncts(e->body, conj, 0, 16), nu = 0, nl = 0;
  for (int i = 0; i < n; i++) {
    Expr *k = conj[i];
    if (k->kind != EX_OP || k->ref.kind != REF_BUILTIN ||
        k->ref.u.builtin != B_SUBSETEQ)
      break;
    if (is_binder(k->args[0], id) && lacks_binder(k->args[1], &id))
      upper[nu++] = k->args[1];
    else if (is_binder(k->args[1], id) && lacks_binder(k->args[0], &id))
      lower[nl++] = k->args[0];
    else
      break;
  }
  if (nu + nl == 0)
    return false;
  Expr *base = bd->set->args[0];
  Value *all = ev_enum_set(base, ev_eval(c, base, env));
  VEC(Value *) room = {0}; /* elements of S in every X */
  for (uint32_t i = 0; i < all->u.set.n; i++) {
    bool in = true;
    for (int u = 0; u < nu && in; u++)
      in = ev_in(c, e, all->u.set.elems[i], upper[u], env);
    if (in)
      VEC_PUSH(room, all->u.set.elems[i]);
  }
  Value *top = val_set(room.data, room.len);
  VEC_FREE(room);
  Value *least = val_empty_set();
  for (int l = 0; l < nl; l++)
    least =
        val_set_union(least, ev_need_set(lower[l], ev_eval(c, lower[l], env)));
  if (!val_set_subseteq(least, top))
    return true; /* no subset lies between them */
  Value *free_ = val_set_minus(top, least);
  size_t m = free_->u.set.n;
  if (m > 20)
    ev_fail(bd->set,
            "SUBSET of a set of %zu elements is too large to "
            "enumerate",
            m);
  Value **buf = xmalloc((m + least->u.set.n + 1) * sizeof *buf);
  for (uint64_t mask = 0; mask < (1ull << m) && !eb->g->stop; mask++) {
    size_t k = 0;
    for (uint32_t i = 0; i < least->u.set.n; i++)
      buf[k++] = least->u.set.elems[i];
    for (size_t i = 0; i < m; i++)
      if (mask & (1ull << i))
        buf[k++] = free_->u.set.elems[i];
    Env f = {id, val_set(buf, k), NULL, NULL, NULL, env, NULL, 0};
    enum_bind_body(c, &f, eb);
  }
  free(buf);
  return true;
}

/* ---- \A x \in S : P in an action ----
 *
 * TLC reads it as the conjunction of P for each x, each conjunct
 * enumerated in turn (so P may assign, and a true disjunction in P gives
 * its state twice).  The bindings are collected first, each as a copy of
 * its frames on the heap above the quantifier's environment. */

typedef struct ForallBinds {
  Env *base;
  VEC(Env *) envs; /* one per binding: its innermost frame */
  VEC(Env *) frames;
} ForallBinds;

static bool forall_collect(Ctx *c, Env *env, void *p) {
  (void)c;
  ForallBinds *fb = p;
  Env *top = NULL, **link = &top;
  for (Env *f = env; f != fb->base; f = f->up) {
    Env *copy = xmalloc(sizeof *copy);
    *copy = *f;
    *link = copy;
    link = &copy->up;
    VEC_PUSH(fb->frames, copy);
  }
  *link = fb->base;
  VEC_PUSH(fb->envs, top ? top : fb->base);
  return true;
}

static void enum_forall(Gen *g, Expr *e, Env *env, Pending *rest) {
  ForallBinds fb = {env, {0}, {0}};
  ev_bind(&g->c, e, e->bounds, e->nbounds, 0, env, forall_collect, &fb);
  size_t n = fb.envs.len;
  if (n == 0) {
    enum_rest(g, rest);
  } else {
    Pending *items = xmalloc(n * sizeof *items);
    Pending *chain = rest;
    for (size_t i = n - 1; i > 0; i--) {
      items[i] = (Pending){e->body, fb.envs.data[i], chain};
      chain = &items[i];
    }
    ev_enum_expr(g, e->body, fb.envs.data[0], chain);
    free(items);
  }
  for (size_t i = 0; i < fb.frames.len; i++)
    free(fb.frames.data[i]);
  VEC_FREE(fb.frames);
  VEC_FREE(fb.envs);
}

static void enum_unchanged(Gen *g, Expr *e, Env *env, Pending *rest) {
  if (e->kind == EX_TUPLE) {
    if (e->nargs == 0) {
      enum_rest(g, rest);
      return;
    }
    /* UNCHANGED <<x, y, z>> of plain variables (PlusCal writes these on
     * every action): assign them all at once. */
    bool vars = g->c.target == g->c.next && e->nargs <= 64;
    for (int i = 0; vars && i < e->nargs; i++)
      vars = e->args[i]->kind == EX_OP && e->args[i]->ref.kind == REF_VAR;
    if (vars) {
      int set[64], nset = 0;
      bool ok = true;
      for (int i = 0; ok && i < e->nargs; i++) {
        int v = e->args[i]->ref.u.decl->index;
        if (!g->c.target[v]) {
          g->c.target[v] = g->c.cur[v];
          set[nset++] = v;
          g->nassigned++;
          ev_run.assign_epoch++;
        } else {
          ok = g->c.target[v] == g->c.cur[v];
        }
      }
      if (ok)
        enum_rest(g, rest);
      g->nassigned -= nset;
      while (nset > 0)
        g->c.target[set[--nset]] = NULL;
      ev_run.assign_epoch++;
      return;
    }
    Pending *chain = rest;
    Pending items[e->nargs];
    Expr wrappers[e->nargs];
    for (int i = e->nargs - 1; i >= 0; i--) {
      wrappers[i] = *e;
      wrappers[i].kind = EX_OP;
      wrappers[i].ref.kind = REF_BUILTIN;
      wrappers[i].ref.u.builtin = B_UNCHANGED;
      wrappers[i].args = &e->args[i];
      wrappers[i].nargs = 1;
      items[i] = (Pending){&wrappers[i], env, chain};
      chain = &items[i];
    }
    enum_rest(g, chain);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_VAR && g->c.target == g->c.next) {
    Decl *d = e->ref.u.decl;
    enum_assign(g, d, g->c.cur[d->index], rest);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0) {
    enum_unchanged(g, e->ref.u.def->body, env, rest);
    return;
  }
  /* Anything else: a guard comparing the values. */
  Ctx *c = &g->c;
  Value *before = ev_eval(c, e, env);
  c->primed = true;
  Value *after = ev_eval(c, e, env);
  c->primed = false;
  if (before == after)
    enum_rest(g, rest);
}

/* Does TLC enumerate the body of the definition e applies, rather than
 * test its value?  It does for every definition of the spec's modules,
 * except a constant with no parameters (evaluated once at the start) and
 * one given a value in the model; the operators of the standard modules
 * are built into TLC, like brink's natives.  This shapes only how many
 * states are generated (a true disjunction in a guard gives its state
 * twice), not which. */
static bool enum_opens(Gen *g, Expr *e) {
  if (e->kind != EX_OP || e->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(g->c.spec, e);
  if (!d || !d->module || d->module->builtin || ev_native_of(g->c.spec, d))
    return false;
  return !(d->nparams == 0 && d->level == LEVEL_CONST);
}

/* Is the call e of d (reached with nothing pending) one the watch
 * reports?  Its arguments' values into vals: a bound name's value, or a
 * constant the evaluator has already kept (evaluating an argument here
 * could fail where the body never needs it). */
static bool watched_call(Gen *g, Def *d, Expr *e, Env *env, Value **vals) {
  const EvalWatch *w = g->watch;
  if (d->id >= w->ndefs || !w->defs[d->id] || g->enabled_mode ||
      g->c.target != g->c.next || e->nargs != d->nparams)
    return false;
  for (int k = 0; k < d->nparams; k++) {
    Expr *a = e->args[k];
    void *kept = a->cache;
    if (kept && kept != (void *)&ev_not_const_mark) {
      vals[k] = kept;
      continue;
    }
    if (a->kind != EX_OP || a->ref.kind != REF_BINDER || a->nargs ||
        a->ref.u.binder->arity)
      return false;
    Env *b = ev_env_find(env, a->ref.u.binder->id);
    if (b && b->v)
      vals[k] = b->v;
    else if (b && ev_cache_valid(b))
      vals[k] = b->cache;
    else
      return false;
  }
  return true;
}

void ev_enum_expr(Gen *g, Expr *e, Env *env, Pending *rest) {
  if (g->stop)
    return;
  Ctx *c = &g->c;
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_BUILTIN) {
      switch (e->ref.u.builtin) {
      case B_AND: {
        /* The first conjunct is enumerated even when every variable has
         * its value already; the later ones are tested then (enum_rest). */
        Pending items[e->nargs];
        Pending *chain = rest;
        for (int i = e->nargs - 1; i > 0; i--) {
          items[i] = (Pending){e->args[i], env, chain};
          chain = &items[i];
        }
        ev_enum_expr(g, e->args[0], env, chain);
        return;
      }
      case B_OR:
        for (int i = 0; i < e->nargs && !g->stop; i++)
          ev_enum_expr(g, e->args[i], env, rest);
        return;
      case B_IMPLIES:
        /* P => Q: Q enumerated when P holds (TLC). */
        if (ev_bool(e->args[0], ev_eval(c, e->args[0], env),
                    "the left side of =>"))
          ev_enum_expr(g, e->args[1], env, rest);
        else
          enum_rest(g, rest);
        return;
      case B_EQ: {
        Decl *d = assign_target(g, e->args[0], env);
        if (d && !c->target[d->index]) {
          enum_assign(g, d, ev_eval(c, e->args[1], env), rest);
          return;
        }
        break;
      }
      case B_IN: {
        Decl *d = assign_target(g, e->args[0], env);
        if (d && !c->target[d->index]) {
          Value *s = ev_enum_set(e->args[1], ev_eval(c, e->args[1], env));
          for (uint32_t i = 0; i < s->u.set.n && !g->stop; i++)
            enum_assign(g, d, s->u.set.elems[i], rest);
          return;
        }
        break;
      }
      case B_UNCHANGED:
        if (g->c.target == g->c.next) {
          enum_unchanged(g, e->args[0], env, rest);
          return;
        }
        break;
      default:
        break;
      }
    } else if (e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0) {
      /* An operator parameter stands for its argument: enumerate that
       * (NoStutter(A) == s = top /\ A /\ s' = s, applied to an action),
       * as TLC does with an argument not evaluated yet. */
      Env *b = ev_env_find(env, e->ref.u.binder->id);
      if (b && !b->v && b->thunk && !ev_cache_valid(b)) {
        if (++c->depth > MAX_DEPTH || stack_nearly_full())
          ev_fail(e,
                  "recursion deeper than %d calls, or too deep for the "
                  "stack",
                  MAX_DEPTH);
        ev_enum_expr(g, b->thunk, b->tenv, rest);
        c->depth--;
        return;
      }
    } else if (spec_may_assign(g->c.spec, e, g->c.target == g->c.cur) ||
               enum_opens(g, e)) {
      /* Expand definitions that may assign (action level in Next, state
       * level in Init) so their conjuncts are seen, and the others TLC
       * expands (see enum_opens). */
      Def *d = spec_applied_def(g->c.spec, e);
      Env frames[d->nparams > 0 ? d->nparams : 1];
      Env *cur = env;
      for (int k = 0; k < d->nparams; k++) {
        frames[k] =
            (Env){d->params[k].id, NULL, e->args[k], env, NULL, cur, c->at, 0};
        cur = &frames[k];
      }
      if (++c->depth > MAX_DEPTH || stack_nearly_full())
        ev_fail(e,
                "recursion deeper than %d calls, or too deep for the "
                "stack",
                MAX_DEPTH);
      Value *vals[d->nparams > 0 ? d->nparams : 1];
      bool watched = g->watch && !rest && !g->nassigned &&
                     watched_call(g, d, e, env, vals);
      if (watched)
        g->watch->call(g->watch->arg, d, vals, true);
      ev_enum_expr(g, d->body, cur, rest);
      if (watched)
        g->watch->call(g->watch->arg, d, NULL, false);
      c->depth--;
      return;
    }
    break;
  case EX_EXISTS: {
    EnumBind eb = {g, e->body, rest};
    if (!subset_exists(c, e, env, &eb))
      ev_bind(c, e, e->bounds, e->nbounds, 0, env, enum_bind_body, &eb);
    return;
  }
  case EX_FORALL:
    enum_forall(g, e, env, rest);
    return;
  case EX_IF:
    if (ev_bool(e->args[0], ev_eval(c, e->args[0], env), "the IF condition"))
      ev_enum_expr(g, e->args[1], env, rest);
    else
      ev_enum_expr(g, e->args[2], env, rest);
    return;
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (ev_bool(e->arms[i].guard, ev_eval(c, e->arms[i].guard, env),
                  "a CASE guard")) {
        ev_enum_expr(g, e->arms[i].value, env, rest);
        return;
      }
    if (e->other)
      ev_enum_expr(g, e->other, env, rest);
    else
      ev_fail(e, "no arm of this CASE applies");
    return;
  case EX_LET:
  case EX_LABEL:
    ev_enum_expr(g, e->body, env, rest);
    return;
  case EX_BOX_ACT:
    /* [A]_v: A, or v unchanged (TLC's order). */
    if (g->c.target == g->c.next) {
      ev_enum_expr(g, e->args[0], env, rest);
      if (!g->stop)
        enum_unchanged(g, e->args[1], env, rest);
      return;
    }
    break;
  case EX_DIA_ACT:
    /* <<A>>_v: A, then v must change. */
    if (g->c.target == g->c.next) {
      Expr unch = *e, changed = *e, *unch_arg = &unch;
      unch.kind = changed.kind = EX_OP;
      unch.ref.kind = changed.ref.kind = REF_BUILTIN;
      unch.ref.u.builtin = B_UNCHANGED;
      unch.args = &e->args[1];
      unch.nargs = 1;
      changed.ref.u.builtin = B_NOT;
      changed.args = &unch_arg;
      changed.nargs = 1;
      Pending then = {&changed, env, rest};
      ev_enum_expr(g, e->args[0], env, &then);
      return;
    }
    break;
  default:
    break;
  }
  /* A guard. */
  if (ev_bool(e, ev_eval(c, e, env), "this conjunct"))
    enum_rest(g, rest);
}

/* Enumerates root's assignments into a fresh state: the initial states
 * (cur NULL: the assignments are unprimed) or cur's successors. */
static void enumerate(const Spec *spec, Value *const *cur, Expr *root,
                      const char *what, StateFn fn, void *arg,
                      const EvalWatch *watch) {
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = spec->nvars;
  Value **target = xcalloc((size_t)g.nvars + 1, sizeof *target);
  g.c.spec = spec;
  g.c.level = ev_run.level;
  g.c.cur = cur ? (Value **)cur : target;
  g.c.next = cur ? target : NULL;
  g.c.target = target;
  g.fn = fn;
  g.arg = arg;
  g.what = what;
  g.root = root;
  g.watch = watch;
  ev_enum_expr(&g, root, NULL, NULL);
  free(target);
}

void eval_init_states(const Spec *spec, StateFn fn, void *arg) {
  enumerate(spec, NULL, spec->init, "initial state", fn, arg, NULL);
}

static bool note_successor(void *arg, Value **state) {
  (void)state;
  *(bool *)arg = true;
  return false;
}

bool eval_has_successor(const Spec *spec, Value *const *cur) {
  bool any = false;
  eval_successors(spec, cur, note_successor, &any);
  return any;
}

void eval_successors(const Spec *spec, Value *const *cur, StateFn fn,
                     void *arg) {
  enumerate(spec, cur, spec->next, "successor state", fn, arg, NULL);
}

void eval_successors_watched(const Spec *spec, Value *const *cur, StateFn fn,
                             void *arg, const EvalWatch *w) {
  enumerate(spec, cur, spec->next, "successor state", fn, arg, w);
}
