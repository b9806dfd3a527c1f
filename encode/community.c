/* community.c -- encodings of operators of the shipped community modules.
 *
 * The shipped modules (src/modules/) define their operators in TLA+, and
 * the encoder unfolds those definitions like any other.  For some of them
 * unfolding cannot work or works badly: DyadicRationals' IsDyadicRational
 * ranges over 0..r.den with a symbolic denominator, its Add and Half
 * divide by symbolic denominators, the folds recurse with CHOOSE and
 * T \ {x} once per element.  A definition of a shipped module (never one
 * of the same name next to the spec) may have an encoding here, reached
 * from the encoder's calls through comm_call (encint.h); an encoding may
 * decline (return NULL) for arguments it does not cover, and the
 * definition is then unfolded.
 *
 * Design.  Each encoding computes, on symbolic values, what the module's
 * TLA+ definition computes under brink's evaluator (described below); where
 * its arguments fall outside what it covers it declines and the
 * definition is unfolded, or, where unfolding cannot work either, it
 * refuses with a located message.  Two ideas carry the encodings:
 *
 * 1. Case splits over a finite set of constants.  A dyadic rational is a
 *    record [num |-> n, den |-> d]; the definitions divide by d and take
 *    a GCD with it, which a solver cannot do with a symbolic d.  But the
 *    denominators a behaviour computes are built from constants by
 *    doubling, maxima and selections, so the term of d is an ite tree
 *    whose leaves are the few values d can take.  Split on them: per
 *    value, the division is by a constant and the GCD with a constant c is
 *    "the largest divisor k of c that divides |n|", an ite over c's
 *    divisors.  Exact for every numerator.
 * 2. Folds in value order.  The folds are defined through MapThenFoldSet
 *    with a chooser CHOOSE x \in T : TRUE, which brink answers with the
 *    least element: Fold(S) = op(f(x1), op(f(x2), ... op(f(xm), base)))
 *    for the members x1 < ... < xm of S.  With constant elements (their
 *    memberships symbolic) that is one pass from the largest element down,
 *    acc := IF x in S THEN op(f(x), acc) ELSE acc -- linear, where the
 *    unfolded recursion builds T \ {x} and a CHOOSE at every level.
 *
 * Operators that only the evaluator implements (their TLA+ body merely
 * calls the module's LOCAL Fail) are refusals recorded where the call is
 * reached (EXIT_OTHER), so a spec that calls them only on a path the
 * behaviour never takes (an invariant's export disjunct) is still
 * checked. */
#include "encint.h"

#include <stdlib.h>

#include "native.h"

#define TM (sv_mgr())
#define MAX_LEAVES 64     /* values a case split may enumerate */
#define MAX_CASES 1024    /* combinations of two case splits */
#define MAX_DIVIDED 1000000 /* largest denominator whose divisors we list */

/* ---- the call site ----
 *
 * An encoding sees its call through the opaque CommCall and these
 * requests: the definition called and the call expression (its location);
 * argument i, encoded once; argument i (an operator argument) applied to
 * n values where `when` holds on the current path (its errors are
 * conditioned on it); f[x] with the error for x outside the domain
 * recorded where `when` holds (NULL when f is not a function); and an
 * evaluation error (EXIT_EVAL, or EXIT_OTHER for a refusal of the
 * symbolic engine) that happens where cond holds on the current path. */

#define COMM_MAX_ARGS 8

typedef struct CommCall CommCall;
/* The value of the call, or NULL to have the definition unfolded. */
typedef SymVal *(*CommFn)(CommCall *c);


struct CommCall {
  Enc *E;
  Expr *e;
  const Def *d;
  Bind *env;
  SymVal *args[COMM_MAX_ARGS];
};

static const Def *comm_def(const CommCall *c) { return c->d; }

static Expr *comm_site(const CommCall *c) { return c->e; }

static SymVal *comm_arg(CommCall *c, int i) {
  if (!c->args[i])
    c->args[i] = enc(c->E, c->e->args[i], c->env);
  return c->args[i];
}

static SymVal *comm_apply_op(CommCall *c, int i, SymVal **vals, int n,
                             TermId when) {
  Enc *E = c->E;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, when);
  SymVal *r = apply_op_value(E, c->e, c->e->args[i], vals, n, c->env);
  E->pc = saved;
  return r;
}

static SymVal *comm_apply_fun(CommCall *c, SymVal *f, SymVal *x, TermId when) {
  Enc *E = c->E;
  if (f->kind != SV_FUN)
    return NULL;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, when);
  SymVal *r = apply_checked(E, c->e, f, x);
  E->pc = saved;
  return r;
}

static void comm_error(CommCall *c, TermId cond, const char *msg, int code) {
  if (!c->E->errs)
    unsupported(c->e, "%s", msg);
  wd_code(c->E, cond, c->e, msg, code);
}

/* ---- helpers ---- */

typedef VEC(long) LongVec;
typedef VEC(TermId) TermVec;

/* The constants the Int term t can take, when t is an ite tree with
 * integer constants at its leaves (visited: the nodes seen so far). */
static bool leaves_rec(TermId t, LongVec *out, TermVec *visited) {
  for (size_t i = 0; i < visited->len; i++)
    if (visited->data[i] == t)
      return true;
  if (visited->len > 4096 || out->len > MAX_LEAVES)
    return false;
  VEC_PUSH(*visited, t);
  TermKind k = term_kind(TM, t);
  if (k == TERM_ITE)
    return leaves_rec(term_arg(TM, t, 1), out, visited) &&
           leaves_rec(term_arg(TM, t, 2), out, visited);
  if (k != TERM_INTCONST)
    return false;
  mpz_t z;
  mpz_init(z);
  term_int_value(TM, t, z);
  bool fits = mpz_fits_slong_p(z);
  long v = mpz_get_si(z);
  mpz_clear(z);
  if (!fits)
    return false;
  for (size_t i = 0; i < out->len; i++)
    if (out->data[i] == v)
      return true;
  VEC_PUSH(*out, v);
  return true;
}

static bool int_leaves(TermId t, LongVec *out) {
  TermVec visited = {0};
  out->len = 0;
  bool ok = leaves_rec(t, out, &visited);
  VEC_FREE(visited);
  return ok && out->len > 0 && out->len <= MAX_LEAVES;
}

static SymVal *str_key(const char *s) {
  return sv_from_value(val_str(sym_intern(s)));
}

/* The integer field `name` of the record r without recording anything:
 * NULL when r is not a function or the field is not an integer wherever
 * it is defined; *def receives "the field exists". */
static SymVal *peek_int_field(SymVal *r, const char *name, TermId *def) {
  if (r->kind != SV_FUN)
    return NULL;
  SymVal *v = sv_apply(r, str_key(name), def);
  return v && v->kind == SV_INT ? v : NULL;
}

static void field_error(CommCall *c, TermId when, TermId def) {
  comm_error(c, term_mk_and2(TM, when, term_mk_not(TM, def)),
             "a function is applied to an argument outside its domain",
             EXIT_EVAL);
}

static SymVal *frac(TermId num, TermId den) {
  SvCell cells[2] = {{str_key("num"), term_true(TM), sv_int(num)},
                     {str_key("den"), term_true(TM), sv_int(den)}};
  return sv_fun(cells, 2);
}

static int cmp_long(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* Reduced(Frac(n, d)) for a constant d > 0: the GCD of |n| and d is the
 * largest divisor k of d with n % k = 0 (d itself when n = 0), and the
 * result [num |-> n \div k, den |-> d \div k]. */
static SymVal *reduced(TermId n, long d) {
  LongVec divs = {0};
  for (long k = 1; k * k <= d; k++)
    if (d % k == 0) {
      VEC_PUSH(divs, k);
      if (k != d / k)
        VEC_PUSH(divs, d / k);
    }
  qsort(divs.data, divs.len, sizeof *divs.data, cmp_long);
  TermId num = n, den = term_mk_int_si(TM, d);
  /* Ascending, so that the largest divisor ends outermost (tried first). */
  for (size_t i = 0; i < divs.len; i++) {
    long k = divs.data[i];
    if (k == 1)
      continue;
    TermId kt = term_mk_int_si(TM, k);
    TermId divides = term_mk_eq(TM, term_mk_mod(TM, n, kt),
                                term_mk_int_si(TM, 0));
    num = term_mk_ite(TM, divides, term_mk_div(TM, n, kt), num);
    den = term_mk_ite(TM, divides, term_mk_int_si(TM, d / k), den);
  }
  VEC_FREE(divs);
  return frac(num, den);
}

static const char *op_name(const CommCall *c) {
  return sym_str(comm_def(c)->name);
}

static const char *module_name(const CommCall *c) {
  const Def *d = comm_def(c);
  const Def *o = d->origin ? d->origin : d;
  return sym_str(o->module->name);
}

/* The refusal for a case the encoding does not cover, where cond holds. */
static void refuse_where(CommCall *c, TermId cond, const char *why) {
  comm_error(c, cond,
             xsprintf("'%s' (module %s) %s is not supported by the symbolic "
                      "engine; use --engine explicit",
                      op_name(c), module_name(c), why),
             EXIT_OTHER);
}

/* if cases[i].cond then cases[i].val ... else the last value (the
 * conditions cover every case). */
typedef struct Case {
  TermId cond;
  SymVal *val;
} Case;

static SymVal *select_case(CommCall *c, Case *cases, size_t n) {
  SymVal *r = cases[n - 1].val;
  for (size_t i = n - 1; i-- > 0;) {
    r = sv_ite(cases[i].cond, cases[i].val, r);
    if (!r)
      fail_at(comm_site(c)->loc, EXIT_OTHER,
              "symbolic engine: the cases of '%s' (module %s) give values "
              "of different kinds",
              op_name(c), module_name(c));
  }
  return r;
}

/* ---- DyadicRationals ---- */

static bool is_pow2(long a) { return a >= 1 && (a & (a - 1)) == 0; }

/* IsDyadicRational(r) == \E i \in 0..r.den : 2^i = r.den */
static SymVal *c_is_dyadic(CommCall *c) {
  SymVal *r = comm_arg(c, 0);
  TermId def;
  SymVal *den = peek_int_field(r, "den", &def);
  LongVec vals = {0};
  if (!den || !int_leaves(den->t, &vals)) {
    VEC_FREE(vals);
    fail_at(comm_site(c)->loc, EXIT_OTHER,
            "symbolic engine: 'IsDyadicRational' (module DyadicRationals) "
            "is supported only on a record whose denominator is one of a "
            "few known constants (here it is not)");
  }
  field_error(c, term_true(TM), def);
  TermVec alts = {0};
  for (size_t i = 0; i < vals.len; i++)
    if (is_pow2(vals.data[i]))
      VEC_PUSH(alts, term_mk_eq(TM, den->t,
                                term_mk_int_si(TM, vals.data[i])));
  TermId res = term_mk_or(TM, alts.data, (uint32_t)alts.len);
  VEC_FREE(alts);
  VEC_FREE(vals);
  return sv_bool(res);
}

/* Half(p) == Reduced(Frac(p.num, 2 * p.den)) */
static SymVal *c_half(CommCall *c) {
  SymVal *p = comm_arg(c, 0);
  TermId dn, dd;
  SymVal *num = peek_int_field(p, "num", &dn);
  SymVal *den = peek_int_field(p, "den", &dd);
  LongVec vals = {0};
  if (!num || !den || !int_leaves(den->t, &vals)) {
    VEC_FREE(vals);
    return NULL;
  }
  field_error(c, term_true(TM), dn);
  field_error(c, term_true(TM), dd);
  Case *cases = xmalloc((vals.len + 1) * sizeof *cases);
  for (size_t i = 0; i < vals.len; i++) {
    long a = vals.data[i];
    TermId is = term_mk_eq(TM, den->t, term_mk_int_si(TM, a));
    cases[i].cond = is;
    if (a <= 0 || a > MAX_DIVIDED / 2) {
      refuse_where(c, is, "with a denominator that is not positive or is "
                          "very large");
      cases[i].val = frac(num->t, den->t);
    } else {
      cases[i].val = reduced(num->t, 2 * a);
    }
  }
  SymVal *r = select_case(c, cases, vals.len);
  free(cases);
  VEC_FREE(vals);
  return r;
}

/* Add(p, q) ==
 *   IF p = Zero THEN q ELSE
 *   LET d == IF p.den >= q.den THEN p.den ELSE q.den
 *   IN  Reduced(Frac(p.num * (d \div p.den) + q.num * (d \div q.den), d)) */
static SymVal *c_add(CommCall *c) {
  SymVal *p = comm_arg(c, 0), *q = comm_arg(c, 1);
  TermId dpn, dpd, dqn, dqd;
  SymVal *pn = peek_int_field(p, "num", &dpn);
  SymVal *pd = peek_int_field(p, "den", &dpd);
  SymVal *qn = peek_int_field(q, "num", &dqn);
  SymVal *qd = peek_int_field(q, "den", &dqd);
  LongVec va = {0}, vb = {0};
  if (!pn || !pd || !qn || !qd || !int_leaves(pd->t, &va) ||
      !int_leaves(qd->t, &vb) || va.len * vb.len > MAX_CASES) {
    VEC_FREE(va);
    VEC_FREE(vb);
    return NULL;
  }
  TermId zero = term_mk_int_si(TM, 0), one = term_mk_int_si(TM, 1);
  /* p and q are functions: comparing p with Zero is no error. */
  TermId is_zero = sv_equal(p, frac(zero, one));
  TermId go = term_mk_not(TM, is_zero);
  field_error(c, go, dpd);
  field_error(c, go, dqd);
  field_error(c, go, dpn);
  field_error(c, go, dqn);
  size_t n = va.len * vb.len;
  Case *cases = xmalloc((n + 1) * sizeof *cases);
  size_t k = 0;
  for (size_t i = 0; i < va.len; i++)
    for (size_t j = 0; j < vb.len; j++, k++) {
      long a = va.data[i], b = vb.data[j];
      TermId is = term_mk_and2(TM, term_mk_eq(TM, pd->t, term_mk_int_si(TM, a)),
                               term_mk_eq(TM, qd->t, term_mk_int_si(TM, b)));
      cases[k].cond = is;
      long d = a >= b ? a : b;
      if (a <= 0 || b <= 0 || d > MAX_DIVIDED) {
        refuse_where(c, term_mk_and2(TM, go, is),
                     "with a denominator that is not positive or is very "
                     "large");
        cases[k].val = q;
        continue;
      }
      TermId sum = term_mk_add(
          TM, term_mk_mul(TM, pn->t, term_mk_int_si(TM, d / a)),
          term_mk_mul(TM, qn->t, term_mk_int_si(TM, d / b)));
      cases[k].val = reduced(sum, d);
    }
  SymVal *r = select_case(c, cases, n);
  free(cases);
  VEC_FREE(va);
  VEC_FREE(vb);
  r = sv_ite(is_zero, q, r);
  if (!r)
    fail_at(comm_site(c)->loc, EXIT_OTHER,
            "symbolic engine: 'Add' (module DyadicRationals): its two "
            "results are of different kinds");
  return r;
}

/* ---- folds ---- */

/* The members of a set (or the keys of a function) in value order, equal
 * keys merged: key, membership and, for a function, the value there. */
typedef struct Elem {
  Value *v;
  SymVal *key;
  TermId mem;
} Elem;

static int cmp_elem(const void *a, const void *b) {
  return val_cmp(((const Elem *)a)->v, ((const Elem *)b)->v);
}

/* NULL when a key is not a constant (the order is then symbolic). */
static Elem *sorted_elems(const SymVal *s, size_t *n) {
  Elem *el = xmalloc((s->n + 1) * sizeof *el);
  size_t m = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    Value *v;
    if (!sv_is_const(s->cells[i].key, &v)) {
      free(el);
      return NULL;
    }
    el[m++] = (Elem){v, s->cells[i].key, s->cells[i].mem};
  }
  /* Stable enough: equal keys are merged below, memberships or-ed. */
  qsort(el, m, sizeof *el, cmp_elem);
  size_t out = 0;
  for (size_t i = 0; i < m; i++) {
    if (out > 0 && val_cmp(el[out - 1].v, el[i].v) == 0) {
      el[out - 1].mem = term_mk_or2(TM, el[out - 1].mem, el[i].mem);
      continue;
    }
    el[out++] = el[i];
  }
  *n = out;
  return el;
}

/* op(f(x1), op(f(x2), ... op(f(xm), base))) over the members of s (a set:
 * of its elements; a function: of its domain) in value order, where f(x)
 * is x itself (fun NULL) or fun[x].  NULL when s has symbolic keys. */
static SymVal *fold(CommCall *c, int op, SymVal *base, SymVal *s,
                    SymVal *fun) {
  if (s->kind != SV_SET && s->kind != SV_FUN)
    return NULL;
  if (fun && fun->kind != SV_FUN)
    return NULL;
  size_t n;
  Elem *el = sorted_elems(s, &n);
  if (!el)
    return NULL;
  SymVal *acc = base;
  for (size_t i = n; i-- > 0;) {
    if (term_is_false(TM, el[i].mem))
      continue;
    SymVal *x = el[i].key;
    if (fun) {
      x = comm_apply_fun(c, fun, x, el[i].mem);
      if (!x)
        x = sv_any();
    }
    SymVal *args[2] = {x, acc};
    SymVal *r = comm_apply_op(c, op, args, 2, el[i].mem);
    SymVal *next = sv_ite(el[i].mem, r, acc);
    if (!next) {
      free(el);
      fail_at(comm_site(c)->loc, EXIT_OTHER,
              "symbolic engine: '%s' (module %s): the operator gives values "
              "of another kind than the base",
              op_name(c), module_name(c));
    }
    acc = next;
  }
  free(el);
  return acc;
}

/* FoldSet(op(_,_), base, set) */
static SymVal *c_fold_set(CommCall *c) {
  SymVal *base = comm_arg(c, 1), *s = comm_arg(c, 2);
  if (s->kind != SV_SET)
    return NULL;
  return fold(c, 0, base, s, NULL);
}

/* FoldFunction(op(_,_), base, fun) */
static SymVal *c_fold_function(CommCall *c) {
  SymVal *base = comm_arg(c, 1), *f = comm_arg(c, 2);
  if (f->kind != SV_FUN)
    return NULL;
  return fold(c, 0, base, sv_domain(f), f);
}

/* FoldFunctionOnSet(op(_,_), base, fun, indices) */
static SymVal *c_fold_function_on_set(CommCall *c) {
  SymVal *base = comm_arg(c, 1), *f = comm_arg(c, 2), *s = comm_arg(c, 3);
  if (f->kind != SV_FUN || s->kind != SV_SET)
    return NULL;
  return fold(c, 0, base, s, f);
}

/* SumSet(set): the sum of its members (FoldSet with +). */
static SymVal *c_sum_set(CommCall *c) {
  SymVal *s = comm_arg(c, 0);
  if (s->kind != SV_SET)
    return NULL;
  size_t n;
  Elem *el = sorted_elems(s, &n);
  if (!el)
    return NULL;
  TermId sum = term_mk_int_si(TM, 0);
  for (size_t i = 0; i < n; i++) {
    if (el[i].key->kind != SV_INT) {
      /* Adding a non-integer is an error of +; the definition says so. */
      free(el);
      return NULL;
    }
    sum = term_mk_add(TM, sum, term_mk_ite(TM, el[i].mem, el[i].key->t,
                                           term_mk_int_si(TM, 0)));
  }
  free(el);
  return sv_int(sum);
}

/* ---- operators only the evaluator implements ---- */

static SymVal *c_refuse(CommCall *c) {
  comm_error(c, term_true(TM),
             xsprintf("'%s' (module %s) is not supported by the symbolic "
                      "engine (brink's evaluator implements it); use "
                      "--engine explicit",
                      op_name(c), module_name(c)),
             EXIT_OTHER);
  return sv_any();
}

/* Is the body of d a call of its module's LOCAL Fail (the placeholder of
 * an operator brink's evaluator implements natively)? */
static bool placeholder(const Def *d) {
  Expr *b = d->body;
  return b && b->kind == EX_OP && b->ref.kind == REF_DEF &&
         b->ref.u.def->module == d->module &&
         strcmp(sym_str(b->ref.u.def->name), "Fail") == 0;
}

/* ---- the table ---- */

typedef struct CommEntry {
  const char *module, *name;
  int arity;
  CommFn fn;
} CommEntry;

static const CommEntry encodings[] = {
    {"DyadicRationals", "IsDyadicRational", 1, c_is_dyadic},
    {"DyadicRationals", "Half", 1, c_half},
    {"DyadicRationals", "Add", 2, c_add},
    {"FiniteSetsExt", "FoldSet", 3, c_fold_set},
    {"FiniteSetsExt", "SumSet", 1, c_sum_set},
    {"Functions", "FoldFunction", 3, c_fold_function},
    {"Functions", "FoldFunctionOnSet", 4, c_fold_function_on_set},
};

/* The encoding of the shipped definition d (looked through INSTANCE
 * copies), or NULL. */
static CommFn comm_lookup(const Def *d) {
  const Def *o = d->origin ? d->origin : d;
  if (!o->module || !o->module->builtin || o->kind != DEF_OP ||
      o->nparams != d->nparams)
    return NULL;
  const char *m = sym_str(o->module->name), *n = sym_str(o->name);
  for (size_t i = 0; i < sizeof encodings / sizeof *encodings; i++)
    if (encodings[i].arity == o->nparams && !strcmp(encodings[i].name, n) &&
        !strcmp(encodings[i].module, m))
      return encodings[i].fn;
  if (native_lookup(m, n, o->nparams) && placeholder(o))
    return c_refuse;
  return NULL;
}

/* The call e of the shipped definition d through its encoding, or NULL
 * when it has none or declines (d is then unfolded). */
SymVal *comm_call(Enc *E, Expr *e, Def *d, Bind *env) {
  CommFn f = d->nparams <= COMM_MAX_ARGS ? comm_lookup(d) : NULL;
  if (!f)
    return NULL;
  CommCall c = {E, e, d, env, {0}};
  return f(&c);
}
