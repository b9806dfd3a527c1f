/* valfind.c -- lookups in canonical values, and the set algebra.
 *
 * Design.  Values are hash-consed (value.c), so finding x among a set's
 * elements or a function's keys is finding its pointer: a short array is
 * scanned, a long one is searched through a hash index keyed by x's
 * fingerprint (built the second time an array is searched, kept in a
 * direct-mapped cache of bounded size), or by binary search in val_cmp's
 * order the first time.  A sequence's key i sits at index i - 1.  Union,
 * intersection and difference are one merge of two sorted element arrays;
 * inclusion of lazy intervals is decided on their bounds.
 * <<a, b>> \in S over a finite S is looked up by the tuple's fingerprint
 * without making the tuple. */
#include "valint.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Sign of x - z for an integer value x. */
static int cmp_int_mpz(const Value *x, const mpz_t z) {
  return x->big ? mpz_cmp(x->z, z) : -mpz_cmp_si(z, (long)x->u.small);
}

/* Hash indexes of sorted element arrays (a set's elements, the shared keys
 * of functions on one domain).  Values are hash-consed, so finding x is
 * finding its pointer: a probe by x's fingerprint instead of a binary
 * search whose every step compares values deeply.  The indexes live in a
 * direct-mapped cache keyed by the array's address; an array gets one the
 * second time it is searched, and loses it when another array takes its
 * cache line, so memory stays bounded. */
#define ARRAY_INDEX_LINES (1u << 16)
static struct ArrayIndex {
  Value *const *arr;
  uint32_t n, searches;
  uint32_t mask;   /* slots - 1, 0 while there is no index */
  uint32_t *slots; /* position + 1; 0 = empty */
} * array_index;

static ptrdiff_t binary_find(Value *const *a, size_t n, const Value *x);

/* The hash index of the array a of n values (a direct-mapped cache of
 * indexes, one line per array): NULL the first time an array is searched
 * (then a binary search is cheaper than building the index) unless
 * `build` asks for it anyway. */
static struct ArrayIndex *array_index_of(Value *const *a, size_t n,
                                         bool build) {
  if (!array_index)
    array_index = xcalloc(ARRAY_INDEX_LINES, sizeof *array_index);
  struct ArrayIndex *ix =
      &array_index[fmix64((uint64_t)(uintptr_t)a) & (ARRAY_INDEX_LINES - 1)];
  if (ix->arr != a || ix->n != n) {
    free(ix->slots);
    *ix = (struct ArrayIndex){a, (uint32_t)n, 0, 0, NULL};
  }
  if (!ix->slots) {
    if (++ix->searches < 2 && !build)
      return NULL;
    uint32_t cap = 16;
    while (cap < 2 * n)
      cap *= 2;
    ix->slots = xcalloc(cap, sizeof *ix->slots);
    ix->mask = cap - 1;
    for (uint32_t i = 0; i < n; i++) {
      uint32_t j = (uint32_t)a[i]->hash & ix->mask;
      while (ix->slots[j])
        j = (j + 1) & ix->mask;
      ix->slots[j] = i + 1;
    }
  }
  return ix;
}

static ptrdiff_t indexed_find(Value *const *a, size_t n, const Value *x) {
  struct ArrayIndex *ix = array_index_of(a, n, false);
  if (!ix)
    return binary_find(a, n, x);
  for (uint32_t j = (uint32_t)x->hash & ix->mask; ix->slots[j];
       j = (j + 1) & ix->mask)
    if (a[ix->slots[j] - 1] == x)
      return (ptrdiff_t)ix->slots[j] - 1;
  return -1;
}

/* Index of x in the sorted array, or -1.  A short array is scanned for
 * the pointer itself, a long one searched through its hash index. */
static ptrdiff_t sorted_find(Value *const *a, size_t n, const Value *x) {
  if (n <= 8) {
    for (size_t i = 0; i < n; i++)
      if (a[i] == x)
        return (ptrdiff_t)i;
    return -1;
  }
  return indexed_find(a, n, x);
}

static ptrdiff_t binary_find(Value *const *a, size_t n, const Value *x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = val_cmp(a[mid], x);
    if (c == 0)
      return (ptrdiff_t)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

bool val_set_mem(const Value *set, const Value *x) {
  switch (set->kind) {
  case V_SET:
    return sorted_find(set->u.set.elems, set->u.set.n, x) >= 0;
  case V_INTERVAL:
    return x->kind == V_INT && cmp_int_mpz(x, set->z) >= 0 &&
           cmp_int_mpz(x, set->z2) <= 0;
  case V_INFSET:
    switch (set->u.inf) {
    case INF_NAT:
      return x->kind == V_INT && (x->big ? mpz_sgn(x->z) > 0 : x->u.small >= 0);
    case INF_INT:
      return x->kind == V_INT;
    case INF_STRING:
      return x->kind == V_STR;
    }
    return false;
  default:
    return false;
  }
}

bool val_set_card(const Value *set, mpz_t out) {
  switch (set->kind) {
  case V_SET:
    mpz_set_ui(out, set->u.set.n);
    return true;
  case V_INTERVAL:
    mpz_sub(out, set->z2, set->z);
    mpz_add_ui(out, out, 1);
    return true;
  default:
    return false;
  }
}

Value *val_set_enum(const Value *set) {
  /* A V_INTERVAL has more than VAL_MAX_ENUM elements by construction. */
  return set->kind == V_SET ? (Value *)set : NULL;
}

/* The three merges share one loop: keep elements only in a (KEEP_A), in
 * both (KEEP_BOTH) or only in b (KEEP_B). */
enum { KEEP_A = 1, KEEP_BOTH = 2, KEEP_B = 4 };

static Value *set_merge(const Value *a, const Value *b, int keep) {
  assert(a->kind == V_SET && b->kind == V_SET);
  size_t na = a->u.set.n, nb = b->u.set.n;
  Value *const *ea = a->u.set.elems, *const *eb = b->u.set.elems;
  Value *local[SCRATCH_N];
  Value **out = scratch_get(local, na + nb);
  size_t i = 0, j = 0, m = 0;
  while (i < na || j < nb) {
    int c = i == na ? 1 : j == nb ? -1 : val_cmp(ea[i], eb[j]);
    if (c < 0) {
      if (keep & KEEP_A)
        out[m++] = ea[i];
      i++;
    } else if (c > 0) {
      if (keep & KEEP_B)
        out[m++] = eb[j];
      j++;
    } else {
      if (keep & KEEP_BOTH)
        out[m++] = ea[i];
      i++, j++;
    }
  }
  Value *v = vi_set_sorted(out, m);
  scratch_free(local, out);
  return v;
}

Value *val_set_union(const Value *a, const Value *b) {
  if (a == b || b->u.set.n == 0)
    return (Value *)a;
  if (a->u.set.n == 0)
    return (Value *)b;
  return set_merge(a, b, KEEP_A | KEEP_BOTH | KEEP_B);
}

Value *val_set_inter(const Value *a, const Value *b) {
  if (a == b)
    return (Value *)a;
  return set_merge(a, b, KEEP_BOTH);
}

Value *val_set_minus(const Value *a, const Value *b) {
  if (b->u.set.n == 0)
    return (Value *)a;
  return set_merge(a, b, KEEP_A);
}

/* Is the lazy interval a (more than VAL_MAX_ENUM integers) inside b? */
static bool interval_subseteq(const Value *a, const Value *b) {
  switch (b->kind) {
  case V_INTERVAL:
    return mpz_cmp(b->z, a->z) <= 0 && mpz_cmp(a->z2, b->z2) <= 0;
  case V_INFSET:
    return b->u.inf == INF_INT || (b->u.inf == INF_NAT && mpz_sgn(a->z) >= 0);
  case V_SET: {
    /* b's integers are distinct and sorted, so lo..hi is inside b iff lo
     * is in b and hi sits exactly card - 1 places after it. */
    Value *lo = val_int_mpz(a->z), *hi = val_int_mpz(a->z2);
    ptrdiff_t i = sorted_find(b->u.set.elems, b->u.set.n, lo);
    if (i < 0)
      return false;
    mpz_t card;
    mpz_init(card);
    val_set_card(a, card);
    bool fits = mpz_cmp_ui(card, b->u.set.n - (size_t)i) <= 0;
    size_t last = fits ? (size_t)i + mpz_get_ui(card) - 1 : 0;
    mpz_clear(card);
    return fits && b->u.set.elems[last] == hi;
  }
  default:
    return false;
  }
}

bool val_set_subseteq(const Value *a, const Value *b) {
  if (a == b)
    return true;
  switch (a->kind) {
  case V_SET:
    if (b->kind == V_SET) {
      size_t na = a->u.set.n, nb = b->u.set.n, j = 0;
      if (na > nb)
        return false;
      for (size_t i = 0; i < na; i++) {
        while (j < nb && val_cmp(b->u.set.elems[j], a->u.set.elems[i]) < 0)
          j++;
        if (j == nb || b->u.set.elems[j] != a->u.set.elems[i])
          return false;
        j++;
      }
      return true;
    }
    for (uint32_t i = 0; i < a->u.set.n; i++)
      if (!val_set_mem(b, a->u.set.elems[i]))
        return false;
    return true;
  case V_INTERVAL:
    return interval_subseteq(a, b);
  case V_INFSET:
    /* not finite, but the answer is still clear */
    return b->kind == V_INFSET &&
           (a->u.inf == b->u.inf ||
            (a->u.inf == INF_NAT && b->u.inf == INF_INT));
  default:
    return false;
  }
}

/* val_cmp(v, <<vals>>) for the tuple of the n values, without making it. */
static int cmp_tuple(const Value *v, Value **keys, Value **vals, size_t n) {
  if (v->kind != V_FUN)
    return v->kind < V_FUN ? -1 : 1;
  if (v->u.fun.n != n)
    return v->u.fun.n < n ? -1 : 1;
  for (size_t i = 0; v->u.fun.keys != keys && i < n; i++) {
    int c = val_cmp(v->u.fun.keys[i], keys[i]);
    if (c)
      return c;
  }
  for (size_t i = 0; i < n; i++) {
    int c = val_cmp(v->u.fun.vals[i], vals[i]);
    if (c)
      return c;
  }
  return 0;
}

bool val_set_has_tuple(const Value *set, Value **vals, size_t n) {
  Value **keys = n ? vi_tuple_keys(n) : NULL;
  if (set->kind != V_SET || (n && !keys)) {
    Value *t = val_tuple(vals, n);
    return val_set_mem(set, t);
  }
  /* The tuple's fingerprint, then the elements that share it. */
  uint64_t h = hash_fun(keys, vals, n);
  Value *const *a = set->u.set.elems;
  size_t m = set->u.set.n;
  if (m <= 8) {
    for (size_t i = 0; i < m; i++)
      if (a[i]->hash == h && cmp_tuple(a[i], keys, vals, n) == 0)
        return true;
    return false;
  }
  struct ArrayIndex *ix = array_index_of(a, m, true);
  for (uint32_t j = (uint32_t)h & ix->mask; ix->slots[j];
       j = (j + 1) & ix->mask) {
    const Value *v = a[ix->slots[j] - 1];
    if (v->hash == h && cmp_tuple(v, keys, vals, n) == 0)
      return true;
  }
  return false;
}
/* Index of key in f's domain, or -1. */
ptrdiff_t vi_fun_find(const Value *f, const Value *key) {
  uint32_t n = f->u.fun.n;
  /* sequences: key i sits at index i - 1 */
  if (key->kind == V_INT && !key->big && key->u.small >= 1 &&
      (uint64_t)key->u.small <= n && f->u.fun.keys[key->u.small - 1] == key)
    return (ptrdiff_t)key->u.small - 1;
  return sorted_find(f->u.fun.keys, n, key);
}

Value *val_fun_apply(const Value *f, const Value *key) {
  if (f->kind != V_FUN)
    return NULL;
  ptrdiff_t i = vi_fun_find(f, key);
  return i < 0 ? NULL : f->u.fun.vals[i];
}
bool val_is_seq(const Value *f) {
  if (f->kind != V_FUN)
    return false;
  uint32_t n = f->u.fun.n;
  if (n == 0)
    return true;
  /* n distinct sorted keys from 1 to n (integers are contiguous in the
   * order) can only be 1..n. */
  const Value *first = f->u.fun.keys[0], *last = f->u.fun.keys[n - 1];
  return first->kind == V_INT && !first->big && first->u.small == 1 &&
         last->kind == V_INT && !last->big && last->u.small == (int64_t)n;
}

bool val_is_record(const Value *f) {
  /* strings are contiguous in the order: check the two ends */
  return f->kind == V_FUN && f->u.fun.n >= 1 &&
         f->u.fun.keys[0]->kind == V_STR &&
         f->u.fun.keys[f->u.fun.n - 1]->kind == V_STR;
}
