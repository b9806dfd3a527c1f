/* choice.c -- symbolic choices: x' \in S and \E over large sets.
 *
 * Where TLC would branch over the elements of a set too large to expand
 * (Nat, Int, SUBSET S, [S -> T], Seq(S), possibly filtered or mapped), the
 * encoder makes a fresh member of the set instead, as Apalache does: fresh
 * terms of the element's shape, constrained to be a member (fresh_member).
 * \E x \in S : A in an action binds x to such a member when S is one of
 * those sets (exists_choice) and branches over the cells otherwise
 * (exists_branch). */
#include "encint.h"

/* Does the set map {e : ...} bind plain names (no tuple patterns), each
 * from a set? */
static bool map_by_names(const Expr *set) {
  for (int i = 0; i < set->nbounds; i++)
    if (set->bounds[i].tuple || !set->bounds[i].set)
      return false;
  return true;
}

/* A fresh element of the set described by `set` (for x' \in set); *ok
 * receives the condition that it is a member. */
SymVal *fresh_member(Enc *E, Expr *set, Bind *env, TermId *ok) {
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_SUBSET) {
    SymVal *s = enc_need_set(set->args[0], enc(E, set->args[0], env));
    SvCell *cells = xmalloc((s->n + 1) * sizeof *cells);
    for (uint32_t i = 0; i < s->n; i++)
      cells[i] = (SvCell){s->cells[i].key,
                          term_mk_and2(T, s->cells[i].mem,
                                       term_mk_fresh(T, "sub", SORT_BOOL)),
                          NULL};
    SymVal *r = sv_set(cells, s->n);
    free(cells);
    *ok = term_true(T);
    return r;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_SEQ) {
    /* A sequence of at most max_seq_len elements: its length is a fresh
     * integer and element i a fresh member of S, used when i <= length. */
    int L = E->max_seq_len;
    E->seq_choices++;
    TermId len = term_mk_fresh(T, "len", SORT_INT);
    mpz_t lo, hi;
    mpz_init_set_si(lo, 0);
    mpz_init_set_si(hi, L);
    term_var_set_bounds(T, len, lo, hi);
    mpz_clears(lo, hi, NULL);
    TermId all = term_mk_and2(T, term_mk_le(T, term_mk_int_si(T, 0), len),
                              term_mk_le(T, len, term_mk_int_si(T, L)));
    SvCell *cells = xmalloc(((size_t)L + 1) * sizeof *cells);
    for (int i = 0; i < L; i++) {
      TermId used = term_mk_le(T, term_mk_int_si(T, i + 1), len), k;
      SymVal *v = fresh_member(E, set->args[0], env, &k);
      if (!v) { /* Seq({}) = {<<>>} */
        L = i;
        all = term_mk_and2(T, all, term_mk_le(T, len, term_mk_int_si(T, i)));
        break;
      }
      cells[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), used, v};
      all = term_mk_and2(T, all, term_mk_implies(T, used, k));
    }
    SymVal *r = sv_fun(cells, (uint32_t)L);
    free(cells);
    *ok = all;
    return r;
  }
  if (set->kind == EX_FUNSET) {
    SymVal *dom = enc_need_set(set->args[0], enc(E, set->args[0], env));
    SvCell *cells = xmalloc((dom->n + 1) * sizeof *cells);
    TermId all = term_true(T);
    for (uint32_t i = 0; i < dom->n; i++) {
      TermId k;
      cells[i] = (SvCell){dom->cells[i].key, dom->cells[i].mem,
                          fresh_member(E, set->args[1], env, &k)};
      all = term_mk_and2(T, all, term_mk_implies(T, dom->cells[i].mem, k));
    }
    SymVal *r = sv_fun(cells, dom->n);
    free(cells);
    *ok = all;
    return r;
  }
  if (set->kind == EX_RECSET) {
    SvCell *cells = xmalloc(((size_t)set->nargs + 1) * sizeof *cells);
    TermId all = term_true(T);
    for (int i = 0; i < set->nargs; i++) {
      TermId k;
      cells[i] = (SvCell){sv_from_value(val_str(set->fields[i])), term_true(T),
                          fresh_member(E, set->args[i], env, &k)};
      all = term_mk_and2(T, all, k);
    }
    SymVal *r = sv_fun(cells, (uint32_t)set->nargs);
    free(cells);
    *ok = all;
    return r;
  }
  Def *d = set_form_def(E, set, true);
  if (d) {
    /* Through a definition to the set expression it names. */
    Bind frames[d->nparams > 0 ? d->nparams : 1];
    Bind *cur = bind_params(E, d, set->args, env, frames);
    E->depth++;
    SymVal *r = fresh_member(E, d->body, cur, ok);
    E->depth--;
    return r;
  }
  if (set->kind == EX_SET_MAP && map_by_names(set)) {
    /* x \in {e : y \in S, z \in T}: e at fresh members y of S and z of
     * T.  An error in e at any members is found, as TLC, which builds the
     * whole set, finds it: the members are free. */
    int n = count_names(set->bounds, set->nbounds);
    Bind *frames = xcalloc((size_t)n + 1, sizeof *frames);
    Bind *cur = env;
    TermId all = term_true(T);
    int k = 0;
    for (int i = 0; i < set->nbounds; i++)
      for (int j = 0; j < set->bounds[i].nnames; j++) {
        TermId in;
        SymVal *v = fresh_member(E, set->bounds[i].set, env, &in);
        if (!v) {
          free(frames);
          *ok = term_false(T);
          return NULL;
        }
        all = term_mk_and2(T, all, in);
        frames[k] = (Bind){.id = set->bounds[i].names[j].id, .v = v,
                           .up = cur};
        cur = &frames[k++];
      }
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, all);
    SymVal *r = enc(E, set->body, cur);
    E->pc = saved;
    free(frames);
    *ok = all;
    return r;
  }
  if (set->kind == EX_SET_FILTER && set->nbounds == 1 &&
      !set->bounds[0].tuple && set->bounds[0].nnames == 1 &&
      !filter_as_const(E, set, true)) {
    /* x \in {y \in S : P}: a member of S for which P holds. */
    TermId in;
    SymVal *v = fresh_member(E, set->bounds[0].set, env, &in);
    if (!v) {
      *ok = term_false(T);
      return NULL;
    }
    Bind f = {.id = set->bounds[0].names[0].id, .v = v, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, in);
    TermId p = as_bool(set->body, enc(E, set->body, &f));
    E->pc = saved;
    *ok = term_mk_and2(T, in, p);
    return v;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      (set->ref.u.builtin == B_NAT || set->ref.u.builtin == B_INT)) {
    TermId v = term_mk_fresh(T, "elem", SORT_INT);
    *ok = set->ref.u.builtin == B_NAT ? term_mk_le(T, term_mk_int_si(T, 0), v)
                                      : term_true(T);
    return sv_int(v);
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_RANGE) {
    /* An integer between the bounds. */
    TermId lo = as_int(set->args[0], enc(E, set->args[0], env));
    TermId hi = as_int(set->args[1], enc(E, set->args[1], env));
    TermId v = term_mk_fresh(T, "elem", SORT_INT);
    *ok = term_mk_and2(T, term_mk_le(T, lo, v), term_mk_le(T, v, hi));
    mpz_t a, b, a2, b2;
    mpz_inits(a, b, a2, b2, NULL);
    if (term_int_bounds(T, lo, a, a2) && term_int_bounds(T, hi, b2, b))
      term_var_set_bounds(T, v, a, b);
    mpz_clears(a, b, a2, b2, NULL);
    return sv_int(v);
  }
  SymVal *s = enc_need_set(set, enc(E, set, env));
  if (s->n == 0) {
    *ok = term_false(T);
    return NULL;
  }
  if (s->n > 2 && (s->cells[0].key->kind == SV_INT ||
                   s->cells[0].key->kind == SV_ATOM)) {
    /* Integers, strings or model values: a fresh scalar equal to a member,
     * without an ite over the cells. */
    SvKind k = s->cells[0].key->kind;
    bool scalar = true;
    for (uint32_t i = 0; i < s->n && scalar; i++)
      scalar = s->cells[i].key->kind == k;
    if (scalar) {
      TermId v = term_mk_fresh(T, "elem", SORT_INT);
      SymVal *r = k == SV_INT ? sv_int(v) : sv_atom(v);
      /* Its bounds are those of the elements (for ranges over it). */
      mpz_t lo, hi, cl, ch;
      mpz_inits(lo, hi, cl, ch, NULL);
      bool known = true;
      for (uint32_t i = 0; i < s->n && known; i++) {
        known = term_int_bounds(T, s->cells[i].key->t, cl, ch);
        if (i == 0 || mpz_cmp(cl, lo) < 0)
          mpz_set(lo, cl);
        if (i == 0 || mpz_cmp(ch, hi) > 0)
          mpz_set(hi, ch);
      }
      if (known)
        term_var_set_bounds(T, v, lo, hi);
      mpz_clears(lo, hi, cl, ch, NULL);
      VEC(TermId) alts = {0};
      for (uint32_t i = 0; i < s->n; i++)
        VEC_PUSH(alts, term_mk_and2(T, s->cells[i].mem,
                                    term_mk_eq(T, v, s->cells[i].key->t)));
      *ok = term_mk_or(T, alts.data, alts.len);
      VEC_FREE(alts);
      return r;
    }
  }
  /* An oracle picks one cell; it must be a member. */
  TermId o = term_mk_fresh(T, "pick", SORT_INT);
  mpz_t lo, hi; /* it is a cell index (the bit-blaster's width) */
  mpz_init_set_ui(lo, 0);
  mpz_init_set_ui(hi, s->n - 1);
  term_var_set_bounds(T, o, lo, hi);
  mpz_clears(lo, hi, NULL);
  SymVal *r = s->cells[s->n - 1].key;
  VEC(TermId) conds = {0};
  for (uint32_t i = 0; i < s->n; i++) {
    TermId is_i = term_mk_eq(T, o, term_mk_int_si(T, (long)i));
    VEC_PUSH(conds, term_mk_and2(T, is_i, s->cells[i].mem));
  }
  for (uint32_t i = s->n - 1; i-- > 0;) {
    TermId is_i = term_mk_eq(T, o, term_mk_int_si(T, (long)i));
    r = ite_or_fail(set, is_i, s->cells[i].key, r);
  }
  *ok = term_mk_or(T, conds.data, conds.len);
  bool all = true;
  for (uint32_t i = 0; i < s->n && all; i++)
    all = term_is_true(T, s->cells[i].mem);
  if (all)
    VEC_PUSH(E->picks, ((Pick){r, s}));
  VEC_FREE(conds);
  return r;
}

void exists_branch(Enc *E, Bind *env, TermId mem, void *arg) {
  ExArg *x = arg;
  snap_restore(E, x->in);
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  TermId g = enc_act(E, x->body, env);
  E->pc = saved;
  branch_add(E, x->br, term_mk_and2(T, mem, g));
}

/* Is s a set that \E in an action chooses from symbolically (as Apalache
 * does) rather than by a branch per element: Nat or Int, which cannot be
 * expanded, or SUBSET T, [S -> T] or Seq(S), whose expansion is
 * exponential in T or S; possibly filtered ({f \in [S -> T] : P}),
 * mapped ({e : f \in [S -> T]}) or behind definitions. */
static bool choice_set(const Spec *sp, Expr *s, int depth) {
  if (depth > 16)
    return false;
  if (s->kind == EX_FUNSET)
    return true;
  if (s->kind == EX_SET_FILTER && s->nbounds == 1 && !s->bounds[0].tuple &&
      s->bounds[0].nnames == 1)
    return choice_set(sp, s->bounds[0].set, depth + 1);
  if (s->kind == EX_SET_MAP && map_by_names(s)) {
    /* {e : y \in S}: when some S is one (PermsOf(s) == {s ** f : f \in
     * Automorphisms(DOMAIN s)}). */
    for (int i = 0; i < s->nbounds; i++)
      if (choice_set(sp, s->bounds[i].set, depth + 1))
        return true;
    return false;
  }
  if (s->kind != EX_OP)
    return false;
  if (s->ref.kind == REF_BUILTIN)
    switch (s->ref.u.builtin) {
    case B_NAT:
    case B_INT:
    case B_SUBSET:
    case B_SEQ:
      return true;
    default:
      return false;
    }
  if (s->ref.kind == REF_DEF && !spec_def_value(sp, s->ref.u.def)) {
    Def *d = spec_effective_def(sp, s->ref.u.def);
    return d->kind == DEF_OP && d->nparams == s->nargs &&
           choice_set(sp, d->body, depth + 1);
  }
  return false;
}

/* Does \E e in an action choose its names symbolically: each a fresh
 * member of its set (fresh_member)?  When one of its sets is a choice set
 * and none is a tuple pattern or unbounded. */
bool symbolic_choice(const Spec *sp, Expr *e) {
  bool any = false;
  for (int i = 0; i < e->nbounds; i++) {
    Bound *b = &e->bounds[i];
    if (!b->set || b->tuple)
      return false;
    any |= choice_set(sp, b->set, 0);
  }
  return any;
}

TermId exists_choice(Enc *E, Expr *e, Bind *env) {
  int n = count_names(e->bounds, e->nbounds);
  Bind *frames = xcalloc((size_t)n + 1, sizeof *frames);
  Bind *cur = env;
  TermId ok = term_true(T);
  int k = 0;
  for (int i = 0; i < e->nbounds; i++) {
    Bound *b = &e->bounds[i];
    for (int j = 0; j < b->nnames; j++) {
      TermId in;
      SymVal *v = fresh_member(E, b->set, cur, &in);
      if (!v) {
        free(frames);
        return term_false(T);
      }
      ok = term_mk_and2(T, ok, in);
      VEC_PUSH(E->choice_ids, b->names[j].id);
      VEC_PUSH(E->choice_vals, v);
      frames[k] = (Bind){.id = b->names[j].id, .v = v, .up = cur};
      cur = &frames[k++];
    }
  }
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, ok);
  TermId g = enc_act(E, e->body, cur);
  E->pc = saved;
  free(frames);
  return term_mk_and2(T, ok, g);
}
