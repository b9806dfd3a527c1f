/* enabled.c -- ENABLED A, by eliminating the choices of A's encoding.
 *
 * A is encoded from the current state into a partial next state of its
 * own, and the existential over the choice variables that encoding made is
 * eliminated by expansion over their finite ranges (described below) (the
 * twin of src/eval's enabled.c). */
#include "encint.h"
#include "instance.h"

/* ---- ENABLED ----
 *
 * ENABLED A holds in a state when A has a successor there: A is encoded
 * from the current state into a partial next state of its own, as a step
 * is, and its guard is true for some values of the choice variables the
 * encoding made (selectors, picks, elements).  An existential is exact
 * only where it occurs positively, and ENABLED is as often negated (~ENABLED
 * A in a guard, an invariant ~ENABLED Next <=> Done), so the choices are
 * eliminated: the guard becomes the disjunction of its instances over each
 * choice variable's finite range.  Choices from an infinite set, or too
 * many of them, are refused.
 *
 * TLC evaluates ENABLED by enumerating A's successors and stops at the
 * first one; an evaluation error inside A happens only before that.  When
 * A does not branch (no \/, \E or x' \in S at the level of actions) there
 * is one path, whose success comes last, so its errors are recorded as
 * they are.  Otherwise an error is recorded where A is not enabled (the
 * enumeration is then complete); one that could only come with A enabled
 * depends on the enumeration order, and is recorded as a refusal
 * (EXIT_OTHER) for the solver to find if it is reachable, never as a
 * verdict. */

#define MAX_CHOICE_RANGE 4096     /* values one choice variable may take */
#define MAX_ENABLED_TERMS 2000000 /* terms the elimination may create */

/* Eliminating one choice variable v from a Bool term: ∃v.t, pushed
 * inward where v does not occur everywhere (through \/, through an ite
 * whose condition does not mention v, to the conjuncts of a conjunction
 * that mention it), and expanded over v's values where it must be.
 * A term mentioning v was made after v (hash-consing builds children
 * first), so ids below v need no look. */
typedef struct Elim {
  TermMgr *tm;
  TermId v;
  const TermId *vals;
  size_t nvals;
  uint32_t size;  /* room in occ and memo */
  uint8_t *occ;   /* by id - v: 0 unknown, 1 v absent, 2 v present */
  TermId *memo;   /* by id - v: the result */
  uint32_t start, max; /* the term count before, the terms it may make */
  bool over;      /* it made more: the result is not to be used */
} Elim;

/* Makes room in the memo arrays for the terms made so far. */
static void elim_grow(Elim *x) {
  uint32_t size = term_count(x->tm) - x->v + 1;
  if (size <= x->size)
    return;
  x->occ = xrealloc(x->occ, size);
  memset(x->occ + x->size, 0, size - x->size);
  x->memo = xrealloc(x->memo, size * sizeof *x->memo);
  memset(x->memo + x->size, 0, (size - x->size) * sizeof *x->memo);
  x->size = size;
}

static bool elim_occurs(Elim *x, TermId t) {
  if (t < x->v)
    return false;
  if (t == x->v)
    return true;
  uint32_t i = t - x->v;
  if (i >= x->size)
    elim_grow(x);
  if (!x->occ[i]) {
    bool r = false;
    for (uint32_t k = 0; k < term_nargs(x->tm, t) && !r; k++)
      r = elim_occurs(x, term_arg(x->tm, t, k));
    x->occ[i] = r ? 2 : 1;
  }
  return x->occ[i] == 2;
}

static TermId elim(Elim *x, TermId t) {
  if (x->over || !elim_occurs(x, t))
    return t;
  uint32_t i = t - x->v;
  if (x->memo[i])
    return x->memo[i];
  TermMgr *tm = x->tm;
  TermKind k = term_kind(tm, t);
  uint32_t n = term_nargs(tm, t);
  TermId r = TERM_NONE;
  if (k == TERM_OR) {
    TermId *a = xmalloc((n + 1) * sizeof *a);
    for (uint32_t j = 0; j < n; j++)
      a[j] = elim(x, term_arg(tm, t, j));
    r = term_mk_or(tm, a, n);
    free(a);
  } else if (k == TERM_ITE && term_sort(tm, t) == SORT_BOOL &&
             !elim_occurs(x, term_arg(tm, t, 0))) {
    r = term_mk_ite(tm, term_arg(tm, t, 0), elim(x, term_arg(tm, t, 1)),
                    elim(x, term_arg(tm, t, 2)));
  } else if (k == TERM_AND) {
    /* (∃v. the conjuncts with v) /\ the others */
    TermId *with = xmalloc((n + 1) * sizeof *with);
    TermId *rest = xmalloc((n + 2) * sizeof *rest);
    uint32_t nw = 0, nr = 0;
    for (uint32_t j = 0; j < n; j++) {
      TermId c = term_arg(tm, t, j);
      if (elim_occurs(x, c))
        with[nw++] = c;
      else
        rest[nr++] = c;
    }
    if (nw == 1)
      rest[nr++] = elim(x, with[0]);
    else if (nr > 0)
      rest[nr++] = elim(x, term_mk_and(tm, with, nw));
    if (nw == 1 || nr > 0)
      r = term_mk_and(tm, rest, nr);
    free(with);
    free(rest);
  }
  if (!r) {
    TermId *a = xmalloc((x->nvals + 1) * sizeof *a);
    size_t j = 0;
    for (; j < x->nvals && !x->over; j++) {
      a[j] = term_subst(tm, t, &x->v, &x->vals[j], 1);
      x->over = term_count(tm) - x->start > x->max;
    }
    r = term_mk_or(tm, a, (uint32_t)j);
    free(a);
  }
  x->memo[i] = r;
  return r;
}

/* ∃ over the choice variables of g (those made since mark), latest first:
 * the selectors of a disjunction, made after its branches, split the term
 * into the branches, in which the branches' own choices are then local.
 * TERM_NONE when a choice has no finite range of at most MAX_CHOICE_RANGE
 * values (*too_many false) or the expansion makes more than max_terms
 * terms (*too_many true). */
static TermId exists_choices_within(TermMgr *tm, TermId g, TermId mark,
                                    uint32_t max_terms, bool *too_many) {
  TermId *vars;
  size_t n;
  term_vars_since(tm, g, mark, &vars, &n);
  uint32_t start = term_count(tm);
  mpz_t lo, hi, c;
  mpz_inits(lo, hi, c, NULL);
  VEC(TermId) vals = {0};
  *too_many = false;
  for (size_t i = n; i-- > 0 && g;) {
    TermId v = vars[i];
    vals.len = 0;
    if (term_sort(tm, v) == SORT_BOOL) {
      VEC_PUSH(vals, term_false(tm));
      VEC_PUSH(vals, term_true(tm));
    } else {
      bool ok = term_var_bounds(tm, v, lo, hi);
      mpz_sub(c, hi, lo);
      if (!ok || mpz_cmp_si(c, MAX_CHOICE_RANGE) >= 0) {
        g = TERM_NONE;
        break;
      }
      for (mpz_set(c, lo); mpz_cmp(c, hi) <= 0; mpz_add_ui(c, c, 1))
        VEC_PUSH(vals, term_mk_int(tm, c));
    }
    Elim x = {tm, v, vals.data, vals.len, 0, NULL, NULL, start, max_terms,
              false};
    elim_grow(&x);
    g = elim(&x, g);
    free(x.occ);
    free(x.memo);
    if (x.over || term_count(tm) - start > max_terms) {
      *too_many = true;
      g = TERM_NONE;
    }
  }
  VEC_FREE(vals);
  free(vars);
  mpz_clears(lo, hi, c, NULL);
  return g;
}

static TermId exists_choices(Enc *E, Expr *at, TermId g, TermId mark) {
  bool too_many;
  TermId r = exists_choices_within(T, g, mark, MAX_ENABLED_TERMS, &too_many);
  if (r == TERM_NONE && too_many)
    unsupported(at, "ENABLED of this action has too many combinations of "
                    "choices to encode (more than %d terms)",
                MAX_ENABLED_TERMS);
  if (r == TERM_NONE)
    unsupported(at, "ENABLED of an action that chooses from an infinite "
                    "or very large set (more than %d values) cannot be "
                    "encoded",
                MAX_CHOICE_RANGE);
  return r;
}

TermId enc_exists_choices(Enc *e, TermId g, TermId mark, uint32_t max_terms) {
  (void)e;
  bool too_many;
  return exists_choices_within(sv_mgr(), g, mark, max_terms, &too_many);
}

/* The action encoded from the current state into a partial next state of
 * its own, as a step is: its guard over the choice variables made from
 * *mark on; *one_path when the action does not branch. */
static TermId action_guard(Enc *E, Expr *action, Bind *env, TermId *mark,
                           bool *one_path) {
  SymVal **nxt = E->nxt;
  TermId *asg = E->asg;
  E->nxt = xcalloc((size_t)E->nvars + 1, sizeof *E->nxt);
  E->asg = xmalloc(((size_t)E->nvars + 1) * sizeof *E->asg);
  for (int v = 0; v < E->nvars; v++)
    E->asg[v] = term_false(T);
  E->nxt_epoch++;
  *mark = term_count(T);
  unsigned branchings = E->branchings;
  TermId g = enc_act(E, action, env);
  *one_path = E->branchings == branchings;
  free(E->nxt);
  free(E->asg);
  E->nxt = nxt;
  E->asg = asg;
  E->nxt_epoch++;
  return g;
}

TermId enc_enabled_guard_of(Enc *E, Expr *e, Bind *env, TermId *mark) {
  if (E->primed || E->init_mode || !E->cur || inst_enabled_of(e) ||
      inst_enabled_refused(e))
    return TERM_NONE;
  bool one_path;
  return action_guard(E, e->args[0], env, mark, &one_path);
}

/* ENABLED of action (e's argument, or an instance's twin of it) from the
 * current state. */
static SymVal *enabled_of(Enc *E, Expr *e, Expr *action, Bind *env) {
  size_t err_from = E->errs->len;
  TermId mark;
  bool one_path;
  TermId g = action_guard(E, action, env, &mark, &one_path);
  TermId en = exists_choices(E, e, g, mark);
  size_t err_to = one_path ? err_from : E->errs->len;
  for (size_t i = err_from; i < err_to; i++) {
    WdErr w = E->errs->data[i];
    E->errs->data[i].cond = term_mk_and2(T, w.cond, term_mk_not(T, en));
    w.cond = term_mk_and2(T, w.cond, en);
    w.code = EXIT_OTHER;
    w.msg = xsprintf("%s -- inside ENABLED where the action also has a "
                     "successor; whether TLC meets this error depends on the "
                     "order it enumerates successors in, which the symbolic "
                     "engine does not follow (use --engine explicit)",
                     w.msg);
    if (!term_is_false(T, w.cond))
      VEC_PUSH(*E->errs, w);
  }
  return sv_bool(en);
}

/* ENABLED of an instantiated module's action under a substitution
 * (instance.h): on the state of the module's own variables that the
 * substitution maps the current state to, as the evaluator does.  The
 * definitions memoised on that state are forgotten afterwards (E->gen):
 * the memo knows a state by its address, which a later one may reuse. */
static SymVal *enabled_inst(Enc *E, Expr *e, const InstEnabled *t,
                            Bind *env) {
  SymVal **mod = xcalloc((size_t)t->nvars + 1, sizeof *mod);
  for (int k = 0; k < t->nvars; k++)
    mod[k] = enc(E, t->values[k], env);
  SymVal **cur = E->cur;
  int nvars = E->nvars;
  E->cur = mod;
  E->nvars = t->nvars;
  SymVal *r = enabled_of(E, e, t->arg, env);
  E->cur = cur;
  E->nvars = nvars;
  E->gen++;
  free(mod);
  return r;
}

SymVal *enc_enabled(Enc *E, Expr *e, Bind *env) {
  if (E->primed || E->init_mode || !E->cur)
    unsupported(e, "ENABLED needs a current state (not in Init, nor under a "
                   "prime)");
  const InstEnabled *t = inst_enabled_of(e);
  if (t)
    return enabled_inst(E, e, t, env);
  if (inst_enabled_refused(e))
    fail_at(e->loc, EXIT_OTHER, ENABLED_REFUSAL);
  return enabled_of(E, e, e->args[0], env);
}
