/* t22_bitblast.c -- unit tests for the bit-blasting back end, bottom-up:
 * the AIG (every simplification rule against simulation), every
 * bit-vector operator at widths 1 to 5 on all operand pairs against GMP
 * with TLA+'s semantics (floor DIV and MOD), overflow flags included, then
 * the term blaster's widths and poison, and the CaDiCaL solver through the
 * SolverOps interface: models, UNSAT, assumptions, incremental frames,
 * overflow found and widened away, overflow at the width limit, unbounded
 * integers, timeouts, and the CNF dump. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aig.h"
#include "blast.h"
#include "bv.h"
#include "solver.h"

/* ---------------------------------------------------------------------
 * AIG */

/* Random AIGs over 4 inputs: every node built through aig_and (and with
 * it every rewrite rule) must compute what its definition says, checked
 * by simulation on all 16 input assignments. */
START_TEST(test_aig_rules_random) {
  Aig *g = aig_new();
  enum { NIN = 4, NLIT = 400 };
  AigLit lits[NLIT];
  /* expected truth table of each literal over the 16 assignments */
  unsigned tt[NLIT];
  int n = 0;
  lits[n] = AIG_FALSE;
  tt[n++] = 0;
  lits[n] = AIG_TRUE;
  tt[n++] = 0xffff;
  for (int i = 0; i < NIN; i++) {
    lits[n] = aig_input(g);
    unsigned m = 0;
    for (unsigned a = 0; a < 16; a++)
      if (a >> i & 1)
        m |= 1u << a;
    tt[n++] = m;
  }
  unsigned seed = 12345;
  while (n < NLIT) {
    seed = seed * 1103515245u + 12345u;
    int x = (int)((seed >> 8) % (unsigned)n);
    seed = seed * 1103515245u + 12345u;
    int y = (int)((seed >> 8) % (unsigned)n);
    bool nx = seed >> 30 & 1, ny = seed >> 29 & 1;
    AigLit a = aig_not_if(lits[x], nx), b = aig_not_if(lits[y], ny);
    unsigned ta = nx ? ~tt[x] & 0xffff : tt[x];
    unsigned tb = ny ? ~tt[y] & 0xffff : tt[y];
    switch (seed >> 26 & 3) {
    case 0:
      lits[n] = aig_and(g, a, b);
      tt[n] = ta & tb;
      break;
    case 1:
      lits[n] = aig_xor(g, a, b);
      tt[n] = ta ^ tb;
      break;
    case 2:
      lits[n] = aig_or(g, a, b);
      tt[n] = ta | tb;
      break;
    default: {
      int z = (int)((seed >> 3) % (unsigned)n);
      lits[n] = aig_ite(g, a, b, lits[z]);
      tt[n] = (ta & tb) | (~ta & tt[z]);
      break;
    }
    }
    n++;
  }
  for (unsigned a = 0; a < 16; a++) {
    bool in[NIN];
    for (int i = 0; i < NIN; i++)
      in[i] = a >> i & 1;
    bool *val = malloc(aig_num_nodes(g) * sizeof *val);
    aig_sim(g, in, val);
    for (int i = 0; i < n; i++)
      ck_assert_msg(aig_lit_value(val, lits[i]) == (bool)(tt[i] >> a & 1),
                    "literal %d wrong on assignment %u", i, a);
    free(val);
  }
  aig_delete(g);
}
END_TEST

START_TEST(test_aig_hashing) {
  Aig *g = aig_new();
  AigLit a = aig_input(g), b = aig_input(g), c = aig_input(g);
  ck_assert_uint_eq(aig_and(g, a, b), aig_and(g, b, a));
  ck_assert_uint_eq(aig_and(g, a, AIG_TRUE), a);
  ck_assert_uint_eq(aig_and(g, a, AIG_FALSE), AIG_FALSE);
  ck_assert_uint_eq(aig_and(g, a, aig_not(a)), AIG_FALSE);
  ck_assert_uint_eq(aig_and(g, a, a), a);
  AigLit ab = aig_and(g, a, b);
  /* two-level rules */
  ck_assert_uint_eq(aig_and(g, ab, aig_not(a)), AIG_FALSE); /* contradiction */
  ck_assert_uint_eq(aig_and(g, ab, a), ab);                 /* idempotence */
  ck_assert_uint_eq(aig_and(g, aig_not(ab), aig_not(a)), aig_not(a)); /* subs. */
  ck_assert_uint_eq(aig_and(g, aig_not(ab), a),
                    aig_and(g, a, aig_not(b))); /* substitution */
  AigLit anb = aig_and(g, a, aig_not(b));
  ck_assert_uint_eq(aig_and(g, aig_not(ab), aig_not(anb)),
                    aig_not(a)); /* resolution */
  ck_assert_uint_eq(aig_and(g, ab, aig_and(g, aig_not(a), c)), AIG_FALSE);
  ck_assert_uint_eq(aig_xor(g, a, b), aig_xor(g, aig_not(a), aig_not(b)));
  ck_assert_uint_eq(aig_xor(g, a, aig_not(b)), aig_not(aig_xor(g, a, b)));
  ck_assert_uint_eq(aig_ite(g, c, a, a), a);
  ck_assert_uint_eq(aig_num_inputs(g), 3);
  ck_assert(aig_is_input(g, aig_node(c)));
  ck_assert_uint_eq(aig_input_index(g, aig_node(c)), 2);
  aig_delete(g);
}
END_TEST

/* ---------------------------------------------------------------------
 * Bit-vector operators, exhaustively at widths 1 to 5 */

/* The value of bits x (w wide, signed) under simulation values val. */
static long sim_value(const bool *val, const AigLit *x, uint32_t w) {
  long v = 0;
  for (uint32_t i = 0; i < w; i++)
    if (aig_lit_value(val, x[i]))
      v |= 1L << i;
  if (w < 63 && (v >> (w - 1) & 1))
    v -= 1L << w;
  return v;
}

/* v reduced to a w-bit signed value (two's-complement wrap). */
static long wrap(const mpz_t v, uint32_t w) {
  mpz_t m;
  mpz_init(m);
  mpz_fdiv_r_2exp(m, v, w);
  long r = mpz_get_si(m);
  if (r >= 1L << (w - 1))
    r -= 1L << w;
  mpz_clear(m);
  return r;
}

static bool fits(const mpz_t v, uint32_t w) {
  return bv_width_of(v) <= w;
}

/* TLA+ floor division with brink's convention for 0 (q = 0, r = a). */
static void tla_divmod(mpz_t q, mpz_t r, const mpz_t a, const mpz_t b) {
  if (mpz_sgn(b) == 0) {
    mpz_set_ui(q, 0);
    mpz_set(r, a);
    return;
  }
  mpz_fdiv_qr(q, r, a, b);
}

enum { OP_ADD, OP_NEG, OP_MUL, OP_DIV, OP_MOD, OP_EQ, OP_LT, OP_LE, OP_ITE,
       OP_COUNT };
static const char *op_names[OP_COUNT] = {"+",   "-",    "*",  "\\div", "%",
                                         "=",   "<",    "<=", "ite"};

/* The circuits of one width: every operator on inputs a and b, and the
 * exact-then-narrow overflow flag the blaster uses (bits computed at a
 * width where the result cannot wrap, tested with bv_fits). */
typedef struct Circuits {
  AigLit a[5], b[5], c;
  AigLit res[OP_COUNT][5]; /* w bits (comparisons: res[op][0]) */
  AigLit rem[5];
  AigLit ovf[OP_COUNT];
} Circuits;

static void build(Aig *g, uint32_t w, Circuits *k, const AigLit *a,
                  const AigLit *b, AigLit c) {
  memcpy(k->a, a, w * sizeof *a);
  memcpy(k->b, b, w * sizeof *b);
  k->c = c;
  bv_add(g, a, b, w, k->res[OP_ADD]);
  bv_neg(g, a, w, k->res[OP_NEG]);
  bv_mul(g, a, b, w, k->res[OP_MUL]);
  bv_divmod(g, a, b, w, k->res[OP_DIV], k->res[OP_MOD]);
  k->res[OP_EQ][0] = bv_eq(g, a, b, w);
  k->res[OP_LT][0] = bv_lt(g, a, b, w);
  k->res[OP_LE][0] = bv_le(g, a, b, w);
  bv_ite(g, c, a, b, w, k->res[OP_ITE]);
  /* overflow: exact at a wider width, then narrowed */
  AigLit xa[12], xb[12], r[12], q[12];
  bv_resize(a, w, w + 1, xa);
  bv_resize(b, w, w + 1, xb);
  bv_add(g, xa, xb, w + 1, r);
  k->ovf[OP_ADD] = aig_not(bv_fits(g, r, w + 1, w));
  bv_neg(g, xa, w + 1, r);
  k->ovf[OP_NEG] = aig_not(bv_fits(g, r, w + 1, w));
  bv_divmod(g, xa, xb, w + 1, q, r);
  k->ovf[OP_DIV] = aig_not(bv_fits(g, q, w + 1, w));
  k->ovf[OP_MOD] = aig_not(bv_fits(g, r, w + 1, w));
  bv_resize(a, w, 2 * w, xa);
  bv_resize(b, w, 2 * w, xb);
  bv_mul(g, xa, xb, 2 * w, r);
  k->ovf[OP_MUL] = aig_not(bv_fits(g, r, 2 * w, w));
}

/* Checks every operator on (av, bv_, c) given the circuit's outputs read
 * by `get` (simulation or constant literals). */
static void check_ops(uint32_t w, long av, long bvv, bool c,
                      long (*get)(void *, const AigLit *, uint32_t),
                      void *arg, const Circuits *k) {
  mpz_t a, b, e, q, r;
  mpz_inits(a, b, e, q, r, NULL);
  mpz_set_si(a, av);
  mpz_set_si(b, bvv);
  for (int op = 0; op < OP_COUNT; op++) {
    bool cmp = op == OP_EQ || op == OP_LT || op == OP_LE;
    switch (op) {
    case OP_ADD: mpz_add(e, a, b); break;
    case OP_NEG: mpz_neg(e, a); break;
    case OP_MUL: mpz_mul(e, a, b); break;
    case OP_DIV: tla_divmod(e, r, a, b); break;
    case OP_MOD: tla_divmod(q, e, a, b); break;
    case OP_EQ: mpz_set_si(e, av == bvv); break;
    case OP_LT: mpz_set_si(e, av < bvv); break;
    case OP_LE: mpz_set_si(e, av <= bvv); break;
    default: mpz_set_si(e, c ? av : bvv); break;
    }
    long got = get(arg, k->res[op], cmp ? 1 : w);
    long want = cmp ? mpz_get_si(e) : wrap(e, w);
    if (cmp)
      got &= 1;
    ck_assert_msg(got == want, "w=%u: %ld %s %ld = %ld, expected %ld", w, av,
                  op_names[op], bvv, got, want);
    if (op <= OP_MOD) {
      long ovf = get(arg, &k->ovf[op], 1) & 1;
      ck_assert_msg(ovf == !fits(e, w),
                    "w=%u: overflow flag of %ld %s %ld is %ld (exact %ld)", w,
                    av, op_names[op], bvv, ovf, mpz_get_si(e));
    }
  }
  mpz_clears(a, b, e, q, r, NULL);
}

static long get_sim(void *arg, const AigLit *x, uint32_t w) {
  return sim_value(arg, x, w);
}

/* Constant literals only: the circuit folded completely. */
static long get_const(void *arg, const AigLit *x, uint32_t w) {
  (void)arg;
  long v = 0;
  for (uint32_t i = 0; i < w; i++) {
    ck_assert_msg(aig_is_const(x[i]), "bit %u did not fold to a constant", i);
    if (x[i] == AIG_TRUE)
      v |= 1L << i;
  }
  if (v >> (w - 1) & 1)
    v -= 1L << w;
  return v;
}

START_TEST(test_bv_exhaustive) {
  uint32_t w = (uint32_t)_i;
  Aig *g = aig_new();
  AigLit a[5], b[5];
  for (uint32_t i = 0; i < w; i++)
    a[i] = aig_input(g);
  for (uint32_t i = 0; i < w; i++)
    b[i] = aig_input(g);
  AigLit c = aig_input(g);
  Circuits k;
  build(g, w, &k, a, b, c);
  long lo = -(1L << (w - 1)), hi = (1L << (w - 1)) - 1;
  bool in[11];
  bool *val = malloc(aig_num_nodes(g) * sizeof *val);
  for (long x = lo; x <= hi; x++)
    for (long y = lo; y <= hi; y++)
      for (int cv = 0; cv < 2; cv++) {
        for (uint32_t i = 0; i < w; i++) {
          in[i] = (unsigned long)x >> i & 1;
          in[w + i] = (unsigned long)y >> i & 1;
        }
        in[2 * w] = cv;
        aig_sim(g, in, val);
        ck_assert_int_eq(sim_value(val, a, w), x);
        check_ops(w, x, y, cv, get_sim, val, &k);
      }
  free(val);
  aig_delete(g);
}
END_TEST

/* The same operators on constant operands fold to constants. */
START_TEST(test_bv_constants_fold) {
  uint32_t w = (uint32_t)_i;
  long lo = -(1L << (w - 1)), hi = (1L << (w - 1)) - 1;
  mpz_t v;
  mpz_init(v);
  for (long x = lo; x <= hi; x++)
    for (long y = lo; y <= hi; y++) {
      Aig *g = aig_new();
      AigLit a[5], b[5];
      mpz_set_si(v, x);
      bv_const(v, w, a);
      mpz_set_si(v, y);
      bv_const(v, w, b);
      Circuits k;
      build(g, w, &k, a, b, (x ^ y) & 1 ? AIG_TRUE : AIG_FALSE);
      check_ops(w, x, y, (x ^ y) & 1, get_const, NULL, &k);
      ck_assert_uint_eq(aig_num_nodes(g), 1);
      aig_delete(g);
    }
  mpz_clear(v);
}
END_TEST

/* bv_mul_signed on operands of different widths, at every result width
 * from 1 to wa + wb + 1, against GMP: (a * b) mod 2^w. */
START_TEST(test_bv_mul_signed) {
  uint32_t wa = (uint32_t)_i / 5 + 1, wb = (uint32_t)_i % 5 + 1;
  Aig *g = aig_new();
  AigLit a[5], b[5], out[12][11];
  for (uint32_t i = 0; i < wa; i++)
    a[i] = aig_input(g);
  for (uint32_t i = 0; i < wb; i++)
    b[i] = aig_input(g);
  for (uint32_t w = 1; w <= wa + wb + 1; w++)
    bv_mul_signed(g, a, wa, b, wb, w, out[w]);
  bool in[10];
  bool *val = malloc(aig_num_nodes(g) * sizeof *val);
  mpz_t e;
  mpz_init(e);
  for (long x = -(1L << (wa - 1)); x < 1L << (wa - 1); x++)
    for (long y = -(1L << (wb - 1)); y < 1L << (wb - 1); y++) {
      for (uint32_t i = 0; i < wa; i++)
        in[i] = (unsigned long)x >> i & 1;
      for (uint32_t i = 0; i < wb; i++)
        in[wa + i] = (unsigned long)y >> i & 1;
      aig_sim(g, in, val);
      mpz_set_si(e, x * y);
      for (uint32_t w = 1; w <= wa + wb + 1; w++)
        ck_assert_msg(sim_value(val, out[w], w) == wrap(e, w),
                      "%ld (%u bits) * %ld (%u bits) at %u bits = %ld", x, wa,
                      y, wb, w, sim_value(val, out[w], w));
    }
  mpz_clear(e);
  free(val);
  aig_delete(g);
}
END_TEST

START_TEST(test_bv_width_of) {
  static const struct {
    long v;
    uint32_t w;
  } cases[] = {{0, 1},  {-1, 1}, {1, 2},   {-2, 2},  {2, 3},
               {3, 3},  {-4, 3}, {-5, 4},  {127, 8}, {-128, 8},
               {128, 9}, {-129, 9}};
  mpz_t v;
  mpz_init(v);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mpz_set_si(v, cases[i].v);
    ck_assert_uint_eq(bv_width_of(v), cases[i].w);
  }
  mpz_clear(v);
}
END_TEST

Suite *aig_suite(void) {
  Suite *s = suite_create("aig");
  TCase *tc = tcase_create("aig");
  tcase_add_test(tc, test_aig_rules_random);
  tcase_add_test(tc, test_aig_hashing);
  suite_add_tcase(s, tc);
  return s;
}

Suite *bv_suite(void) {
  Suite *s = suite_create("bv");
  TCase *tc = tcase_create("bv");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_bv_width_of);
  tcase_add_loop_test(tc, test_bv_exhaustive, 1, 6);
  tcase_add_loop_test(tc, test_bv_mul_signed, 0, 25);
  tcase_add_loop_test(tc, test_bv_constants_fold, 1, 6);
  suite_add_tcase(s, tc);
  return s;
}

/* ---------------------------------------------------------------------
 * The term blaster: its contract on random terms */

#include "termeval.h"

typedef struct RandTerms {
  TermMgr *tm;
  TermId ints[400], bools[400];
  int ni, nb;
  TermId ivars[6], bvars[3];
  long ival[6];
  bool bval[3];
} RandTerms;

static unsigned rnd(unsigned *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return *seed >> 8;
}

static bool rt_get_bool(void *arg, TermId v) {
  RandTerms *r = arg;
  for (int i = 0; i < 3; i++)
    if (r->bvars[i] == v)
      return r->bval[i];
  return false;
}

static void rt_get_int(void *arg, TermId v, mpz_t out) {
  RandTerms *r = arg;
  mpz_set_si(out, 0);
  for (int i = 0; i < 6; i++)
    if (r->ivars[i] == v)
      mpz_set_si(out, r->ival[i]);
}

/* Builds random Int and Bool terms (raw: no folding, so every operator
 * meets every kind of argument) over 4 bounded Int variables, 2 without
 * bounds and 3 Bool variables. */
static void rand_terms(RandTerms *r, unsigned seed) {
  TermMgr *tm = r->tm;
  static const long bounds[4][2] = {{-3, 4}, {0, 9}, {-20, -2}, {5, 5}};
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  char name[16];
  for (int i = 0; i < 6; i++) {
    snprintf(name, sizeof name, "i%d", i);
    r->ivars[i] = r->ints[r->ni++] = term_mk_var(tm, name, SORT_INT);
    if (i < 4) {
      mpz_set_si(lo, bounds[i][0]);
      mpz_set_si(hi, bounds[i][1]);
      term_var_set_bounds(tm, r->ivars[i], lo, hi);
    }
  }
  for (int i = 0; i < 3; i++) {
    snprintf(name, sizeof name, "b%d", i);
    r->bvars[i] = r->bools[r->nb++] = term_mk_var(tm, name, SORT_BOOL);
  }
  static const long consts[] = {0, 1, -1, 2, 3, -5, 7, 100, -1000};
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    r->ints[r->ni++] = term_mk_int_si(tm, consts[i]);
  while (r->ni < 400 || r->nb < 400) {
    unsigned k = rnd(&seed) % 15;
    TermId a = r->ints[rnd(&seed) % (unsigned)r->ni];
    TermId b = r->ints[rnd(&seed) % (unsigned)r->ni];
    TermId c = r->bools[rnd(&seed) % (unsigned)r->nb];
    TermId d = r->bools[rnd(&seed) % (unsigned)r->nb];
    TermId args[3];
    TermId t;
    bool is_int = true;
    switch (k) {
    case 0: case 1:
      args[0] = a; args[1] = b; args[2] = r->ints[rnd(&seed) % (unsigned)r->ni];
      t = term_raw(tm, TERM_ADD, SORT_INT, args, 2 + rnd(&seed) % 2);
      break;
    case 2:
      t = term_raw(tm, TERM_NEG, SORT_INT, &a, 1);
      break;
    case 3:
      args[0] = a; args[1] = b;
      t = term_raw(tm, TERM_MUL, SORT_INT, args, 2);
      break;
    case 4: case 5:
      args[0] = a; args[1] = b;
      t = term_raw(tm, k == 4 ? TERM_DIV : TERM_MOD, SORT_INT, args, 2);
      break;
    case 6:
      args[0] = c; args[1] = a; args[2] = b;
      t = term_raw(tm, TERM_ITE, SORT_INT, args, 3);
      break;
    case 14: {
      /* Min/Max-like: an ite whose condition compares its branches */
      args[0] = a;
      args[1] = b;
      TermId cmp = term_raw(tm, rnd(&seed) & 1 ? TERM_LT : TERM_LE, SORT_BOOL,
                            args, 2);
      if (rnd(&seed) & 1)
        cmp = term_raw(tm, TERM_NOT, SORT_BOOL, &cmp, 1);
      bool swap = rnd(&seed) & 1;
      args[0] = cmp;
      args[1] = swap ? b : a;
      args[2] = swap ? a : b;
      t = term_raw(tm, TERM_ITE, SORT_INT, args, 3);
      break;
    }
    case 7: case 8: case 9:
      args[0] = a; args[1] = b;
      t = term_raw(tm, k == 7 ? TERM_EQ : k == 8 ? TERM_LT : TERM_LE,
                   SORT_BOOL, args, 2);
      is_int = false;
      break;
    case 10:
      t = term_raw(tm, TERM_NOT, SORT_BOOL, &c, 1);
      is_int = false;
      break;
    case 11: case 12:
      args[0] = c; args[1] = d; args[2] = r->bools[rnd(&seed) % (unsigned)r->nb];
      t = term_raw(tm, k == 11 ? TERM_AND : TERM_OR, SORT_BOOL, args,
                   2 + rnd(&seed) % 2);
      is_int = false;
      break;
    default:
      args[0] = c; args[1] = d; args[2] = r->bools[rnd(&seed) % (unsigned)r->nb];
      t = rnd(&seed) & 1 ? term_raw(tm, TERM_ITE, SORT_BOOL, args, 3)
                         : term_raw(tm, TERM_EQ, SORT_BOOL, args, 2);
      is_int = false;
      break;
    }
    if (is_int && r->ni < 400)
      r->ints[r->ni++] = t;
    else if (!is_int && r->nb < 400)
      r->bools[r->nb++] = t;
  }
  mpz_clears(lo, hi, NULL);
}

/* Sets the AIG inputs of variable v to value x. */
static void set_inputs(const Aig *g, Blaster *bl, TermId v, long x,
                       bool *in) {
  const AigLit *bits;
  uint32_t w;
  if (!blast_var_bits(bl, v, &bits, &w))
    return;
  for (uint32_t i = 0; i < w; i++)
    if (!aig_is_const(bits[i]))
      in[aig_input_index(g, aig_node(bits[i]))] = (unsigned long)x >> i & 1;
}

/* For every term: when its poison (overflow) literal is false, its value
 * (bits) is the exact value; with a cap wide enough, never poisoned.
 * _i picks the cap: 1..8, and 64 (no cut at all). */
START_TEST(test_blast_contract) {
  static const uint32_t caps[] = {1, 2, 3, 4, 5, 6, 8, 64};
  uint32_t cap = caps[_i];
  RandTerms r = {0};
  r.tm = term_mgr_new();
  rand_terms(&r, 777u + (unsigned)_i);
  Aig *g = aig_new();
  Blaster *bl = blast_new(r.tm, g, 5, cap);
  for (int i = 0; i < r.ni; i++) {
    uint32_t w;
    AigLit o;
    blast_int(bl, r.ints[i], &w, &o);
  }
  for (int i = 0; i < r.nb; i++) {
    AigLit v, p;
    blast_bool(bl, r.bools[i], &v, &p);
  }
  ck_assert_ptr_null(blast_error(bl));
  TermEval *ev = term_eval_new(r.tm, (TermEvalVars){rt_get_bool, rt_get_int, &r, NULL});
  bool *in = calloc(aig_num_inputs(g) + 1, sizeof *in);
  bool *val = malloc(aig_num_nodes(g) * sizeof *val);
  static const long bounds[6][2] = {{-3, 4}, {0, 9}, {-20, -2}, {5, 5},
                                    {-16, 15}, {-16, 15}};
  unsigned seed = 99;
  mpz_t exact;
  mpz_init(exact);
  int poisoned = 0, checked = 0;
  for (int round = 0; round < 300; round++) {
    for (int v = 0; v < 6; v++) {
      long span = bounds[v][1] - bounds[v][0] + 1;
      r.ival[v] = bounds[v][0] + (long)(rnd(&seed) % (unsigned)span);
      set_inputs(g, bl, r.ivars[v], r.ival[v], in);
    }
    for (int v = 0; v < 3; v++) {
      r.bval[v] = rnd(&seed) & 1;
      set_inputs(g, bl, r.bvars[v], r.bval[v], in);
    }
    aig_sim(g, in, val);
    term_eval_reset(ev);
    for (int i = 0; i < r.ni; i++) {
      uint32_t w;
      AigLit o;
      const AigLit *bits = blast_int(bl, r.ints[i], &w, &o);
      term_eval_int(ev, r.ints[i], exact);
      if (aig_lit_value(val, o)) {
        poisoned++;
        continue;
      }
      checked++;
      mpz_t got;
      mpz_init(got);
      for (uint32_t k = 0; k < w; k++)
        if (aig_lit_value(val, bits[k]))
          mpz_setbit(got, k);
      if (mpz_tstbit(got, w - 1)) {
        mpz_t m;
        mpz_init_set_ui(m, 1);
        mpz_mul_2exp(m, m, w);
        mpz_sub(got, got, m);
        mpz_clear(m);
      }
      if (mpz_cmp(got, exact) != 0) {
        term_print(r.tm, r.ints[i], stderr);
        fputc('\n', stderr);
      }
      ck_assert_msg(mpz_cmp(got, exact) == 0,
                    "cap %u: Int term %d (width %u): bits say %ld, exact %ld",
                    cap, i, w, mpz_get_si(got), mpz_get_si(exact));
      mpz_clear(got);
    }
    for (int i = 0; i < r.nb; i++) {
      AigLit v, p;
      blast_bool(bl, r.bools[i], &v, &p);
      if (aig_lit_value(val, p)) {
        poisoned++;
        continue;
      }
      checked++;
      ck_assert_msg(aig_lit_value(val, v) == term_eval_bool(ev, r.bools[i]),
                    "cap %u: Bool term %d is wrong without poison", cap, i);
    }
  }
  if (cap == 64)
    ck_assert_int_eq(poisoned, 0);
  else
    ck_assert_int_gt(poisoned, 0); /* the cut is exercised */
  ck_assert_int_gt(checked, 0);
  ck_assert(blast_cut(bl) == (cap != 64));
  mpz_clear(exact);
  free(in);
  free(val);
  term_eval_delete(ev);
  blast_delete(bl);
  aig_delete(g);
  term_mgr_delete(r.tm);
}
END_TEST

Suite *blast_suite(void) {
  Suite *s = suite_create("blast");
  TCase *tc = tcase_create("blast");
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, test_blast_contract, 0, 8);
  suite_add_tcase(s, tc);
  return s;
}

/* ---------------------------------------------------------------------
 * The CaDiCaL solver through the SolverOps interface */

#include <ccadical.h>
#include <z3.h>

static TermMgr *tm;
static Solver *sv;

static void cad_setup(void) {
  tm = term_mgr_new();
  sv = solver_cadical_new(tm, NULL);
}

static void cad_teardown(void) {
  solver_delete(sv);
  term_mgr_delete(tm);
  sv = NULL;
  tm = NULL;
}

/* A fresh solver with integers of `width` bits (replaces sv). */
static void cad_width(unsigned width) {
  solver_delete(sv);
  CadicalOptions o = {width, NULL};
  sv = solver_cadical_new(tm, &o);
}

static TermId num(long v) { return term_mk_int_si(tm, v); }
static TermId ivar(const char *n) { return term_mk_var(tm, n, SORT_INT); }
static TermId bvar(const char *n) { return term_mk_var(tm, n, SORT_BOOL); }
static TermId bounded(const char *n, long lo, long hi) {
  TermId v = ivar(n);
  mpz_t a, b;
  mpz_init_set_si(a, lo);
  mpz_init_set_si(b, hi);
  term_var_set_bounds(tm, v, a, b);
  mpz_clears(a, b, NULL);
  return v;
}

static long value(TermId t) {
  mpz_t v;
  mpz_init(v);
  solver_value_int(sv, t, v);
  ck_assert(mpz_fits_slong_p(v));
  long r = mpz_get_si(v);
  mpz_clear(v);
  return r;
}

START_TEST(test_cad_describe) {
  /* The contract is t23_solver.c's; here, what the summary says. */
  TermId a = ivar("a");
  solver_assert(sv, term_mk_lt(tm, num(3), a));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_gt(value(a), 3);
  ck_assert_str_eq(sv->ops->name, "cadical");
  ck_assert_str_eq(solver_describe(sv), "cadical, integers chosen from Nat "
                                        "or Int limited to 32 bits");
  ck_assert_ptr_nonnull(solver_caveat(sv)); /* a has no bounds */
}
END_TEST

/* Bounded variables (the encoder's bounds) take only values in range; a
 * solver with only such integers has no caveat. */
START_TEST(test_cad_bounded_domain) {
  TermId x = bounded("x", 3, 5), y = bounded("y", -2, 0);
  solver_assert(sv, term_mk_not(tm, term_mk_eq(tm, x, num(3))));
  solver_assert(sv, term_mk_not(tm, term_mk_eq(tm, x, num(4))));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_eq(value(x), 5);
  TermId lt = term_mk_lt(tm, term_mk_add(tm, x, y), num(3));
  ck_assert_int_eq(solver_check(sv, &lt, 1), SOLVER_UNSAT);
  TermId eq = term_mk_eq(tm, term_mk_mul(tm, x, y), num(-10));
  ck_assert_int_eq(solver_check(sv, &eq, 1), SOLVER_SAT);
  ck_assert_int_eq(value(y), -2);
  solver_assert(sv, term_mk_not(tm, term_mk_eq(tm, x, num(5))));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNSAT);
  ck_assert_ptr_null(solver_caveat(sv));
  ck_assert_str_eq(solver_describe(sv), "cadical");
}
END_TEST

/* A model needs integers wider than the first width: the solver must
 * widen and find it, never answer with wrapped values. */
START_TEST(test_cad_overflow_widens_sat) {
  cad_width(4); /* x in -8..7; x * x * x cut at 4 bits */
  TermId x = ivar("x");
  TermId cube = term_mk_mul(tm, x, term_mk_mul(tm, x, x));
  solver_assert(sv, term_mk_lt(tm, num(100), cube));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  long v = value(x);
  ck_assert_msg(v >= 5 && v <= 7, "x = %ld", v);
  ck_assert_int_eq(value(cube), v * v * v);
  ck_assert_msg(strstr(solver_describe(sv), "widened"), "%s",
                solver_describe(sv));
}
END_TEST

/* UNSAT mathematically, but wrapped arithmetic at 4 bits has models: the
 * answer must still be UNSAT (after widening). */
START_TEST(test_cad_overflow_widens_unsat) {
  cad_width(4);
  TermId x = ivar("x");
  TermId sq = term_mk_mul(tm, x, x);
  TermId q = term_mk_lt(tm, term_mk_mul(tm, sq, sq), num(0));
  ck_assert_int_eq(solver_check(sv, &q, 1), SOLVER_UNSAT);
  TermId big = term_mk_lt(tm, num(1000), term_mk_add(tm, sq, num(1)));
  ck_assert_int_eq(solver_check(sv, &big, 1), SOLVER_UNSAT); /* x^2 <= 64 */
  TermId fits = term_mk_eq(tm, term_mk_add(tm, sq, num(1)), num(50));
  ck_assert_int_eq(solver_check(sv, &fits, 1), SOLVER_SAT);
  ck_assert_int_eq(value(sq), 49);
}
END_TEST

/* Beyond the widest integers tried (512 bits): SOLVER_UNKNOWN naming the
 * overflow, with the model that reaches it still readable. */
START_TEST(test_cad_overflow_at_limit) {
  cad_width(512);
  TermId x = ivar("x");
  mpz_t c;
  mpz_init_set_ui(c, 1);
  mpz_mul_2exp(c, c, 600);
  TermId prod = term_mk_mul(tm, x, term_mk_int(tm, c));
  mpz_clear(c);
  solver_assert(sv, term_mk_le(tm, num(1), x));
  TermId q = term_mk_lt(tm, prod, num(0));
  ck_assert_int_eq(solver_check(sv, &q, 1), SOLVER_UNKNOWN);
  const char *why = sv->ops->reason_unknown(sv);
  ck_assert_msg(strstr(why, "integer overflow") && strstr(why, "512 bits"),
                "%s", why);
  ck_assert(solver_partial_model(sv));
  ck_assert_int_ge(value(x), 1);
  /* A query that does not depend on the product is answered. */
  TermId small = term_mk_eq(tm, x, num(3));
  ck_assert_int_eq(solver_check(sv, &small, 1), SOLVER_SAT);
  ck_assert(!solver_partial_model(sv));
}
END_TEST

/* The poison of a path not taken does not spread (Kleene): an overflow
 * in the branch an ite does not take leaves the answer exact. */
START_TEST(test_cad_overflow_not_taken) {
  cad_width(4);
  TermId x = bounded("x", 0, 7), c = bvar("c");
  TermId big = term_mk_mul(tm, x, num(100)); /* needs 11 bits; cut to 4 */
  TermId v = term_mk_ite(tm, c, big, x);
  solver_assert(sv, term_mk_not(tm, c));
  TermId q = term_mk_eq(tm, v, num(6));
  ck_assert_int_eq(solver_check(sv, &q, 1), SOLVER_SAT);
  ck_assert_int_eq(value(x), 6);
  ck_assert_str_eq(solver_describe(sv), "cadical"); /* no widening */
}
END_TEST

START_TEST(test_cad_deep_ite) {
  /* a 50,000-deep ITE chain: explicit stacks everywhere */
  TermId x = bounded("x", 0, 60000);
  TermId t = num(-1);
  for (long i = 0; i < 50000; i++)
    t = term_mk_ite(tm, term_mk_eq(tm, x, num(i)), num(i), t);
  TermId q = term_mk_eq(tm, t, num(49999));
  ck_assert_int_eq(solver_check(sv, &q, 1), SOLVER_SAT);
  ck_assert_int_eq(value(x), 49999);
  TermId r = term_mk_eq(tm, t, num(50000));
  ck_assert_int_eq(solver_check(sv, &r, 1), SOLVER_UNSAT);
}
END_TEST

/* A pigeonhole problem (10 pigeons, 9 holes) is hard for CDCL: a 1 ms
 * budget must end the check as SOLVER_UNKNOWN, not hang. */
START_TEST(test_cad_timeout) {
  enum { P = 10, H = 9 };
  TermId in[P][H];
  char name[32];
  for (int p = 0; p < P; p++) {
    TermId some[H];
    for (int h = 0; h < H; h++) {
      snprintf(name, sizeof name, "p%dh%d", p, h);
      some[h] = in[p][h] = bvar(name);
    }
    solver_assert(sv, term_mk_or(tm, some, H));
  }
  for (int h = 0; h < H; h++)
    for (int p = 0; p < P; p++)
      for (int q = p + 1; q < P; q++)
        solver_assert(sv, term_mk_not(tm, term_mk_and2(tm, in[p][h], in[q][h])));
  sv->ops->set_timeout_ms(sv, 1);
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_UNKNOWN);
  ck_assert_msg(strstr(sv->ops->reason_unknown(sv), "timeout"), "%s",
                sv->ops->reason_unknown(sv));
}
END_TEST

/* Reads a DIMACS file into a fresh CaDiCaL (checking the header's clause
 * count) and solves it: 10 SAT, 20 UNSAT. */
static int dimacs_solve(const char *path) {
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  CCaDiCaL *sat = ccadical_init();
  char line[1 << 14];
  long vars = -1, want = -1, got = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == 'c')
      continue;
    if (line[0] == 'p') {
      ck_assert_int_eq(sscanf(line, "p cnf %ld %ld", &vars, &want), 2);
      continue;
    }
    char *p = line, *end;
    for (;;) {
      long l = strtol(p, &end, 10);
      if (end == p)
        break;
      ck_assert_int_le(labs(l), vars);
      ccadical_add(sat, (int)l);
      got += l == 0;
      p = end;
    }
  }
  fclose(f);
  ck_assert_int_eq(got, want);
  int r = ccadical_solve(sat);
  ccadical_release(sat);
  return r;
}

/* The CNF dump is the exact query: with the last check's assumptions as
 * unit clauses, a fresh CaDiCaL gives the same answer. */
START_TEST(test_cad_dump_cnf) {
  for (int unsat = 0; unsat < 2; unsat++) {
    char path[] = "/tmp/brink_cnf_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    solver_delete(sv);
    CadicalOptions o = {0, path};
    sv = solver_cadical_new(tm, &o);
    TermId x = bounded("x", 0, 9), y = bounded("y", 0, 9);
    solver_assert(sv, term_mk_eq(tm, term_mk_add(tm, x, y), num(7)));
    TermId a[2] = {term_mk_lt(tm, x, y), term_mk_lt(tm, y, x)};
    ck_assert_int_eq(solver_check(sv, a, 1), SOLVER_SAT);
    ck_assert_int_eq(solver_check(sv, a, 1 + unsat),
                     unsat ? SOLVER_UNSAT : SOLVER_SAT);
    solver_delete(sv);
    sv = NULL;
    ck_assert_int_eq(dimacs_solve(path), unsat ? 20 : 10);
    unlink(path);
  }
  sv = solver_cadical_new(tm, NULL);
}
END_TEST

/* `auto`: CaDiCaL while every integer is bounded, Z3 from the first
 * unbounded one on, with every earlier assertion carried over. */
START_TEST(test_auto_moves_to_z3) {
  solver_delete(sv);
  sv = solver_auto_new(tm, NULL);
  /* Z3 knows nothing of the encoder's bounds: the encoder always asserts
   * them as well (its membership constraints), and so does this test. */
  TermId x = bounded("x", 0, 9);
  solver_assert(sv, term_mk_le(tm, x, num(9)));
  solver_assert(sv, term_mk_lt(tm, num(6), x));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_msg(strstr(solver_describe(sv), "cadical"), "%s",
                solver_describe(sv));
  TermId n = ivar("n"); /* no bounds: a choice from Int */
  solver_assert(sv, term_mk_eq(tm, term_mk_mul(tm, n, n), x));
  ck_assert_int_eq(solver_check(sv, NULL, 0), SOLVER_SAT);
  ck_assert_int_eq(value(x), 9);
  ck_assert_int_eq(labs(value(n)), 3);
  ck_assert_msg(strstr(solver_describe(sv), "z3, picked by auto"), "%s",
                solver_describe(sv));
  ck_assert_ptr_null(solver_caveat(sv));
  TermId no = term_mk_lt(tm, x, num(7));
  ck_assert_int_eq(solver_check(sv, &no, 1), SOLVER_UNSAT);
}
END_TEST

/* auto asks Z3 again when integers outgrow the widest bit-vectors. */
START_TEST(test_auto_overflow_to_z3) {
  solver_delete(sv);
  sv = solver_auto_new(tm, NULL);
  TermId x = bounded("x", 2, 3), p = x;
  solver_assert(sv, term_mk_and2(tm, term_mk_le(tm, num(2), x),
                                 term_mk_le(tm, x, num(3))));
  for (int i = 0; i < 10; i++) /* x^(2^10): up to 1624 bits */
    p = term_mk_mul(tm, p, p);
  TermId q = term_mk_le(tm, p, num(0));
  ck_assert_int_eq(solver_check(sv, &q, 1), SOLVER_UNSAT);
  ck_assert_msg(strstr(solver_describe(sv), "z3"), "%s", solver_describe(sv));
}
END_TEST

/* --dump-smt2: the file is a query Z3 reads back and answers alike. */
START_TEST(test_smt2_dump_reads_back) {
  char path[] = "/tmp/brink_smt2_XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  solver_delete(sv);
  sv = solver_smt2_dump_new(solver_cadical_new(tm, NULL), path);
  TermId x = bounded("x", -9, 9), y = bounded("y", -3, 3);
  /* Z3 leaves division by 0 unspecified: the encoder always guards it */
  solver_assert(sv, term_mk_not(tm, term_mk_eq(tm, y, num(0))));
  solver_assert(sv, term_mk_eq(tm, term_mk_mod(tm, x, y), num(-2)));
  solver_assert(sv, term_mk_eq(tm, term_mk_div(tm, x, y), num(-3)));
  TermId a = term_mk_fresh(tm, "ask", SORT_BOOL);
  solver_assert(sv, term_mk_implies(tm, a, term_mk_lt(tm, num(0), x)));
  ck_assert_int_eq(solver_check(sv, &a, 1), SOLVER_SAT);
  ck_assert_int_eq(value(x), 7); /* 7 = -3 * -3 + -2 */
  ck_assert_int_eq(value(y), -3);
  solver_delete(sv);
  sv = NULL;
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  static char text[1 << 16];
  size_t len = fread(text, 1, sizeof text - 1, f);
  text[len] = '\0';
  fclose(f);
  unlink(path);
  ck_assert_msg(strstr(text, "(check-sat-assuming (|ask"), "%s", text);
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  Z3_string out = Z3_eval_smtlib2_string(ctx, text);
  ck_assert_msg(strncmp(out, "sat", 3) == 0, "z3 says: %s", out);
  /* with x > 0 replaced by x < 0 it is UNSAT: check the text is the
   * query, not something weaker */
  char *flip = strstr(text, "(< 0 |x|)");
  ck_assert_ptr_nonnull(flip);
  memcpy(flip, "(< |x| 0)", 9);
  Z3_del_context(ctx);
  cfg = Z3_mk_config();
  ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  out = Z3_eval_smtlib2_string(ctx, text);
  ck_assert_msg(strncmp(out, "unsat", 5) == 0, "z3 says: %s", out);
  Z3_del_context(ctx);
  sv = solver_cadical_new(tm, NULL);
}
END_TEST

Suite *cadical_suite(void) {
  Suite *s = suite_create("cadical");
  TCase *tc = tcase_create("cadical");
  tcase_add_checked_fixture(tc, cad_setup, cad_teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_cad_describe);
  tcase_add_test(tc, test_cad_bounded_domain);
  tcase_add_test(tc, test_cad_overflow_widens_sat);
  tcase_add_test(tc, test_cad_overflow_widens_unsat);
  tcase_add_test(tc, test_cad_overflow_at_limit);
  tcase_add_test(tc, test_cad_overflow_not_taken);
  tcase_add_test(tc, test_cad_deep_ite);
  tcase_add_test(tc, test_cad_timeout);
  tcase_add_test(tc, test_cad_dump_cnf);
  tcase_add_test(tc, test_auto_moves_to_z3);
  tcase_add_test(tc, test_auto_overflow_to_z3);
  tcase_add_test(tc, test_smt2_dump_reads_back);
  suite_add_tcase(s, tc);
  return s;
}

/* ---------------------------------------------------------------------
 * The command line: what a run with the cadical back end says */

#include <fcntl.h>
#include <sys/wait.h>

typedef struct CliRun {
  int status;
  char out[1 << 16], err[1 << 16];
} CliRun;

static void read_all(int fd, char *buf, size_t cap) {
  size_t n = 0;
  lseek(fd, 0, SEEK_SET);
  ssize_t r;
  while (n + 1 < cap && (r = read(fd, buf + n, cap - 1 - n)) > 0)
    n += (size_t)r;
  buf[n] = '\0';
}

/* Runs `brink check ARGS...` (NULL-terminated) with output captured. */
static CliRun *cli(const char *first, ...) {
  static CliRun run;
  const char *argv[32];
  int n = 0;
  const char *b = getenv("BRINK");
  argv[n++] = b && *b ? b : "./brink";
  argv[n++] = "check";
  va_list ap;
  va_start(ap, first);
  for (const char *a = first; a && n < 31; a = va_arg(ap, const char *))
    argv[n++] = a;
  va_end(ap);
  argv[n] = NULL;
  char po[] = "/tmp/brink_bb_XXXXXX", pe[] = "/tmp/brink_bb_XXXXXX";
  int fo = mkstemp(po), fe = mkstemp(pe);
  ck_assert(fo >= 0 && fe >= 0);
  unlink(po);
  unlink(pe);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    dup2(fo, 1);
    dup2(fe, 2);
    alarm(100);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    ;
  run.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  read_all(fo, run.out, sizeof run.out);
  read_all(fe, run.err, sizeof run.err);
  close(fo);
  close(fe);
  return &run;
}

#define SPECS "tests/specs/"

START_TEST(test_cli_widened_answer) {
  CliRun *r = cli("--backend", "cadical", "--int-width", "4", "--inv",
                  "Positive", "--length", "6", SPECS "CadicalWiden.tla", NULL);
  ck_assert_msg(r->status == 0, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->out, "backend cadical, integers widened to 16 "
                               "bits)"),
                "%s", r->out);
  r = cli("--backend", "cadical", "--int-width", "4", SPECS "CadicalWiden.tla",
          NULL);
  ck_assert_msg(r->status == 12, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->out, "violated after 4 steps"), "%s", r->out);
}
END_TEST

START_TEST(test_cli_overflow_unknown) {
  CliRun *r = cli("--backend", "cadical", "--length", "9",
                  SPECS "CadicalSquares.tla", NULL);
  ck_assert_msg(r->status == 255, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->err, "integer overflow") &&
                    strstr(r->err, "beyond 512 bits"),
                "%s", r->err);
  /* the path to the overflow, on stderr, with the exact values */
  ck_assert_msg(strstr(r->err, "State 10: <Next>"), "%s", r->err);
  ck_assert_msg(strstr(r->err, "\nx = 65536\n") ||
                    strstr(r->err, "\nx = 43046721\n"),
                "%s", r->err);
  ck_assert_msg(!strstr(r->out, "State 1:"), "%s", r->out);
  /* auto asks z3 instead */
  r = cli("--length", "9", SPECS "CadicalSquares.tla", NULL);
  ck_assert_msg(r->status == 0, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->out, "backend z3, picked by auto: integers beyond"),
                "%s", r->out);
}
END_TEST

START_TEST(test_cli_unbounded_choice) {
  CliRun *r = cli("--backend", "cadical", "--length", "4", "--next",
                  "NextChoice", "--inv", "NonNegative",
                  SPECS "CadicalNatChoice.tla", NULL);
  ck_assert_msg(r->status == 0, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->err, "warning: the cadical back end gives integers "
                               "chosen from Nat or Int only 32 bits"),
                "%s", r->err);
  ck_assert_msg(strstr(r->out, "backend cadical, integers chosen from Nat or "
                               "Int limited to 32 bits)"),
                "%s", r->out);
  r = cli("--length", "4", "--next", "NextChoice", "--inv", "NonNegative",
          SPECS "CadicalNatChoice.tla", NULL);
  ck_assert_msg(r->status == 0, "exit %d\n%s%s", r->status, r->out, r->err);
  ck_assert_msg(strstr(r->out, "backend z3, picked by auto: the spec chooses "
                               "integers from Nat or Int)"),
                "%s", r->out);
  ck_assert_msg(!strstr(r->err, "warning"), "%s", r->err);
  r = cli("--length", "4", SPECS "CadicalWiden.tla", NULL);
  ck_assert_msg(strstr(r->out, "violated after 4 steps"), "%s", r->out);
  r = cli("--length", "4", "--inv", "Positive", SPECS "CadicalWiden.tla", NULL);
  ck_assert_msg(strstr(r->out, "backend cadical, picked by auto: every "
                               "integer is bounded)"),
                "%s", r->out);
}
END_TEST

START_TEST(test_cli_dumps) {
  char cnf[] = "/tmp/brink_cnf_XXXXXX", smt[] = "/tmp/brink_smt_XXXXXX";
  close(mkstemp(cnf));
  close(mkstemp(smt));
  CliRun *r = cli("--backend", "cadical", "--dump-cnf", cnf, "--dump-smt2",
                  smt, "--length", "3", "--inv", "Positive", "--no-deadlock",
                  SPECS "CadicalWiden.tla", NULL);
  ck_assert_msg(r->status == 0, "exit %d\n%s%s", r->status, r->out, r->err);
  /* the last query asks for a violation at depth 3: UNSAT */
  ck_assert_int_eq(dimacs_solve(cnf), 20);
  FILE *f = fopen(smt, "r");
  ck_assert_ptr_nonnull(f);
  static char text[1 << 20];
  size_t len = fread(text, 1, sizeof text - 1, f);
  text[len] = '\0';
  fclose(f);
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  Z3_string out = Z3_eval_smtlib2_string(ctx, text);
  ck_assert_msg(strncmp(out, "unsat", 5) == 0, "z3 says: %s", out);
  Z3_del_context(ctx);
  unlink(cnf);
  unlink(smt);
  /* --dump-cnf needs the bit-blaster */
  r = cli("--backend", "z3", "--dump-cnf", "/tmp/x.cnf",
          SPECS "CadicalWiden.tla", NULL);
  ck_assert_int_eq(r->status, 255);
  ck_assert_msg(strstr(r->err, "--dump-cnf needs the cadical back end"), "%s",
                r->err);
  r = cli("--int-width", "0", SPECS "CadicalWiden.tla", NULL);
  ck_assert_int_eq(r->status, 255);
  ck_assert_msg(strstr(r->err, "--int-width must be a number from 1 to 512"),
                "%s", r->err);
}
END_TEST

Suite *cadical_cli_suite(void) {
  Suite *s = suite_create("cadical_cli");
  TCase *tc = tcase_create("cadical_cli");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_cli_widened_answer);
  tcase_add_test(tc, test_cli_overflow_unknown);
  tcase_add_test(tc, test_cli_unbounded_choice);
  tcase_add_test(tc, test_cli_dumps);
  suite_add_tcase(s, tc);
  return s;
}
