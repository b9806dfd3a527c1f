/* bv.c -- bit-vector circuits: ripple-carry adders, a shift-and-add
 * multiplier, a restoring divider with the sign corrections of floor
 * division, and comparators.  Everything is built through aig_and and
 * friends, so constant bits fold away: multiplying by a constant costs an
 * adder per one bit of the constant, and adding a narrow value to a wide
 * one only carries through the high bits. */
#include "bv.h"

#include <assert.h>
#include <string.h>

uint32_t bv_width_of(const mpz_t v) {
  if (mpz_sgn(v) >= 0)
    return mpz_sgn(v) == 0 ? 1 : (uint32_t)mpz_sizeinbase(v, 2) + 1;
  mpz_t t;
  mpz_init(t);
  mpz_com(t, v); /* -v - 1 >= 0 */
  uint32_t w = mpz_sgn(t) == 0 ? 1 : (uint32_t)mpz_sizeinbase(t, 2) + 1;
  mpz_clear(t);
  return w;
}

void bv_const(const mpz_t v, uint32_t w, AigLit *out) {
  for (uint32_t i = 0; i < w; i++)
    out[i] = mpz_tstbit(v, i) ? AIG_TRUE : AIG_FALSE;
}

void bv_resize(const AigLit *a, uint32_t wa, uint32_t w, AigLit *out) {
  assert(wa >= 1);
  for (uint32_t i = 0; i < w; i++)
    out[i] = a[i < wa ? i : wa - 1];
}

AigLit bv_fits(Aig *g, const AigLit *a, uint32_t wa, uint32_t w) {
  AigLit r = AIG_TRUE;
  for (uint32_t i = w; i < wa; i++)
    r = aig_and(g, r, aig_iff(g, a[i], a[w - 1]));
  return r;
}

/* out = a + b + cin mod 2^w. */
static void bv_add_carry(Aig *g, const AigLit *a, const AigLit *b,
                         AigLit cin, uint32_t w, AigLit *out) {
  AigLit c = cin;
  for (uint32_t i = 0; i < w; i++) {
    AigLit s = aig_xor3(g, a[i], b[i], c);
    if (i + 1 < w)
      c = aig_maj(g, a[i], b[i], c);
    out[i] = s;
  }
}

void bv_add(Aig *g, const AigLit *a, const AigLit *b, uint32_t w,
            AigLit *out) {
  bv_add_carry(g, a, b, AIG_FALSE, w, out);
}

void bv_neg(Aig *g, const AigLit *a, uint32_t w, AigLit *out) {
  AigLit c = AIG_TRUE; /* ~a + 1 */
  for (uint32_t i = 0; i < w; i++) {
    AigLit na = aig_not(a[i]);
    out[i] = aig_xor(g, na, c);
    c = aig_and(g, na, c);
  }
}

void bv_mul(Aig *g, const AigLit *a, const AigLit *b, uint32_t w,
            AigLit *out) {
  AigLit *pp = xmalloc(w * sizeof *pp);
  AigLit *acc = xmalloc(w * sizeof *acc);
  for (uint32_t i = 0; i < w; i++)
    out[i] = AIG_FALSE;
  for (uint32_t i = 0; i < w; i++) {
    if (b[i] == AIG_FALSE)
      continue;
    /* out += (a << i) when b[i]; the low i bits are unchanged. */
    for (uint32_t j = i; j < w; j++)
      pp[j - i] = aig_and(g, b[i], a[j - i]);
    bv_add(g, out + i, pp, w - i, acc);
    memcpy(out + i, acc, (w - i) * sizeof *acc);
  }
  free(pp);
  free(acc);
}

/* |a| as a w-bit unsigned number (|-2^(w-1)| = 2^(w-1) fits). */
static void bv_abs(Aig *g, const AigLit *a, uint32_t w, AigLit *out) {
  AigLit *n = xmalloc(w * sizeof *n);
  bv_neg(g, a, w, n);
  bv_ite(g, a[w - 1], n, a, w, out);
  free(n);
}

void bv_mul_signed(Aig *g, const AigLit *a, uint32_t wa, const AigLit *b,
                   uint32_t wb, uint32_t w, AigLit *out) {
  AigLit *ua = xmalloc(wa * sizeof *ua), *ub = xmalloc(wb * sizeof *ub);
  AigLit *acc = xmalloc(w * sizeof *acc), *neg = xmalloc(w * sizeof *neg);
  bv_abs(g, a, wa, ua);
  bv_abs(g, b, wb, ub);
  for (uint32_t i = 0; i < w; i++)
    acc[i] = AIG_FALSE;
  /* acc += (ua << i) when ub[i]; before row i, acc < 2^(wa+i-1), so the
   * carry out of the row's top adder lands on a zero bit. */
  for (uint32_t i = 0; i < wb && i < w; i++) {
    if (ub[i] == AIG_FALSE)
      continue;
    AigLit c = AIG_FALSE;
    for (uint32_t j = 0; j < wa && i + j < w; j++) {
      AigLit p = aig_and(g, ub[i], ua[j]), x = acc[i + j];
      acc[i + j] = aig_xor3(g, x, p, c);
      c = aig_maj(g, x, p, c);
    }
    for (uint32_t k = i + wa; k < w && c != AIG_FALSE; k++) {
      AigLit x = acc[k];
      acc[k] = aig_xor(g, x, c);
      c = aig_and(g, x, c);
    }
  }
  bv_neg(g, acc, w, neg);
  bv_ite(g, aig_xor(g, a[wa - 1], b[wb - 1]), neg, acc, w, out);
  free(ua);
  free(ub);
  free(acc);
  free(neg);
}

void bv_ite(Aig *g, AigLit c, const AigLit *a, const AigLit *b, uint32_t w,
            AigLit *out) {
  for (uint32_t i = 0; i < w; i++)
    out[i] = aig_ite(g, c, a[i], b[i]);
}

static AigLit bv_nonzero(Aig *g, const AigLit *a, uint32_t w) {
  AigLit r = AIG_FALSE;
  for (uint32_t i = 0; i < w; i++)
    r = aig_or(g, r, a[i]);
  return r;
}

void bv_divmod(Aig *g, const AigLit *a, const AigLit *b, uint32_t w,
               AigLit *q, AigLit *r) {
  size_t n = (size_t)w + 1;
  AigLit *ua = xmalloc(n * sizeof *ua), *ub = xmalloc(n * sizeof *ub);
  AigLit *rem = xmalloc(n * sizeof *rem), *sh = xmalloc(n * sizeof *sh);
  AigLit *diff = xmalloc(n * sizeof *diff), *nub = xmalloc(n * sizeof *nub);
  AigLit *t1 = xmalloc(n * sizeof *t1), *t2 = xmalloc(n * sizeof *t2);
  bv_abs(g, a, w, ua);
  bv_abs(g, b, w, ub);
  /* Unsigned restoring division of the magnitudes, with a (w+1)-bit
   * remainder register: before each shift rem < |b| <= 2^(w-1) (or rem
   * holds a prefix of |a| when b = 0), so the shifted value fits. */
  ub[w] = AIG_FALSE;
  for (uint32_t i = 0; i <= w; i++)
    nub[i] = aig_not(ub[i]);
  for (uint32_t i = 0; i <= w; i++)
    rem[i] = AIG_FALSE;
  for (uint32_t k = w; k-- > 0;) {
    sh[0] = ua[k];
    for (uint32_t i = 1; i <= w; i++)
      sh[i] = rem[i - 1];
    bv_add_carry(g, sh, nub, AIG_TRUE, w + 1, diff); /* sh - |b| */
    AigLit geq = aig_not(diff[w]);
    t1[k] = geq; /* quotient bit k */
    bv_ite(g, geq, diff, sh, w + 1, rem);
  }
  /* Truncated quotient and remainder: the quotient is negative when the
   * signs differ, the remainder takes the sign of a. */
  AigLit sa = a[w - 1], sb = b[w - 1], neg = aig_xor(g, sa, sb);
  bv_neg(g, t1, w, t2);
  bv_ite(g, neg, t2, t1, w, q);
  bv_neg(g, rem, w, t2);
  bv_ite(g, sa, t2, rem, w, r);
  /* Floor: a nonzero remainder whose sign differs from b's moves the
   * quotient down by one and the remainder up by b. */
  AigLit adj = aig_and(g, neg, bv_nonzero(g, rem, w));
  for (uint32_t i = 0; i < w; i++)
    t1[i] = AIG_TRUE; /* -1 */
  bv_add(g, q, t1, w, t2);
  bv_ite(g, adj, t2, q, w, diff);
  memcpy(q, diff, w * sizeof *q);
  bv_add(g, r, b, w, t2);
  bv_ite(g, adj, t2, r, w, diff);
  memcpy(r, diff, w * sizeof *r);
  /* b = 0: q = 0, r = a. */
  AigLit bz = aig_not(bv_nonzero(g, b, w));
  for (uint32_t i = 0; i < w; i++) {
    q[i] = aig_and(g, aig_not(bz), q[i]);
    r[i] = aig_ite(g, bz, a[i], r[i]);
  }
  free(ua);
  free(ub);
  free(rem);
  free(sh);
  free(diff);
  free(nub);
  free(t1);
  free(t2);
}

AigLit bv_eq(Aig *g, const AigLit *a, const AigLit *b, uint32_t w) {
  AigLit r = AIG_TRUE;
  for (uint32_t i = 0; i < w; i++)
    r = aig_and(g, r, aig_iff(g, a[i], b[i]));
  return r;
}

/* a < b (strict) or a <= b (or_equal) on signed values: an unsigned
 * comparison from the least significant bit up, with the sign bits read
 * the other way round. */
static AigLit bv_cmp(Aig *g, const AigLit *a, const AigLit *b, uint32_t w,
                     bool or_equal) {
  AigLit lt = or_equal ? AIG_TRUE : AIG_FALSE;
  for (uint32_t i = 0; i < w; i++) {
    AigLit x = a[i], y = b[i];
    if (i == w - 1) {
      x = aig_not(x);
      y = aig_not(y);
    }
    /* lt' = (!x & y) | (x == y & lt) */
    lt = aig_or(g, aig_and(g, aig_not(x), y),
                aig_and(g, aig_iff(g, x, y), lt));
  }
  return lt;
}

AigLit bv_lt(Aig *g, const AigLit *a, const AigLit *b, uint32_t w) {
  return bv_cmp(g, a, b, w, false);
}

AigLit bv_le(Aig *g, const AigLit *a, const AigLit *b, uint32_t w) {
  return bv_cmp(g, a, b, w, true);
}
