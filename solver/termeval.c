/* termeval.c -- evaluating terms under an assignment, with GMP.
 *
 * Memo by term id: an epoch stamp says whether the slot holds a value of
 * the current assignment (term_eval_reset bumps the epoch, so resetting is
 * O(1)); Int slots keep their mpz_t once initialised and are reused. */
#include "termeval.h"

#include <assert.h>
#include <string.h>

struct TermEval {
  const TermMgr *tm;
  TermEvalVars vars;
  uint32_t epoch;
  uint32_t *stamp; /* by term id: epoch of the value held */
  bool *bval;
  mpz_t *ival;
  bool *iinit; /* ival[t] initialised */
  size_t cap;
};

TermEval *term_eval_new(const TermMgr *tm, TermEvalVars vars) {
  TermEval *e = xcalloc(1, sizeof *e);
  e->tm = tm;
  e->vars = vars;
  e->epoch = 1;
  return e;
}

void term_eval_delete(TermEval *e) {
  if (!e)
    return;
  for (size_t i = 0; i < e->cap; i++)
    if (e->iinit[i])
      mpz_clear(e->ival[i]);
  free(e->stamp);
  free(e->bval);
  free(e->ival);
  free(e->iinit);
  free(e);
}

void term_eval_reset(TermEval *e) {
  if (++e->epoch == 0) { /* wrapped: clear the stamps */
    memset(e->stamp, 0, e->cap * sizeof *e->stamp);
    e->epoch = 1;
  }
}

static void te_reserve(TermEval *e) {
  size_t need = term_count(e->tm);
  if (need <= e->cap)
    return;
  size_t ncap = e->cap ? 2 * e->cap : 1024;
  while (ncap < need)
    ncap *= 2;
  e->stamp = xrealloc(e->stamp, ncap * sizeof *e->stamp);
  e->bval = xrealloc(e->bval, ncap * sizeof *e->bval);
  e->ival = xrealloc(e->ival, ncap * sizeof *e->ival);
  e->iinit = xrealloc(e->iinit, ncap * sizeof *e->iinit);
  memset(e->stamp + e->cap, 0, (ncap - e->cap) * sizeof *e->stamp);
  memset(e->iinit + e->cap, 0, (ncap - e->cap) * sizeof *e->iinit);
  e->cap = ncap;
}

static bool te_done(const TermEval *e, TermId t) {
  return e->stamp[t] == e->epoch;
}

/* The value of t, whose arguments all have values. */
static void te_node(TermEval *e, TermId t) {
  const TermMgr *tm = e->tm;
  uint32_t n = term_nargs(tm, t);
  TermKind k = term_kind(tm, t);
  Sort s = term_sort(tm, t);
#define A(i) term_arg(tm, t, i)
#define B(i) e->bval[A(i)]
#define I(i) e->ival[A(i)]
  if (s == SORT_INT) {
    if (!e->iinit[t]) {
      mpz_init(e->ival[t]);
      e->iinit[t] = true;
    }
    mpz_ptr r = e->ival[t];
    switch (k) {
    case TERM_INTCONST:
      term_int_value(tm, t, r);
      break;
    case TERM_VAR:
      e->vars.get_int(e->vars.arg, t, r);
      break;
    case TERM_ITE:
      mpz_set(r, B(0) ? I(1) : I(2));
      break;
    case TERM_ADD:
      mpz_set(r, I(0));
      for (uint32_t i = 1; i < n; i++)
        mpz_add(r, r, I(i));
      break;
    case TERM_MUL:
      mpz_mul(r, I(0), I(1));
      break;
    case TERM_NEG:
      mpz_neg(r, I(0));
      break;
    case TERM_DIV:
      if (mpz_sgn(I(1)) == 0 && e->vars.get_div0)
        e->vars.get_div0(e->vars.arg, t, r);
      else if (mpz_sgn(I(1)) == 0)
        mpz_set_ui(r, 0);
      else
        mpz_fdiv_q(r, I(0), I(1));
      break;
    case TERM_MOD:
      if (mpz_sgn(I(1)) == 0 && e->vars.get_div0)
        e->vars.get_div0(e->vars.arg, t, r);
      else if (mpz_sgn(I(1)) == 0)
        mpz_set(r, I(0));
      else
        mpz_fdiv_r(r, I(0), I(1));
      break;
    default:
      assert(!"not an Int term");
      mpz_set_ui(r, 0);
    }
  } else {
    bool v = false;
    switch (k) {
    case TERM_FALSE:
      v = false;
      break;
    case TERM_TRUE:
      v = true;
      break;
    case TERM_VAR:
      v = s == SORT_BOOL && e->vars.get_bool(e->vars.arg, t);
      break;
    case TERM_NOT:
      v = !B(0);
      break;
    case TERM_AND:
      v = true;
      for (uint32_t i = 0; i < n && v; i++)
        v = B(i);
      break;
    case TERM_OR:
      for (uint32_t i = 0; i < n && !v; i++)
        v = B(i);
      break;
    case TERM_ITE:
      v = B(0) ? B(1) : B(2);
      break;
    case TERM_EQ:
      if (term_sort(tm, A(0)) == SORT_INT)
        v = mpz_cmp(I(0), I(1)) == 0;
      else
        v = B(0) == B(1);
      break;
    case TERM_LT:
      v = mpz_cmp(I(0), I(1)) < 0;
      break;
    case TERM_LE:
      v = mpz_cmp(I(0), I(1)) <= 0;
      break;
    default: /* bit-vector sorts: not evaluated */
      v = false;
    }
    e->bval[t] = v;
  }
#undef A
#undef B
#undef I
  e->stamp[t] = e->epoch;
}

static void te_term(TermEval *e, TermId root) {
  te_reserve(e);
  if (te_done(e, root))
    return;
  const TermMgr *tm = e->tm;
  VEC(TermId) stack = {0};
  VEC_PUSH(stack, root);
  while (stack.len) {
    TermId t = VEC_LAST(stack);
    if (te_done(e, t)) {
      stack.len--;
      continue;
    }
    bool ready = true;
    for (uint32_t i = term_nargs(tm, t); i-- > 0;) {
      TermId a = term_arg(tm, t, i);
      if (!te_done(e, a)) {
        VEC_PUSH(stack, a);
        ready = false;
      }
    }
    if (ready) {
      stack.len--;
      te_node(e, t);
    }
  }
  VEC_FREE(stack);
}

bool term_eval_bool(TermEval *e, TermId t) {
  assert(term_sort(e->tm, t) == SORT_BOOL);
  te_term(e, t);
  return e->bval[t];
}

void term_eval_int(TermEval *e, TermId t, mpz_t out) {
  assert(term_sort(e->tm, t) == SORT_INT);
  te_term(e, t);
  mpz_set(out, e->ival[t]);
}
