/* seq.c -- sequences and strings as sequences.
 *
 * Sequences are functions keyed 1..n with prefix-closed memberships (see
 * below); Len, Append, \o, Head, Tail, SubSeq and SelectSeq build such
 * functions again, recording TLC's errors (Head of <<>>, a function that
 * is not a sequence).  Strings are atoms, so the same operators on strings
 * are a case split over the constant strings a value may be (strcase.h)
 * (the twin of src/eval's seq.c). */
#include "encint.h"

/* ---- sequences ----
 *
 * A sequence is a function whose cells are keyed by the constants 1..n in
 * order and whose memberships are prefix-closed (cell i+1 is a member only
 * if cell i is): its length is the number of member cells, so a sequence
 * that grows and shrinks keeps a fixed number of cells, one more per
 * Append on the path to it.  Operations build such functions again; a
 * function that is not a sequence where one is needed is an evaluation
 * error, as in TLC. */

/* The sequence s by position.  Records the error that s is not a
 * sequence; a function with keys that are not constants is unsupported. */
SeqView seq_view(Enc *E, Expr *e, SymVal *s, const char *what) {
  s = take_kind(e, s, SV_FUN, "a sequence");
  if (s == sv_any())
    s = sv_fun(NULL, 0);
  if (s->kind != SV_FUN)
    unsupported(e, "%s needs a sequence", what);
  SeqView v = {0, xcalloc(s->n + 1, sizeof(TermId)),
               xcalloc(s->n + 1, sizeof(SymVal *))};
  int64_t *key = xmalloc((s->n + 1) * sizeof *key);
  for (uint32_t i = 0; i < s->n; i++) {
    Value *k;
    if (!sv_is_const(s->cells[i].key, &k))
      unsupported(e, "%s of a function with symbolic keys is not supported "
                     "by the symbolic engine yet",
                  what);
    if (!val_int_fits(k, &key[i]) || key[i] < 1 || key[i] > (int64_t)s->n)
      key[i] = 0;
  }
  /* Positions 1..n that have a cell (the first cell for a key wins). */
  for (uint32_t p = 1; p <= s->n; p++) {
    uint32_t c = 0;
    while (c < s->n && key[c] != (int64_t)p)
      c++;
    if (c == s->n)
      break;
    v.mem[v.n] = s->cells[c].mem;
    v.val[v.n] = s->cells[c].val;
    v.n++;
  }
  /* Not a sequence: a member beyond the positions, or a gap. */
  VEC(TermId) bad = {0};
  for (uint32_t i = 0; i < s->n; i++)
    if (key[i] == 0 || key[i] > (int64_t)v.n)
      VEC_PUSH(bad, s->cells[i].mem);
  for (uint32_t i = 1; i < v.n; i++)
    VEC_PUSH(bad, term_mk_and2(T, v.mem[i], term_mk_not(T, v.mem[i - 1])));
  wd(E, term_mk_or(T, bad.data, bad.len), e,
     xsprintf("the argument of %s is not a sequence", what));
  VEC_FREE(bad);
  free(key);
  return v;
}

void seq_view_free(SeqView *v) {
  free(v->mem);
  free(v->val);
}

static SymVal *mk_seq(const TermId *mem, SymVal **vals, uint32_t n) {
  SvCell *cells = xmalloc((n + 1) * sizeof *cells);
  for (uint32_t i = 0; i < n; i++)
    cells[i] = (SvCell){sv_int(term_mk_int_si(sv_mgr(), (long)i + 1)), mem[i], vals[i]};
  SymVal *r = sv_fun(cells, n);
  free(cells);
  return r;
}

SymVal *mk_tuple(SymVal **vals, uint32_t n) {
  TermId *mem = xmalloc((n + 1) * sizeof *mem);
  for (uint32_t i = 0; i < n; i++)
    mem[i] = term_true(sv_mgr());
  SymVal *r = mk_seq(mem, vals, n);
  free(mem);
  return r;
}

/* at[p] for p = 0..n: the length of the sequence is exactly p. */
static TermId *seq_len_is(const SeqView *v) {
  TermId *at = xmalloc((v->n + 1) * sizeof *at);
  for (uint32_t p = 0; p <= v->n; p++) {
    TermId upto = p > 0 ? v->mem[p - 1] : term_true(sv_mgr());
    TermId next = p < v->n ? term_mk_not(sv_mgr(), v->mem[p]) : term_true(sv_mgr());
    at[p] = term_mk_and2(sv_mgr(), upto, next);
  }
  return at;
}

TermId seq_len(const SeqView *v) {
  TermId sum = term_mk_int_si(sv_mgr(), 0);
  for (uint32_t i = 0; i < v->n; i++)
    sum = term_mk_add(sv_mgr(), sum, term_mk_ite(sv_mgr(), v->mem[i], term_mk_int_si(sv_mgr(), 1),
                                          term_mk_int_si(sv_mgr(), 0)));
  return sum;
}

static SymVal *seq_ite(Expr *e, TermId c, SymVal *a, SymVal *b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return ite_or_fail(e, c, a, b);
}

SymVal *seq_append(Enc *E, Expr *e, SymVal *s, SymVal *x) {
  SeqView v = seq_view(E, e, s, "Append");
  TermId *mem = xmalloc((v.n + 2) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 2) * sizeof *val);
  for (uint32_t i = 0; i <= v.n; i++) {
    TermId before = i > 0 ? v.mem[i - 1] : term_true(T);
    if (i < v.n) {
      mem[i] = term_mk_or2(T, v.mem[i], before);
      val[i] = seq_ite(e, v.mem[i], v.val[i], x);
    } else {
      mem[i] = before;
      val[i] = x;
    }
  }
  SymVal *r = mk_seq(mem, val, v.n + 1);
  free(mem);
  free(val);
  seq_view_free(&v);
  return r;
}

SymVal *seq_concat(Enc *E, Expr *e, SymVal *s, SymVal *t) {
  SeqView a = seq_view(E, e, s, "\\o");
  SeqView b = seq_view(E, e, t, "\\o");
  TermId *len_a = seq_len_is(&a);
  uint32_t n = a.n + b.n;
  TermId *mem = xmalloc((n + 1) * sizeof *mem);
  SymVal **val = xmalloc((n + 1) * sizeof *val);
  for (uint32_t k = 0; k < n; k++) {
    /* Position k+1 holds b's element j+1 when Len(a) = k - j. */
    SymVal *from_b = NULL;
    VEC(TermId) in_b = {0};
    for (uint32_t j = b.n; j-- > 0;) {
      if (j > k || k - j > a.n)
        continue;
      TermId c = len_a[k - j];
      VEC_PUSH(in_b, term_mk_and2(T, c, b.mem[j]));
      from_b = from_b ? seq_ite(e, c, b.val[j], from_b) : b.val[j];
    }
    TermId mb = term_mk_or(T, in_b.data, in_b.len);
    VEC_FREE(in_b);
    if (k < a.n) {
      mem[k] = term_mk_or2(T, a.mem[k], mb);
      val[k] = seq_ite(e, a.mem[k], a.val[k], from_b);
    } else {
      mem[k] = mb;
      val[k] = from_b;
    }
    if (!val[k]) /* never a member; any value of the right kind */
      val[k] = k < a.n ? a.val[k] : b.val[0];
  }
  SymVal *r = mk_seq(mem, val, n);
  free(mem);
  free(val);
  free(len_a);
  seq_view_free(&a);
  seq_view_free(&b);
  return r;
}

SymVal *seq_tail(Enc *E, Expr *e, SymVal *s) {
  SeqView v = seq_view(E, e, s, "Tail");
  wd(E, v.n ? term_mk_not(T, v.mem[0]) : term_true(T), e,
     "Tail of the empty sequence");
  SymVal *r = mk_seq(v.n ? v.mem + 1 : v.mem, v.n ? v.val + 1 : v.val,
                     v.n ? v.n - 1 : 0);
  seq_view_free(&v);
  return r;
}

/* ---- strings as sequences (TLC's Len, \o, Tail and SubSeq) ----
 *
 * On symbolic strings by cases over the strings met so far (strcase.h);
 * the errors TLC reports on some case are recorded for it, and an index
 * of no string the encoding knows is a refusal where it is reachable. */

SymVal *str_cases(Enc *E, Expr *e, SymVal **args, int n, StrOp op,
                  void *arg, const char *what) {
  StrCases sc;
  if (!strcase_apply(args, n, op, arg, &sc))
    unsupported(e, "%s of symbolic strings: more than %d combinations of "
                   "the strings they may be",
                what, STRCASE_MAX);
  wd(E, sc.failed, e,
     xsprintf("%s is applied outside its domain (the empty string, or "
              "bounds outside the string)",
              what));
  wd(E, sc.model, e,
     xsprintf("%s is applied to a model value, which is not a string", what));
  TermId known[3] = {sc.ok, sc.failed, sc.model};
  wd_code(E, term_mk_not(T, term_mk_or(T, known, 3)), e,
          xsprintf("symbolic engine: %s of a string the encoding has not met "
                   "(not supported yet)",
                   what),
          EXIT_OTHER);
  return sc.val ? sc.val : sv_any();
}

Value *str_len(Value **s, void *arg) {
  return val_int((int64_t)strlen(sym_str(s[0]->u.str)));
}

Value *str_tail(Value **s, void *arg) {
  const char *str = sym_str(s[0]->u.str);
  return *str ? val_str(sym_intern(str + 1)) : NULL;
}

static Value *str_cat(Value **s, void *arg) {
  char *st = xsprintf("%s%s", sym_str(s[0]->u.str), sym_str(s[1]->u.str));
  Value *r = val_str(sym_intern(st));
  free(st);
  return r;
}

/* s \o t with a string on one side: TLC concatenates two strings and
 * refuses a string with anything else. */
SymVal *str_concat(Enc *E, Expr *e, SymVal **s) {
  if (s[0]->kind == SV_ATOM && s[1]->kind == SV_ATOM)
    return str_cases(E, e, s, 2, str_cat, NULL, "\\o");
  if (s[0]->kind == SV_MIX || s[1]->kind == SV_MIX)
    unsupported(e, "\\o of a string and a value whose kind depends on the "
                   "path");
  if (s[0] == sv_any() || s[1] == sv_any())
    return sv_any();
  wd(E, term_true(T), e,
     "\\o of a string and a value that is not a string");
  return sv_any();
}

static Value *str_sub(Value **s, void *arg) {
  const int64_t *mn = arg;
  const char *str = sym_str(s[0]->u.str);
  int64_t len = (int64_t)strlen(str);
  if (mn[1] < mn[0])
    return val_str(sym_intern(""));
  if (mn[0] < 1 || mn[1] > len)
    return NULL;
  return val_str(sym_intern_n(str + mn[0] - 1, (size_t)(mn[1] - mn[0] + 1)));
}

/* The bounds of an Int term that folds or has known bounds, within
 * STR_BOUNDS values; false otherwise. */
#define STR_BOUNDS 64
static bool small_range(TermId t, int64_t *lo, int64_t *hi) {
  mpz_t l, h;
  mpz_inits(l, h, NULL);
  bool ok = term_int_bounds(sv_mgr(), t, l, h) && mpz_fits_slong_p(l) &&
            mpz_fits_slong_p(h);
  if (ok) {
    *lo = mpz_get_si(l);
    *hi = mpz_get_si(h);
    ok = *hi - *lo < STR_BOUNDS;
  }
  mpz_clears(l, h, NULL);
  return ok;
}

/* SubSeq(s, m, n) on a string: by cases over the values of m and n too,
 * when their ranges are small (each case encoded under its own path
 * condition, so its errors hold only there). */
SymVal *str_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n) {
  int64_t mlo, mhi, nlo, nhi;
  if (!small_range(m, &mlo, &mhi) || !small_range(n, &nlo, &nhi) ||
      (mhi - mlo + 1) * (nhi - nlo + 1) > STR_BOUNDS)
    unsupported(e, "SubSeq of a string with bounds of more than %d "
                   "combinations of values",
                STR_BOUNDS);
  SymVal *r = NULL;
  TermId saved = E->pc;
  for (int64_t i = mhi; i >= mlo; i--)
    for (int64_t j = nhi; j >= nlo; j--) {
      int64_t mn[2] = {i, j};
      TermId c = term_mk_and2(T, term_mk_eq(T, m, term_mk_int_si(T, i)),
                              term_mk_eq(T, n, term_mk_int_si(T, j)));
      if (term_is_false(T, c))
        continue;
      E->pc = term_mk_and2(T, saved, c);
      SymVal *v = str_cases(E, e, &s, 1, str_sub, mn, "SubSeq");
      E->pc = saved;
      r = !r || v == sv_any() ? (r ? r : v) : sv_ite(c, v, r);
    }
  return r ? r : sv_any();
}

/* Are all of the function's keys integer constants (seq_view's case)? */
bool int_const_keys(const SymVal *s) {
  for (uint32_t i = 0; i < s->n; i++)
    if (s->cells[i].key->kind != SV_INT ||
        !term_is_int_const(sv_mgr(), s->cells[i].key->t))
      return false;
  return true;
}

SymVal *seq_head(Enc *E, Expr *e, SymVal *s) {
  s = take_kind(e, s, SV_FUN, "a sequence");
  if (s == sv_any())
    return s;
  if (s->kind == SV_FUN && !int_const_keys(s)) /* s[1], as far as it goes */
    return apply_checked(E, e, s, sv_int(term_mk_int_si(T, 1)));
  SeqView v = seq_view(E, e, s, "Head");
  wd(E, v.n ? term_mk_not(T, v.mem[0]) : term_true(T), e,
     "Head of the empty sequence");
  SymVal *r = v.n ? v.val[0] : sv_any();
  seq_view_free(&v);
  return r;
}

/* SubSeq(s, m, n) == [i \in 1..(1+n-m) |-> s[i+m-1]]. */
SymVal *seq_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n) {
  SeqView v = seq_view(E, e, s, "SubSeq");
  TermId one = term_mk_int_si(T, 1);
  TermId len = seq_len(&v);
  TermId nonempty = term_mk_le(T, m, n);
  wd(E, term_mk_and2(T, nonempty,
                     term_mk_or2(T, term_mk_lt(T, m, one),
                                 term_mk_lt(T, len, n))),
     e, "SubSeq(s, m, n) with m..n not within 1..Len(s)");
  TermId count = term_mk_add(T, term_mk_sub(T, n, m), one);
  TermId *mem = xmalloc((v.n + 1) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 1) * sizeof *val);
  for (uint32_t i = 0; i < v.n; i++) {
    TermId pos = term_mk_int_si(T, (long)i + 1);
    mem[i] = term_mk_le(T, pos, count);
    /* s[i + m]: position i + m (1-based i+1, so index i + m - 1 + 1). */
    TermId at = term_mk_add(T, m, term_mk_int_si(T, (long)i));
    SymVal *x = NULL;
    for (uint32_t q = v.n; q-- > 0;)
      x = seq_ite(e, term_mk_eq(T, at, term_mk_int_si(T, (long)q + 1)),
                  v.val[q], x);
    val[i] = x ? x : v.val[i];
  }
  SymVal *r = mk_seq(mem, val, v.n);
  free(mem);
  free(val);
  seq_view_free(&v);
  return r;
}

/* SelectSeq(s, Test): element i goes to position c_i, the number of
 * elements up to i that pass the test. */
SymVal *seq_select(Enc *E, Expr *e, SymVal *s, Bind *env) {
  SeqView v = seq_view(E, e, s, "SelectSeq");
  TermId *keep = xmalloc((v.n + 1) * sizeof *keep);
  TermId *count = xmalloc((v.n + 1) * sizeof *count);
  TermId saved = E->pc;
  TermId c = term_mk_int_si(T, 0);
  for (uint32_t i = 0; i < v.n; i++) {
    E->pc = term_mk_and2(T, saved, v.mem[i]);
    SymVal *x = v.val[i];
    TermId t = as_bool(e, apply_op_value(E, e, e->args[1], &x, 1, env));
    keep[i] = term_mk_and2(T, v.mem[i], t);
    c = term_mk_add(T, c, term_mk_ite(T, keep[i], term_mk_int_si(T, 1),
                                      term_mk_int_si(T, 0)));
    count[i] = c;
  }
  E->pc = saved;
  TermId *mem = xmalloc((v.n + 1) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 1) * sizeof *val);
  for (uint32_t r = 0; r < v.n; r++) {
    TermId pos = term_mk_int_si(T, (long)r + 1);
    VEC(TermId) here = {0};
    SymVal *x = NULL;
    for (uint32_t i = v.n; i-- > r;) {
      TermId h = term_mk_and2(T, keep[i], term_mk_eq(T, count[i], pos));
      VEC_PUSH(here, h);
      x = seq_ite(e, h, v.val[i], x);
    }
    mem[r] = term_mk_or(T, here.data, here.len);
    VEC_FREE(here);
    val[r] = x ? x : v.val[r];
  }
  SymVal *res = mk_seq(mem, val, v.n);
  free(mem);
  free(val);
  free(keep);
  free(count);
  seq_view_free(&v);
  return res;
}
