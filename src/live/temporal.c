/* temporal.c -- temporal formulas to a normal form.
 *
 * Translation walks the formula with the negation pushed inwards (a flag,
 * so ~[]P becomes <>~P on the way down) and an environment of bindings.
 * At each node it first asks whether the subexpression is temporal at all
 * (tlevel: a walk that follows parameters bound by name to their argument
 * expressions); a non-temporal one is an atom, or, when it is constant, a
 * truth value computed at once.  A definition with parameters is expanded
 * by binding each parameter to its argument: the argument's value when it
 * is constant, else the argument by name (TLA+'s substitution).  \A and \E
 * over a constant set become conjunctions and disjunctions of the body
 * under each binding.  Atoms are shared: an atom is identified by its
 * expression and the bindings it mentions (through the LET definitions it
 * calls).  (The automaton of a formula
 * is built in tableau.c.) */
#include "temporal.h"

#include <string.h>

#include "instance.h"
#include "resolve.h"

#define MAX_DEPTH 200

Temporal *temporal_new(const Spec *spec) {
  Temporal *t = xcalloc(1, sizeof *t);
  t->spec = spec;
  return t;
}

/* ---- nodes ---- */

static uint64_t node_hash(const TNode *n) {
  uint64_t h = hash_mix(0x9e37u, (uint64_t)n->kind);
  h = hash_mix(h, (uint64_t)(n->atom + 1) * 2 + n->neg);
  h = hash_mix(h, (uint64_t)(n->a + 1));
  return hash_mix(h, (uint64_t)(n->b + 1));
}

static bool node_eq(const TNode *x, const TNode *y) {
  return x->kind == y->kind && x->atom == y->atom && x->neg == y->neg &&
         x->a == y->a && x->b == y->b;
}

static int mk(Temporal *t, TKind kind, int atom, bool neg, int a, int b) {
  TNode n = {kind, atom, neg, a, b};
  if (2 * (t->nodes.len + 1) > t->cap) {
    size_t nc = t->cap ? 2 * t->cap : 256;
    int *nt = xmalloc(nc * sizeof *nt);
    for (size_t i = 0; i < nc; i++)
      nt[i] = -1;
    for (size_t i = 0; i < t->nodes.len; i++) {
      size_t j = node_hash(&t->nodes.data[i]) & (nc - 1);
      while (nt[j] >= 0)
        j = (j + 1) & (nc - 1);
      nt[j] = (int)i;
    }
    free(t->tab);
    t->tab = nt;
    t->cap = nc;
  }
  size_t j = node_hash(&n) & (t->cap - 1);
  while (t->tab[j] >= 0) {
    if (node_eq(&t->nodes.data[t->tab[j]], &n))
      return t->tab[j];
    j = (j + 1) & (t->cap - 1);
  }
  t->tab[j] = (int)t->nodes.len;
  VEC_PUSH(t->nodes, n);
  return (int)t->nodes.len - 1;
}

static int mk_bool(Temporal *t, bool b) {
  return mk(t, b ? TF_TRUE : TF_FALSE, -1, false, -1, -1);
}

static int mk_bin(Temporal *t, TKind k, int a, int b) {
  TKind unit = k == TF_AND ? TF_TRUE : TF_FALSE;
  TKind zero = k == TF_AND ? TF_FALSE : TF_TRUE;
  if (t->nodes.data[a].kind == zero || t->nodes.data[b].kind == zero)
    return mk_bool(t, zero == TF_TRUE);
  if (t->nodes.data[a].kind == unit)
    return b;
  if (t->nodes.data[b].kind == unit || a == b)
    return a;
  return mk(t, k, -1, false, a < b ? a : b, a < b ? b : a);
}

static int mk_un(Temporal *t, TKind k, int a) {
  TKind ak = t->nodes.data[a].kind;
  if (ak == TF_TRUE || ak == TF_FALSE || ak == k)
    return a;
  return mk(t, k, -1, false, a, -1);
}

/* ---- bindings and atoms ---- */

static EvalBind *bind_new(Temporal *t, uint32_t id, Value *v, Expr *e,
                          const EvalBind *env, const EvalBind *up) {
  EvalBind *b = xcalloc(1, sizeof *b);
  b->id = id;
  b->value = v;
  b->expr = e;
  b->env = env;
  b->up = up;
  VEC_PUSH(t->owned, b);
  return b;
}

static const EvalBind *bind_find(const EvalBind *b, uint32_t id) {
  for (; b; b = b->up)
    if (b->id == id)
      return b;
  return NULL;
}

static bool binds_eq(const EvalBind *x, const EvalBind *y) {
  for (; x && y; x = x->up, y = y->up) {
    if (x == y)
      return true;
    if (x->id != y->id || x->value != y->value || x->expr != y->expr ||
        !binds_eq(x->env, y->env))
      return false;
  }
  return x == y;
}

/* The binder ids an atom's expression mentions, through the LET
 * definitions it calls; opaque when it calls something whose body may see
 * other bindings (an instance copy or path), so that all of them count. */
typedef struct Mentions {
  VEC(uint32_t) ids;
  VEC(Def *) lets;
  bool opaque;
} Mentions;

static bool mention(Expr *e, void *arg) {
  Mentions *m = arg;
  if (e->kind == EX_OP && e->npath) {
    m->opaque = true;
    return false;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BINDER)
    VEC_PUSH(m->ids, e->ref.u.binder->id);
  if (e->kind == EX_OP && e->ref.kind == REF_DEF) {
    Def *d = e->ref.u.def;
    if (d->origin || d->kind == DEF_INSTANCE) {
      m->opaque = true;
      return false;
    }
    bool seen = !!d->module; /* a module's definition sees no binding */
    for (size_t i = 0; i < m->lets.len && !seen; i++)
      seen = m->lets.data[i] == d;
    if (!seen) {
      VEC_PUSH(m->lets, d);
      for (int b = 0; b < d->nbounds; b++)
        if (d->bounds[b].set && !mention(d->bounds[b].set, m))
          return false;
      if (d->body && !mention(d->body, m))
        return false;
    }
  }
  return ast_each_child(e, mention, m);
}

/* Do the bindings x and y give the ids of m the same meaning? */
static bool binds_agree(const Mentions *m, const EvalBind *x,
                        const EvalBind *y) {
  if (m->opaque)
    return binds_eq(x, y);
  for (size_t i = 0; i < m->ids.len; i++) {
    const EvalBind *a = bind_find(x, m->ids.data[i]);
    const EvalBind *b = bind_find(y, m->ids.data[i]);
    if (a != b && !(a && b && a->value == b->value && a->expr == b->expr &&
                    binds_eq(a->env, b->env)))
      return false;
  }
  return true;
}

/* The atom e under env: one already made for e when the bindings e
 * mentions agree (\A i : P(i) ~> Q repeats Q under each i; one atom
 * evaluates it once per state). */
static int atom(Temporal *t, TAtomKind kind, Expr *e, const EvalBind *env) {
  Mentions m = {0};
  mention(e, &m);
  int found = -1;
  for (size_t i = 0; i < t->atoms.len && found < 0; i++) {
    TAtom *a = &t->atoms.data[i];
    if (a->expr == e && a->kind == kind && binds_agree(&m, a->env, env))
      found = (int)i;
  }
  VEC_FREE(m.ids);
  VEC_FREE(m.lets);
  if (found >= 0)
    return found;
  TAtom a = {kind, kind == TA_STATE ? t->nstate++ : t->naction++, e, env, -1};
  VEC_PUSH(t->atoms, a);
  return (int)t->atoms.len - 1;
}

static Value *eval_const(Temporal *t, Expr *e, const EvalBind *env) {
  EvalState st = {t->spec, NULL, NULL};
  return eval_expr_in(&st, e, env);
}

/* ---- levels ---- */

typedef struct LevelWalk {
  Temporal *t;
  const EvalBind *env;
  int level;
  int depth;
} LevelWalk;

static int tlevel(Temporal *t, Expr *e, const EvalBind *env, int depth);

static bool level_child(Expr *c, void *arg) {
  LevelWalk *w = arg;
  int l = tlevel(w->t, c, w->env, w->depth + 1);
  if (l > w->level)
    w->level = l;
  return w->level < LEVEL_TEMPORAL;
}

/* The level of e where the parameters in env stand for their arguments. */
static int tlevel(Temporal *t, Expr *e, const EvalBind *env, int depth) {
  if (!e)
    return LEVEL_CONST;
  if (depth > MAX_DEPTH)
    return LEVEL_TEMPORAL;
  LevelWalk w = {t, env, LEVEL_CONST, depth};
  switch (e->kind) {
  case EX_OP:
    switch (e->ref.kind) {
    case REF_VAR:
      return LEVEL_STATE;
    case REF_BINDER: {
      const EvalBind *b = bind_find(env, e->ref.u.binder->id);
      if (b && !b->value)
        w.level = tlevel(t, b->expr, b->env, depth + 1);
      break;
    }
    case REF_DEF: {
      Def *d = spec_applied_def(t->spec, e);
      if (d)
        w.level = d->level;
      else if (!spec_def_value(t->spec, e->ref.u.def))
        w.level = e->ref.u.def->level;
      break;
    }
    case REF_BUILTIN:
      switch (e->ref.u.builtin) {
      case B_ENABLED:
        return LEVEL_STATE;
      case B_PRIME:
      case B_UNCHANGED:
        w.level = LEVEL_ACTION;
        break;
      case B_BOX:
      case B_DIAMOND:
      case B_LEADSTO:
        return LEVEL_TEMPORAL;
      default:
        break;
      }
      break;
    default:
      break;
    }
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    w.level = LEVEL_ACTION;
    break;
  case EX_WF:
  case EX_SF:
  case EX_TFORALL:
  case EX_TEXISTS:
    return LEVEL_TEMPORAL;
  default:
    break;
  }
  if (w.level < LEVEL_TEMPORAL)
    ast_each_child(e, level_child, &w);
  return w.level;
}

int temporal_level(Temporal *t, Expr *e, const EvalBind *env) {
  return tlevel(t, e, env, 0);
}

/* ---- translation ---- */

static int tf(Temporal *t, Expr *e, const EvalBind *env, bool neg, int depth);

static _Noreturn void refuse(Expr *e, const char *what) {
  fail_at(e->loc, EXIT_OTHER,
          "liveness: %s is not supported by the explicit engine's liveness "
          "checking",
          what);
}

/* Binds the parameters of d to the arguments of the call e. */
static const EvalBind *bind_params(Temporal *t, Def *d, Expr *e,
                                   const EvalBind *env) {
  const EvalBind *inner = NULL;
  if (e->nargs != d->nparams)
    refuse(e, "a partial application of a temporal operator");
  for (int i = 0; i < d->nparams; i++) {
    Expr *a = e->args[i];
    Value *v = NULL;
    if (d->params[i].arity == 0 && tlevel(t, a, env, 0) == LEVEL_CONST)
      v = eval_const(t, a, env);
    inner = bind_new(t, d->params[i].id, v, v ? NULL : a, env, inner);
  }
  /* The body sees its parameters, not the caller's names (ids are unique
   * per binder, so the caller's bindings may stay below). */
  const EvalBind *r = env;
  for (const EvalBind *b = inner; b; b = b->up)
    r = bind_new(t, b->id, b->value, b->expr, b->env, r);
  return r;
}

typedef struct QuantArg {
  Temporal *t;
  Expr *body;
  bool neg, conj;
  int depth;
  int acc;
} QuantArg;

static void quant_rec(QuantArg *q, Bound *b, int nb, int i, int j,
                      const EvalBind *env) {
  if (i == nb) {
    int f = tf(q->t, q->body, env, q->neg, q->depth + 1);
    q->acc = mk_bin(q->t, q->conj ? TF_AND : TF_OR, q->acc, f);
    return;
  }
  Bound *bd = &b[i];
  if (!bd->set)
    refuse(q->body, "an unbounded quantifier around a temporal formula");
  if (bd->tuple || j == 0) {
    Value *s = eval_const(q->t, bd->set, env);
    Value *es = val_is_set(s) ? val_set_enum(s) : NULL;
    if (!es)
      refuse(bd->set, "a quantifier over an infinite or non-set value "
                      "around a temporal formula");
    int k = bd->tuple ? 1 : bd->nnames;
    (void)k;
    for (uint32_t x = 0; x < es->u.set.n; x++) {
      Value *v = es->u.set.elems[x];
      const EvalBind *e2 = env;
      if (bd->tuple) {
        for (int n = 0; n < bd->nnames; n++) {
          Value *c = v->kind == V_FUN ? val_fun_apply(v, val_int(n + 1)) : NULL;
          if (!c)
            refuse(bd->set, "a tuple binder over a set of non-tuples");
          e2 = bind_new(q->t, bd->names[n].id, c, NULL, NULL, e2);
        }
        quant_rec(q, b, nb, i + 1, 0, e2);
      } else {
        e2 = bind_new(q->t, bd->names[0].id, v, NULL, NULL, e2);
        if (bd->nnames == 1)
          quant_rec(q, b, nb, i + 1, 0, e2);
        else
          quant_rec(q, b, nb, i, 1, e2);
      }
    }
    return;
  }
  /* `x, y \in S`: the later names range over the same set. */
  Value *s = eval_const(q->t, bd->set, env);
  Value *es = val_set_enum(s);
  for (uint32_t x = 0; x < es->u.set.n; x++) {
    const EvalBind *e2 =
        bind_new(q->t, bd->names[j].id, es->u.set.elems[x], NULL, NULL, env);
    if (j + 1 == bd->nnames)
      quant_rec(q, b, nb, i + 1, 0, e2);
    else
      quant_rec(q, b, nb, i, j + 1, e2);
  }
}

static int quant(Temporal *t, Expr *e, const EvalBind *env, bool neg,
                 bool conj, int depth) {
  QuantArg q = {t, e->body, neg, conj, depth, mk_bool(t, conj)};
  quant_rec(&q, e->bounds, e->nbounds, 0, 0, env);
  return q.acc;
}

/* <<A>>_v and ENABLED <<A>>_v for WF_v(A) / SF_v(A), built once per
 * fairness expression. */
static void fair_atoms(Temporal *t, Expr *e, const EvalBind *env, int *en,
                       int *step) {
  Expr *dia = NULL, *enabled = NULL;
  for (size_t i = 0; i + 2 < t->built.len; i += 3)
    if (t->built.data[i] == e) {
      dia = t->built.data[i + 1];
      enabled = t->built.data[i + 2];
    }
  if (!dia) {
    dia = ast_new(EX_DIA_ACT, e->loc);
    dia->args = xmalloc(2 * sizeof *dia->args);
    dia->args[0] = e->args[1];
    dia->args[1] = e->args[0];
    dia->nargs = 2;
    enabled = ast_op(e->loc, sym_intern("ENABLED"), (Expr *[]){dia}, 1);
    enabled->ref.kind = REF_BUILTIN;
    enabled->ref.u.builtin = B_ENABLED;
    inst_enabled_attach(enabled, e); /* a WF / SF copied from an instance */
    VEC_PUSH(t->built, e);
    VEC_PUSH(t->built, dia);
    VEC_PUSH(t->built, enabled);
  }
  *step = atom(t, TA_ACTION, dia, env);
  *en = atom(t, TA_STATE, enabled, env);
  t->atoms.data[*en].step = *step;
}

static int lit(Temporal *t, int a, bool neg) {
  return mk(t, TF_LIT, a, neg, -1, -1);
}

int temporal_lit(Temporal *t, int atom, bool neg) { return lit(t, atom, neg); }

static int tf_def(Temporal *t, Expr *e, const EvalBind *env, bool neg,
                  int depth) {
  Value *ov = spec_def_value(t->spec, e->ref.u.def);
  if (ov) {
    if (ov->kind != V_BOOL)
      refuse(e, "a definition the config sets to a non-Boolean value");
    return mk_bool(t, ov->u.b != neg);
  }
  Def *d = spec_applied_def(t->spec, e);
  if (!d || d->kind != DEF_OP)
    refuse(e, "this temporal operator");
  if (d->recursive)
    refuse(e, "a recursive temporal operator");
  return tf(t, d->body, bind_params(t, d, e, env), neg, depth + 1);
}

static int tf(Temporal *t, Expr *e, const EvalBind *env, bool neg, int depth) {
  if (depth > MAX_DEPTH)
    refuse(e, "a temporal formula nested this deeply");
  int lvl = tlevel(t, e, env, 0);
  if (lvl == LEVEL_CONST) {
    Value *v = eval_const(t, e, env);
    if (v->kind != V_BOOL)
      refuse(e, "a non-Boolean value in a temporal formula");
    return mk_bool(t, v->u.b != neg);
  }
  if (lvl < LEVEL_TEMPORAL)
    return lit(t, atom(t, lvl == LEVEL_STATE ? TA_STATE : TA_ACTION, e, env),
               neg);
  TKind and_ = neg ? TF_OR : TF_AND, or_ = neg ? TF_AND : TF_OR;
  switch (e->kind) {
  case EX_LABEL:
  case EX_LET:
    return tf(t, e->body, env, neg, depth + 1);
  case EX_FORALL:
  case EX_EXISTS:
    return quant(t, e, env, neg, (e->kind == EX_FORALL) != neg, depth);
  case EX_IF: {
    int cl = tlevel(t, e->args[0], env, 0);
    if (cl == LEVEL_CONST) {
      Value *v = eval_const(t, e->args[0], env);
      if (v->kind != V_BOOL)
        refuse(e->args[0], "a non-Boolean IF condition");
      return tf(t, e->args[v->u.b ? 1 : 2], env, neg, depth + 1);
    }
    if (cl != LEVEL_STATE)
      refuse(e, "an IF on an action or temporal condition");
    int c = atom(t, TA_STATE, e->args[0], env);
    int th = tf(t, e->args[1], env, neg, depth + 1);
    int el = tf(t, e->args[2], env, neg, depth + 1);
    return mk_bin(t, TF_OR, mk_bin(t, TF_AND, lit(t, c, false), th),
                  mk_bin(t, TF_AND, lit(t, c, true), el));
  }
  case EX_WF:
  case EX_SF: {
    /* WF_v(A) == []<>~EN \/ []<><<A>>_v;  SF_v(A) == <>[]~EN \/ []<><<A>>_v */
    int en, step;
    fair_atoms(t, e, env, &en, &step);
    int take = mk_un(t, TF_ALWAYS, mk_un(t, TF_EVENTUALLY, lit(t, step, false)));
    int dis = e->kind == EX_WF
                  ? mk_un(t, TF_ALWAYS, mk_un(t, TF_EVENTUALLY, lit(t, en, true)))
                  : mk_un(t, TF_EVENTUALLY, mk_un(t, TF_ALWAYS, lit(t, en, true)));
    int f = mk_bin(t, TF_OR, take, dis);
    return neg ? temporal_formula_not(t, f) : f;
  }
  case EX_OP:
    break;
  default:
    refuse(e, "this temporal construct");
  }
  if (e->ref.kind == REF_BINDER) {
    const EvalBind *b = bind_find(env, e->ref.u.binder->id);
    if (!b || b->value || e->nargs)
      refuse(e, "this use of an operator parameter");
    return tf(t, b->expr, b->env, neg, depth + 1);
  }
  if (e->ref.kind == REF_DEF)
    return tf_def(t, e, env, neg, depth);
  if (e->ref.kind != REF_BUILTIN)
    refuse(e, "this temporal construct");
  switch (e->ref.u.builtin) {
  case B_AND:
  case B_OR: {
    TKind k = e->ref.u.builtin == B_AND ? and_ : or_;
    int acc = mk_bool(t, k == TF_AND);
    for (int i = 0; i < e->nargs; i++)
      acc = mk_bin(t, k, acc, tf(t, e->args[i], env, neg, depth + 1));
    return acc;
  }
  case B_NOT:
    return tf(t, e->args[0], env, !neg, depth + 1);
  case B_IMPLIES:
    return mk_bin(t, or_, tf(t, e->args[0], env, !neg, depth + 1),
                  tf(t, e->args[1], env, neg, depth + 1));
  case B_EQUIV: {
    int a = tf(t, e->args[0], env, false, depth + 1);
    int b = tf(t, e->args[1], env, false, depth + 1);
    int na = tf(t, e->args[0], env, true, depth + 1);
    int nb = tf(t, e->args[1], env, true, depth + 1);
    if (!neg)
      return mk_bin(t, TF_OR, mk_bin(t, TF_AND, a, b), mk_bin(t, TF_AND, na, nb));
    return mk_bin(t, TF_OR, mk_bin(t, TF_AND, a, nb), mk_bin(t, TF_AND, na, b));
  }
  case B_BOX:
    return mk_un(t, neg ? TF_EVENTUALLY : TF_ALWAYS,
                 tf(t, e->args[0], env, neg, depth + 1));
  case B_DIAMOND:
    return mk_un(t, neg ? TF_ALWAYS : TF_EVENTUALLY,
                 tf(t, e->args[0], env, neg, depth + 1));
  case B_LEADSTO: {
    /* P ~> Q == [](~P \/ <>Q);  ~(P ~> Q) == <>(P /\ []~Q) */
    int p = tf(t, e->args[0], env, !neg, depth + 1);
    int q = mk_un(t, neg ? TF_ALWAYS : TF_EVENTUALLY,
                  tf(t, e->args[1], env, neg, depth + 1));
    return mk_un(t, neg ? TF_EVENTUALLY : TF_ALWAYS,
                 mk_bin(t, neg ? TF_AND : TF_OR, p, q));
  }
  default:
    refuse(e, "this operator applied to temporal formulas");
  }
}

int temporal_formula_not(Temporal *t, int f) {
  TNode n = t->nodes.data[f];
  switch (n.kind) {
  case TF_TRUE:
    return mk_bool(t, false);
  case TF_FALSE:
    return mk_bool(t, true);
  case TF_LIT:
    return lit(t, n.atom, !n.neg);
  case TF_AND:
  case TF_OR:
    return mk_bin(t, n.kind == TF_AND ? TF_OR : TF_AND,
                  temporal_formula_not(t, n.a), temporal_formula_not(t, n.b));
  case TF_ALWAYS:
    return mk_un(t, TF_EVENTUALLY, temporal_formula_not(t, n.a));
  case TF_EVENTUALLY:
    return mk_un(t, TF_ALWAYS, temporal_formula_not(t, n.a));
  }
  return f;
}

int temporal_true(Temporal *t) { return mk_bool(t, true); }

int temporal_and(Temporal *t, int a, int b) { return mk_bin(t, TF_AND, a, b); }

int temporal_formula(Temporal *t, Expr *e, bool negate) {
  return tf(t, e, NULL, negate, 0);
}

bool temporal_tautology(const Spec *spec) {
  Temporal *t = temporal_new(spec);
  int n = 0;
  bool all_false = true;
  void *old = diag_mute(); /* a refusal is the engines' to report */
  for (size_t i = 0; i < spec->properties.len && all_false; i++) {
    const Property *p = &spec->properties.data[i];
    if (p->kind != PROP_TEMPORAL)
      continue;
    n++;
    FailPoint fp;
    if (fail_push(&fp)) {
      all_false = false;
      break;
    }
    int f = temporal_formula(t, p->expr, true);
    fail_pop(&fp);
    all_false = t->nodes.data[f].kind == TF_FALSE;
  }
  diag_unmute(old);
  return n > 0 && all_false;
}

/* ---- fairness ---- */

static void fair_rec(Temporal *t, Expr *e, const EvalBind *env, int depth);

typedef struct FairQuant {
  Temporal *t;
  Expr *body;
  int depth;
} FairQuant;

static void fair_quant(FairQuant *q, Bound *b, int nb, int i, int j,
                       const EvalBind *env) {
  if (i == nb) {
    fair_rec(q->t, q->body, env, q->depth + 1);
    return;
  }
  Bound *bd = &b[i];
  if (!bd->set || bd->tuple)
    refuse(q->body, "this quantifier around a fairness condition");
  Value *s = eval_const(q->t, bd->set, env);
  Value *es = val_is_set(s) ? val_set_enum(s) : NULL;
  if (!es)
    refuse(bd->set, "a quantifier over an infinite or non-set value around "
                    "a fairness condition");
  for (uint32_t x = 0; x < es->u.set.n; x++) {
    const EvalBind *e2 =
        bind_new(q->t, bd->names[j].id, es->u.set.elems[x], NULL, NULL, env);
    if (j + 1 == bd->nnames)
      fair_quant(q, b, nb, i + 1, 0, e2);
    else
      fair_quant(q, b, nb, i, j + 1, e2);
  }
}

static void fair_rec(Temporal *t, Expr *e, const EvalBind *env, int depth) {
  if (depth > MAX_DEPTH)
    refuse(e, "a fairness condition nested this deeply");
  switch (e->kind) {
  case EX_WF:
  case EX_SF: {
    TFair f = {e->kind == EX_SF, -1, -1, e->loc};
    fair_atoms(t, e, env, &f.enabled, &f.step);
    VEC_PUSH(t->fair, f);
    return;
  }
  case EX_LABEL:
  case EX_LET:
    fair_rec(t, e->body, env, depth + 1);
    return;
  case EX_FORALL: {
    FairQuant q = {t, e->body, depth};
    fair_quant(&q, e->bounds, e->nbounds, 0, 0, env);
    return;
  }
  case EX_OP:
    if (ast_is_builtin(e, B_AND)) {
      for (int i = 0; i < e->nargs; i++)
        fair_rec(t, e->args[i], env, depth + 1);
      return;
    }
    if (ast_is_builtin(e, B_IMPLIES)) {
      if (tlevel(t, e->args[0], env, 0) != LEVEL_CONST)
        refuse(e, "a fairness condition under a non-constant implication");
      Value *v = eval_const(t, e->args[0], env);
      if (v->kind != V_BOOL)
        refuse(e->args[0], "a non-Boolean condition");
      if (v->u.b)
        fair_rec(t, e->args[1], env, depth + 1);
      return;
    }
    if (e->ref.kind == REF_DEF) {
      Def *d = spec_applied_def(t->spec, e);
      if (d && d->kind == DEF_OP && !d->recursive) {
        fair_rec(t, d->body, bind_params(t, d, e, env), depth + 1);
        return;
      }
    }
    if (e->ref.kind == REF_BINDER) {
      const EvalBind *b = bind_find(env, e->ref.u.binder->id);
      if (b && !b->value && !e->nargs) {
        fair_rec(t, b->expr, b->env, depth + 1);
        return;
      }
    }
    break;
  default:
    break;
  }
  if (tlevel(t, e, env, 0) == LEVEL_CONST) {
    Value *v = eval_const(t, e, env);
    if (v->kind == V_BOOL && v->u.b)
      return;
  }
  refuse(e, "this fairness condition (WF_v(A) and SF_v(A) under \\A, /\\, "
            "definitions and constant implications are)");
}

void temporal_fairness(Temporal *t, Expr *e) { fair_rec(t, e, NULL, 0); }

