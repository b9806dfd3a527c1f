/* set.c -- sets and membership.
 *
 * Design.  Sets that are never enumerated -- Seq(S), SUBSET S, [S -> T],
 * [a : S], Nat, Int, STRING, filters and set operators over them -- are
 * tested for membership directly (ev_in) and built only when something
 * needs their elements; a definition whose body is such a set is looked
 * into with its parameters bound.  <<a, b>> \in S over a finite S looks
 * the tuple up without making it.  SUBSET, \X and the finite set
 * operators build canonical set values (value.h). */
#include "evalint.h"

static Value *subset_set(Expr *e, Value *s) {
  s = ev_enum_set(e, s);
  size_t n = s->u.set.n;
  if (n > 20)
    ev_fail(e, "SUBSET of a set of %zu elements is too large to enumerate", n);
  VEC(Value *) out = {0};
  Value **buf = xmalloc((n + 1) * sizeof *buf);
  for (uint64_t mask = 0; mask < (1ull << n); mask++) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
      if (mask & (1ull << i))
        buf[k++] = s->u.set.elems[i];
    VEC_PUSH(out, val_set(buf, k));
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(buf);
  return r;
}

Value *ev_product(Expr *e, Value **sets, int n, const char *what,
                  Value *(*mk)(Expr *e, Value **vals, size_t n)) {
  double total = 1;
  for (int i = 0; i < n; i++) {
    sets[i] = ev_enum_set(e, sets[i]);
    total *= sets[i]->u.set.n;
  }
  if (total > MAX_ENUM)
    ev_unsupported(e, "%s has %.0f elements: more than brink enumerates (%d)",
                   what, total, MAX_ENUM);
  VEC(Value *) out = {0};
  size_t *idx = xcalloc((size_t)n, sizeof *idx);
  Value **vals = xmalloc((size_t)n * sizeof *vals);
  if (total > 0)
    for (;;) {
      for (int i = 0; i < n; i++)
        vals[i] = sets[i]->u.set.elems[idx[i]];
      VEC_PUSH(out, mk(e, vals, (size_t)n));
      int i = n - 1;
      while (i >= 0 && ++idx[i] == sets[i]->u.set.n)
        idx[i--] = 0;
      if (i < 0)
        break;
    }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(idx);
  free(vals);
  return r;
}

static Value *mk_tuple(Expr *e, Value **vals, size_t n) {
  return ev_seq(vals, n);
}

static bool in_value(Expr *e, Value *x, Value *s) {
  if (!val_is_set(s))
    ev_fail(e, "the right side of \\in should be a set, but is %s", ev_show(s));
  /* TLC cannot decide `"a" \in Nat` or `1 \in STRING`: an error (exit 75),
   * as TLC_MODULE_CHECK_MEMBER_OF; an untyped model value is in none. */
  if (s->kind == V_INFSET && x->kind != V_MODEL &&
      x->kind != (s->u.inf == INF_STRING ? V_STR : V_INT))
    ev_fail(e, "attempted to check if the value %s is an element of %s",
            ev_show(x),
            s->u.inf == INF_NAT   ? "Nat"
            : s->u.inf == INF_INT ? "Int"
                                  : "STRING");
  return val_set_mem(s, x);
}

/* Is membership in this set expression decided without building the set
 * (which may be infinite: {p \in Seq(S) : ...}, [a : Nat])? */
static bool lazy_set_form(Expr *set) {
  switch (set->kind) {
  case EX_SET_FILTER:
  case EX_FUNSET:
  case EX_RECSET:
    return true;
  case EX_OP:
    if (set->ref.kind == REF_DEF)
      return set->ref.u.def->kind == DEF_OP;
    if (set->ref.kind != REF_BUILTIN)
      return false;
    switch (set->ref.u.builtin) {
    case B_SEQ:
    case B_SUBSET:
    case B_UNION:
    case B_SETMINUS:
    case B_CUP:
    case B_CAP:
    case B_TIMES:
      return true;
    default:
      return false;
    }
  default:
    return false;
  }
}

bool ev_in(Ctx *c, Expr *e, Value *x, Expr *set, Env *env) {
  /* x \in Op(a): membership in Op's body, with its parameters bound, when
   * that body is a set described lazily. */
  if (set->kind == EX_OP && set->ref.kind == REF_DEF && c->spec &&
      !spec_def_value(c->spec, set->ref.u.def)) {
    Def *d = spec_effective_def(c->spec, set->ref.u.def);
    bool cached = d->id < c->spec->ndefs && c->spec->def_cache[d->id];
    if (d->kind == DEF_OP && !cached && d->nparams == set->nargs &&
        lazy_set_form(d->body) && c->depth < MAX_DEPTH &&
        !stack_nearly_full()) {
      c->depth++;
      Env frames[d->nparams > 0 ? d->nparams : 1];
      bool r = ev_in(c, e, x, d->body,
                     ev_param_frames(c, d, set->args, env, frames));
      c->depth--;
      return r;
    }
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN) {
    switch (set->ref.u.builtin) {
    case B_SEQ: {
      if (x->kind != V_FUN || !val_is_seq(x))
        return false;
      for (uint32_t i = 0; i < x->u.fun.n; i++)
        if (!ev_in(c, e, x->u.fun.vals[i], set->args[0], env))
          return false;
      return true;
    }
    case B_SUBSET: {
      if (x->kind != V_SET)
        return false;
      for (uint32_t i = 0; i < x->u.set.n; i++)
        if (!ev_in(c, e, x->u.set.elems[i], set->args[0], env))
          return false;
      return true;
    }
    /* Set operators on sets that may be infinite (Nat \ {0}). */
    case B_SETMINUS:
      return ev_in(c, e, x, set->args[0], env) &&
             !ev_in(c, e, x, set->args[1], env);
    case B_CUP:
      return ev_in(c, e, x, set->args[0], env) ||
             ev_in(c, e, x, set->args[1], env);
    case B_CAP:
      return ev_in(c, e, x, set->args[0], env) &&
             ev_in(c, e, x, set->args[1], env);
    case B_TIMES:
      /* <<a, b>> \in S \X T, also for infinite S and T. */
      if (x->kind != V_FUN || !val_is_seq(x) ||
          x->u.fun.n != (uint32_t)set->nargs)
        return false;
      for (int i = 0; i < set->nargs; i++)
        if (!ev_in(c, e, x->u.fun.vals[i], set->args[i], env))
          return false;
      return true;
    case B_UNION:
      /* x \in UNION {A, B}: membership in each, which may be infinite. */
      if (set->args[0]->kind == EX_SET_ENUM) {
        Expr *en = set->args[0];
        for (int i = 0; i < en->nargs; i++)
          if (ev_in(c, e, x, en->args[i], env))
            return true;
        return false;
      }
      break;
    default:
      break;
    }
  }
  if (set->kind == EX_SET_FILTER && !set->bounds[0].tuple &&
      set->bounds[0].nnames == 1) {
    /* x \in {y \in S : P}  is  x \in S /\ P(x), also for infinite S. */
    if (!ev_in(c, e, x, set->bounds[0].set, env))
      return false;
    Env f = {set->bounds[0].names[0].id, x, NULL, NULL, NULL, env, NULL, 0};
    return ev_bool(set->body, ev_eval(c, set->body, &f),
                   "the condition of a set filter");
  }
  if (set->kind == EX_FUNSET) {
    if (x->kind != V_FUN)
      return false;
    Value *dom = ev_eval(c, set->args[0], env);
    if (!ev_equal(set, val_fun_domain(x), dom))
      return false;
    for (uint32_t i = 0; i < x->u.fun.n; i++)
      if (!ev_in(c, e, x->u.fun.vals[i], set->args[1], env))
        return false;
    return true;
  }
  if (set->kind == EX_RECSET) {
    if (x->kind != V_FUN || x->u.fun.n != (uint32_t)set->nargs)
      return false;
    for (int i = 0; i < set->nargs; i++) {
      Value *fv = val_fun_apply(x, val_str(set->fields[i]));
      if (!fv || !ev_in(c, e, fv, set->args[i], env))
        return false;
    }
    return true;
  }
  return in_value(e, x, ev_eval(c, set, env));
}

/* Does eval_in decide membership in `set` other than by evaluating it to
 * a value (so that it needs the element itself)?  Mirrors eval_in. */
static bool in_needs_element(Ctx *c, Expr *set) {
  switch (set->kind) {
  case EX_SET_FILTER:
  case EX_FUNSET:
  case EX_RECSET:
    return true;
  case EX_OP:
    if (set->ref.kind == REF_DEF) {
      if (!c->spec || spec_def_value(c->spec, set->ref.u.def))
        return false;
      Def *d = spec_effective_def(c->spec, set->ref.u.def);
      return d->kind == DEF_OP && lazy_set_form(d->body);
    }
    return set->ref.kind == REF_BUILTIN && lazy_set_form(set);
  default:
    return false;
  }
}

/* <<a, b, ...>> \in S.  The test <<v, c>> \in Edges(dag) is common in
 * inner loops: when S is a finite set, the tuple is looked for without
 * being made. */
static bool tuple_in(Ctx *c, Expr *e, Expr *tup, Expr *set, Env *env) {
  int n = tup->nargs;
  Value *buf[n > 0 ? n : 1];
  for (int i = 0; i < n; i++)
    buf[i] = ev_eval(c, tup->args[i], env);
  if (in_needs_element(c, set))
    return ev_in(c, e, ev_seq(buf, (size_t)n), set, env);
  Value *s = ev_eval(c, set, env);
  if (s->kind == V_SET)
    return val_set_has_tuple(s, buf, (size_t)n);
  return in_value(e, ev_seq(buf, (size_t)n), s);
}

/* {a, b, c}. */
Value *ev_set_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_SET_ENUM: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = ev_eval(c, e->args[i], env);
    return val_set(buf, (size_t)e->nargs);
  }
  default:
    break;
  }
  ev_fail(e, "internal error: %s routed to the wrong family",
          ast_kind_name(e->kind));
}

/* Membership, set operators, the built-in sets, Cardinality. */
Value *ev_set_op(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_IN:
  case B_NOTIN: {
    bool in = a[0]->kind == EX_TUPLE
                  ? tuple_in(c, e, a[0], a[1], env)
                  : ev_in(c, e, ev_eval(c, a[0], env), a[1], env);
    return val_bool(b == B_IN ? in : !in);
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS: {
    Value *x = ev_need_set(a[0], ev_eval(c, a[0], env));
    Value *y = ev_need_set(a[1], ev_eval(c, a[1], env));
    return b == B_CUP   ? val_set_union(x, y)
           : b == B_CAP ? val_set_inter(x, y)
                        : val_set_minus(x, y);
  }
  case B_SUBSETEQ: {
    /* SUBSET A \subseteq SUBSET B is A \subseteq B: neither powerset is
     * built (TLC decides it so) */
    Expr *l = a[0], *r = a[1];
    while (ast_is_builtin(l, B_SUBSET) && ast_is_builtin(r, B_SUBSET)) {
      l = l->args[0];
      r = r->args[0];
    }
    Value *x = ev_need_set(l, ev_eval(c, l, env));
    for (uint32_t i = 0; i < x->u.set.n; i++)
      if (!ev_in(c, e, x->u.set.elems[i], r, env))
        return val_bool(false);
    return val_bool(true);
  }
  case B_SUBSET:
    return subset_set(e, ev_eval(c, a[0], env));
  case B_UNION: {
    Value *s = ev_need_set(a[0], ev_eval(c, a[0], env));
    Value *r = val_empty_set();
    for (uint32_t i = 0; i < s->u.set.n; i++)
      r = val_set_union(r, ev_need_set(a[0], s->u.set.elems[i]));
    return r;
  }
  case B_BOOLEAN: {
    Value *bs[2] = {val_bool(false), val_bool(true)};
    return val_set(bs, 2);
  }
  case B_STRING:
    return val_infset(INF_STRING);
  case B_TIMES: {
    Value *sets[16];
    if (e->nargs > 16)
      ev_fail(e, "too many factors in \\X");
    for (int i = 0; i < e->nargs; i++)
      sets[i] = ev_eval(c, a[i], env);
    return ev_product(e, sets, e->nargs, "the product", mk_tuple);
  }
  case B_NAT:
    return val_infset(INF_NAT);
  case B_INT:
    return val_infset(INF_INT);
  case B_SEQ:
    ev_fail(e, "Seq(S) is infinite: it can only appear on the right of "
               "\\in");
  case B_ISFINITESET: {
    Value *s = ev_eval(c, a[0], env);
    return val_bool(s->kind == V_SET || s->kind == V_INTERVAL);
  }
  case B_CARDINALITY: {
    Value *s = ev_eval(c, a[0], env);
    if (!val_is_set(s))
      ev_fail(e, "Cardinality of %s, which is not a set", ev_show(s));
    mpz_t z;
    mpz_init(z);
    if (!val_set_card(s, z))
      ev_fail(e, "Cardinality of the infinite set %s", ev_show(s));
    return ev_int_result(z);
  }
  default:
    break;
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}
