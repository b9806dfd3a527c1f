/* valint.h -- what the files of values (value.c, valfind.c, valprint.c,
 * valperm.c) share; private to src/eval/.
 *
 * Fingerprints are MurmurHash3-style combinations of per-kind seeds and
 * the children's fingerprints (never addresses), so they depend only on
 * contents.  Constructors normalise their input in a scratch buffer: the
 * caller's stack array of SCRATCH_N pointers when it is big enough, else
 * the heap. */
#ifndef BRINK_VALINT_H
#define BRINK_VALINT_H

#include <stdlib.h>

#include "value.h"

#define SEED_FUN UINT64_C(0x7feb352d)

static inline uint64_t rotl64(uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

/* MurmurHash3's 64-bit finaliser: a bijection with full avalanche. */
static inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

/* One order-sensitive step of a MurmurHash3-style combination. */
static inline uint64_t hmix(uint64_t h, uint64_t x) {
  x *= 0x87c37b91114253d5ull;
  x = rotl64(x, 31);
  x *= 0x4cf5ad432745937full;
  h ^= x;
  h = rotl64(h, 27);
  return h * 5 + 0x52dce729;
}

static inline uint64_t hash_fun(Value *const *keys, Value *const *vals,
                                size_t n) {
  uint64_t h = SEED_FUN;
  for (size_t i = 0; i < n; i++) {
    h = hmix(h, keys[i]->hash);
    h = hmix(h, vals[i]->hash);
  }
  return fmix64(h ^ n);
}

#define SCRATCH_N 64

/* A buffer of n pointers: the caller's stack buffer when it is big enough,
 * else a heap block released with scratch_free. */
static inline Value **scratch_get(Value **local, size_t n) {
  return n <= SCRATCH_N ? local : xmalloc(n * sizeof(Value *));
}

static inline void scratch_free(Value **local, Value **buf) {
  if (buf != local)
    free(buf);
}

/* The canonical set of elems, already sorted without duplicates. */
Value *vi_set_sorted(Value **elems, size_t n);
/* The keys 1..n of a tuple of length n (shared by all such tuples), or
 * NULL when 1..n is an interval (n > VAL_MAX_ENUM). */
Value **vi_tuple_keys(size_t n);
/* Index of key in f's domain, or -1. */
ptrdiff_t vi_fun_find(const Value *f, const Value *key);

#endif
