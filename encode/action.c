/* action.c -- actions: primes, assignment, UNCHANGED, branches.
 *
 * An action is encoded against the partial next state (E->nxt, E->asg):
 * `x' = e` assigns an unassigned x' and tests an assigned one; a branching
 * construct (\/, \E, IF, CASE) encodes each branch from a snapshot of the
 * incoming partial state and merges them under fresh selectors
 * (branch_merge), so that the result is one partial state and one guard.
 * enc_act is the dispatch over action-level constructs; state-level
 * expressions go to enc() (the twin of src/eval's action.c). */
#include "encint.h"

static Snap snap_take(Enc *E) {
  Snap s;
  s.nxt = xmalloc(((size_t)E->nvars + 1) * sizeof *s.nxt);
  s.asg = xmalloc(((size_t)E->nvars + 1) * sizeof *s.asg);
  memcpy(s.nxt, E->nxt, (size_t)E->nvars * sizeof *s.nxt);
  memcpy(s.asg, E->asg, (size_t)E->nvars * sizeof *s.asg);
  return s;
}

void snap_restore(Enc *E, const Snap *s) {
  E->nxt_epoch++;
  memcpy(E->nxt, s->nxt, (size_t)E->nvars * sizeof *s->nxt);
  memcpy(E->asg, s->asg, (size_t)E->nvars * sizeof *s->asg);
}

static void snap_free(Snap *s) {
  free(s->nxt);
  free(s->asg);
}

void branch_add(Enc *E, Branches *br, TermId g) {
  if (term_is_false(T, g))
    return;
  VEC_PUSH(br->guards, g);
  VEC_PUSH(br->states, snap_take(E));
}

/* Do the branches end in the same partial state? */
static bool branches_alike(Enc *E, Branches *br) {
  Snap *last = &br->states.data[br->states.len - 1];
  for (size_t i = 0; i + 1 < br->states.len; i++)
    for (int v = 0; v < E->nvars; v++) {
      Snap *s = &br->states.data[i];
      if (s->asg[v] != last->asg[v])
        return false;
      if (s->nxt[v] != last->nxt[v] &&
          (!s->nxt[v] || !last->nxt[v] || !sv_same(s->nxt[v], last->nxt[v])))
        return false;
    }
  return true;
}

/* Merges the branches into E's partial state under fresh selectors; the
 * last branch is taken when no selector before it is.  Branches that end
 * in the same state (guards: \/ in a condition, \E x \in S : P) need no
 * selector: the guard is the disjunction. */
static TermId branch_merge(Enc *E, Expr *at, Branches *br, const Snap *in) {
  size_t n = br->guards.len;
  if (n == 0) {
    snap_restore(E, in);
    return term_false(T);
  }
  snap_restore(E, &br->states.data[n - 1]);
  TermId g = br->guards.data[n - 1];
  if (n > 1 && branches_alike(E, br)) {
    g = term_mk_or(T, br->guards.data, (uint32_t)n);
    n = 0; /* nothing to merge */
  }
  for (size_t i = n > 0 ? n - 1 : 0; i-- > 0;) {
    TermId sel = term_mk_fresh(T, "sel", SORT_BOOL);
    Snap *s = &br->states.data[i];
    for (int v = 0; v < E->nvars; v++) {
      if (s->nxt[v] != E->nxt[v]) {
        if (!s->nxt[v])
          ; /* unassigned in branch i: keep the other value */
        else if (!E->nxt[v])
          E->nxt[v] = s->nxt[v];
        else
          E->nxt[v] = ite_or_fail(at, sel, s->nxt[v], E->nxt[v]);
      }
      E->asg[v] = term_mk_ite(T, sel, s->asg[v], E->asg[v]);
    }
    g = term_mk_ite(T, sel, br->guards.data[i], g);
  }
  E->nxt_epoch++;
  for (size_t i = 0; i < br->states.len; i++)
    snap_free(&br->states.data[i]);
  VEC_FREE(br->guards);
  VEC_FREE(br->states);
  return g;
}

/* `x' = v` (or `x = v` in Init): assigns or tests. */
static TermId assign(Enc *E, Expr *at, Decl *d, SymVal *v) {
  int i = d->index;
  TermId a = E->asg[i];
  E->nxt_epoch++;
  if (term_is_false(T, a) || !E->nxt[i]) {
    E->nxt[i] = v;
    E->asg[i] = term_true(T);
    return term_true(T);
  }
  TermId saved = E->pc; /* a test only where x' is already assigned */
  E->pc = term_mk_and2(T, saved, a);
  TermId eq = eq_checked(E, at, E->nxt[i], v);
  E->pc = saved;
  if (term_is_true(T, a))
    return eq;
  E->nxt[i] = ite_or_fail(at, a, E->nxt[i], v);
  E->asg[i] = term_true(T);
  return term_mk_implies(T, a, eq);
}

static Decl *assign_target(Enc *E, Expr *e, Bind *env) {
  for (int guard = 0; guard < 100 && e->kind == EX_OP &&
                      e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0;
       guard++) {
    Bind *b = bind_find(env, e->ref.u.binder->id);
    if (!b || !b->thunk)
      return NULL;
    e = b->thunk;
    env = b->tenv;
  }
  if (E->init_mode)
    return e->kind == EX_OP && e->ref.kind == REF_VAR ? e->ref.u.decl : NULL;
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_PRIME) {
    /* x', or v' for a parameter v standing for x. */
    Expr *x = e->args[0];
    for (int guard = 0; guard < 100 && x->kind == EX_OP &&
                        x->ref.kind == REF_BINDER &&
                        x->ref.u.binder->arity == 0;
         guard++) {
      Bind *b = bind_find(env, x->ref.u.binder->id);
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

/* Does the argument bound by b stand for an action, looking through
 * parameters passed on (Twice(A) == Guarded(Guarded(A)))? */
static bool thunk_is_action(Bind *b) {
  for (int hops = 0; hops < 64; hops++) {
    Expr *t = b->thunk;
    if (t->kind == EX_OP && t->ref.kind == REF_BINDER && t->nargs == 0) {
      Bind *up = bind_find(b->tenv, t->ref.u.binder->id);
      if (up && up->thunk && !up->v) {
        b = up;
        continue;
      }
    }
    return expr_level(t) >= LEVEL_ACTION;
  }
  return false;
}

static TermId enc_unchanged(Enc *E, Expr *e, Expr *at, Bind *env) {
  if (e->kind == EX_TUPLE) {
    TermId g = term_true(T);
    for (int i = 0; i < e->nargs; i++)
      g = term_mk_and2(T, g, enc_unchanged(E, e->args[i], at, env));
    return g;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_VAR && !E->init_mode) {
    Decl *d = e->ref.u.decl;
    return assign(E, at, d, E->cur[d->index]);
  }
  if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0)
    return enc_unchanged(E, e->ref.u.def->body, at, env);
  SymVal *before = enc(E, e, env);
  E->primed = true;
  SymVal *after = enc(E, e, env);
  E->primed = false;
  return sv_equal(before, after);
}

/* A non-recursive operator applied inside P' for a state predicate P: it
 * is unfolded there as well (an \E in its body chooses symbolically). */
static bool primed_predicate(Enc *E, Expr *e) {
  if (!E->primed || e->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(E->spec, e);
  return d && d->kind == DEF_OP && !d->recursive;
}

static EncDefTerms *def_terms_find(Enc *E, Sym name) {
  for (size_t i = 0; i < E->def_terms.len; i++)
    if (E->def_terms.data[i].name == name)
      return &E->def_terms.data[i];
  return NULL;
}

/* The entry of an outermost application of name, now active; NULL when
 * an application of it is being unfolded already. */
static EncDefTerms *def_terms_enter(Enc *E, Sym name) {
  EncDefTerms *dt = def_terms_find(E, name);
  if (!dt) {
    VEC_PUSH(E->def_terms, ((EncDefTerms){name, 0, false}));
    dt = &VEC_LAST(E->def_terms);
  }
  if (dt->active)
    return NULL;
  dt->active = true;
  return dt;
}

size_t enc_def_terms(const Enc *E, const EncDefTerms **out) {
  *out = E->def_terms.data;
  return E->def_terms.len;
}

TermId enc_act(Enc *E, Expr *e, Bind *env) {
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_BUILTIN) {
      switch (e->ref.u.builtin) {
      case B_AND: {
        TermId saved = E->pc, g = term_true(T);
        for (int i = 0; i < e->nargs; i++) {
          E->pc = term_mk_and2(T, saved, g);
          g = term_mk_and2(T, g, enc_act(E, e->args[i], env));
          if (term_is_false(T, g))
            break;
        }
        E->pc = saved;
        return g;
      }
      case B_OR: {
        E->branchings++;
        Snap in = snap_take(E);
        Branches br = {{0}, {0}};
        for (int i = 0; i < e->nargs; i++) {
          snap_restore(E, &in);
          TermId g = enc_act(E, e->args[i], env);
          branch_add(E, &br, g);
        }
        TermId g = branch_merge(E, e, &br, &in);
        snap_free(&in);
        return g;
      }
      case B_EQ: {
        Decl *d = assign_target(E, e->args[0], env);
        if (d && !term_is_true(T, E->asg[d->index]))
          return assign(E, e, d, enc(E, e->args[1], env));
        break;
      }
      case B_IN: {
        Decl *d = assign_target(E, e->args[0], env);
        if (d && !term_is_true(T, E->asg[d->index])) {
          TermId ok;
          E->branchings++;
          SymVal *v = fresh_member(E, e->args[1], env, &ok);
          if (!v)
            return term_false(T);
          return term_mk_and2(T, ok, assign(E, e, d, v));
        }
        break;
      }
      case B_UNCHANGED:
        if (!E->init_mode)
          return enc_unchanged(E, e->args[0], e, env);
        break;
      case B_PRIME:
        /* P' for a state predicate P (InnerSerial's Serializable'): P is
         * walked as an action in the next state, so that an \E in it
         * chooses symbolically like one in an action. */
        if (!E->primed && !E->init_mode &&
            expr_level(e->args[0]) <= LEVEL_STATE) {
          E->primed = true;
          TermId g = enc_act(E, e->args[0], env);
          E->primed = false;
          return g;
        }
        break;
      default:
        break;
      }
    } else if (e->ref.kind == REF_BINDER && e->nargs == 0 &&
               e->ref.u.binder->arity == 0) {
      /* A parameter standing for an action (Guarded(A) == ok /\ A): the
       * argument is enumerated where it is used, as TLC does. */
      Bind *b = bind_find(env, e->ref.u.binder->id);
      if (b && b->thunk && !b->v && thunk_is_action(b)) {
        SymVal *saved_at = E->at;
        E->at = b->at;
        TermId g = enc_act(E, b->thunk, b->tenv);
        E->at = saved_at;
        return g;
      }
    } else if (spec_may_assign(E->spec, e, E->init_mode) ||
               primed_predicate(E, e)) {
      Def *d = spec_applied_def(E->spec, e);
      if (++E->depth > MAX_UNFOLD)
        unsupported(e, "recursion in '%s' unfolds more than %d times",
                    sym_str(d->name), MAX_UNFOLD);
      Bind frames[d->nparams > 0 ? d->nparams : 1];
      Bind *cur = bind_params(E, d, e->args, env, frames);
      EncDefTerms *dt = def_terms_enter(E, d->name);
      uint32_t before = term_count(T);
      TermId g = enc_act(E, d->body, cur);
      if (dt) {
        dt = def_terms_find(E, d->name); /* the vector may have moved */
        dt->terms += term_count(T) - before;
        dt->active = false;
      }
      E->depth--;
      return g;
    }
    break;
  case EX_EXISTS: {
    E->branchings++;
    if (symbolic_choice(E->spec, e))
      return exists_choice(E, e, env);
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    ExArg x = {e->body, &br, &in};
    expand(E, e, e->bounds, e->nbounds, env, exists_branch, &x);
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_IF: {
    TermId c = as_bool(e->args[0], enc(E, e->args[0], env));
    Snap in = snap_take(E);
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c);
    TermId ga = enc_act(E, e->args[1], env);
    Snap sa = snap_take(E);
    snap_restore(E, &in);
    E->pc = term_mk_and2(T, saved, term_mk_not(T, c));
    TermId gb = enc_act(E, e->args[2], env);
    E->pc = saved;
    for (int v = 0; v < E->nvars; v++) {
      if (sa.nxt[v] != E->nxt[v]) {
        if (!E->nxt[v])
          E->nxt[v] = sa.nxt[v];
        else if (sa.nxt[v])
          E->nxt[v] = ite_or_fail(e, c, sa.nxt[v], E->nxt[v]);
      }
      E->asg[v] = term_mk_ite(T, c, sa.asg[v], E->asg[v]);
    }
    E->nxt_epoch++;
    snap_free(&in);
    snap_free(&sa);
    return term_mk_ite(T, c, ga, gb);
  }
  case EX_CASE: {
    /* As nested IFs; a missing OTHER with no arm true is an error. */
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    TermId saved = E->pc, none = term_true(T);
    for (int i = 0; i < e->narms; i++) {
      snap_restore(E, &in);
      E->pc = term_mk_and2(T, saved, none);
      TermId g = as_bool(e->arms[i].guard, enc(E, e->arms[i].guard, env));
      E->pc = term_mk_and2(T, E->pc, g);
      TermId a = enc_act(E, e->arms[i].value, env);
      branch_add(E, &br, term_mk_and2(T, g, a));
      none = term_mk_and2(T, none, term_mk_not(T, g));
    }
    snap_restore(E, &in);
    E->pc = term_mk_and2(T, saved, none);
    if (e->other)
      branch_add(E, &br, term_mk_and2(T, none, enc_act(E, e->other, env)));
    else
      wd(E, term_true(T), e, "no arm of this CASE applies");
    E->pc = saved;
    /* The arms are exclusive (first true guard wins), so the merge under
     * free selectors is exact: each guard includes "no earlier arm". */
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_LET: {
    Bind frames[e->ndefs > 0 ? e->ndefs : 1];
    return enc_act(E, e->body, let_frames(E, e, env, frames));
  }
  case EX_BOX_ACT: {
    /* [A]_v: A, or v unchanged, as two branches. */
    if (E->init_mode)
      break;
    E->branchings++;
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    branch_add(E, &br, enc_act(E, e->args[0], env));
    snap_restore(E, &in);
    branch_add(E, &br, enc_unchanged(E, e->args[1], e, env));
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_DIA_ACT: {
    /* <<A>>_v: A, and then v changes. */
    if (E->init_mode)
      break;
    TermId saved = E->pc;
    TermId g = enc_act(E, e->args[0], env);
    E->pc = term_mk_and2(T, saved, g);
    TermId changed = as_bool(e, enc_changed(E, e, env));
    E->pc = saved;
    return term_mk_and2(T, g, changed);
  }
  case EX_LABEL:
    return enc_act(E, e->body, env);
  default:
    break;
  }
  return as_bool(e, enc(E, e, env));
}
