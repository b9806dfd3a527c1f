/* blast.h -- terms to AIG bit-vectors, with exact integer widths and
 * overflow tracking (the bit-blasting back end's translation layer).
 *
 * Representation.  A Bool term t becomes two AIG literals (val, poison);
 * an Int term a bit-vector bits (bv.h: LSB first, two's complement) of
 * width w(t) and a literal ovf.  Contract, for every assignment to the AIG
 * inputs: when poison(t) (ovf(t)) is false, val(t) (bits(t)) is the
 * mathematical value of t, where each variable has the value its own bits
 * give.  Poison spreads the way Kleene's logic does: a conjunction with an
 * unpoisoned false conjunct is not poisoned, an ite is as poisoned as the
 * branch it takes (and its condition).
 *
 * Widths.  Each Int term has an interval that holds for every value of its
 * variables: a constant's own value; the encoder's bounds for a variable
 * it constrains itself (term_var_bounds); -2^(vw-1) .. 2^(vw-1)-1 for any
 * other Int variable (vw = var_width: such a variable, e.g. a choice from
 * Nat, has vw bits and cannot take other values); and interval arithmetic
 * above them.  A term gets the bits its interval needs, but at most `cap`
 * bits (constants and variables are never cut).  A term whose interval
 * fits the cap can never overflow; only a cut term computes its exact
 * result at the width its operands need and sets ovf when it does not fit.
 *
 * A variable with encoder bounds lo..hi takes only values in lo..hi: the
 * blaster queues that as a side constraint (blast_take_side), which the
 * caller must assert.  Bit-vector sorts (sort_bv) are not supported: they
 * make blast_error return a message. */
#ifndef BRINK_BLAST_H
#define BRINK_BLAST_H

#include "aig.h"
#include "term.h"

typedef struct Blaster Blaster;

Blaster *blast_new(TermMgr *tm, Aig *g, uint32_t var_width, uint32_t cap);
void blast_delete(Blaster *b);

/* A Bool term. */
void blast_bool(Blaster *b, TermId t, AigLit *val, AigLit *poison);
/* An Int term: its bits (owned by the blaster; valid until the next call)
 * and width. */
const AigLit *blast_int(Blaster *b, TermId t, uint32_t *w, AigLit *ovf);
/* The side constraints queued since the last call (domains of bounded
 * variables); *n of them, in storage owned by the blaster. */
const AigLit *blast_take_side(Blaster *b, size_t *n);
/* A variable blasted so far: its inputs (one for a Bool, w(t) for an
 * Int); false when the variable was never blasted. */
bool blast_var_bits(const Blaster *b, TermId var, const AigLit **bits,
                    uint32_t *w);
/* The first Int variable without encoder bounds met so far, or TERM_NONE. */
TermId blast_unbounded_var(const Blaster *b);
/* Was some term cut to the cap (so that ovf can hold)? */
bool blast_cut(const Blaster *b);
/* The error that stopped translation, or NULL. */
const char *blast_error(const Blaster *b);

/* The signed width of the interval lo..hi. */
uint32_t blast_width_of_range(const mpz_t lo, const mpz_t hi);

#endif
