/* quant.c -- quantifiers, set and function constructors, CHOOSE.
 *
 * \A and \E over finite sets are the conjunction / disjunction of the
 * body over the cells of the bounds, in TLC's order, each element's body
 * encoded under the path condition that the earlier ones left the result
 * open (an error further on is one TLC would not reach).  {x \in S : P},
 * {e : x \in S} and [x \in S |-> e] build cells with the memberships of
 * the bounds.  CHOOSE is pinned to the least witness in TLC's order, so
 * that it is a function of the set, as in the evaluator (the twin of
 * src/eval's quant.c). */
#include "encint.h"

void q_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and(T, (TermId[]){saved, q->prefix, mem}, 3);
  TermId p = as_bool(q->body, enc(E, q->body, env));
  E->pc = saved;
  if (q->forall) {
    TermId part = term_mk_implies(T, mem, p);
    VEC_PUSH(q->parts, part);
    q->prefix = term_mk_and2(T, q->prefix, part);
  } else {
    TermId part = term_mk_and2(T, mem, p);
    VEC_PUSH(q->parts, part);
    q->prefix = term_mk_and2(T, q->prefix, term_mk_not(T, part));
  }
}

/* \A x \in S : P and \E x \in S : P with errors found in TLC's order.
 * TLC visits S in value order and stops at the first element that decides
 * the result; an error in P at element j happens only if no element before
 * j decided it.  With symbolic keys that order is not known while
 * encoding, so every body is encoded first and each body's errors are then
 * conditioned on "no member smaller than this one was decisive", where
 * "smaller" is cell order when the keys are constants (value_order sorted
 * them) and TLC's value order (sv_lt, cell order breaking ties)
 * otherwise. */
SymVal *enc_quant_ordered(Enc *E, Expr *e, Bind *env) {
  bool forall = e->kind == EX_FORALL;
  Bound *bd = &e->bounds[0];
  SymVal *s = enc_need_set(bd->set, enc(E, bd->set, env));
  uint32_t *ord = value_order(s);
  uint32_t n = s->n;
  TermId *decisive = xcalloc(n + 1, sizeof *decisive);
  size_t *err_from = xcalloc(n + 2, sizeof *err_from);
  VEC(TermId) parts = {0};
  bool consts = true;
  for (uint32_t o = 0; o < n && consts; o++) {
    Value *v;
    consts = sv_is_const(s->cells[o].key, &v);
  }
  for (uint32_t o = 0; o < n; o++) {
    SvCell *c = &s->cells[ord[o]];
    Bind f = {.id = bd->names[0].id, .v = c->key, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c->mem);
    err_from[o] = E->errs->len;
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    E->pc = saved;
    TermId part = forall ? term_mk_implies(T, c->mem, p)
                         : term_mk_and2(T, c->mem, p);
    VEC_PUSH(parts, part);
    decisive[o] = forall ? term_mk_not(T, part) : part;
  }
  err_from[n] = E->errs->len;
  for (uint32_t o = 0; o < n; o++) {
    if (err_from[o] == err_from[o + 1])
      continue;
    SymVal *kj = s->cells[ord[o]].key;
    VEC(TermId) none = {0};
    for (uint32_t i = 0; i < n; i++) {
      if (i == o)
        continue;
      TermId before = term_mk_bool(T, i < o);
      if (!consts) {
        SymVal *ki = s->cells[ord[i]].key;
        before = term_mk_or2(T, sv_lt(ki, kj),
                             term_mk_and2(T, before, sv_equal(ki, kj)));
      }
      VEC_PUSH(none, term_mk_implies(T, before, term_mk_not(T, decisive[i])));
    }
    TermId first = term_mk_and(T, none.data, none.len);
    VEC_FREE(none);
    for (size_t k = err_from[o]; k < err_from[o + 1]; k++)
      E->errs->data[k].cond = term_mk_and2(T, E->errs->data[k].cond, first);
  }
  TermId r = forall ? term_mk_and(T, parts.data, parts.len)
                    : term_mk_or(T, parts.data, parts.len);
  VEC_FREE(parts);
  free(decisive);
  free(err_from);
  free(ord);
  return sv_bool(r);
}

void filter_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  TermId p = as_bool(q->body, enc(E, q->body, env));
  E->pc = saved;
  SvCell c = {env->v, term_mk_and2(T, mem, p), NULL};
  VEC_PUSH(q->cells, c);
}

/* {<<a, b>> \in S : P}: the elements of S whose components satisfy P. */
SymVal *enc_tuple_filter(Enc *E, Expr *e, Bind *env) {
  Bound *bd = &e->bounds[0];
  SymVal *s = enc_need_set(bd->set, enc(E, bd->set, env));
  uint32_t *ord = value_order(s);
  VEC(SvCell) out = {0};
  for (uint32_t o = 0; o < s->n; o++) {
    SvCell c = s->cells[ord[o]];
    if (term_is_false(T, c.mem))
      continue;
    Bind frames[16];
    Bind *cur = bind_tuple(E, bd, c.key, c.mem, env, frames);
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c.mem);
    TermId p = as_bool(e->body, enc(E, e->body, cur));
    E->pc = saved;
    c.mem = term_mk_and2(T, c.mem, p);
    VEC_PUSH(out, c);
  }
  free(ord);
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  return r;
}

void map_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  SymVal *v = enc(E, q->body, env);
  E->pc = saved;
  SvCell c = {v, mem, NULL};
  VEC_PUSH(q->cells, c);
  if (q->cells.len > MAX_CELLS)
    unsupported(q->body, "a set of more than %d elements would be built",
                MAX_CELLS);
}

void func_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  SymVal *v = enc(E, q->body, env);
  E->pc = saved;
  SvCell c = {bound_key(env, q->nnames), mem, v};
  VEC_PUSH(q->cells, c);
}

/* ---- the unique-witness idiom ----
 *
 * CHOOSE x \in S : Q(x) /\ \A y \in S : Q(y) => y = x (ChooseOne,
 * ChooseUnique) has at most one witness value: if the members a and b both
 * satisfy the body, then Q(b) holds and b is in S, so the \A conjunct of
 * a's body gives b = a.  Which witness comes first in TLC's order is then
 * moot, and the n^2 order comparisons of choose_least can go.  The idiom is
 * recognised on the syntax: the \A's set is the CHOOSE's set and its
 * antecedent is the other conjunct with x renamed y (same_renamed). */

/* Are a and b the same expression, except that b has binder y where a has
 * binder x?  Only plain forms are compared (names, applications, literals,
 * tuples, function application, field access, IF); anything else is
 * "not the same", which only forgoes the idiom. */
static bool same_renamed(const Expr *a, const Expr *b, const Binder *x,
                         const Binder *y) {
  if (a->kind != b->kind || a->nargs != b->nargs)
    return false;
  switch (a->kind) {
  case EX_NUM:
    return strcmp(a->num, b->num) == 0;
  case EX_STR:
    return a->str == b->str;
  case EX_BOOL:
    return a->boolean == b->boolean;
  case EX_DOT:
    if (a->field != b->field)
      return false;
    break;
  case EX_OP:
    if (a->npath || b->npath || a->ref.kind != b->ref.kind)
      return false;
    switch (a->ref.kind) {
    case REF_BUILTIN:
      if (a->ref.u.builtin != b->ref.u.builtin)
        return false;
      break;
    case REF_DEF:
      if (a->ref.u.def != b->ref.u.def)
        return false;
      break;
    case REF_BINDER:
      if (a->ref.u.binder == x ? b->ref.u.binder != y
                               : a->ref.u.binder != b->ref.u.binder ||
                                     a->ref.u.binder == y)
        return false;
      break;
    case REF_CONST:
    case REF_VAR:
      if (a->ref.u.decl != b->ref.u.decl)
        return false;
      break;
    default:
      return false;
    }
    break;
  case EX_TUPLE:
  case EX_FAPP:
  case EX_IF:
    break;
  default:
    return false;
  }
  for (int i = 0; i < a->nargs; i++)
    if (!same_renamed(a->args[i], b->args[i], x, y))
      return false;
  return true;
}

/* Is e (a CHOOSE) of the unique-witness form? */
static bool unique_witness(const Expr *e) {
  const Bound *bd = &e->bounds[0];
  const Expr *body = e->body;
  if (!ast_is_builtin(body, B_AND) || body->nargs != 2)
    return false;
  for (int k = 0; k < 2; k++) {
    const Expr *q = body->args[k], *all = body->args[1 - k];
    if (all->kind != EX_FORALL || all->nbounds != 1 ||
        all->bounds[0].tuple || all->bounds[0].nnames != 1 ||
        !all->bounds[0].set ||
        !same_renamed(all->bounds[0].set, bd->set, NULL, NULL))
      continue;
    const Expr *imp = all->body;
    if (!ast_is_builtin(imp, B_IMPLIES) || imp->nargs != 2 ||
        !ast_is_builtin(imp->args[1], B_EQ) || imp->args[1]->nargs != 2)
      continue;
    const Binder *x = &bd->names[0], *y = &all->bounds[0].names[0];
    const Expr *l = imp->args[1]->args[0], *r = imp->args[1]->args[1];
    bool names_xy = true;
    for (int side = 0; side < 2; side++) {
      const Expr *n = side ? r : l;
      names_xy = names_xy && n->kind == EX_OP && n->ref.kind == REF_BINDER &&
                 n->nargs == 0 && n->npath == 0;
    }
    if (!names_xy || l->ref.u.binder == r->ref.u.binder ||
        (l->ref.u.binder != x && l->ref.u.binder != y) ||
        (r->ref.u.binder != x && r->ref.u.binder != y))
      continue;
    if (same_renamed(q, imp->args[0], x, y))
      return true;
  }
  return false;
}

/* CHOOSE x \in s : P over symbolic elements: the member satisfying P that
 * comes first in TLC's value order (sv_lt), which is TLC's choice.  TLC
 * evaluates P element by element in that order and stops at the first
 * witness, so an error in P at one element is recorded for when no
 * element before it is a witness. */
static SymVal *choose_least(Enc *E, Expr *e, SymVal *s, Bind *env) {
  Bound *bd = &e->bounds[0];
  uint32_t n = s->n;
  TermId *hit = xmalloc((n + 1) * sizeof *hit);
  size_t *err_from = xmalloc((n + 2) * sizeof *err_from);
  TermId saved = E->pc;
  for (uint32_t i = 0; i < n; i++) {
    Bind f = {.id = bd->names[0].id, .v = s->cells[i].key, .up = env};
    E->pc = term_mk_and2(T, saved, s->cells[i].mem);
    err_from[i] = E->errs->len;
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    hit[i] = term_mk_and2(T, s->cells[i].mem, p);
  }
  err_from[n] = E->errs->len;
  E->pc = saved;
  if (err_from[n] == err_from[0] && unique_witness(e)) {
    /* Every witness has the one value: any will do (no error to order). */
    SymVal *r = NULL;
    TermId none = term_true(T);
    for (uint32_t i = n; i-- > 0;) {
      r = r ? ite_or_fail(e, hit[i], s->cells[i].key, r) : s->cells[i].key;
      none = term_mk_and2(T, none, term_mk_not(T, hit[i]));
    }
    wd(E, none, e, "CHOOSE found no element satisfying its condition");
    free(err_from);
    free(hit);
    return r ? r : sv_any();
  }
  /* before[i][j]: cell j is visited before cell i (ties by cell order). */
  TermId *before = xmalloc(((size_t)n * n + 1) * sizeof *before);
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < n; j++) {
      SymVal *ki = s->cells[i].key, *kj = s->cells[j].key;
      TermId b = term_false(T);
      if (j != i) {
        b = sv_lt(kj, ki);
        if (j < i)
          b = term_mk_or2(T, b, sv_equal(kj, ki));
      }
      before[(size_t)i * n + j] = b;
    }
  TermId none = term_true(T);
  SymVal *r = NULL;
  for (uint32_t i = n; i-- > 0;) {
    VEC(TermId) first = {0};
    for (uint32_t j = 0; j < n; j++)
      if (j != i)
        VEC_PUSH(first, term_mk_implies(T, before[(size_t)i * n + j],
                                        term_mk_not(T, hit[j])));
    TermId no_earlier = term_mk_and(T, first.data, first.len);
    VEC_FREE(first);
    for (size_t k = err_from[i]; k < err_from[i + 1]; k++)
      E->errs->data[k].cond = term_mk_and2(T, E->errs->data[k].cond,
                                           no_earlier);
    TermId least = term_mk_and2(T, hit[i], no_earlier);
    r = r ? ite_or_fail(e, least, s->cells[i].key, r) : s->cells[i].key;
    none = term_mk_and2(T, none, term_mk_not(T, hit[i]));
  }
  wd(E, none, e, "CHOOSE found no element satisfying its condition");
  free(before);
  free(err_from);
  free(hit);
  return r ? r : sv_any();
}

/* Is s SUBSET T, written so or through definitions (set_form_def, which
 * looks through the ones whose bodies are set forms; T is not looked at)? */
static bool is_powerset(Enc *E, Expr *s) {
  for (;;) {
    if (s->kind == EX_OP && s->ref.kind == REF_BUILTIN)
      return s->ref.u.builtin == B_SUBSET;
    Def *d = set_form_def(E, s, true);
    if (!d)
      return false;
    s = d->body;
  }
}

/* CHOOSE x \in SUBSET T : P where P holds of {} whatever the state
 * (\A y \in x : ..., say): {} is a member of every SUBSET T and the least
 * set in TLC's order (sets compare by size first), so TLC's first witness
 * is {}, without the 2^|T| subsets choose_least would compare.  An error
 * P meets at {} is TLC's too: it evaluates P there first. */
static bool choose_empty_subset(Enc *E, Expr *e, Bind *env) {
  Bound *bd = &e->bounds[0];
  if (!is_powerset(E, bd->set))
    return false;
  size_t errs = E->errs->len;
  Bind f = {.id = bd->names[0].id, .v = sv_set(NULL, 0), .up = env};
  if (term_is_true(T, as_bool(e->body, enc(E, e->body, &f))))
    return true;
  E->errs->len = errs; /* P is encoded again, at every subset */
  return false;
}

SymVal *enc_choose(Enc *E, Expr *e, Bind *env) {
  Bound *bd = &e->bounds[0];
  if (!bd->set || bd->tuple || bd->nnames != 1)
    unsupported(e, "CHOOSE must have the form CHOOSE x \\in S : P");
  if (choose_empty_subset(E, e, env))
    return sv_set(NULL, 0);
  SymVal *s = enc_need_set(bd->set, enc(E, bd->set, env));
  /* The least witness in TLC's order: constant cells are sorted here;
   * symbolic ones are compared by the solver (choose_least). */
  bool consts = true;
  for (uint32_t i = 0; i < s->n && consts; i++) {
    Value *v;
    consts = sv_is_const(s->cells[i].key, &v);
  }
  if (!consts)
    return choose_least(E, e, s, env);
  SymVal *r = NULL;
  TermId none = term_true(T);
  VEC(TermId) hits = {0};
  uint32_t *ord = value_order(s);
  SvCell *sorted = xmalloc((s->n + 1) * sizeof *sorted);
  for (uint32_t i = 0; i < s->n; i++)
    sorted[i] = s->cells[ord[i]];
  free(ord);
  s = sv_set(sorted, s->n);
  free(sorted);
  for (uint32_t i = 0; i < s->n; i++) {
    Bind f = {.id = bd->names[0].id, .v = s->cells[i].key, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and(T, (TermId[]){saved, none, s->cells[i].mem}, 3);
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    E->pc = saved;
    TermId hit = term_mk_and2(T, s->cells[i].mem, p);
    VEC_PUSH(hits, hit);
    none = term_mk_and2(T, none, term_mk_not(T, hit));
  }
  for (size_t i = hits.len; i-- > 0;)
    r = r ? ite_or_fail(e, hits.data[i], s->cells[i].key, r)
          : s->cells[i].key;
  wd(E, none, e, "CHOOSE found no element satisfying its condition");
  VEC_FREE(hits);
  if (!r) /* CHOOSE from the empty set: the error is recorded */
    r = sv_any();
  return r;
}
