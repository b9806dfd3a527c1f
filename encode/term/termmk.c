/* termmk.c -- smart constructors over the raw term table.
 *
 * Every term_mk_* applies its cheap local rules first and only then asks
 * term_raw for the node (the way ABC's Gia_ManHashAnd tries the trivial
 * cases before the table lookup), so the table never holds a node that one
 * of these rules would have rewritten.  The rules preserve the invariants
 * the encoder and the back ends rely on:
 *   - AND/OR arguments are flattened, free of the neutral and absorbing
 *     constants, duplicate-free, sorted by id and never contain both x and
 *     NOT x; ADD arguments are flattened and sorted by id with at most one
 *     constant, which comes last and is not 0;
 *   - EQ arguments are ordered by id; a MUL by a constant has it first;
 *   - operators applied to constants only are folded with GMP, except DIV
 *     and MOD by 0 (TLA+ leaves those undefined; the encoder guards them);
 *   - a DIV of a DIV by positive constants is one DIV, as is a MOD of a
 *     MOD by a positive multiple of its divisor.
 * Arguments are sort-checked with assert(). */
#include "term.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef VEC(TermId) TermVec;

static bool tmk_is_const(const TermMgr *tm, TermId t) {
  TermKind k = term_kind(tm, t);
  return k == TERM_FALSE || k == TERM_TRUE || k == TERM_INTCONST;
}

static bool tmk_is_bool(const TermMgr *tm, TermId t) {
  return term_sort(tm, t) == SORT_BOOL;
}

static bool tmk_is_int(const TermMgr *tm, TermId t) {
  return term_sort(tm, t) == SORT_INT;
}

/* True when t is the integer constant v. */
static bool tmk_is_int_si(const TermMgr *tm, TermId t, long v) {
  if (!term_is_int_const(tm, t))
    return false;
  mpz_t x;
  mpz_init(x);
  term_int_value(tm, t, x);
  bool r = mpz_cmp_si(x, v) == 0;
  mpz_clear(x);
  return r;
}

static int tmk_cmp_id(const void *a, const void *b) {
  TermId x = *(const TermId *)a, y = *(const TermId *)b;
  return (x > y) - (x < y);
}

static bool tmk_contains(const TermVec *v, TermId t) {
  return bsearch(&t, v->data, v->len, sizeof(TermId), tmk_cmp_id) != NULL;
}

/* ---- constants and variables ---- */

TermId term_true(TermMgr *tm) {
  return term_raw(tm, TERM_TRUE, SORT_BOOL, NULL, 0);
}

TermId term_false(TermMgr *tm) {
  return term_raw(tm, TERM_FALSE, SORT_BOOL, NULL, 0);
}

TermId term_mk_bool(TermMgr *tm, bool b) {
  return b ? term_true(tm) : term_false(tm);
}

TermId term_mk_int(TermMgr *tm, const mpz_t v) { return term_raw_int(tm, v); }

TermId term_mk_int_si(TermMgr *tm, long v) {
  mpz_t x;
  mpz_init_set_si(x, v);
  TermId t = term_raw_int(tm, x);
  mpz_clear(x);
  return t;
}

TermId term_mk_var(TermMgr *tm, const char *name, Sort s) {
  assert(name && *name && !sort_is_bv(s));
  return term_raw_var(tm, name, s);
}

/* The name is prefix!N with N the id the variable will get, so it is new
 * unless a variable was deliberately given such a name; then N moves on. */
TermId term_mk_fresh(TermMgr *tm, const char *prefix, Sort s) {
  for (uint32_t n = term_count(tm);; n++) {
    char *name = xsprintf("%s!%u", prefix, n);
    if (term_find_var(tm, name, s) == TERM_NONE) {
      TermId t = term_mk_var(tm, name, s);
      free(name);
      return t;
    }
    free(name);
  }
}

/* ---- Boolean connectives ---- */

TermId term_mk_not(TermMgr *tm, TermId a) {
  assert(tmk_is_bool(tm, a));
  switch (term_kind(tm, a)) {
  case TERM_TRUE:
    return term_false(tm);
  case TERM_FALSE:
    return term_true(tm);
  case TERM_NOT:
    return term_arg(tm, a, 0);
  default:
    return term_raw(tm, TERM_NOT, SORT_BOOL, &a, 1);
  }
}

/* AND (k = TERM_AND) or OR (k = TERM_OR) of a[0..n). */
static TermId tmk_andor(TermMgr *tm, TermKind k, const TermId *a, uint32_t n) {
  TermId unit = k == TERM_AND ? term_true(tm) : term_false(tm);
  TermId zero = k == TERM_AND ? term_false(tm) : term_true(tm);
  TermVec todo = {0}, args = {0};
  TermId result = TERM_NONE;
  for (uint32_t i = n; i-- > 0;)
    VEC_PUSH(todo, a[i]);
  while (todo.len) {
    TermId t = VEC_POP(todo);
    assert(tmk_is_bool(tm, t));
    if (t == zero) {
      result = zero;
      goto done;
    }
    if (t == unit)
      continue;
    if (term_kind(tm, t) == k) {
      for (uint32_t i = term_nargs(tm, t); i-- > 0;)
        VEC_PUSH(todo, term_arg(tm, t, i));
      continue;
    }
    VEC_PUSH(args, t);
  }
  if (args.len == 0) {
    result = unit;
    goto done;
  }
  qsort(args.data, args.len, sizeof(TermId), tmk_cmp_id);
  size_t m = 1;
  for (size_t i = 1; i < args.len; i++)
    if (args.data[i] != args.data[m - 1])
      args.data[m++] = args.data[i];
  args.len = m;
  for (size_t i = 0; i < args.len; i++) {
    TermId t = args.data[i];
    if (term_kind(tm, t) == TERM_NOT &&
        tmk_contains(&args, term_arg(tm, t, 0))) {
      result = zero;
      goto done;
    }
  }
  assert(args.len < UINT32_MAX);
  result = args.len == 1
               ? args.data[0]
               : term_raw(tm, k, SORT_BOOL, args.data, (uint32_t)args.len);
done:
  VEC_FREE(todo);
  VEC_FREE(args);
  return result;
}

TermId term_mk_and(TermMgr *tm, const TermId *a, uint32_t n) {
  return tmk_andor(tm, TERM_AND, a, n);
}

TermId term_mk_or(TermMgr *tm, const TermId *a, uint32_t n) {
  return tmk_andor(tm, TERM_OR, a, n);
}

TermId term_mk_and2(TermMgr *tm, TermId a, TermId b) {
  TermId args[2] = {a, b};
  return tmk_andor(tm, TERM_AND, args, 2);
}

TermId term_mk_or2(TermMgr *tm, TermId a, TermId b) {
  TermId args[2] = {a, b};
  return tmk_andor(tm, TERM_OR, args, 2);
}

TermId term_mk_implies(TermMgr *tm, TermId a, TermId b) {
  return term_mk_or2(tm, term_mk_not(tm, a), b);
}

TermId term_mk_iff(TermMgr *tm, TermId a, TermId b) {
  assert(tmk_is_bool(tm, a) && tmk_is_bool(tm, b));
  return term_mk_eq(tm, a, b);
}

TermId term_mk_ite(TermMgr *tm, TermId c, TermId a, TermId b) {
  assert(tmk_is_bool(tm, c));
  assert(term_sort(tm, a) == term_sort(tm, b));
  while (term_kind(tm, c) == TERM_NOT) {
    TermId t = a;
    a = b;
    b = t;
    c = term_arg(tm, c, 0);
  }
  if (term_is_true(tm, c))
    return a;
  if (term_is_false(tm, c))
    return b;
  /* ite(c, ite(c, x, y), z) = ite(c, x, z) and dually. */
  if (term_kind(tm, a) == TERM_ITE && term_arg(tm, a, 0) == c)
    a = term_arg(tm, a, 1);
  if (term_kind(tm, b) == TERM_ITE && term_arg(tm, b, 0) == c)
    b = term_arg(tm, b, 2);
  if (a == b)
    return a;
  if (tmk_is_bool(tm, a)) {
    if (a == c)
      a = term_true(tm);
    if (b == c)
      b = term_false(tm);
    bool at = term_is_true(tm, a), af = term_is_false(tm, a);
    bool bt = term_is_true(tm, b), bf = term_is_false(tm, b);
    if (at && bf)
      return c;
    if (af && bt)
      return term_mk_not(tm, c);
    if (at)
      return term_mk_or2(tm, c, b);
    if (af)
      return term_mk_and2(tm, term_mk_not(tm, c), b);
    if (bt)
      return term_mk_or2(tm, term_mk_not(tm, c), a);
    if (bf)
      return term_mk_and2(tm, c, a);
  }
  TermId args[3] = {c, a, b};
  return term_raw(tm, TERM_ITE, term_sort(tm, a), args, 3);
}

TermId term_mk_eq(TermMgr *tm, TermId a, TermId b) {
  assert(term_sort(tm, a) == term_sort(tm, b));
  if (a == b)
    return term_true(tm);
  /* Constants are hash-consed, so distinct ids are distinct values. */
  if (tmk_is_const(tm, a) && tmk_is_const(tm, b))
    return term_false(tm);
  if (tmk_is_bool(tm, a)) {
    if (tmk_is_const(tm, a)) {
      TermId t = a;
      a = b;
      b = t;
    }
    if (term_is_true(tm, b))
      return a;
    if (term_is_false(tm, b))
      return term_mk_not(tm, a);
    if ((term_kind(tm, a) == TERM_NOT && term_arg(tm, a, 0) == b) ||
        (term_kind(tm, b) == TERM_NOT && term_arg(tm, b, 0) == a))
      return term_false(tm);
  }
  TermId args[2] = {a < b ? a : b, a < b ? b : a};
  return term_raw(tm, TERM_EQ, SORT_BOOL, args, 2);
}

/* ---- integer arithmetic ---- */

/* LT (k = TERM_LT) or LE (k = TERM_LE). */
static TermId tmk_compare(TermMgr *tm, TermKind k, TermId a, TermId b) {
  assert(tmk_is_int(tm, a) && tmk_is_int(tm, b));
  if (a == b)
    return term_mk_bool(tm, k == TERM_LE);
  if (term_is_int_const(tm, a) && term_is_int_const(tm, b)) {
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    term_int_value(tm, a, x);
    term_int_value(tm, b, y);
    int c = mpz_cmp(x, y);
    mpz_clears(x, y, NULL);
    return term_mk_bool(tm, k == TERM_LT ? c < 0 : c <= 0);
  }
  TermId args[2] = {a, b};
  return term_raw(tm, k, SORT_BOOL, args, 2);
}

TermId term_mk_lt(TermMgr *tm, TermId a, TermId b) {
  return tmk_compare(tm, TERM_LT, a, b);
}

TermId term_mk_le(TermMgr *tm, TermId a, TermId b) {
  return tmk_compare(tm, TERM_LE, a, b);
}

TermId term_mk_add(TermMgr *tm, TermId a, TermId b) {
  assert(tmk_is_int(tm, a) && tmk_is_int(tm, b));
  TermVec todo = {0}, args = {0};
  mpz_t sum, v;
  mpz_inits(sum, v, NULL);
  VEC_PUSH(todo, b);
  VEC_PUSH(todo, a);
  while (todo.len) {
    TermId t = VEC_POP(todo);
    if (term_kind(tm, t) == TERM_ADD) {
      for (uint32_t i = term_nargs(tm, t); i-- > 0;)
        VEC_PUSH(todo, term_arg(tm, t, i));
    } else if (term_is_int_const(tm, t)) {
      term_int_value(tm, t, v);
      mpz_add(sum, sum, v);
    } else {
      VEC_PUSH(args, t);
    }
  }
  if (args.len > 1)
    qsort(args.data, args.len, sizeof(TermId), tmk_cmp_id);
  if (mpz_sgn(sum) != 0 || args.len == 0)
    VEC_PUSH(args, term_mk_int(tm, sum));
  assert(args.len < UINT32_MAX);
  TermId r = args.len == 1 ? args.data[0]
                           : term_raw(tm, TERM_ADD, SORT_INT, args.data,
                                      (uint32_t)args.len);
  mpz_clears(sum, v, NULL);
  VEC_FREE(todo);
  VEC_FREE(args);
  return r;
}

TermId term_mk_sub(TermMgr *tm, TermId a, TermId b) {
  return term_mk_add(tm, a, term_mk_neg(tm, b));
}

TermId term_mk_neg(TermMgr *tm, TermId a) {
  assert(tmk_is_int(tm, a));
  if (term_kind(tm, a) == TERM_NEG)
    return term_arg(tm, a, 0);
  if (term_is_int_const(tm, a)) {
    mpz_t v;
    mpz_init(v);
    term_int_value(tm, a, v);
    mpz_neg(v, v);
    TermId r = term_mk_int(tm, v);
    mpz_clear(v);
    return r;
  }
  return term_raw(tm, TERM_NEG, SORT_INT, &a, 1);
}

TermId term_mk_mul(TermMgr *tm, TermId a, TermId b) {
  assert(tmk_is_int(tm, a) && tmk_is_int(tm, b));
  if (term_is_int_const(tm, b) && !term_is_int_const(tm, a)) {
    TermId t = a;
    a = b;
    b = t;
  }
  if (term_is_int_const(tm, a)) {
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    term_int_value(tm, a, x);
    TermId r = TERM_NONE;
    if (term_is_int_const(tm, b)) {
      term_int_value(tm, b, y);
      mpz_mul(x, x, y);
      r = term_mk_int(tm, x);
    } else if (mpz_sgn(x) == 0) {
      r = a;
    } else if (mpz_cmp_si(x, 1) == 0) {
      r = b;
    } else if (mpz_cmp_si(x, -1) == 0) {
      r = term_mk_neg(tm, b);
    } else if (term_kind(tm, b) == TERM_MUL &&
               term_is_int_const(tm, term_arg(tm, b, 0))) {
      /* c1 * (c2 * x) = (c1 * c2) * x */
      term_int_value(tm, term_arg(tm, b, 0), y);
      mpz_mul(x, x, y);
      r = term_mk_mul(tm, term_mk_int(tm, x), term_arg(tm, b, 1));
    }
    mpz_clears(x, y, NULL);
    if (r != TERM_NONE)
      return r;
  } else if (b < a) {
    TermId t = a;
    a = b;
    b = t;
  }
  TermId args[2] = {a, b};
  return term_raw(tm, TERM_MUL, SORT_INT, args, 2);
}

/* DIV (k = TERM_DIV) or MOD (k = TERM_MOD), with floor semantics. */
static TermId tmk_divmod(TermMgr *tm, TermKind k, TermId a, TermId b) {
  assert(tmk_is_int(tm, a) && tmk_is_int(tm, b));
  if (term_is_int_const(tm, b)) {
    if (tmk_is_int_si(tm, b, 1))
      return k == TERM_DIV ? a : term_mk_int_si(tm, 0);
    if (term_is_int_const(tm, a) && !tmk_is_int_si(tm, b, 0)) {
      mpz_t x, y;
      mpz_inits(x, y, NULL);
      term_int_value(tm, a, x);
      term_int_value(tm, b, y);
      if (k == TERM_DIV)
        mpz_fdiv_q(x, x, y);
      else
        mpz_fdiv_r(x, x, y);
      TermId r = term_mk_int(tm, x);
      mpz_clears(x, y, NULL);
      return r;
    }
    /* For constants c1, c2 > 0: (x \div c1) \div c2 = x \div (c1 * c2),
     * and (x % c1) % c2 = x % c2 when c2 divides c1 (floor semantics, any
     * x), so that x \div 2 \div 2 and x \div 4 are one term. */
    if (term_kind(tm, a) == k && term_is_int_const(tm, term_arg(tm, a, 1))) {
      mpz_t c1, c2;
      mpz_inits(c1, c2, NULL);
      term_int_value(tm, term_arg(tm, a, 1), c1);
      term_int_value(tm, b, c2);
      TermId r = TERM_NONE;
      if (mpz_sgn(c1) > 0 && mpz_sgn(c2) > 0) {
        if (k == TERM_DIV) {
          mpz_mul(c1, c1, c2);
          r = tmk_divmod(tm, k, term_arg(tm, a, 0), term_mk_int(tm, c1));
        } else if (mpz_divisible_p(c1, c2)) {
          r = tmk_divmod(tm, k, term_arg(tm, a, 0), b);
        }
      }
      mpz_clears(c1, c2, NULL);
      if (r != TERM_NONE)
        return r;
    }
  }
  TermId args[2] = {a, b};
  return term_raw(tm, k, SORT_INT, args, 2);
}

TermId term_mk_div(TermMgr *tm, TermId a, TermId b) {
  return tmk_divmod(tm, TERM_DIV, a, b);
}

TermId term_mk_mod(TermMgr *tm, TermId a, TermId b) {
  return tmk_divmod(tm, TERM_MOD, a, b);
}

/* ---- traversal and substitution ---- */

/* Post-order over the DAG below t, each node once (seen is indexed by id). */
static void tmk_collect(const TermMgr *tm, TermId t, TermId min_id,
                        uint8_t *seen, TermVec *out) {
  TermVec stack = {0};
  VEC_PUSH(stack, t);
  while (stack.len) {
    TermId u = stack.data[--stack.len];
    if (seen[u])
      continue;
    seen[u] = 1;
    if (term_kind(tm, u) == TERM_VAR) {
      if (u >= min_id)
        VEC_PUSH(*out, u);
      continue;
    }
    for (uint32_t i = 0; i < term_nargs(tm, u); i++)
      VEC_PUSH(stack, term_arg(tm, u, i));
  }
  VEC_FREE(stack);
}

void term_vars_since(const TermMgr *tm, TermId t, TermId min_id, TermId **out,
                     size_t *n) {
  uint8_t *seen = xcalloc(term_count(tm) + 1, 1);
  TermVec v = {0};
  tmk_collect(tm, t, min_id, seen, &v);
  free(seen);
  if (v.len) /* qsort's array must not be NULL, even when empty */
    qsort(v.data, v.len, sizeof *v.data, tmk_cmp_id);
  *out = v.data;
  *n = v.len;
}

/* Rebuilds node t with new arguments through the smart constructors. */
static TermId tmk_rebuild(TermMgr *tm, TermId t, const TermId *a, uint32_t n) {
  switch (term_kind(tm, t)) {
  case TERM_NOT:
    return term_mk_not(tm, a[0]);
  case TERM_AND:
    return term_mk_and(tm, a, n);
  case TERM_OR:
    return term_mk_or(tm, a, n);
  case TERM_ITE:
    return term_mk_ite(tm, a[0], a[1], a[2]);
  case TERM_EQ:
    return term_mk_eq(tm, a[0], a[1]);
  case TERM_LT:
    return term_mk_lt(tm, a[0], a[1]);
  case TERM_LE:
    return term_mk_le(tm, a[0], a[1]);
  case TERM_ADD: {
    TermId r = a[0];
    for (uint32_t i = 1; i < n; i++)
      r = term_mk_add(tm, r, a[i]);
    return r;
  }
  case TERM_MUL:
    return term_mk_mul(tm, a[0], a[1]);
  case TERM_NEG:
    return term_mk_neg(tm, a[0]);
  case TERM_DIV:
    return term_mk_div(tm, a[0], a[1]);
  case TERM_MOD:
    return term_mk_mod(tm, a[0], a[1]);
  default:
    return t; /* leaves */
  }
}

TermId term_subst(TermMgr *tm, TermId t, const TermId *from, const TermId *to,
                  size_t n) {
  uint32_t cap = term_count(tm) + 1;
  TermId *memo = xcalloc(cap, sizeof *memo);
  for (size_t i = 0; i < n; i++)
    memo[from[i]] = to[i];
  uint8_t *seen = xcalloc(cap, 1);
  TermVec order = {0};
  /* Post-order of every node below t (variables included). */
  TermVec stack = {0};
  VEC_PUSH(stack, t);
  while (stack.len) {
    TermId u = stack.data[stack.len - 1];
    if (seen[u] == 2 || memo[u]) {
      stack.len--;
      continue;
    }
    if (seen[u] == 0) {
      seen[u] = 1;
      for (uint32_t i = 0; i < term_nargs(tm, u); i++) {
        TermId c = term_arg(tm, u, i);
        if (!seen[c] && !memo[c])
          VEC_PUSH(stack, c);
      }
      continue;
    }
    seen[u] = 2;
    stack.len--;
    VEC_PUSH(order, u);
  }
  TermVec args = {0};
  for (size_t k = 0; k < order.len; k++) {
    TermId u = order.data[k];
    uint32_t na = term_nargs(tm, u);
    args.len = 0;
    bool changed = false;
    for (uint32_t i = 0; i < na; i++) {
      TermId c = term_arg(tm, u, i);
      TermId r = memo[c] ? memo[c] : c;
      changed |= r != c;
      VEC_PUSH(args, r);
    }
    memo[u] = changed ? tmk_rebuild(tm, u, args.data, na) : u;
  }
  TermId r = memo[t] ? memo[t] : t;
  free(memo);
  free(seen);
  VEC_FREE(order);
  VEC_FREE(stack);
  VEC_FREE(args);
  return r;
}


