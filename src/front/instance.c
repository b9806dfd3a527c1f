/* instance.c -- copying definitions under an INSTANCE substitution.
 *
 * A Cloner walks one definition body and builds its copy.  It carries two
 * stacks that mirror the resolver's scopes: old binder -> new binder, and
 * old LET definition -> new LET definition; both are pushed on entering a
 * binding construct and popped on leaving it, so lookups scan only what is
 * in scope.  The body of the definition is copied in "module mode": Mod's
 * substituted declarations are replaced and references to Mod's top-level
 * definitions go to their instantiations.  A substituted expression is
 * copied in "value mode": it belongs to the instantiating module, so only
 * its binders (the instance parameters, and its own bound names) are
 * renamed. */
#include "instance.h"

#include <stdio.h>
#include <string.h>

/* ---- pointer map (memo of copies) ---- */

typedef struct PtrMap {
  void **keys, **vals;
  size_t cap, len;
} PtrMap;

static size_t ptr_slot(PtrMap *m, void *k) {
  size_t i = hash_mix(0, (uint64_t)(uintptr_t)k) & (m->cap - 1);
  while (m->keys[i] && m->keys[i] != k)
    i = (i + 1) & (m->cap - 1);
  return i;
}

static void *ptr_get(PtrMap *m, void *k) {
  if (!m->cap)
    return NULL;
  size_t i = ptr_slot(m, k);
  return m->keys[i] ? m->vals[i] : NULL;
}

static void ptr_put(PtrMap *m, void *k, void *v) {
  if (2 * (m->len + 1) > m->cap) {
    PtrMap n = {0};
    n.cap = m->cap ? 2 * m->cap : 64;
    n.keys = xcalloc(n.cap, sizeof *n.keys);
    n.vals = xcalloc(n.cap, sizeof *n.vals);
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) {
        size_t j = ptr_slot(&n, m->keys[i]);
        n.keys[j] = m->keys[i];
        n.vals[j] = m->vals[i];
        n.len++;
      }
    free(m->keys);
    free(m->vals);
    *m = n;
  }
  size_t i = ptr_slot(m, k);
  if (!m->keys[i])
    m->len++;
  m->keys[i] = k;
  m->vals[i] = v;
}

/* ---- the copier ---- */

typedef struct Pair {
  void *from, *to;
} Pair;

typedef struct Cloner {
  Instantiation *I;
  VEC(Pair) binders; /* Binder * -> Binder *, innermost last */
  VEC(Pair) lets;    /* Def * (LET) -> Def * */
  Binder *prefix;    /* the copy's leading parameters (the instance's) */
  int nprefix;
  bool value_mode;   /* copying a substituted expression */
  bool failed;
  size_t outer_lets; /* a twin's copy: LETs of the enclosing copy below */
  bool twin_bad;     /* a twin's copy used one of those LETs */
} Cloner;

static Expr *clone_expr(Cloner *C, Expr *e);
static void clone_twin(Cloner *C, Expr *e, Expr *n);

static void *pair_find(Pair *p, size_t n, void *from) {
  for (size_t i = n; i-- > 0;)
    if (p[i].from == from)
      return p[i].to;
  return NULL;
}

static Binder fresh_binder(Cloner *C, Binder *old) {
  Binder b = *old;
  b.id = ++C->I->prog->next_binder;
  b.type = NULL;
  return b;
}

/* Writes fresh copies of n binders into dst and maps the old ones to
 * them. */
static void copy_binders(Cloner *C, Binder *old, int n, Binder *dst) {
  for (int i = 0; i < n; i++) {
    dst[i] = fresh_binder(C, &old[i]);
    Pair p = {&old[i], &dst[i]};
    VEC_PUSH(C->binders, p);
  }
}

/* The same, into a new array. */
static Binder *clone_binders(Cloner *C, Binder *old, int n) {
  if (n == 0)
    return NULL;
  Binder *nb = xmalloc((size_t)n * sizeof *nb);
  copy_binders(C, old, n, nb);
  return nb;
}

static Expr **clone_list(Cloner *C, Expr **v, int n) {
  if (n == 0)
    return NULL;
  Expr **out = xmalloc((size_t)n * sizeof *out);
  for (int i = 0; i < n; i++)
    out[i] = clone_expr(C, v[i]);
  return out;
}

/* Bound sets are copied in the enclosing scope, then the names bound. */
static Bound *clone_bounds(Cloner *C, Bound *b, int n) {
  if (n == 0)
    return NULL;
  Bound *nb = xmalloc((size_t)n * sizeof *nb);
  for (int i = 0; i < n; i++) {
    nb[i] = b[i];
    nb[i].set = clone_expr(C, b[i].set);
  }
  for (int i = 0; i < n; i++)
    nb[i].names = clone_binders(C, b[i].names, b[i].nnames);
  return nb;
}

static Expr *prefix_ref(Cloner *C, int i, Loc loc) {
  Expr *a = ast_op(loc, C->prefix[i].name, NULL, 0);
  a->ref.kind = REF_BINDER;
  a->ref.u.binder = &C->prefix[i];
  return a;
}

static Def *clone_let_def(Cloner *C, Def *d);

/* The copy of a reference to definition d (module mode). */
static Def *target_def(Cloner *C, Def *d) {
  Def *local = pair_find(C->lets.data, C->lets.len, d);
  if (local && pair_find(C->lets.data, C->outer_lets, d) == local)
    C->twin_bad = true; /* a LET of the enclosing copy: substituted */
  if (local)
    return local;
  if (C->value_mode || !d->module)
    return d;
  Def *copy = inst_def(C->I, d);
  if (!copy)
    C->failed = true;
  return copy ? copy : d;
}

/* An operator name passed as an argument (`F(Helper)`) to a copy that
 * takes the instance parameters first becomes
 * `LAMBDA a1, ..., ak : Helper'(p1, ..., a1, ..., ak)`. */
static Expr *wrap_op_arg(Cloner *C, Expr *name, Def *copy, int k) {
  Expr *lam = ast_new(EX_LAMBDA, name->loc);
  lam->nbounds = 1;
  lam->bounds = xcalloc(1, sizeof *lam->bounds);
  lam->bounds[0].nnames = k;
  lam->bounds[0].names = xcalloc((size_t)k, sizeof(Binder));
  Expr **args = xmalloc((size_t)(C->nprefix + k) * sizeof *args);
  for (int i = 0; i < C->nprefix; i++)
    args[i] = prefix_ref(C, i, name->loc);
  for (int i = 0; i < k; i++) {
    Binder *b = &lam->bounds[0].names[i];
    char nm[16];
    snprintf(nm, sizeof nm, "_a%d", i + 1);
    b->name = sym_intern(nm);
    b->loc = name->loc;
    b->id = ++C->I->prog->next_binder;
    Expr *a = ast_op(name->loc, b->name, NULL, 0);
    a->ref.kind = REF_BINDER;
    a->ref.u.binder = b;
    args[C->nprefix + i] = a;
  }
  Expr *call = ast_op(name->loc, copy->name, args, C->nprefix + k);
  call->ref.kind = REF_DEF;
  call->ref.u.def = copy;
  lam->body = call;
  return lam;
}

/* ---- ENABLED under a substitution ----
 *
 * ENABLED binds the primed variables of its argument, so a substitution
 * does not distribute into it (Specifying Systems, 17.8): under x <- z,
 * y <- z, ENABLED (x' = 0 /\ y' = 1) is TRUE, while the copy ENABLED
 * (z' = 0 /\ z' = 1) is FALSE.  The copy means the right thing only when
 * the substitution maps Mod's variables to distinct variables.  Otherwise
 * ENABLED A of Mod is a state predicate of Mod evaluated on the state the
 * substitution maps the current one to (TLC: a primed variable inside
 * ENABLED is looked up past the substitutions made outside it), so the
 * copy of an ENABLED, and of a WF_v(A) or SF_v(A) whose ENABLED <<A>>_v
 * the liveness checker builds, gets a twin (InstEnabled): its argument
 * copied under the "twin" instantiation, which replaces Mod's variables
 * by fresh variables numbered 0..n-1 (Mod's own state) and its constants
 * as the substitution does, and the n expressions that give Mod's state
 * from the current one.  Copies of copies carry the twin along (copied
 * the same way), so nested instances compose the state maps.  An ENABLED
 * whose twin cannot be made (it uses a LET action of the enclosing copy)
 * is refused by the engines (inst_enabled_refused). */
static PtrMap refused_enabled;
static PtrMap twins;     /* copied ENABLED / WF / SF node -> InstEnabled */
static PtrMap twin_inst; /* Instantiation -> its twin */

static bool renames_vars(Instantiation *I) {
  for (size_t i = 0; i < I->subst.len; i++) {
    if (!I->subst.data[i].decl->is_var)
      continue;
    Expr *v = I->subst.data[i].value;
    if (v->kind != EX_OP || v->ref.kind != REF_VAR || v->nargs > 0)
      return false;
    for (size_t j = 0; j < i; j++) {
      Expr *w = I->subst.data[j].value;
      if (I->subst.data[j].decl->is_var && w->kind == EX_OP &&
          w->ref.kind == REF_VAR && w->ref.u.decl == v->ref.u.decl)
        return false;
    }
  }
  return true;
}

bool inst_enabled_refused(const Expr *e) {
  return ptr_get(&refused_enabled, (void *)e) != NULL ||
         ptr_get(&twins, (void *)e) != NULL;
}

const InstEnabled *inst_enabled_of(const Expr *e) {
  return ptr_get(&twins, (void *)e);
}

void inst_enabled_attach(Expr *enabled, const Expr *fair) {
  InstEnabled *t = ptr_get(&twins, (void *)fair);
  if (t)
    ptr_put(&twins, enabled, t);
  else if (ptr_get(&refused_enabled, (void *)fair))
    ptr_put(&refused_enabled, enabled, enabled);
}

/* I with Mod's variables replaced by fresh ones, numbered in the order
 * of I's substitution (memoised). */
static Instantiation *twin_of(Instantiation *I) {
  Instantiation *T = ptr_get(&twin_inst, I);
  if (T)
    return T;
  T = xmalloc(sizeof *T);
  *T = *I;
  T->memo = NULL;
  T->subst.data = NULL;
  T->subst.len = T->subst.cap = 0;
  VEC_RESERVE(T->subst, I->subst.len);
  int k = 0;
  for (size_t i = 0; i < I->subst.len; i++) {
    Decl *d = I->subst.data[i].decl;
    VEC_PUSH(T->subst, I->subst.data[i]);
    if (!d->is_var)
      continue;
    Decl *fresh = xmalloc(sizeof *fresh);
    *fresh = *d;
    fresh->index = k++;
    fresh->type = NULL;
    Expr *r = ast_op(d->loc, d->name, NULL, 0);
    r->ref.kind = REF_VAR;
    r->ref.u.decl = fresh;
    T->subst.data[i].value = r;
  }
  ptr_put(&twin_inst, I, T);
  return T;
}

static bool is_enabled(const Expr *e) {
  return e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
         e->ref.u.builtin == B_ENABLED;
}

/* The part of a twin copied under T: an ENABLED's argument, or <<A>>_v
 * for WF_v(A) / SF_v(A). */
static Expr *twin_arg(Cloner *C, Expr *e) {
  if (is_enabled(e))
    return clone_expr(C, e->args[0]);
  Expr *dia = ast_new(EX_DIA_ACT, e->loc);
  dia->args = xmalloc(2 * sizeof *dia->args);
  dia->args[0] = clone_expr(C, e->args[1]);
  dia->args[1] = clone_expr(C, e->args[0]);
  dia->nargs = 2;
  return dia;
}

/* n is the copy of e (an ENABLED, WF or SF) under C: gives it a twin when
 * it needs one. */
static void clone_twin(Cloner *C, Expr *e, Expr *n) {
  if (!is_enabled(e) && e->kind != EX_WF && e->kind != EX_SF)
    return;
  const InstEnabled *old = ptr_get(&twins, e);
  if (old) { /* a copy of a copy: the twin is copied along */
    InstEnabled *t = xmalloc(sizeof *t);
    t->nvars = old->nvars;
    t->arg = clone_expr(C, old->arg);
    t->values = xmalloc((size_t)(t->nvars ? t->nvars : 1) * sizeof *t->values);
    for (int k = 0; k < t->nvars; k++)
      t->values[k] = clone_expr(C, old->values[k]);
    ptr_put(&twins, n, t);
    return;
  }
  if (ptr_get(&refused_enabled, e)) {
    ptr_put(&refused_enabled, n, n);
    return;
  }
  if (C->value_mode || renames_vars(C->I))
    return;
  Cloner T = {0};
  T.I = twin_of(C->I);
  T.prefix = C->prefix;
  T.nprefix = C->nprefix;
  for (size_t i = 0; i < C->binders.len; i++)
    VEC_PUSH(T.binders, C->binders.data[i]);
  for (size_t i = 0; i < C->lets.len; i++)
    VEC_PUSH(T.lets, C->lets.data[i]);
  T.outer_lets = C->lets.len;
  InstEnabled *t = xcalloc(1, sizeof *t);
  t->arg = twin_arg(&T, e);
  VEC_FREE(T.binders);
  VEC_FREE(T.lets);
  for (size_t i = 0; i < C->I->subst.len; i++)
    t->nvars += C->I->subst.data[i].decl->is_var;
  t->values = xmalloc((size_t)(t->nvars ? t->nvars : 1) * sizeof *t->values);
  bool saved = C->value_mode;
  C->value_mode = true;
  for (size_t i = 0, k = 0; i < C->I->subst.len; i++)
    if (C->I->subst.data[i].decl->is_var)
      t->values[k++] = clone_expr(C, C->I->subst.data[i].value);
  C->value_mode = saved;
  if (T.failed || T.twin_bad)
    ptr_put(&refused_enabled, n, n);
  else
    ptr_put(&twins, n, t);
}

static void register_def(Program *p, Def *d);

/* `Op(a, b)` where the substitution gives the operator CONSTANT Op a
 * LAMBDA: the copy is `LET LAMBDA(p, q) == body IN LAMBDA(a, b)`, a LET
 * definition made of the LAMBDA's parameters and body (TLC accepts
 * `INSTANCE M WITH Op <- LAMBDA p, q : body`). */
static Expr *lambda_call(Cloner *C, Expr *lam, Expr **args, int nargs,
                         Loc loc) {
  Def *d = xcalloc(1, sizeof *d);
  d->kind = DEF_OP;
  d->name = sym_intern("LAMBDA");
  d->loc = d->name_loc = lam->loc;
  d->params = lam->bounds[0].names;
  d->nparams = lam->bounds[0].nnames;
  d->body = lam->body;
  register_def(C->I->prog, d);
  Expr *call = ast_op(loc, d->name, args, nargs);
  call->ref.kind = REF_DEF;
  call->ref.u.def = d;
  Expr *let = ast_new(EX_LET, loc);
  let->defs = xmalloc(sizeof *let->defs);
  let->defs[0] = d;
  let->ndefs = 1;
  let->body = call;
  return let;
}

static Expr *clone_op(Cloner *C, Expr *e, Expr *n) {
  Ref ref = e->ref;
  if (!C->value_mode && (ref.kind == REF_CONST || ref.kind == REF_VAR)) {
    for (size_t i = 0; i < C->I->subst.len; i++) {
      if (C->I->subst.data[i].decl != ref.u.decl)
        continue;
      Expr *v = C->I->subst.data[i].value;
      bool saved = C->value_mode;
      C->value_mode = true;
      Expr *cv = clone_expr(C, v);
      C->value_mode = saved;
      if (e->nargs == 0)
        return cv;
      if (cv->kind == EX_LAMBDA)
        return lambda_call(C, cv, clone_list(C, e->args, e->nargs), e->nargs,
                           e->loc);
      /* An operator CONSTANT applied to arguments: the replacement is
       * an operator name (checked by the resolver). */
      n->name = cv->name;
      n->ref = cv->ref;
      n->args = clone_list(C, e->args, e->nargs);
      return n;
    }
  }
  if (ref.kind == REF_BINDER) {
    Binder *b = pair_find(C->binders.data, C->binders.len, ref.u.binder);
    if (b)
      n->ref.u.binder = b;
  }
  n->args = clone_list(C, e->args, e->nargs);
  if (ref.kind != REF_DEF)
    return n;
  Def *d = ref.u.def;
  Def *to = target_def(C, d);
  n->ref.u.def = to;
  bool prefixed = to != d && d->module && !C->value_mode && C->nprefix > 0 &&
                  !pair_find(C->lets.data, C->lets.len, d);
  if (!prefixed)
    return n;
  int k = d->kind == DEF_FUN ? 0 : d->nparams;
  if (e->nargs == 0 && k > 0)
    return wrap_op_arg(C, e, to, k);
  Expr **args = xmalloc((size_t)(C->nprefix + e->nargs) * sizeof *args);
  for (int i = 0; i < C->nprefix; i++)
    args[i] = prefix_ref(C, i, e->loc);
  for (int i = 0; i < e->nargs; i++)
    args[C->nprefix + i] = n->args[i];
  n->args = args;
  n->nargs += C->nprefix;
  return n;
}

static Expr *clone_expr(Cloner *C, Expr *e) {
  if (!e)
    return NULL;
  Expr *n = ast_new(e->kind, e->loc);
  *n = *e;
  n->type = NULL;
  n->cache = NULL;
  size_t mark_b = C->binders.len, mark_l = C->lets.len;
  switch (e->kind) {
  case EX_NUM:
  case EX_DECIMAL:
  case EX_STR:
  case EX_BOOL:
  case EX_AT:
    return n;
  case EX_OP:
    n->npath = 0;
    n->path = NULL;
    n->path_args = NULL;
    n->path_nargs = NULL;
    n = clone_op(C, e, n);
    clone_twin(C, e, n);
    return n;
  case EX_LET:
    n->defs = xmalloc((size_t)e->ndefs * sizeof *n->defs);
    for (int i = 0; i < e->ndefs; i++)
      n->defs[i] = clone_let_def(C, e->defs[i]);
    n->body = clone_expr(C, e->body);
    break;
  case EX_FORALL:
  case EX_EXISTS:
  case EX_TFORALL:
  case EX_TEXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
  case EX_LAMBDA:
  case EX_LABEL:
    n->bounds = clone_bounds(C, e->bounds, e->nbounds);
    n->body = clone_expr(C, e->body);
    n->args = clone_list(C, e->args, e->nargs);
    break;
  case EX_CASE:
    n->arms = xmalloc((size_t)e->narms * sizeof *n->arms);
    for (int i = 0; i < e->narms; i++) {
      n->arms[i].guard = clone_expr(C, e->arms[i].guard);
      n->arms[i].value = clone_expr(C, e->arms[i].value);
    }
    n->other = clone_expr(C, e->other);
    break;
  case EX_EXCEPT:
    n->args = clone_list(C, e->args, e->nargs);
    n->updates = xmalloc((size_t)e->nupdates * sizeof *n->updates);
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i], *nu = &n->updates[i];
      *nu = *u;
      nu->path = xmalloc((size_t)u->npath * sizeof *nu->path);
      for (int s = 0; s < u->npath; s++) {
        nu->path[s] = u->path[s];
        nu->path[s].args = clone_list(C, u->path[s].args, u->path[s].nargs);
      }
      nu->value = clone_expr(C, u->value);
    }
    break;
  default:
    n->args = clone_list(C, e->args, e->nargs);
    n->body = clone_expr(C, e->body);
    break;
  }
  C->binders.len = mark_b;
  /* LET definitions stay visible to the LET body only. */
  if (e->kind == EX_LET)
    C->lets.len = mark_l;
  clone_twin(C, e, n);
  return n;
}

static void register_def(Program *p, Def *d) {
  d->id = (uint32_t)p->defs.len;
  VEC_PUSH(p->defs, d);
}

/* The body of definition d (and a function's domain) into its copy n,
 * whose parameters are already mapped. */
static void clone_def_body(Cloner *C, Def *d, Def *n) {
  if (d->kind == DEF_FUN)
    n->bounds = clone_bounds(C, d->bounds, d->nbounds);
  if (d->kind != DEF_INSTANCE)
    n->body = clone_expr(C, d->body);
}

/* A LET definition: copied in place, in the current mode. */
static Def *clone_let_def(Cloner *C, Def *d) {
  Def *n = xmalloc(sizeof *n);
  *n = *d;
  n->type = NULL;
  n->level = 0;
  size_t mark = C->binders.len;
  /* A recursive LET function mentions itself. */
  Pair self = {d, n};
  VEC_PUSH(C->lets, self);
  if (d->kind == DEF_OP)
    n->params = clone_binders(C, d->params, d->nparams);
  clone_def_body(C, d, n);
  C->binders.len = mark;
  register_def(C->I->prog, n);
  return n;
}

/* ---- does a definition depend on the substitution? ---- */

static bool def_uses_subst(Instantiation *I, Def *d, PtrMap *seen);
static bool expr_uses_subst(Instantiation *I, Expr *e, PtrMap *seen);

typedef struct SubstWalk {
  Instantiation *I;
  PtrMap *seen;
} SubstWalk;

/* For ast_each_child: false (stop) once a subexpression uses the
 * substitution. */
static bool child_free_of_subst(Expr *e, void *w) {
  SubstWalk *sw = w;
  return !expr_uses_subst(sw->I, e, sw->seen);
}

static bool expr_uses_subst(Instantiation *I, Expr *e, PtrMap *seen) {
  if (!e)
    return false;
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_CONST || e->ref.kind == REF_VAR)
      for (size_t i = 0; i < I->subst.len; i++)
        if (I->subst.data[i].decl == e->ref.u.decl)
          return true;
    if (e->ref.kind == REF_DEF && def_uses_subst(I, e->ref.u.def, seen))
      return true;
  }
  /* The bounds and bodies of LET definitions are children; a LET
   * INSTANCE is not looked into (def_uses_subst). */
  for (int i = 0; i < e->ndefs; i++)
    if (e->defs[i]->kind == DEF_INSTANCE)
      return true;
  SubstWalk w = {I, seen};
  return !ast_each_child(e, child_free_of_subst, &w);
}

/* Whether d's meaning changes under I: it mentions (perhaps through other
 * definitions) a substituted CONSTANT or VARIABLE, or an instance (which
 * this conservative test does not look into).  A definition already being
 * looked at counts as independent; whatever else it mentions decides. */
static bool def_uses_subst(Instantiation *I, Def *d, PtrMap *seen) {
  if (ptr_get(seen, d))
    return false;
  ptr_put(seen, d, d);
  if (d->kind == DEF_INSTANCE)
    return true;
  for (int i = 0; i < d->nbounds; i++)
    if (expr_uses_subst(I, d->bounds[i].set, seen))
      return true;
  return expr_uses_subst(I, d->body, seen);
}

Def *inst_def(Instantiation *I, Def *d) {
  PtrMap *memo = I->memo;
  if (!memo)
    memo = I->memo = xcalloc(1, sizeof *memo);
  Def *n = ptr_get(memo, d);
  if (n)
    return n;
  /* A function that the substitution leaves unchanged (one defined in the
   * module enclosing a nested module, say) is its own instantiation: the
   * copy would be the same function. */
  if (d->kind == DEF_FUN && I->nparams > 0) {
    PtrMap seen = {0};
    bool uses = def_uses_subst(I, d, &seen);
    free(seen.keys);
    free(seen.vals);
    if (!uses) {
      ptr_put(memo, d, d);
      return d;
    }
  }
  if (d->kind == DEF_FUN && I->nparams > 0) {
    diag_error(d->name_loc,
               "function '%s' cannot be used through the parameterized "
               "INSTANCE of %s (not supported yet): define it as an "
               "operator",
               sym_str(d->name), sym_str(I->module->name));
    I->prog->errors++;
    return NULL;
  }
  n = xmalloc(sizeof *n);
  *n = *d;
  n->type = NULL;
  n->level = 0;
  n->origin = d->origin ? d->origin : d;
  n->via = I;
  ptr_put(memo, d, n);
  Cloner C = {0};
  C.I = I;
  C.nprefix = I->nparams;
  if (d->kind == DEF_FUN) {
    C.prefix = NULL; /* I has no parameters (checked above) */
  } else {
    /* The instance's parameters, then d's own. */
    n->nparams = I->nparams + d->nparams;
    n->params = xmalloc((size_t)(n->nparams ? n->nparams : 1) *
                        sizeof *n->params);
    copy_binders(&C, I->params, I->nparams, n->params);
    copy_binders(&C, d->params, d->nparams, n->params + I->nparams);
    C.prefix = n->params;
  }
  clone_def_body(&C, d, n);
  if (d->kind == DEF_INSTANCE) {
    Instance *in = xmalloc(sizeof *in);
    *in = *d->inst;
    in->chain = xmalloc((size_t)(in->nchain + 1) * sizeof *in->chain);
    if (in->nchain)
      memcpy(in->chain, d->inst->chain,
             (size_t)in->nchain * sizeof *in->chain);
    in->chain[in->nchain++] = I;
    n->inst = in;
  }
  VEC_FREE(C.binders);
  VEC_FREE(C.lets);
  register_def(I->prog, n);
  return C.failed ? NULL : n;
}

Ref inst_ref(Instantiation **chain, int n, Ref ref) {
  for (int i = 0; i < n; i++) {
    if (ref.kind == REF_CONST || ref.kind == REF_VAR) {
      ref.kind = REF_NONE;
      return ref;
    }
    if (ref.kind != REF_DEF)
      return ref;
    Def *d = inst_def(chain[i], ref.u.def);
    if (!d) {
      ref.kind = REF_NONE;
      return ref;
    }
    ref.u.def = d;
  }
  return ref;
}
