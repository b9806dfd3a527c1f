/* bv.h -- two's-complement bit-vectors over an AIG.
 *
 * A bit-vector of width w >= 1 is an array of w AIG literals, least
 * significant bit first, read as a signed (two's-complement) integer in
 * -2^(w-1) .. 2^(w-1)-1.  Every function writes its result into storage the
 * caller provides (out, w literals unless said otherwise), which must not
 * overlap the operands, and states its width contract.  The arithmetic
 * functions compute modulo 2^w: callers that need exact results pick a
 * width the exact result fits in, or test with bv_fits. */
#ifndef BRINK_BV_H
#define BRINK_BV_H

#include <gmp.h>

#include "aig.h"

/* The signed width of v: the least w >= 1 such that v fits w bits. */
uint32_t bv_width_of(const mpz_t v);
/* out (w bits) = v mod 2^w, as constant literals. */
void bv_const(const mpz_t v, uint32_t w, AigLit *out);
/* out (w bits) = a (wa bits) sign-extended or truncated to w bits. */
void bv_resize(const AigLit *a, uint32_t wa, uint32_t w, AigLit *out);
/* Is the value of a (wa bits) representable in w bits? */
AigLit bv_fits(Aig *g, const AigLit *a, uint32_t wa, uint32_t w);

/* out = (a + b) mod 2^w; a, b and out have w bits. */
void bv_add(Aig *g, const AigLit *a, const AigLit *b, uint32_t w, AigLit *out);
/* out = (-a) mod 2^w; a and out have w bits. */
void bv_neg(Aig *g, const AigLit *a, uint32_t w, AigLit *out);
/* out = (a * b) mod 2^w; a, b and out have w bits. */
void bv_mul(Aig *g, const AigLit *a, const AigLit *b, uint32_t w, AigLit *out);
/* out (w bits) = (a * b) mod 2^w for a of wa bits and b of wb bits: the
 * magnitudes multiplied (one row of wa adders per bit of b below w, no rows
 * for sign extension), then the sign.  With w >= wa + wb the product is
 * exact.  Cheaper than bv_mul on sign-extended operands when w > wb. */
void bv_mul_signed(Aig *g, const AigLit *a, uint32_t wa, const AigLit *b,
                   uint32_t wb, uint32_t w, AigLit *out);
/* TLA+'s a \div b and a % b (floor division: the remainder has the sign
 * of b), modulo 2^w; a, b, q and r have w bits.  The quotient is exact
 * except for -2^(w-1) \div -1, which wraps.  For b = 0 (undefined in TLA+,
 * guarded by the encoder) q = 0 and r = a, so a = b * q + r always. */
void bv_divmod(Aig *g, const AigLit *a, const AigLit *b, uint32_t w,
               AigLit *q, AigLit *r);

/* Comparisons of w-bit signed values. */
AigLit bv_eq(Aig *g, const AigLit *a, const AigLit *b, uint32_t w);
AigLit bv_lt(Aig *g, const AigLit *a, const AigLit *b, uint32_t w);
AigLit bv_le(Aig *g, const AigLit *a, const AigLit *b, uint32_t w);
/* out = c ? a : b, bitwise; a, b and out have w bits. */
void bv_ite(Aig *g, AigLit c, const AigLit *a, const AigLit *b, uint32_t w,
            AigLit *out);

#endif
