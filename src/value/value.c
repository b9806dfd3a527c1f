/* value.c -- hash-consed TLA+ values.
 *
 * Every value is built once and lives for the whole run.  Values are carved
 * out of a bump arena of large chunks.  Only big integers and intervals use
 * the trailing mpz fields of struct Value; every other value is allocated
 * without them (VALUE_HEAD bytes, 40 rather than 72), and a set or function
 * stores its element (value) array right after that head in the same block.
 * The arena keeps sizeof(Value) bytes of slack after each chunk, so even a
 * stray copy of a whole struct reads mapped memory.  Functions share their
 * key array with their domain set (see fun_from_sorted), so a 3-tuple takes
 * one 64-byte block.
 *
 * Canonicity comes from three places.  Booleans, the infinite sets and the
 * integers -1024..1023 sit in small direct caches; strings and model values
 * in caches indexed by their Sym (so val_str is an array load).  Everything
 * else -- other integers, sets, functions, lazy intervals -- goes through
 * one open-addressing intern table (linear probing over slots that pack a
 * fingerprint tag with a value id) keyed by the structural fingerprint.  A
 * constructor first normalises its input in a scratch buffer (sort by val_cmp,
 * drop duplicates), builds a prototype on the stack, and looks it up; only on a
 * miss is it copied into the arena. Because children are canonical, structural
 * equality on a hash match is a memcmp of pointer arrays.
 *
 * Fingerprints mix a per-kind seed with the children's fingerprints (never
 * addresses), so they depend only on contents and are stable within a run;
 * they double as state fingerprints for the explicit engine.
 *
 * Two representation rules keep one value per content: an integer is small
 * exactly when it fits in int64, and a finite set of integers lo..hi is a
 * V_INTERVAL exactly when it has more than VAL_MAX_ENUM elements (val_set
 * turns such a run of consecutive integers into the interval).
 *
 * This file holds the hash-consing and the canonical constructors, with
 * the order they sort by (val_cmp); valfind.c the lookups and the set
 * algebra over that order, valprint.c printing, valperm.c the
 * permutations of symmetry.  valint.h is what they share. */
#include "valint.h"

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(long) == sizeof(int64_t),
               "value.c assumes GMP's signed long is 64 bits");

/* ---- fingerprints ---- */

/* Per-kind seeds, so equal children under different kinds differ. */
#define SEED_BOOL UINT64_C(0x1b873593)
#define SEED_INT UINT64_C(0x2545f491)
#define SEED_BIG UINT64_C(0x38b34ae5)
#define SEED_STR UINT64_C(0x4cf5ad43)
#define SEED_MODEL UINT64_C(0x5bd1e995)
#define SEED_SET UINT64_C(0x68e31da4)
#define SEED_INTERVAL UINT64_C(0x846ca68b)
#define SEED_INFSET UINT64_C(0x9e3779b9)

static uint64_t hash_small(int64_t n) {
  return fmix64((uint64_t)n ^ ((uint64_t)SEED_INT << 32));
}

static uint64_t hash_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z))
    return hash_small(mpz_get_si(z));
  size_t n = mpz_size(z);
  uint64_t h = hmix(SEED_BIG, (uint64_t)(int64_t)mpz_sgn(z));
  for (size_t i = 0; i < n; i++)
    h = hmix(h, (uint64_t)mpz_getlimbn(z, (mp_size_t)i));
  return fmix64(h ^ n);
}

static uint64_t hash_set(Value *const *elems, size_t n) {
  uint64_t h = SEED_SET;
  for (size_t i = 0; i < n; i++)
    h = hmix(h, elems[i]->hash);
  return fmix64(h ^ n);
}

/* ---- arena ---- */

#define ARENA_CHUNK ((size_t)1 << 20)
#define ARENA_BIG (ARENA_CHUNK / 8)
#define ARENA_SLACK sizeof(Value)

/* Chunks are linked through their first word so that every block stays
 * reachable (and leak checkers stay quiet). */
static struct {
  void **chunks;
  char *next, *end;
} arena;

static void (*memory_hook)(void);

void val_set_memory_hook(void (*hook)(void)) { memory_hook = hook; }

static void *arena_alloc(size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (memory_hook &&
      (size > ARENA_BIG || (size_t)(arena.end - arena.next) < size))
    memory_hook();
  if (size > ARENA_BIG) {
    void **blk = xmalloc(sizeof(void *) + size + ARENA_SLACK);
    blk[0] = arena.chunks;
    arena.chunks = blk;
    return blk + 1;
  }
  if ((size_t)(arena.end - arena.next) < size) {
    void **blk = xmalloc(ARENA_CHUNK);
    blk[0] = arena.chunks;
    arena.chunks = blk;
    arena.next = (char *)(blk + 1);
    arena.end = (char *)blk + ARENA_CHUNK - ARENA_SLACK;
  }
  void *p = arena.next;
  arena.next += size;
  return p;
}

/* The part of struct Value before the mpz fields. */
#define VALUE_HEAD offsetof(Value, z)
_Static_assert(VALUE_HEAD % sizeof(Value *) == 0, "tail alignment");

/* A zeroed value head followed by room for `extra` Value pointers. */
static Value *value_alloc(ValueKind kind, size_t extra) {
  Value *v = arena_alloc(VALUE_HEAD + extra * sizeof(Value *));
  memset(v, 0, VALUE_HEAD);
  v->kind = kind;
  return v;
}

/* A whole Value, for big integers and intervals (the mpz fields are left
 * for the caller to initialise). */
static Value *value_alloc_mpz(ValueKind kind) {
  Value *v = arena_alloc(sizeof(Value));
  memset(v, 0, VALUE_HEAD);
  v->kind = kind;
  return v;
}

static Value **value_tail(Value *v) {
  return (Value **)((char *)v + VALUE_HEAD);
}

/* ---- the intern table ---- */

/* Values are numbered in creation order (ids); a slot packs the high half
 * of a value's fingerprint (a tag) with id + 1, so probing reads only the
 * slot array and dereferences a value only when its tag matches. */
static struct {
  uint64_t *slots;   /* tag << 32 | (id + 1); 0 = empty */
  size_t cap;        /* a power of two */
  VEC(Value *) vals; /* by id */
} table;

static inline uint64_t slot_of(uint64_t hash, size_t id) {
  return (hash >> 32 << 32) | (uint64_t)(id + 1);
}

static bool same_ptrs(Value *const *a, Value *const *b, size_t n) {
  return a == b || n == 0 || memcmp(a, b, n * sizeof *a) == 0;
}

static bool same_content(const Value *a, const Value *b) {
  if (a->kind != b->kind || a->hash != b->hash)
    return false;
  switch (a->kind) {
  case V_INT:
    if (a->big != b->big)
      return false;
    return a->big ? mpz_cmp(a->z, b->z) == 0 : a->u.small == b->u.small;
  case V_SET:
    return a->u.set.n == b->u.set.n &&
           same_ptrs(a->u.set.elems, b->u.set.elems, a->u.set.n);
  case V_FUN:
    return a->u.fun.n == b->u.fun.n &&
           same_ptrs(a->u.fun.keys, b->u.fun.keys, a->u.fun.n) &&
           same_ptrs(a->u.fun.vals, b->u.fun.vals, a->u.fun.n);
  case V_INTERVAL:
    return mpz_cmp(a->z, b->z) == 0 && mpz_cmp(a->z2, b->z2) == 0;
  default:
    return a == b; /* the other kinds live in direct caches */
  }
}

/* Puts value `id` (known absent) into the slot array. */
static void table_place(uint64_t *slots, size_t cap, size_t id) {
  uint64_t h = table.vals.data[id]->hash;
  size_t j = h & (cap - 1);
  while (slots[j])
    j = (j + 1) & (cap - 1);
  slots[j] = slot_of(h, id);
}

static void table_grow(void) {
  size_t ncap = table.cap ? table.cap * 2 : 4096;
  uint64_t *slots = xcalloc(ncap, sizeof *slots);
  for (size_t id = 0; id < table.vals.len; id++)
    table_place(slots, ncap, id);
  free(table.slots);
  table.slots = slots;
  table.cap = ncap;
}

/* The value equal to proto, or NULL. */
static Value *table_find(const Value *proto) {
  if (!table.cap)
    return NULL;
  size_t mask = table.cap - 1;
  uint64_t tag = proto->hash >> 32;
  for (size_t j = proto->hash & mask; table.slots[j]; j = (j + 1) & mask) {
    uint64_t s = table.slots[j];
    if (s >> 32 == tag) {
      Value *v = table.vals.data[(uint32_t)s - 1];
      if (same_content(v, proto))
        return v;
    }
  }
  return NULL;
}

/* Enters v, which table_find has just not found, and gives it the next
 * id.  Atoms kept in direct caches (Booleans, small integers, strings,
 * model values, Nat/Int/STRING) are entered too, so that every value has
 * an id; no lookup ever matches them here. */
static Value *table_add(Value *v) {
  /* 2^32 values would take far more memory than ids can run out of. */
  assert(table.vals.len < UINT32_MAX);
  if (5 * (table.vals.len + 1) > 3 * table.cap)
    table_grow();
  v->id = (uint32_t)table.vals.len;
  VEC_PUSH(table.vals, v);
  table_place(table.slots, table.cap, table.vals.len - 1);
  return v;
}

Value *val_by_id(uint32_t id) {
  assert(id < table.vals.len);
  return table.vals.data[id];
}

size_t val_count(void) { return table.vals.len; }

/* ---- atoms ---- */

Value *val_bool_values[2];

Value *val_bool_make(bool b) {
  if (!val_bool_values[b]) {
    Value *v = value_alloc(V_BOOL, 0);
    v->u.b = b;
    v->hash = fmix64(((uint64_t)SEED_BOOL << 32) + b);
    val_bool_values[b] = table_add(v);
  }
  return val_bool_values[b];
}

#define SMALL_LO (-1024)
#define SMALL_HI 1023

static Value *int_make_small(int64_t n) {
  Value *v = value_alloc(V_INT, 0);
  v->u.small = n;
  v->hash = hash_small(n);
  return v;
}

Value *val_int(int64_t n) {
  if (n >= SMALL_LO && n <= SMALL_HI) {
    static Value *cache[SMALL_HI - SMALL_LO + 1];
    Value **c = &cache[n - SMALL_LO];
    if (!*c)
      *c = table_add(int_make_small(n));
    return *c;
  }
  Value proto = {.kind = V_INT, .hash = hash_small(n), .u.small = n};
  Value *found = table_find(&proto);
  if (found)
    return found;
  return table_add(int_make_small(n));
}

Value *val_int_mpz(const mpz_t n) {
  if (mpz_fits_slong_p(n))
    return val_int(mpz_get_si(n));
  Value proto = {.kind = V_INT, .big = true, .hash = hash_mpz(n)};
  proto.z[0] = n[0]; /* a read-only shallow view */
  Value *found = table_find(&proto);
  if (found)
    return found;
  Value *v = value_alloc_mpz(V_INT);
  v->big = true;
  v->hash = proto.hash;
  mpz_init_set(v->z, n);
  return table_add(v);
}

Value *val_int_str(const char *decimal) {
  const char *p = decimal;
  bool neg = *p == '-';
  if (neg)
    p++;
  size_t ndigits = 0;
  for (const char *q = p; *q; q++, ndigits++)
    if (*q < '0' || *q > '9')
      return NULL;
  if (ndigits == 0)
    return NULL;
  if (ndigits <= 18) {
    int64_t n = 0;
    for (; *p; p++)
      n = n * 10 + (*p - '0');
    return val_int(neg ? -n : n);
  }
  mpz_t z;
  mpz_init_set_str(z, decimal, 10);
  Value *v = val_int_mpz(z);
  mpz_clear(z);
  return v;
}

/* Values indexed by Sym, grown to sym_count() on demand. */
typedef struct SymCache {
  Value **by_sym;
  size_t cap;
} SymCache;

static Value **sym_cache_slot(SymCache *c, Sym s) {
  if (s >= c->cap) {
    size_t ncap = c->cap ? c->cap : 256;
    while (ncap <= s)
      ncap *= 2;
    c->by_sym = xrealloc(c->by_sym, ncap * sizeof *c->by_sym);
    memset(c->by_sym + c->cap, 0, (ncap - c->cap) * sizeof *c->by_sym);
    c->cap = ncap;
  }
  return &c->by_sym[s];
}

Value *val_str(Sym s) {
  static SymCache cache;
  Value **c = sym_cache_slot(&cache, s);
  if (!*c) {
    const char *text = sym_str(s);
    Value *v = value_alloc(V_STR, 0);
    v->u.str = s;
    v->hash = fmix64(hash_bytes(text, strlen(text), SEED_STR));
    *c = table_add(v);
  }
  return *c;
}

Value *val_model(Sym name) {
  static SymCache cache;
  static uint32_t next_ordinal;
  Value **c = sym_cache_slot(&cache, name);
  if (!*c) {
    const char *text = sym_str(name);
    Value *v = value_alloc(V_MODEL, 0);
    v->u.model.name = name;
    v->u.model.ordinal = next_ordinal++;
    v->has_model = true;
    v->hash = fmix64(hash_bytes(text, strlen(text), SEED_MODEL));
    *c = table_add(v);
  }
  return *c;
}

Value *val_infset(InfSet which) {
  static Value *cache[3];
  assert(which <= INF_STRING);
  if (!cache[which]) {
    Value *v = value_alloc(V_INFSET, 0);
    v->u.inf = which;
    v->hash = fmix64(((uint64_t)SEED_INFSET << 32) + which);
    cache[which] = table_add(v);
  }
  return cache[which];
}

/* ---- ordering ---- */

static int cmp_int(const Value *a, const Value *b) {
  if (!a->big && !b->big)
    return (a->u.small > b->u.small) - (a->u.small < b->u.small);
  if (a->big && b->big)
    return mpz_cmp(a->z, b->z);
  /* exactly one is big, so it lies outside int64 on its side */
  return a->big ? mpz_sgn(a->z) : -mpz_sgn(b->z);
}

static int sign(int c) { return (c > 0) - (c < 0); }

int val_cmp(const Value *a, const Value *b) {
  if (a == b)
    return 0;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  switch (a->kind) {
  case V_BOOL:
    return (int)a->u.b - (int)b->u.b;
  case V_INT:
    return sign(cmp_int(a, b));
  case V_STR:
    return sign(strcmp(sym_str(a->u.str), sym_str(b->u.str)));
  case V_MODEL:
    return a->u.model.ordinal < b->u.model.ordinal ? -1 : 1;
  case V_SET: {
    if (a->u.set.n != b->u.set.n)
      return a->u.set.n < b->u.set.n ? -1 : 1;
    for (uint32_t i = 0; i < a->u.set.n; i++) {
      int c = val_cmp(a->u.set.elems[i], b->u.set.elems[i]);
      if (c)
        return c;
    }
    return 0;
  }
  case V_FUN: {
    uint32_t n = a->u.fun.n;
    if (n != b->u.fun.n)
      return n < b->u.fun.n ? -1 : 1;
    /* Functions with one domain share their key array. */
    for (uint32_t i = 0; a->u.fun.keys != b->u.fun.keys && i < n; i++) {
      int c = val_cmp(a->u.fun.keys[i], b->u.fun.keys[i]);
      if (c)
        return c;
    }
    for (uint32_t i = 0; i < n; i++) {
      int c = val_cmp(a->u.fun.vals[i], b->u.fun.vals[i]);
      if (c)
        return c;
    }
    return 0;
  }
  case V_INTERVAL: {
    int c = mpz_cmp(a->z, b->z);
    return sign(c ? c : mpz_cmp(a->z2, b->z2));
  }
  case V_INFSET:
    return a->u.inf < b->u.inf ? -1 : a->u.inf > b->u.inf;
  }
  return 0;
}

static int cmp_ptr(const void *a, const void *b) {
  return val_cmp(*(Value *const *)a, *(Value *const *)b);
}
/* ---- sets ---- */

/* The canonical set of elems, already sorted without duplicates. */
Value *vi_set_sorted(Value **elems, size_t n) {
  if (n > VAL_MAX_ENUM && elems[0]->kind == V_INT &&
      elems[n - 1]->kind == V_INT) {
    /* distinct sorted integers: consecutive iff last - first = n - 1 */
    mpz_t lo, hi, d;
    mpz_inits(lo, hi, d, NULL);
    val_get_mpz(elems[0], lo);
    val_get_mpz(elems[n - 1], hi);
    mpz_sub(d, hi, lo);
    Value *r = NULL;
    if (mpz_cmp_ui(d, n - 1) == 0)
      r = val_interval(lo, hi);
    mpz_clears(lo, hi, d, NULL);
    if (r)
      return r;
  }
  assert(n <= UINT32_MAX);
  Value proto = {.kind = V_SET, .hash = hash_set(elems, n)};
  proto.u.set.elems = elems;
  proto.u.set.n = (uint32_t)n;
  Value *found = table_find(&proto);
  if (found)
    return found;
  Value *v = value_alloc(V_SET, n);
  v->hash = proto.hash;
  v->u.set.elems = value_tail(v);
  v->u.set.n = (uint32_t)n;
  if (n)
    memcpy(v->u.set.elems, elems, n * sizeof(Value *));
  for (size_t i = 0; i < n && !v->has_model; i++)
    v->has_model = elems[i]->has_model;
  return table_add(v);
}

Value *val_set(Value **elems, size_t n) {
  Value *local[SCRATCH_N];
  Value **buf = scratch_get(local, n);
  if (n)
    memcpy(buf, elems, n * sizeof *buf);
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; i++)
    sorted = val_cmp(buf[i - 1], buf[i]) < 0;
  if (!sorted)
    qsort(buf, n, sizeof *buf, cmp_ptr);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || buf[m - 1] != buf[i])
      buf[m++] = buf[i];
  Value *v = vi_set_sorted(buf, m);
  scratch_free(local, buf);
  return v;
}

Value *val_empty_set(void) {
  static Value *empty;
  if (!empty)
    empty = vi_set_sorted(NULL, 0);
  return empty;
}

Value *val_interval(const mpz_t lo, const mpz_t hi) {
  int c = mpz_cmp(hi, lo);
  if (c < 0)
    return val_empty_set();
  mpz_t size;
  mpz_init(size);
  mpz_sub(size, hi, lo);
  mpz_add_ui(size, size, 1);
  bool small = mpz_cmp_ui(size, VAL_MAX_ENUM) <= 0;
  size_t n = small ? mpz_get_ui(size) : 0;
  mpz_clear(size);
  if (small) {
    Value **elems = xmalloc(n * sizeof *elems);
    if (mpz_fits_slong_p(lo) && mpz_fits_slong_p(hi)) {
      int64_t l = mpz_get_si(lo);
      for (size_t i = 0; i < n; i++)
        elems[i] = val_int(l + (int64_t)i);
    } else {
      mpz_t x;
      mpz_init_set(x, lo);
      for (size_t i = 0; i < n; i++, mpz_add_ui(x, x, 1))
        elems[i] = val_int_mpz(x);
      mpz_clear(x);
    }
    Value *v = vi_set_sorted(elems, n);
    free(elems);
    return v;
  }
  Value proto = {.kind = V_INTERVAL};
  proto.z[0] = lo[0];
  proto.z2[0] = hi[0];
  proto.hash = fmix64(hmix(hmix(SEED_INTERVAL, hash_mpz(lo)), hash_mpz(hi)));
  Value *found = table_find(&proto);
  if (found)
    return found;
  Value *v = value_alloc_mpz(V_INTERVAL);
  v->hash = proto.hash;
  mpz_init_set(v->z, lo);
  mpz_init_set(v->z2, hi);
  return table_add(v);
}

Value *val_interval_si(int64_t lo, int64_t hi) {
  if (hi < lo)
    return val_empty_set();
  if ((uint64_t)hi - (uint64_t)lo < VAL_MAX_ENUM) {
    size_t n = (size_t)((uint64_t)hi - (uint64_t)lo) + 1;
    Value *local[SCRATCH_N];
    Value **elems = scratch_get(local, n);
    for (size_t i = 0; i < n; i++)
      elems[i] = val_int(lo + (int64_t)i);
    Value *v = vi_set_sorted(elems, n);
    scratch_free(local, elems);
    return v;
  }
  mpz_t l, h;
  mpz_init_set_si(l, lo);
  mpz_init_set_si(h, hi);
  Value *v = val_interval(l, h);
  mpz_clears(l, h, NULL);
  return v;
}

bool val_is_set(const Value *v) {
  return v->kind == V_SET || v->kind == V_INTERVAL || v->kind == V_INFSET;
}
/* ---- integers ---- */

bool val_is_int(const Value *v) { return v->kind == V_INT; }

bool val_int_fits(const Value *v, int64_t *out) {
  if (v->kind != V_INT || v->big)
    return false;
  *out = v->u.small;
  return true;
}

void val_get_mpz(const Value *v, mpz_t out) {
  assert(v->kind == V_INT);
  if (v->big)
    mpz_set(out, v->z);
  else
    mpz_set_si(out, (long)v->u.small);
}

/* ---- functions ---- */

/* The canonical function with these sorted, distinct keys.  A new
 * function does not copy its keys: it points at the element array of its
 * domain set (or at `keys` itself when `keys_owned`, i.e. they already
 * belong to a canonical value), so functions with one domain -- all the
 * records of one shape, all tuples of one length -- share one key array. */
static Value *fun_from_sorted(Value **keys, Value **vals, size_t n,
                              bool keys_owned) {
  assert(n <= UINT32_MAX);
  Value proto = {.kind = V_FUN, .hash = hash_fun(keys, vals, n)};
  proto.u.fun.keys = keys;
  proto.u.fun.vals = vals;
  proto.u.fun.n = (uint32_t)n;
  Value *found = table_find(&proto);
  if (found)
    return found;
  Value **shared = keys_owned ? keys : NULL;
  if (!shared && n) {
    Value *dom = vi_set_sorted(keys, n);
    if (dom->kind == V_SET)
      shared = dom->u.set.elems;
  }
  Value *v = value_alloc(V_FUN, shared ? n : 2 * n);
  v->hash = proto.hash;
  v->u.fun.keys = shared ? shared : value_tail(v) + n;
  v->u.fun.vals = value_tail(v);
  v->u.fun.n = (uint32_t)n;
  if (n) {
    if (!shared)
      memcpy(v->u.fun.keys, keys, n * sizeof(Value *));
    memcpy(v->u.fun.vals, vals, n * sizeof(Value *));
  }
  for (size_t i = 0; i < n && !v->has_model; i++)
    v->has_model = keys[i]->has_model || vals[i]->has_model;
  return table_add(v);
}

typedef struct Pair {
  Value *key, *val;
} Pair;

static int cmp_pair(const void *a, const void *b) {
  return val_cmp(((const Pair *)a)->key, ((const Pair *)b)->key);
}

Value *val_fun(Value **keys, Value **vals, size_t n) {
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; i++)
    sorted = val_cmp(keys[i - 1], keys[i]) < 0;
  if (sorted)
    return fun_from_sorted(keys, vals, n, false);
  Pair *pairs = xmalloc(n * sizeof *pairs);
  for (size_t i = 0; i < n; i++)
    pairs[i] = (Pair){keys[i], vals[i]};
  qsort(pairs, n, sizeof *pairs, cmp_pair);
  Value *local[2 * SCRATCH_N];
  Value **buf = n <= SCRATCH_N ? local : xmalloc(2 * n * sizeof *buf);
  Value *f = NULL;
  bool dup = false;
  for (size_t i = 0; i < n; i++) {
    buf[i] = pairs[i].key;
    buf[n + i] = pairs[i].val;
    dup |= i > 0 && buf[i] == buf[i - 1];
  }
  if (!dup)
    f = fun_from_sorted(buf, buf + n, n, false);
  if (buf != local)
    free(buf);
  free(pairs);
  return f;
}

/* The keys 1..n of a tuple of length n: the element array of the set
 * 1..n, made once per length (so a new tuple shares it at no lookup). */
Value **vi_tuple_keys(size_t n) {
  static Value **cache[SCRATCH_N + 1];
  if (n <= SCRATCH_N && cache[n])
    return cache[n];
  Value *local[SCRATCH_N];
  Value **keys = scratch_get(local, n);
  for (size_t i = 0; i < n; i++)
    keys[i] = val_int((int64_t)i + 1);
  Value *dom = vi_set_sorted(keys, n);
  scratch_free(local, keys);
  Value **k = dom->kind == V_SET ? dom->u.set.elems : NULL;
  if (k && n <= SCRATCH_N)
    cache[n] = k;
  return k;
}

Value *val_tuple(Value **vals, size_t n) {
  Value **keys = n ? vi_tuple_keys(n) : NULL;
  if (keys || n == 0)
    return fun_from_sorted(keys, vals, n, true);
  Value **k = xmalloc(n * sizeof *k);
  for (size_t i = 0; i < n; i++)
    k[i] = val_int((int64_t)i + 1);
  Value *f = fun_from_sorted(k, vals, n, false);
  free(k);
  return f;
}
Value *val_record(const Sym *fields, Value **vals, size_t n) {
  Value *local[SCRATCH_N];
  Value **keys = scratch_get(local, n);
  for (size_t i = 0; i < n; i++)
    keys[i] = val_str(fields[i]);
  Value *f = val_fun(keys, vals, n);
  scratch_free(local, keys);
  return f;
}

Value *val_fun_domain(const Value *f) {
  assert(f->kind == V_FUN);
  return vi_set_sorted(f->u.fun.keys, f->u.fun.n);
}

Value *val_fun_update(const Value *f, const Value *key, Value *v) {
  assert(f->kind == V_FUN);
  ptrdiff_t i = vi_fun_find(f, key);
  if (i < 0)
    return NULL;
  if (f->u.fun.vals[i] == v)
    return (Value *)f;
  size_t n = f->u.fun.n;
  Value *local[SCRATCH_N];
  Value **vals = scratch_get(local, n);
  memcpy(vals, f->u.fun.vals, n * sizeof *vals);
  vals[i] = v;
  Value *g = fun_from_sorted(f->u.fun.keys, vals, n, true);
  scratch_free(local, vals);
  return g;
}
