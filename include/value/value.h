/* value.h -- concrete TLA+ values.
 *
 * Representation.  Values are immutable and hash-consed: every value is
 * built through the constructors below, which return the one canonical
 * Value for its contents, so equal values are equal pointers (val_eq is
 * pointer comparison) and each value carries its 64-bit fingerprint.  They
 * live for the whole run.
 *
 * Kinds:
 *   V_BOOL      b
 *   V_INT       small (when it fits in int64) or big (GMP); the same number
 *               always has the same representation
 *   V_STR       str: an interned string (contents, no quotes)
 *   V_MODEL     model: a model value's name; ordinal = order of creation
 *   V_SET       a finite set: elems sorted by val_cmp, no duplicates
 *   V_FUN       a function: keys sorted by val_cmp, no duplicates, vals[i]
 *               is the value at keys[i].  Records are functions whose keys
 *               are strings; tuples and sequences are functions on 1..n.
 *               So <<1, 2>> = [i \in 1..2 |-> i] is one value, as in TLA+.
 *   V_INTERVAL  lo..hi kept lazy when it has more than VAL_MAX_ENUM elements
 *               (smaller intervals are ordinary V_SETs)
 *   V_INFSET    one of the infinite sets Nat, Int, STRING (membership only)
 *
 * val_cmp is a total order: first by kind (BOOL < INT < STR < MODEL < SET <
 * FUN < INTERVAL < INFSET), then within a kind: FALSE < TRUE, integers by
 * value, strings lexicographically by bytes, model values by ordinal, sets
 * and functions by size then elementwise.  It is the order sets are printed
 * in and the order CHOOSE searches.  */
#ifndef BRINK_VALUE_H
#define BRINK_VALUE_H

#include <gmp.h>
#include <stdio.h>

#include "util.h"

#define VAL_MAX_ENUM (1u << 20)

typedef enum ValueKind {
  V_BOOL,
  V_INT,
  V_STR,
  V_MODEL,
  V_SET,
  V_FUN,
  V_INTERVAL,
  V_INFSET,
} ValueKind;

typedef enum InfSet { INF_NAT, INF_INT, INF_STRING } InfSet;

typedef struct Value Value;
struct Value {
  ValueKind kind : 8;
  bool big;      /* V_INT: the number is in z, not in small */
  bool has_model; /* a model value occurs in it (val_permute skips it
                   * otherwise) */
  uint32_t id;   /* creation number: val_by_id(v->id) == v */
  uint64_t hash; /* fingerprint; equal values have equal hashes */
  union {
    bool b;
    int64_t small;
    Sym str;
    struct {
      Sym name;
      uint32_t ordinal;
    } model;
    struct {
      Value **elems;
      uint32_t n;
    } set;
    struct {
      Value **keys;
      Value **vals;
      uint32_t n;
    } fun;
    InfSet inf;
  } u;
  mpz_t z;         /* V_INT when big; V_INTERVAL: lo */
  mpz_t z2;        /* V_INTERVAL: hi */
};

/* Constructors (all return canonical, hash-consed values). */
Value *val_bool_make(bool b);
extern Value *val_bool_values[2]; /* FALSE and TRUE once made */
static inline Value *val_bool(bool b) {
  Value *v = val_bool_values[b];
  return v ? v : val_bool_make(b);
}
Value *val_int(int64_t n);
Value *val_int_mpz(const mpz_t n);
Value *val_int_str(const char *decimal); /* NULL if not a decimal integer */
Value *val_str(Sym s);
Value *val_model(Sym name);
/* Takes elems in any order with duplicates allowed; copies the array. */
Value *val_set(Value **elems, size_t n);
Value *val_empty_set(void);
/* lo..hi; the empty set when lo > hi. */
Value *val_interval(const mpz_t lo, const mpz_t hi);
Value *val_interval_si(int64_t lo, int64_t hi);
Value *val_infset(InfSet which);
/* keys in any order; returns NULL if a key occurs twice.  Copies arrays. */
Value *val_fun(Value **keys, Value **vals, size_t n);
Value *val_tuple(Value **vals, size_t n);
/* <<vals...>> \in set, without making the tuple when set is a V_SET (a
 * binary search in the set's order). */
bool val_set_has_tuple(const Value *set, Value **vals, size_t n);
Value *val_record(const Sym *fields, Value **vals, size_t n); /* NULL on dup */

/* Queries. */
static inline bool val_eq(const Value *a, const Value *b) { return a == b; }
int val_cmp(const Value *a, const Value *b);
static inline uint64_t val_hash(const Value *v) { return v->hash; }
/* Every value has a 32-bit id, so a state can be stored as ids. */
Value *val_by_id(uint32_t id);
size_t val_count(void); /* values made so far */
/* Called (when set) each time the value store takes more memory from the
 * system, before it does; it may unwind (fail_silent) to stop the run. */
void val_set_memory_hook(void (*hook)(void));
bool val_is_int(const Value *v);
bool val_int_fits(const Value *v, int64_t *out); /* V_INT that fits int64 */
void val_get_mpz(const Value *v, mpz_t out);    /* V_INT -> out (inited) */
/* Is the value a set of any kind (V_SET, V_INTERVAL, V_INFSET)? */
bool val_is_set(const Value *v);
/* Set membership for any set kind; for V_INFSET STRING any V_STR. */
bool val_set_mem(const Value *set, const Value *x);
/* Number of elements of a finite set (V_SET or V_INTERVAL) in out;
 * false for an infinite set. */
bool val_set_card(const Value *set, mpz_t out);
/* A V_INTERVAL or V_SET as an explicit V_SET (NULL if too large or
 * infinite). */
Value *val_set_enum(const Value *set);
Value *val_set_union(const Value *a, const Value *b);   /* V_SET only */
Value *val_set_inter(const Value *a, const Value *b);   /* V_SET only */
Value *val_set_minus(const Value *a, const Value *b);   /* V_SET only */
bool val_set_subseteq(const Value *a, const Value *b);  /* finite a */
/* Function application: the value at key, or NULL when key is not in the
 * domain. */
Value *val_fun_apply(const Value *f, const Value *key);
Value *val_fun_domain(const Value *f);
/* f with the value at key replaced (key must be in the domain). */
Value *val_fun_update(const Value *f, const Value *key, Value *v);
/* Is f a tuple/sequence (domain 1..n, n >= 0)?  Records: keys all V_STR. */
/* v with every model value m in the domain of perm replaced by perm[m]
 * (a SYMMETRY permutation), sets and function domains re-sorted. */
Value *val_permute(Value *v, const Value *perm);
bool val_is_seq(const Value *f);
bool val_is_record(const Value *f);

/* Printing in TLC's style: TRUE, 42, "s", m1, {1, 2}, <<1, 2>>,
 * [a |-> 1, b |-> 2], (k1 :> v1 @@ k2 :> v2), 1..1000000000, Nat. */
void val_print(FILE *out, const Value *v);
char *val_to_string(const Value *v); /* malloc'd */

#endif
