/* fun.c -- function application, EXCEPT, and sets of functions.
 *
 * f[x] is the value of the cell whose key equals x, as an ite over the
 * cells, with the error recorded for x outside the domain; f EXCEPT ![k]
 * = v replaces the value of the matching cell, path by path.  [S -> T]
 * and [a : S, ...] used as values (compared, counted, quantified over)
 * are built as explicit sets of functions when they are small (the twin
 * of src/eval's fun.c). */
#include "encint.h"

/* ---- function application ---- */

SymVal *apply_checked(Enc *E, Expr *e, SymVal *f, SymVal *x) {
  if (f == sv_any())
    return f;
  f = take_kind(e, f, SV_FUN, "a function");
  if (f == sv_any())
    return f;
  if (f->kind != SV_FUN)
    unsupported(e, "a function was expected here");
  TermId def;
  SymVal *r = sv_apply(f, x, &def);
  wd(E, term_mk_not(T, def), e,
     "a function is applied to an argument outside its domain");
  if (!r) {
    /* Never defined: the error is recorded (under the path condition);
     * any value stands in for the result. */
    r = f->n ? f->cells[0].val : sv_any();
  }
  return r;
}

SymVal *fapp_key(Enc *E, Expr **args, int n, Bind *env) {
  if (n == 1)
    return enc(E, args[0], env);
  SvCell cells[16];
  if (n > 16)
    unsupported(args[0], "too many arguments");
  for (int i = 0; i < n; i++)
    cells[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), term_true(T),
                        enc(E, args[i], env)};
  return sv_fun(cells, (uint32_t)n);
}

SymVal *enc_except_path(Enc *E, Expr *e, SymVal *f, ExceptUpdate *u, int i,
                        Bind *env) {
  if (i == u->npath) {
    SymVal *saved = E->at;
    E->at = f;
    SymVal *v = enc(E, u->value, env);
    E->at = saved;
    return v;
  }
  ExceptStep *st = &u->path[i];
  f = take_kind(e, f, SV_FUN, "a function"); /* of a mixture, say */
  if (f == sv_any())
    return f;
  SymVal *key = st->is_field ? sv_from_value(val_str(st->field))
                             : fapp_key(E, st->args, st->nargs, env);
  if (f->kind != SV_FUN)
    unsupported(e, "a function was expected here");
  /* A key outside DOMAIN f leaves f unchanged (as in the evaluator): the
   * rest of the path is encoded only where the key is in the domain. */
  TermId def;
  SymVal *old = sv_apply(f, key, &def);
  if (!old)
    return f;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, def);
  SymVal *nv = enc_except_path(E, e, old, u, i + 1, env);
  E->pc = saved;
  return sv_update(f, key, nv);
}

/* ---- sets of functions and records, built ----
 *
 * [S -> T] outside \in (compared, counted, quantified over) is built as
 * the explicit set of its functions when it is small.  Each function has
 * one cell per cell of S, with S's key and membership; a combination picks
 * for every cell of S either a cell of T (when both are members) or, where
 * S's cell may be absent, no value.  A combination is an element when its
 * picks are consistent with the memberships, so a symbolic S or T gives
 * the functions on S's actual members into T's, each once per choice of
 * cells.  [a : S, b : T] is the same with constant field names. */

/* Choices per cell: the cells of the codomain, plus "absent" when the
 * domain cell may not be a member.  Fails when the product exceeds
 * MAX_FUNCS. */
static size_t combos(Expr *e, const uint32_t *nchoice, uint32_t n,
                     const char *what) {
  size_t total = 1;
  for (uint32_t i = 0; i < n; i++) {
    total *= nchoice[i];
    if (total > MAX_FUNCS)
      unsupported(e, "%s has more than %d elements here; the symbolic "
                     "engine builds it only when small (x \\in %s and \\E x "
                     "\\in %s in an action are decided without building it)",
                  what, MAX_FUNCS, what, what);
  }
  return total;
}

/* Builds the functions with keys keys[i] (membership kmem[i]) whose value
 * at key i is one of the cells of vals[i]. */
static SymVal *build_funs(Expr *e, SymVal **keys, TermId *kmem,
                          SymVal **vals, uint32_t n, const char *what) {
  uint32_t *nchoice = xmalloc((n + 1) * sizeof *nchoice);
  for (uint32_t i = 0; i < n; i++)
    nchoice[i] = vals[i]->n + (term_is_true(sv_mgr(), kmem[i]) ? 0 : 1);
  size_t total = combos(e, nchoice, n, what);
  uint32_t *pick = xcalloc(n + 1, sizeof *pick);
  SvCell *cells = xmalloc((n + 1) * sizeof *cells);
  VEC(SvCell) out = {0};
  for (size_t c = 0; c < total; c++) {
    TermId ok = term_true(sv_mgr());
    for (uint32_t i = 0; i < n && !term_is_false(sv_mgr(), ok); i++) {
      SymVal *t = vals[i];
      if (pick[i] < t->n) {
        TermId parts[3] = {ok, kmem[i], t->cells[pick[i]].mem};
        ok = term_mk_and(sv_mgr(), parts, 3);
        cells[i] = (SvCell){keys[i], kmem[i], t->cells[pick[i]].key};
      } else { /* absent: any value stands in */
        ok = term_mk_and2(sv_mgr(), ok, term_mk_not(sv_mgr(), kmem[i]));
        cells[i] = (SvCell){keys[i], kmem[i],
                            t->n ? t->cells[0].key : sv_any()};
      }
    }
    if (!term_is_false(sv_mgr(), ok))
      VEC_PUSH(out, ((SvCell){sv_fun(cells, n), ok, NULL}));
    for (uint32_t i = 0; i < n && ++pick[i] == nchoice[i]; i++)
      pick[i] = 0;
  }
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  free(cells);
  free(pick);
  free(nchoice);
  return r;
}

SymVal *enc_funset(Enc *E, Expr *e, Bind *env) {
  SymVal *dom = enc_need_set(e->args[0], enc(E, e->args[0], env));
  SymVal *cod = enc_need_set(e->args[1], enc(E, e->args[1], env));
  uint32_t n = dom->n;
  SymVal **keys = xmalloc((n + 1) * sizeof *keys);
  SymVal **vals = xmalloc((n + 1) * sizeof *vals);
  TermId *kmem = xmalloc((n + 1) * sizeof *kmem);
  for (uint32_t i = 0; i < n; i++) {
    keys[i] = dom->cells[i].key;
    kmem[i] = dom->cells[i].mem;
    vals[i] = cod;
  }
  SymVal *r = build_funs(e, keys, kmem, vals, n, "[S -> T]");
  free(keys);
  free(vals);
  free(kmem);
  return r;
}

SymVal *enc_recset(Enc *E, Expr *e, Bind *env) {
  uint32_t n = (uint32_t)e->nargs;
  SymVal **keys = xmalloc((n + 1) * sizeof *keys);
  SymVal **vals = xmalloc((n + 1) * sizeof *vals);
  TermId *kmem = xmalloc((n + 1) * sizeof *kmem);
  for (uint32_t i = 0; i < n; i++) {
    keys[i] = sv_from_value(val_str(e->fields[i]));
    kmem[i] = term_true(T);
    vals[i] = enc_need_set(e->args[i], enc(E, e->args[i], env));
  }
  SymVal *r = build_funs(e, keys, kmem, vals, n, "[a : S, ...]");
  free(keys);
  free(vals);
  free(kmem);
  return r;
}
