/* termbounds.c -- integer bounds of terms (term_int_bounds).
 *
 * An interval per Int term, from its constants, ite branches, arithmetic
 * and the bounds the encoder gave its variables, computed bottom-up.  The
 * encoder asks for bounds again and again on terms that share most of
 * their cone (a frame's integers are built from the previous frame's), so
 * the intervals are kept for the whole run in a hash map from term id to
 * interval (termbounds.h): each term is measured once.  Before, every call
 * cleared and scanned an array over all terms made so far: on the Hanoi
 * corpus model (bitwise AND by recursion over symbolic towers) that was
 * quadratic, and encoding took 2.3 of 2.3 s at depth 6. */
#include "termbounds.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct Ival {
  bool lo_inf, hi_inf;
  mpz_t lo, hi;
} Ival;

struct TermBoundsMemo {
  TermId *keys;   /* open addressing, 0 = empty; power-of-2 capacity */
  uint32_t *slot; /* keys[i]'s interval in vals */
  size_t cap;
  VEC(Ival) vals;
  TermId max_id; /* the largest id with an interval */
};

TermBoundsMemo *term_bounds_memo_new(void) {
  return xcalloc(1, sizeof(TermBoundsMemo));
}

static void memo_clear(TermBoundsMemo *m) {
  for (size_t i = 0; i < m->vals.len; i++) {
    mpz_clear(m->vals.data[i].lo);
    mpz_clear(m->vals.data[i].hi);
  }
  m->vals.len = 0;
  if (m->keys)
    memset(m->keys, 0, m->cap * sizeof *m->keys);
  m->max_id = 0;
}

void term_bounds_memo_delete(TermBoundsMemo *m) {
  if (!m)
    return;
  memo_clear(m);
  VEC_FREE(m->vals);
  free(m->keys);
  free(m->slot);
  free(m);
}

void term_bounds_memo_forget(TermBoundsMemo *m, TermId var) {
  if (m->vals.len && m->max_id >= var)
    memo_clear(m);
}

static size_t memo_pos(const TermBoundsMemo *m, TermId t) {
  size_t mask = m->cap - 1;
  size_t i = (size_t)hash_mix(0x9e3779b97f4a7c15ull, t) & mask;
  while (m->keys[i] && m->keys[i] != t)
    i = (i + 1) & mask;
  return i;
}

/* The interval of t, or NULL when it was not computed yet. */
static Ival *memo_find(TermBoundsMemo *m, TermId t) {
  if (!m->cap)
    return NULL;
  size_t i = memo_pos(m, t);
  return m->keys[i] ? &m->vals.data[m->slot[i]] : NULL;
}

static void memo_grow(TermBoundsMemo *m) {
  TermId *ok = m->keys;
  uint32_t *os = m->slot;
  size_t ocap = m->cap;
  m->cap = ocap ? 2 * ocap : 1024;
  m->keys = xcalloc(m->cap, sizeof *m->keys);
  m->slot = xmalloc(m->cap * sizeof *m->slot);
  for (size_t i = 0; i < ocap; i++)
    if (ok[i]) {
      size_t j = memo_pos(m, ok[i]);
      m->keys[j] = ok[i];
      m->slot[j] = os[i];
    }
  free(ok);
  free(os);
}

/* A new interval for t (not in the memo), initialised to [0, 0]. */
static Ival *memo_add(TermBoundsMemo *m, TermId t) {
  if (2 * (m->vals.len + 1) > m->cap)
    memo_grow(m);
  size_t i = memo_pos(m, t);
  m->keys[i] = t;
  m->slot[i] = (uint32_t)m->vals.len;
  Ival v = {false, false, {{0}}, {{0}}};
  mpz_init(v.lo);
  mpz_init(v.hi);
  VEC_PUSH(m->vals, v);
  if (t > m->max_id)
    m->max_id = t;
  return &m->vals.data[m->vals.len - 1];
}

static void ival_top(Ival *r) {
  r->lo_inf = r->hi_inf = true;
}

/* r = a op b for + and * (corners); infinite ends make the result open. */
static void ival_add(Ival *r, const Ival *a, const Ival *b) {
  r->lo_inf = a->lo_inf || b->lo_inf;
  r->hi_inf = a->hi_inf || b->hi_inf;
  if (!r->lo_inf)
    mpz_add(r->lo, a->lo, b->lo);
  if (!r->hi_inf)
    mpz_add(r->hi, a->hi, b->hi);
}

static void ival_mul(Ival *r, const Ival *a, const Ival *b) {
  if (a->lo_inf || a->hi_inf || b->lo_inf || b->hi_inf) {
    ival_top(r);
    return;
  }
  mpz_t c[4];
  for (int i = 0; i < 4; i++)
    mpz_init(c[i]);
  mpz_mul(c[0], a->lo, b->lo);
  mpz_mul(c[1], a->lo, b->hi);
  mpz_mul(c[2], a->hi, b->lo);
  mpz_mul(c[3], a->hi, b->hi);
  mpz_set(r->lo, c[0]);
  mpz_set(r->hi, c[0]);
  for (int i = 1; i < 4; i++) {
    if (mpz_cmp(c[i], r->lo) < 0)
      mpz_set(r->lo, c[i]);
    if (mpz_cmp(c[i], r->hi) > 0)
      mpz_set(r->hi, c[i]);
  }
  for (int i = 0; i < 4; i++)
    mpz_clear(c[i]);
}

static void ival_join(Ival *r, const Ival *a, const Ival *b) {
  r->lo_inf = a->lo_inf || b->lo_inf;
  r->hi_inf = a->hi_inf || b->hi_inf;
  if (!r->lo_inf)
    mpz_set(r->lo, mpz_cmp(a->lo, b->lo) < 0 ? a->lo : b->lo);
  if (!r->hi_inf)
    mpz_set(r->hi, mpz_cmp(a->hi, b->hi) > 0 ? a->hi : b->hi);
}

/* The interval of t, whose Int arguments' intervals are in the memo.  The
 * memo may grow when t is added, so pointers into it are taken after. */
static void ival_compute(const TermMgr *tm, TermBoundsMemo *m, TermId t) {
  uint32_t n = term_nargs(tm, t);
  Ival *r = memo_add(m, t);
#define ARG(i) memo_find(m, term_arg(tm, t, (i)))
  switch (term_kind(tm, t)) {
  case TERM_INTCONST:
    term_int_value(tm, t, r->lo);
    mpz_set(r->hi, r->lo);
    break;
  case TERM_ITE:
    ival_join(r, ARG(1), ARG(2));
    break;
  case TERM_ADD: {
    ival_add(r, ARG(0), ARG(1));
    for (uint32_t i = 2; i < n; i++) {
      Ival acc = {r->lo_inf, r->hi_inf, {{0}}, {{0}}};
      mpz_init_set(acc.lo, r->lo);
      mpz_init_set(acc.hi, r->hi);
      ival_add(r, &acc, ARG(i));
      mpz_clear(acc.lo);
      mpz_clear(acc.hi);
    }
    break;
  }
  case TERM_MUL:
    ival_mul(r, ARG(0), ARG(1));
    break;
  case TERM_NEG: {
    const Ival *a = ARG(0);
    r->lo_inf = a->hi_inf;
    r->hi_inf = a->lo_inf;
    if (!r->lo_inf)
      mpz_neg(r->lo, a->hi);
    if (!r->hi_inf)
      mpz_neg(r->hi, a->lo);
    break;
  }
  case TERM_MOD: {
    /* x % c for a constant c > 0 lies in 0..c-1. */
    const Ival *b = ARG(1);
    if (!b->lo_inf && !b->hi_inf && mpz_cmp(b->lo, b->hi) == 0 &&
        mpz_sgn(b->lo) > 0) {
      mpz_set_ui(r->lo, 0);
      mpz_sub_ui(r->hi, b->lo, 1);
    } else {
      ival_top(r);
    }
    break;
  }
  case TERM_DIV: {
    const Ival *a = ARG(0), *b = ARG(1);
    if (!a->lo_inf && !a->hi_inf && !b->lo_inf && !b->hi_inf &&
        mpz_cmp(b->lo, b->hi) == 0 && mpz_sgn(b->lo) > 0) {
      mpz_fdiv_q(r->lo, a->lo, b->lo);
      mpz_fdiv_q(r->hi, a->hi, b->lo);
    } else {
      ival_top(r);
    }
    break;
  }
  default: /* variables: bounded when the encoder said so */
    if (!term_var_bounds(tm, t, r->lo, r->hi))
      ival_top(r);
  }
#undef ARG
}

/* The interval of t, after those of the Int terms below it that the memo
 * lacks, in post-order on an explicit stack (ite chains run deep). */
static const Ival *ival_of(const TermMgr *tm, TermBoundsMemo *m, TermId t) {
  Ival *r = memo_find(m, t);
  if (r)
    return r;
  VEC(TermId) stack = {0};
  VEC_PUSH(stack, t);
  while (stack.len) {
    TermId u = stack.data[stack.len - 1];
    if (memo_find(m, u)) {
      stack.len--;
      continue;
    }
    bool ready = true;
    for (uint32_t i = 0; i < term_nargs(tm, u); i++) {
      TermId a = term_arg(tm, u, i);
      if (term_sort(tm, a) == SORT_INT && !memo_find(m, a)) {
        VEC_PUSH(stack, a);
        ready = false;
      }
    }
    if (ready) {
      ival_compute(tm, m, u);
      stack.len--;
    }
  }
  VEC_FREE(stack);
  return memo_find(m, t);
}

bool term_int_bounds(const TermMgr *tm, TermId t, mpz_t lo, mpz_t hi) {
  const Ival *r = ival_of(tm, term_bounds_memo(tm), t);
  bool ok = !r->lo_inf && !r->hi_inf;
  if (ok) {
    mpz_set(lo, r->lo);
    mpz_set(hi, r->hi);
  }
  return ok;
}
