/* blast.c -- the term blaster: terms to AIG literals and bit-vectors.
 *
 * Terms are translated bottom-up with an explicit stack (ITE chains tens
 * of thousands deep must not overflow the C stack) and memoised by term id
 * in arrays that grow with term_count; the bits of Int terms live in one
 * pool, addressed by offset.  Each Int term first gets its interval (GMP,
 * memoised beside the bits), which fixes its width; then its circuit.
 * Ring operations (+, -, *) of a term whose interval fits its width are
 * computed modulo 2^width, which is exact; a cut term (interval wider than
 * the cap) is computed at the width its operands' widths allow, which is
 * exact whenever they are, and narrowed with an overflow test.  DIV and
 * MOD always run on operands widened by one bit, where they cannot wrap.
 * Overflow and poison are OR-ed up from the arguments; where every
 * argument's flag is the constant FALSE (always, for specs whose integers
 * all fit) the AIG folds them away and nothing is paid. */
#include "blast.h"

#include <assert.h>
#include <string.h>

#include "bv.h"
#include "stop.h"

typedef struct BNode {
  bool done;
  AigLit val;   /* Bool: value; Int: unused */
  AigLit flag;  /* Bool: poison; Int: ovf */
  uint32_t off; /* Int: bits at pool[off .. off + w) */
  uint32_t w;
} BNode;

typedef struct Ival {
  mpz_t lo, hi; /* initialised once the Int term is done */
} Ival;

struct Blaster {
  TermMgr *tm;
  Aig *g;
  uint32_t vw;  /* width of Int variables without bounds */
  uint32_t cap; /* widest computed term */
  BNode *n;     /* by term id */
  Ival *iv;     /* by term id (Int terms) */
  size_t ncap;
  VEC(AigLit) pool;
  VEC(AigLit) side;
  VEC(AigLit) side_out;
  TermId unbounded;
  bool cut;
  char *error;
};

Blaster *blast_new(TermMgr *tm, Aig *g, uint32_t var_width, uint32_t cap) {
  assert(var_width >= 1 && cap >= 1);
  Blaster *b = xcalloc(1, sizeof *b);
  b->tm = tm;
  b->g = g;
  b->vw = var_width;
  b->cap = cap;
  return b;
}

void blast_delete(Blaster *b) {
  if (!b)
    return;
  for (size_t i = 0; i < b->ncap; i++)
    if (b->n[i].done && term_sort(b->tm, (TermId)i) == SORT_INT) {
      mpz_clear(b->iv[i].lo);
      mpz_clear(b->iv[i].hi);
    }
  free(b->n);
  free(b->iv);
  VEC_FREE(b->pool);
  VEC_FREE(b->side);
  VEC_FREE(b->side_out);
  free(b->error);
  free(b);
}

static void blast_reserve(Blaster *b) {
  size_t need = term_count(b->tm);
  if (need <= b->ncap)
    return;
  size_t ncap = b->ncap ? 2 * b->ncap : 1024;
  while (ncap < need)
    ncap *= 2;
  b->n = xrealloc(b->n, ncap * sizeof *b->n);
  b->iv = xrealloc(b->iv, ncap * sizeof *b->iv);
  memset(b->n + b->ncap, 0, (ncap - b->ncap) * sizeof *b->n);
  b->ncap = ncap;
}

uint32_t blast_width_of_range(const mpz_t lo, const mpz_t hi) {
  uint32_t a = bv_width_of(lo), c = bv_width_of(hi);
  return a > c ? a : c;
}

static void blast_fail(Blaster *b, const char *msg) {
  if (!b->error)
    b->error = xstrdup(msg);
}

/* ---- reading translated arguments ---- */

static const AigLit *bits_of(const Blaster *b, TermId t) {
  return b->pool.data + b->n[t].off;
}

/* A copy of t's bits resized to w (malloc'd). */
static AigLit *bits_at(const Blaster *b, TermId t, uint32_t w) {
  AigLit *r = xmalloc(w * sizeof *r);
  bv_resize(bits_of(b, t), b->n[t].w, w, r);
  return r;
}

static void set_bool(Blaster *b, TermId t, AigLit val, AigLit poison) {
  b->n[t].val = val;
  b->n[t].flag = poison;
  b->n[t].done = true;
}

/* Stores bits (w wide) and ovf as the translation of Int term t, whose
 * interval is already set. */
static void set_int(Blaster *b, TermId t, const AigLit *bits, uint32_t w,
                    AigLit ovf) {
  assert(w >= 1);
  b->n[t].off = (uint32_t)b->pool.len;
  b->n[t].w = w;
  b->n[t].flag = ovf;
  b->n[t].done = true;
  VEC_RESERVE(b->pool, b->pool.len + w);
  AigLit *p = b->pool.data + b->pool.len;
  memcpy(p, bits, w * sizeof *bits);
  b->pool.len += w;
  /* The sign of a term whose interval has one is a constant: whenever the
   * bits are exact (ovf false) it is that sign. */
  if (mpz_sgn(b->iv[t].lo) >= 0)
    p[w - 1] = AIG_FALSE;
  else if (mpz_sgn(b->iv[t].hi) < 0)
    p[w - 1] = AIG_TRUE;
}

/* ---- intervals ---- */

static void ival_init(Blaster *b, TermId t) {
  mpz_init(b->iv[t].lo);
  mpz_init(b->iv[t].hi);
}

#define LO(t) (b->iv[t].lo)
#define HI(t) (b->iv[t].hi)

/* r = [min, max] of the four products of a's and c's bounds. */
static void ival_corners(mpz_t lo, mpz_t hi, const mpz_t alo, const mpz_t ahi,
                         const mpz_t clo, const mpz_t chi,
                         void (*op)(mpz_t, const mpz_t, const mpz_t)) {
  mpz_t v;
  mpz_init(v);
  const mpz_srcptr as[2] = {alo, ahi}, cs[2] = {clo, chi};
  for (int i = 0; i < 4; i++) {
    op(v, as[i >> 1], cs[i & 1]);
    if (i == 0 || mpz_cmp(v, lo) < 0)
      mpz_set(lo, v);
    if (i == 0 || mpz_cmp(v, hi) > 0)
      mpz_set(hi, v);
  }
  mpz_clear(v);
}

/* lo..hi := the union of lo..hi and l..h (first: just l..h). */
static void ival_join(mpz_t lo, mpz_t hi, const mpz_t l, const mpz_t h,
                      bool *first) {
  if (*first || mpz_cmp(l, lo) < 0)
    mpz_set(lo, l);
  if (*first || mpz_cmp(h, hi) > 0)
    mpz_set(hi, h);
  *first = false;
}

/* Intervals of a \div c and a % c: over the negative and the positive
 * part of c's interval separately (in each, the quotient is monotone in
 * either operand, so the corners bound it), and c = 0 (q = 0, r = a). */
static void ival_divmod(Blaster *b, TermId t, TermId a, TermId c, bool div) {
  mpz_t plo, phi, l, h;
  mpz_inits(plo, phi, l, h, NULL);
  bool first = true;
  for (int part = 0; part < 2; part++) {
    /* part 0: c in [max(lo,1), hi]; part 1: c in [lo, min(hi,-1)] */
    if (part == 0) {
      if (mpz_cmp_si(HI(c), 1) < 0)
        continue;
      mpz_set(plo, LO(c));
      if (mpz_cmp_si(plo, 1) < 0)
        mpz_set_si(plo, 1);
      mpz_set(phi, HI(c));
    } else {
      if (mpz_cmp_si(LO(c), -1) > 0)
        continue;
      mpz_set(plo, LO(c));
      mpz_set(phi, HI(c));
      if (mpz_cmp_si(phi, -1) > 0)
        mpz_set_si(phi, -1);
    }
    if (div) {
      ival_corners(l, h, LO(a), HI(a), plo, phi, mpz_fdiv_q);
    } else if (part == 0) {
      /* 0 <= r <= c - 1, and r = a when 0 <= a < c */
      mpz_set_ui(l, 0);
      mpz_sub_ui(h, phi, 1);
      if (mpz_sgn(LO(a)) >= 0 && mpz_cmp(HI(a), h) < 0)
        mpz_set(h, HI(a));
    } else {
      mpz_add_ui(l, plo, 1);
      mpz_set_ui(h, 0);
      if (mpz_sgn(HI(a)) <= 0 && mpz_cmp(LO(a), l) > 0)
        mpz_set(l, LO(a));
    }
    ival_join(LO(t), HI(t), l, h, &first);
  }
  if (mpz_sgn(LO(c)) <= 0 && mpz_sgn(HI(c)) >= 0) {
    if (div) {
      mpz_set_ui(l, 0);
      ival_join(LO(t), HI(t), l, l, &first);
    } else {
      ival_join(LO(t), HI(t), LO(a), HI(a), &first);
    }
  }
  mpz_clears(plo, phi, l, h, NULL);
}

/* Narrows lo..hi, the interval of branch z of an ite, by the condition c
 * that holds (pos) or fails when z is taken: z < q gives z <= hi(q) - 1,
 * and so on (Min and Max are such ites). */
static void ival_narrow(Blaster *b, TermId c, bool pos, TermId z, mpz_t lo,
                        mpz_t hi) {
  const TermMgr *tm = b->tm;
  while (term_kind(tm, c) == TERM_NOT) {
    c = term_arg(tm, c, 0);
    pos = !pos;
  }
  TermKind k = term_kind(tm, c);
  if (k != TERM_LT && k != TERM_LE)
    return;
  TermId p = term_arg(tm, c, 0), q = term_arg(tm, c, 1);
  if (z != p && z != q)
    return;
  /* pos: p < q (LT) or p <= q (LE); else p >= q (LT) or p > q (LE).
   * As p <= q - d or q <= p - d with d = 0 or 1: */
  unsigned long d = (k == TERM_LT) == pos ? 1 : 0;
  TermId small = pos ? p : q, big = pos ? q : p;
  mpz_t v;
  mpz_init(v);
  if (z == small) { /* z <= hi(big) - d */
    mpz_sub_ui(v, HI(big), d);
    if (mpz_cmp(v, hi) < 0)
      mpz_set(hi, v);
  } else { /* z >= lo(small) + d */
    mpz_add_ui(v, LO(small), d);
    if (mpz_cmp(v, lo) > 0)
      mpz_set(lo, v);
  }
  mpz_clear(v);
}

/* An ite's interval: the union of its branches', each narrowed by the
 * condition under which it is taken (a branch left empty is never
 * taken). */
static void ival_ite(Blaster *b, TermId t) {
  const TermMgr *tm = b->tm;
  TermId c = term_arg(tm, t, 0);
  mpz_t l, h;
  mpz_inits(l, h, NULL);
  bool first = true;
  for (int i = 1; i <= 2; i++) {
    TermId z = term_arg(tm, t, (uint32_t)i);
    mpz_set(l, LO(z));
    mpz_set(h, HI(z));
    ival_narrow(b, c, i == 1, z, l, h);
    if (mpz_cmp(l, h) <= 0)
      ival_join(LO(t), HI(t), l, h, &first);
  }
  if (first) /* neither branch can be taken: any interval is sound */
    mpz_set_ui(LO(t), 0), mpz_set_ui(HI(t), 0);
  mpz_clears(l, h, NULL);
}

/* Sets t's interval from its arguments'. */
static void ival_of(Blaster *b, TermId t) {
  const TermMgr *tm = b->tm;
  uint32_t n = term_nargs(tm, t);
  TermId a = n ? term_arg(tm, t, 0) : TERM_NONE;
  ival_init(b, t);
  switch (term_kind(tm, t)) {
  case TERM_INTCONST:
    term_int_value(tm, t, LO(t));
    mpz_set(HI(t), LO(t));
    break;
  case TERM_VAR:
    if (!term_var_bounds(tm, t, LO(t), HI(t))) {
      mpz_set_ui(HI(t), 1);
      mpz_mul_2exp(HI(t), HI(t), b->vw - 1);
      mpz_neg(LO(t), HI(t));
      mpz_sub_ui(HI(t), HI(t), 1);
    }
    break;
  case TERM_ITE:
    ival_ite(b, t);
    break;
  case TERM_ADD:
    for (uint32_t i = 0; i < n; i++) {
      mpz_add(LO(t), LO(t), LO(term_arg(tm, t, i)));
      mpz_add(HI(t), HI(t), HI(term_arg(tm, t, i)));
    }
    break;
  case TERM_NEG:
    mpz_neg(LO(t), HI(a));
    mpz_neg(HI(t), LO(a));
    break;
  case TERM_MUL: {
    TermId c = term_arg(tm, t, 1);
    ival_corners(LO(t), HI(t), LO(a), HI(a), LO(c), HI(c), mpz_mul);
    break;
  }
  case TERM_DIV:
  case TERM_MOD:
    ival_divmod(b, t, a, term_arg(tm, t, 1), term_kind(tm, t) == TERM_DIV);
    break;
  default:
    assert(!"not an Int term");
  }
}

/* ---- Int terms ---- */

static uint32_t max_u32(uint32_t a, uint32_t c) { return a > c ? a : c; }

static uint32_t ceil_log2(uint32_t n) {
  uint32_t k = 0;
  while (((uint64_t)1 << k) < n)
    k++;
  return k;
}

/* Stores res (computed at width cw, exact whenever the arguments are) as
 * t's bits at t's own width w, with ovf = args_ovf or, for a cut term, the
 * test that res fits w. */
static void finish_int(Blaster *b, TermId t, const AigLit *res, uint32_t cw,
                       uint32_t w, bool exact, AigLit args_ovf) {
  AigLit ovf = args_ovf;
  if (!exact && cw > w)
    ovf = aig_or(b->g, ovf, aig_not(bv_fits(b->g, res, cw, w)));
  AigLit *out = xmalloc(w * sizeof *out);
  bv_resize(res, cw, w, out);
  set_int(b, t, out, w, ovf);
  free(out);
}

static AigLit args_ovf(Blaster *b, TermId t) {
  AigLit r = AIG_FALSE;
  for (uint32_t i = 0; i < term_nargs(b->tm, t); i++)
    r = aig_or(b->g, r, b->n[term_arg(b->tm, t, i)].flag);
  return r;
}

static void blast_var_int(Blaster *b, TermId t) {
  uint32_t w = blast_width_of_range(LO(t), HI(t));
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  bool bounded = term_var_bounds(b->tm, t, lo, hi);
  mpz_clears(lo, hi, NULL);
  if (!bounded && !b->unbounded)
    b->unbounded = t;
  AigLit *v = xmalloc(w * sizeof *v), *c = xmalloc(w * sizeof *c);
  for (uint32_t i = 0; i < w; i++)
    v[i] = aig_input(b->g);
  if (mpz_sgn(LO(t)) >= 0) /* a known sign is no input */
    v[w - 1] = AIG_FALSE;
  else if (mpz_sgn(HI(t)) < 0)
    v[w - 1] = AIG_TRUE;
  if (bounded) { /* the domain lo..hi */
    bv_const(LO(t), w, c);
    AigLit in = bv_le(b->g, c, v, w);
    bv_const(HI(t), w, c);
    in = aig_and(b->g, in, bv_le(b->g, v, c, w));
    if (in != AIG_TRUE)
      VEC_PUSH(b->side, in);
  }
  set_int(b, t, v, w, AIG_FALSE);
  free(v);
  free(c);
}

static void blast_ite_int(Blaster *b, TermId t, uint32_t w, bool exact) {
  TermId c = term_arg(b->tm, t, 0), x = term_arg(b->tm, t, 1),
         y = term_arg(b->tm, t, 2);
  AigLit cv = b->n[c].val, ox = b->n[x].flag, oy = b->n[y].flag;
  AigLit *bx = bits_at(b, x, w), *by = bits_at(b, y, w);
  if (!exact) {
    ox = aig_or(b->g, ox, aig_not(bv_fits(b->g, bits_of(b, x), b->n[x].w, w)));
    oy = aig_or(b->g, oy, aig_not(bv_fits(b->g, bits_of(b, y), b->n[y].w, w)));
  }
  AigLit *r = xmalloc(w * sizeof *r);
  bv_ite(b->g, cv, bx, by, w, r);
  AigLit ovf = aig_or(b->g, b->n[c].flag, aig_ite(b->g, cv, ox, oy));
  set_int(b, t, r, w, ovf);
  free(bx);
  free(by);
  free(r);
}

/* +, unary - and *: modulo 2^cw at cw = w when exact, else at the width
 * the exact result needs. */
static void blast_ring(Blaster *b, TermId t, uint32_t wI, uint32_t w,
                       bool exact) {
  const TermMgr *tm = b->tm;
  TermKind k = term_kind(tm, t);
  uint32_t n = term_nargs(tm, t), we;
  TermId a = term_arg(tm, t, 0);
  if (k == TERM_ADD) {
    we = 0;
    for (uint32_t i = 0; i < n; i++)
      we = max_u32(we, b->n[term_arg(tm, t, i)].w);
    we += ceil_log2(n);
  } else if (k == TERM_NEG) {
    we = b->n[a].w + 1;
  } else {
    we = b->n[a].w + b->n[term_arg(tm, t, 1)].w;
  }
  uint32_t cw = exact ? w : (we < wI ? we : wI);
  AigLit *acc = bits_at(b, a, cw), *r = xmalloc(cw * sizeof *r);
  if (k == TERM_ADD) {
    for (uint32_t i = 1; i < n; i++) {
      AigLit *x = bits_at(b, term_arg(tm, t, i), cw);
      bv_add(b->g, acc, x, cw, r);
      memcpy(acc, r, cw * sizeof *r);
      free(x);
    }
  } else if (k == TERM_NEG) {
    bv_neg(b->g, acc, cw, r);
    memcpy(acc, r, cw * sizeof *r);
  } else {
    /* the constant (if any) second: one row per one bit of it */
    TermId x = a, y = term_arg(tm, t, 1);
    if (term_is_int_const(tm, a)) {
      x = y;
      y = a;
    }
    bv_mul_signed(b->g, bits_of(b, x), b->n[x].w, bits_of(b, y), b->n[y].w,
                  cw, acc);
  }
  finish_int(b, t, acc, cw, w, exact, args_ovf(b, t));
  free(acc);
  free(r);
}

/* a \div 2^k and a % 2^k: a shift and the low bits. */
static bool blast_divmod_pow2(Blaster *b, TermId t, uint32_t w, bool exact) {
  const TermMgr *tm = b->tm;
  TermId a = term_arg(tm, t, 0), c = term_arg(tm, t, 1);
  if (!term_is_int_const(tm, c))
    return false;
  mpz_t v;
  mpz_init(v);
  term_int_value(tm, c, v);
  bool pow2 = mpz_sgn(v) > 0 && mpz_popcount(v) == 1;
  uint32_t k = pow2 ? (uint32_t)mpz_scan1(v, 0) : 0;
  mpz_clear(v);
  if (!pow2)
    return false;
  uint32_t wa = b->n[a].w;
  const AigLit *x = bits_of(b, a);
  AigLit *r = xmalloc((size_t)(wa + k + 1) * sizeof *r);
  uint32_t rw;
  if (term_kind(tm, t) == TERM_DIV) {
    rw = wa > k ? wa - k : 1;
    for (uint32_t i = 0; i < rw; i++)
      r[i] = x[i + k < wa ? i + k : wa - 1];
  } else {
    rw = k + 1;
    for (uint32_t i = 0; i < k; i++)
      r[i] = i < wa ? x[i] : x[wa - 1];
    r[k] = AIG_FALSE;
  }
  finish_int(b, t, r, rw, w, exact, args_ovf(b, t));
  free(r);
  return true;
}

static void blast_divmod(Blaster *b, TermId t, uint32_t w, bool exact) {
  if (blast_divmod_pow2(b, t, w, exact))
    return;
  TermId a = term_arg(b->tm, t, 0), c = term_arg(b->tm, t, 1);
  uint32_t m = max_u32(b->n[a].w, b->n[c].w) + 1;
  AigLit *x = bits_at(b, a, m), *y = bits_at(b, c, m);
  AigLit *q = xmalloc(m * sizeof *q), *r = xmalloc(m * sizeof *r);
  bv_divmod(b->g, x, y, m, q, r);
  finish_int(b, t, term_kind(b->tm, t) == TERM_DIV ? q : r, m, w, exact,
             args_ovf(b, t));
  free(x);
  free(y);
  free(q);
  free(r);
}

static void blast_int_node(Blaster *b, TermId t) {
  ival_of(b, t);
  uint32_t wI = blast_width_of_range(LO(t), HI(t));
  uint32_t w = wI < b->cap ? wI : b->cap;
  bool exact = wI <= b->cap;
  switch (term_kind(b->tm, t)) {
  case TERM_INTCONST: {
    AigLit *c = xmalloc(wI * sizeof *c);
    bv_const(LO(t), wI, c);
    set_int(b, t, c, wI, AIG_FALSE);
    free(c);
    return;
  }
  case TERM_VAR:
    blast_var_int(b, t);
    return;
  default:
    break;
  }
  if (!exact)
    b->cut = true;
  switch (term_kind(b->tm, t)) {
  case TERM_ITE:
    blast_ite_int(b, t, w, exact);
    break;
  case TERM_ADD:
  case TERM_NEG:
  case TERM_MUL:
    blast_ring(b, t, wI, w, exact);
    break;
  case TERM_DIV:
  case TERM_MOD:
    blast_divmod(b, t, w, exact);
    break;
  default:
    assert(!"not an Int term");
  }
}

/* ---- Bool terms ---- */

/* Conjunction (and_ = true) or disjunction of the arguments, with Kleene
 * poison: poisoned when some argument is and no unpoisoned argument
 * decides the result. */
static void blast_junction(Blaster *b, TermId t, bool and_) {
  Aig *g = b->g;
  AigLit val = and_ ? AIG_TRUE : AIG_FALSE, any = AIG_FALSE,
         decided = AIG_FALSE;
  for (uint32_t i = 0; i < term_nargs(b->tm, t); i++) {
    const BNode *x = &b->n[term_arg(b->tm, t, i)];
    val = and_ ? aig_and(g, val, x->val) : aig_or(g, val, x->val);
    any = aig_or(g, any, x->flag);
    decided = aig_or(g, decided, aig_and(g, aig_not_if(x->val, and_),
                                         aig_not(x->flag)));
  }
  AigLit poison =
      any == AIG_FALSE ? AIG_FALSE : aig_and(g, any, aig_not(decided));
  set_bool(b, t, val, poison);
}

/* =, < and <= on Int: both sides at the wider width. */
static void blast_compare(Blaster *b, TermId t) {
  TermId x = term_arg(b->tm, t, 0), y = term_arg(b->tm, t, 1);
  uint32_t w = max_u32(b->n[x].w, b->n[y].w);
  AigLit *bx = bits_at(b, x, w), *by = bits_at(b, y, w);
  AigLit v;
  switch (term_kind(b->tm, t)) {
  case TERM_EQ:
    v = bv_eq(b->g, bx, by, w);
    break;
  case TERM_LT:
    v = bv_lt(b->g, bx, by, w);
    break;
  default:
    v = bv_le(b->g, bx, by, w);
    break;
  }
  set_bool(b, t, v, aig_or(b->g, b->n[x].flag, b->n[y].flag));
  free(bx);
  free(by);
}

static void blast_bool_node(Blaster *b, TermId t) {
  const TermMgr *tm = b->tm;
  Aig *g = b->g;
  uint32_t n = term_nargs(tm, t);
  const BNode *x = n > 0 ? &b->n[term_arg(tm, t, 0)] : NULL;
  switch (term_kind(tm, t)) {
  case TERM_FALSE:
    set_bool(b, t, AIG_FALSE, AIG_FALSE);
    break;
  case TERM_TRUE:
    set_bool(b, t, AIG_TRUE, AIG_FALSE);
    break;
  case TERM_VAR:
    set_bool(b, t, aig_input(g), AIG_FALSE);
    break;
  case TERM_NOT:
    set_bool(b, t, aig_not(x->val), x->flag);
    break;
  case TERM_AND:
  case TERM_OR:
    blast_junction(b, t, term_kind(tm, t) == TERM_AND);
    break;
  case TERM_ITE: {
    const BNode *y = &b->n[term_arg(tm, t, 1)], *z = &b->n[term_arg(tm, t, 2)];
    set_bool(b, t, aig_ite(g, x->val, y->val, z->val),
             aig_or(g, x->flag, aig_ite(g, x->val, y->flag, z->flag)));
    break;
  }
  case TERM_EQ:
    if (term_sort(tm, term_arg(tm, t, 0)) == SORT_BOOL) {
      const BNode *y = &b->n[term_arg(tm, t, 1)];
      set_bool(b, t, aig_iff(g, x->val, y->val), aig_or(g, x->flag, y->flag));
    } else {
      blast_compare(b, t);
    }
    break;
  case TERM_LT:
  case TERM_LE:
    blast_compare(b, t);
    break;
  default:
    assert(!"not a Bool term");
  }
}

/* ---- traversal ---- */

static void blast_node(Blaster *b, TermId t) {
  Sort s = term_sort(b->tm, t);
  if (s == SORT_BOOL) {
    blast_bool_node(b, t);
  } else if (s == SORT_INT) {
    blast_int_node(b, t);
  } else {
    blast_fail(b, "the bit-blasting back end does not support bit-vector "
                  "sorts in terms");
    /* a stand-in, so that callers can go on */
    set_bool(b, t, AIG_FALSE, AIG_FALSE);
  }
}

static void blast_term(Blaster *b, TermId root) {
  blast_reserve(b);
  if (b->n[root].done)
    return;
  const TermMgr *tm = b->tm;
  VEC(TermId) stack = {0};
  VEC_PUSH(stack, root);
  while (stack.len) {
    TermId t = VEC_LAST(stack);
    if (b->n[t].done) {
      stack.len--;
      continue;
    }
    bool ready = true;
    for (uint32_t i = term_nargs(tm, t); i-- > 0;) {
      TermId a = term_arg(tm, t, i);
      if (!b->n[a].done) {
        VEC_PUSH(stack, a);
        ready = false;
      }
    }
    if (ready) {
      stack.len--;
      stop_poll(); /* a long bit-blasting stops here (stop.h) */
      blast_node(b, t);
    }
  }
  VEC_FREE(stack);
}

void blast_bool(Blaster *b, TermId t, AigLit *val, AigLit *poison) {
  assert(term_sort(b->tm, t) == SORT_BOOL);
  blast_term(b, t);
  *val = b->n[t].val;
  *poison = b->n[t].flag;
}

const AigLit *blast_int(Blaster *b, TermId t, uint32_t *w, AigLit *ovf) {
  assert(term_sort(b->tm, t) == SORT_INT);
  blast_term(b, t);
  *w = b->n[t].w;
  *ovf = b->n[t].flag;
  return bits_of(b, t);
}

const AigLit *blast_take_side(Blaster *b, size_t *n) {
  b->side_out.len = 0;
  for (size_t i = 0; i < b->side.len; i++)
    VEC_PUSH(b->side_out, b->side.data[i]);
  b->side.len = 0;
  *n = b->side_out.len;
  return b->side_out.data;
}

bool blast_var_bits(const Blaster *b, TermId var, const AigLit **bits,
                    uint32_t *w) {
  if (var >= b->ncap || !b->n[var].done)
    return false;
  if (term_sort(b->tm, var) == SORT_BOOL) {
    *bits = &b->n[var].val;
    *w = 1;
  } else {
    *bits = bits_of(b, var);
    *w = b->n[var].w;
  }
  return true;
}

TermId blast_unbounded_var(const Blaster *b) { return b->unbounded; }
bool blast_cut(const Blaster *b) { return b->cut; }
const char *blast_error(const Blaster *b) { return b->error; }
