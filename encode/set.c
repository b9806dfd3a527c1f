/* set.c -- set membership and the set operators.
 *
 * x \in S is encoded without building S where S is described lazily:
 * Nat, Int, STRING, SUBSET T, [S -> T], [a : S], Seq(S), a filter or a map
 * over such a set, a definition whose body is one: membership becomes the
 * condition that x has that shape (enc_in), as TLC decides it without
 * enumerating.  Otherwise S is encoded as cells and x compared with each.
 * \cup, \cap, \ and a..b build cells (the twin of src/eval's set.c). */
#include "encint.h"

/* ---- membership with lazily described sets ---- */

/* Is the body of a definition a set form that enc_in (or fresh_member,
 * when choosing) decides without building the set?  Only then do they look
 * through the definition; otherwise the set is built, and when it is a
 * constant, built once by the evaluator. */
static bool decomposed_set_form(const Spec *sp, Expr *b, bool choosing,
                                int depth) {
  if (depth > 16)
    return false;
  switch (b->kind) {
  case EX_RECSET:
  case EX_FUNSET:
  case EX_SET_FILTER:
    return true;
  case EX_SET_MAP: /* a member is e(y) for a member y: only when choosing */
    return choosing;
  case EX_OP:
    if (b->ref.kind == REF_DEF && !spec_def_value(sp, b->ref.u.def)) {
      Def *d = spec_effective_def(sp, b->ref.u.def);
      return d->kind == DEF_OP &&
             decomposed_set_form(sp, d->body, choosing, depth + 1);
    }
    if (b->ref.kind != REF_BUILTIN)
      return false;
    switch (b->ref.u.builtin) {
    case B_SUBSET:
    case B_RANGE:
    case B_SEQ:
      return true;
    case B_NAT:
    case B_INT:
    case B_STRING:
    case B_SETMINUS:
    case B_CUP:
    case B_CAP:
    case B_TIMES:
      return !choosing;
    case B_UNION:
      return !choosing && b->args[0]->kind == EX_SET_ENUM;
    default:
      return false;
    }
  default:
    return false;
  }
}

/* The definition whose body enc_in (or fresh_member, when choosing) should
 * look at instead of building the set `set` names; NULL when there is none
 * or the unfolding is too deep. */
Def *set_form_def(Enc *E, Expr *set, bool choosing) {
  if (set->kind != EX_OP || set->ref.kind != REF_DEF ||
      !decomposed_set_form(E->spec, set, choosing, 0))
    return NULL;
  Def *d = spec_effective_def(E->spec, set->ref.u.def);
  return d->nparams == set->nargs && E->depth < MAX_UNFOLD ? d : NULL;
}

/* Is the filter {y \in S : P} better taken as the constant it is: is it
 * closed and constant-level, while S is a set that enc_in (choosing false)
 * or fresh_member (true) would build whole anyway?  Then the evaluator
 * filters S element by element, and the encoding meets only the members
 * (SortedSeqs == {s \in Seq(Values) : ...}, Seq bounded by a definition
 * in the config: 1286 sorted sequences rather than 488280). */
bool filter_as_const(Enc *E, Expr *filter, bool choosing) {
  Expr *s = filter->bounds[0].set;
  if (!s || decomposed_set_form(E->spec, s, choosing, 0))
    return false;
  if (choosing && s->kind == EX_OP && s->ref.kind == REF_BUILTIN &&
      (s->ref.u.builtin == B_NAT || s->ref.u.builtin == B_INT))
    return false; /* fresh_member chooses from those without building */
  return closed_value(E, filter) != NULL;
}

TermId all_in(Enc *E, Expr *e, SymVal *f, Expr *set, Bind *env) {
  VEC(TermId) parts = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    SymVal *v = f->kind == SV_FUN ? f->cells[i].val : f->cells[i].key;
    VEC_PUSH(parts,
             term_mk_implies(T, f->cells[i].mem, enc_in(E, e, v, set, env)));
  }
  TermId r = term_mk_and(T, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* Is the function f a sequence: is its domain 1..n for n the number of its
 * (distinct) keys?  *len receives n. */
TermId seq_shape(Enc *E, Expr *e, SymVal *f, TermId *len) {
  *len = sv_card(sv_domain(f));
  VEC(TermId) parts = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    SymVal *k = f->cells[i].key;
    if (k->kind != SV_INT) {
      VEC_PUSH(parts, term_mk_not(T, f->cells[i].mem));
      continue;
    }
    TermId in = term_mk_and2(T, term_mk_le(T, term_mk_int_si(T, 1), k->t),
                             term_mk_le(T, k->t, *len));
    VEC_PUSH(parts, term_mk_implies(T, f->cells[i].mem, in));
  }
  TermId r = term_mk_and(T, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* `"a" \in Nat`, `1 \in STRING`: TLC cannot decide them and stops with an
 * evaluation error (the evaluator's in_value); a model value is simply
 * not a member.  Records the error for when x, not of the set's kind, is
 * a string (for Nat and Int) or anything but a model value. */
static void not_member_error(Enc *E, Expr *e, SymVal *x, bool strings,
                             Expr *set) {
  TermId cond = term_true(T);
  if (x->kind == SV_ATOM) {
    VEC(TermId) alts = {0};
    for (int i = 0; i < sv_atom_count(); i++)
      if ((sv_atom_value(i)->kind == V_STR) != strings)
        VEC_PUSH(alts, term_mk_eq(T, x->t, term_mk_int_si(T, i)));
    cond = term_mk_or(T, alts.data, alts.len);
    VEC_FREE(alts);
  }
  wd(E, cond, e,
     xsprintf("attempted to check if a value of another kind is an element "
              "of %s", sym_str(set->name)));
}

TermId enc_in(Enc *E, Expr *e, SymVal *x, Expr *set, Bind *env) {
  if (x->kind == SV_MIX) {
    /* Member as whichever kind it is. */
    VEC(TermId) alts = {0};
    for (uint32_t i = 0; i < x->n; i++) {
      TermId saved = E->pc;
      E->pc = term_mk_and2(T, saved, x->cells[i].mem);
      TermId in = enc_in(E, e, x->cells[i].key, set, env);
      E->pc = saved;
      VEC_PUSH(alts, term_mk_and2(T, x->cells[i].mem, in));
    }
    TermId r = term_mk_or(T, alts.data, alts.len);
    VEC_FREE(alts);
    return r;
  }
  Def *d = set_form_def(E, set, false);
  if (d) {
    /* Through a definition to the set expression it names, so that
     * x \in [a : 0..100, b : 0..100] is decided field by field rather than
     * against ten thousand records. */
    Bind frames[d->nparams > 0 ? d->nparams : 1];
    Bind *cur = bind_params(E, d, set->args, env, frames);
    E->depth++;
    TermId r = enc_in(E, e, x, d->body, cur);
    E->depth--;
    return r;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN) {
    switch (set->ref.u.builtin) {
    case B_RANGE: {
      TermId lo = as_int(set->args[0], enc(E, set->args[0], env));
      TermId hi = as_int(set->args[1], enc(E, set->args[1], env));
      if (x->kind != SV_INT) /* not a member, as in the evaluator */
        return term_false(T);
      return term_mk_and2(T, term_mk_le(T, lo, x->t), term_mk_le(T, x->t, hi));
    }
    case B_NAT:
    case B_INT:
      if (x->kind != SV_INT) {
        not_member_error(E, e, x, false, set);
        return term_false(T);
      }
      if (set->ref.u.builtin == B_INT)
        return term_true(T);
      return term_mk_le(T, term_mk_int_si(T, 0), x->t);
    case B_STRING: {
      if (x->kind != SV_ATOM) {
        not_member_error(E, e, x, true, set);
        return term_false(T);
      }
      VEC(TermId) alts = {0};
      for (int i = 0; i < sv_atom_count(); i++)
        if (sv_atom_value(i)->kind == V_STR)
          VEC_PUSH(alts, term_mk_eq(T, x->t, term_mk_int_si(T, i)));
      TermId r = term_mk_or(T, alts.data, alts.len);
      VEC_FREE(alts);
      return r;
    }
    case B_SUBSET:
      if (x->kind != SV_SET)
        return term_false(T);
      return all_in(E, e, x, set->args[0], env);
    case B_SEQ: {
      if (x->kind != SV_FUN)
        return term_false(T);
      TermId len;
      return term_mk_and2(T, seq_shape(E, e, x, &len),
                          all_in(E, e, x, set->args[0], env));
    }
    /* Set operators over sets that may be infinite. */
    case B_SETMINUS:
      return term_mk_and2(T, enc_in(E, e, x, set->args[0], env),
                          term_mk_not(T, enc_in(E, e, x, set->args[1], env)));
    case B_CUP:
      return term_mk_or2(T, enc_in(E, e, x, set->args[0], env),
                         enc_in(E, e, x, set->args[1], env));
    case B_CAP:
      return term_mk_and2(T, enc_in(E, e, x, set->args[0], env),
                          enc_in(E, e, x, set->args[1], env));
    case B_UNION:
      /* x \in UNION {A, B, ...}: in one of them, each decided lazily. */
      if (set->args[0]->kind == EX_SET_ENUM) {
        Expr *en = set->args[0];
        VEC(TermId) alts = {0};
        for (int i = 0; i < en->nargs; i++)
          VEC_PUSH(alts, enc_in(E, e, x, en->args[i], env));
        TermId r = term_mk_or(T, alts.data, alts.len);
        VEC_FREE(alts);
        return r;
      }
      break;
    case B_TIMES: {
      /* <<a, b>> \in S \X T: a tuple of the right length, factor by
       * factor. */
      if (x->kind != SV_FUN)
        return term_false(T);
      SvCell *pos = xmalloc(((size_t)set->nargs + 1) * sizeof *pos);
      for (int i = 0; i < set->nargs; i++)
        pos[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), term_true(T),
                          NULL};
      VEC(TermId) parts = {0};
      VEC_PUSH(parts, sv_equal(sv_domain(x),
                               sv_set(pos, (uint32_t)set->nargs)));
      free(pos);
      for (int i = 0; i < set->nargs; i++) {
        TermId def;
        SymVal *xi = sv_apply(x, sv_int(term_mk_int_si(T, i + 1)), &def);
        VEC_PUSH(parts, xi ? term_mk_and2(T, def, enc_in(E, e, xi,
                                                           set->args[i], env))
                           : term_false(T));
      }
      TermId r = term_mk_and(T, parts.data, parts.len);
      VEC_FREE(parts);
      return r;
    }
    default:
      break;
    }
  }
  if (set->kind == EX_SET_FILTER && !set->bounds[0].tuple &&
      set->bounds[0].nnames == 1 && !filter_as_const(E, set, false)) {
    TermId in = enc_in(E, e, x, set->bounds[0].set, env);
    Bind f = {.id = set->bounds[0].names[0].id, .v = x, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, in);
    TermId p = as_bool(set->body, enc(E, set->body, &f));
    E->pc = saved;
    return term_mk_and2(T, in, p);
  }
  if (set->kind == EX_FUNSET) {
    if (x->kind != SV_FUN)
      return term_false(T);
    SymVal *dom = enc_need_set(set->args[0], enc(E, set->args[0], env));
    TermId d = sv_equal(sv_domain(x), dom);
    return term_mk_and2(T, d, all_in(E, e, x, set->args[1], env));
  }
  if (set->kind == EX_RECSET) {
    if (x->kind != SV_FUN)
      return term_false(T);
    VEC(TermId) parts = {0};
    /* The domain is exactly the field names. */
    SvCell *cells = xmalloc(((size_t)set->nargs + 1) * sizeof *cells);
    for (int i = 0; i < set->nargs; i++)
      cells[i] = (SvCell){sv_from_value(val_str(set->fields[i])), term_true(T),
                          NULL};
    VEC_PUSH(parts, sv_equal(sv_domain(x), sv_set(cells, (uint32_t)set->nargs)));
    free(cells);
    for (int i = 0; i < set->nargs; i++) {
      TermId def;
      SymVal *fv = sv_apply(x, sv_from_value(val_str(set->fields[i])), &def);
      if (fv)
        VEC_PUSH(parts, term_mk_and2(T, def, enc_in(E, e, fv, set->args[i], env)));
      else
        VEC_PUSH(parts, term_false(T));
    }
    TermId r = term_mk_and(T, parts.data, parts.len);
    VEC_FREE(parts);
    return r;
  }
  SymVal *s = enc_need_set(set, enc(E, set, env));
  for (size_t i = 0; i < E->picks.len; i++) {
    Pick *p = &E->picks.data[i];
    if ((p->val == x || sv_same(p->val, x)) &&
        (p->set == s || sv_same(p->set, s)))
      return term_true(T);
  }
  return sv_mem(x, s);
}

SymVal *set_op(Enc *E, Expr *e, int op, SymVal *a, SymVal *b) {
  a = enc_need_set(e->args[0], a); /* the set alternative of a mixture */
  b = enc_need_set(e->args[1], b);
  VEC(SvCell) out = {0};
  if (op == B_CUP) {
    for (uint32_t i = 0; i < a->n; i++)
      VEC_PUSH(out, a->cells[i]);
    for (uint32_t j = 0; j < b->n; j++) {
      int same = -1;
      for (uint32_t i = 0; i < a->n && same < 0; i++)
        if (sv_same(a->cells[i].key, b->cells[j].key))
          same = (int)i;
      if (same >= 0)
        out.data[same].mem = term_mk_or2(T, out.data[same].mem, b->cells[j].mem);
      else
        VEC_PUSH(out, b->cells[j]);
    }
  } else {
    for (uint32_t i = 0; i < a->n; i++) {
      SvCell c = a->cells[i];
      TermId in_b = sv_mem(c.key, b);
      c.mem = term_mk_and2(T, c.mem, op == B_CAP ? in_b : term_mk_not(T, in_b));
      VEC_PUSH(out, c);
    }
  }
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  return r;
}

/* a..b.  With constant bounds, the constant set; otherwise a set over the
 * integers the bounds can reach (term_int_bounds), each cell a member when
 * it lies between them. */
SymVal *enc_range(Enc *E, Expr *e, SymVal *lo, SymVal *hi) {
  TermId a_t = as_int(e->args[0], lo), b_t = as_int(e->args[1], hi);
  mpz_t a, b, ahi, blo, size;
  mpz_inits(a, b, ahi, blo, size, NULL);
  bool bounded = term_int_bounds(T, a_t, a, ahi) &&
                 term_int_bounds(T, b_t, blo, b);
  bool constant = bounded && mpz_cmp(a, ahi) == 0 && mpz_cmp(blo, b) == 0;
  mpz_sub(size, b, a);
  bool big = bounded && mpz_cmp_si(size, MAX_CELLS) > 0;
  SymVal *r = NULL;
  if (constant && !big) {
    r = sv_from_value(val_interval(a, b));
  } else if (bounded && !big) {
    VEC(SvCell) cells = {0};
    mpz_t i;
    mpz_init(i);
    for (mpz_set(i, a); mpz_cmp(i, b) <= 0; mpz_add_ui(i, i, 1)) {
      TermId k = term_mk_int(T, i);
      TermId mem = term_mk_and2(T, term_mk_le(T, a_t, k), term_mk_le(T, k, b_t));
      VEC_PUSH(cells, ((SvCell){sv_int(k), mem, NULL}));
    }
    mpz_clear(i);
    r = sv_set(cells.data, (uint32_t)cells.len);
    VEC_FREE(cells);
  }
  mpz_clears(a, b, ahi, blo, size, NULL);
  if (!bounded)
    unsupported(e, "a range a..b whose bounds are not bounded by constants "
                   "is not supported by the symbolic engine");
  if (big)
    unsupported(e, "the range can have more than %d elements", MAX_CELLS);
  return r;
}
