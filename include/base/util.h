/* util.h -- allocation, growable arrays, interned strings.
 *
 * Memory policy: one allocation wrapper (xmalloc and friends) that ends the
 * run cleanly when memory runs out: exit code 153 (TLC's out-of-memory
 * code), status OUT_OF_MEMORY, with what was established (stop.h,
 * stop_out_of_memory); xalloc_route_libraries() sends GMP's allocation
 * failures and C++'s (CaDiCaL, Z3) the same way.  Long
 * lived structures (AST, types, interned strings, values) live for the whole
 * run; managers with a clear lifetime (term table, solver) own growable
 * arrays and come with a _new/_delete pair.
 *
 * Interned strings: every identifier, operator symbol and string literal is
 * interned once; later passes compare the returned ids (Sym), never bytes.
 * Sym 0 is reserved and means "no name". */
#ifndef BRINK_UTIL_H
#define BRINK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xsprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* GMP allocates through xmalloc's wrappers, and a failed operator new ends
 * the run as a failed xmalloc does; once, at start-up. */
void xalloc_route_libraries(void);

/* Typed growable array: `VEC(int) v = {0};  VEC_PUSH(v, 3);` */
#define VEC(T)                                                                 \
  struct {                                                                     \
    T *data;                                                                   \
    size_t len, cap;                                                           \
  }
#define VEC_RESERVE(v, n)                                                      \
  do {                                                                         \
    if ((n) > (v).cap) {                                                       \
      size_t nc_ = (v).cap ? (v).cap * 2 : 8;                                  \
      while (nc_ < (n))                                                        \
        nc_ *= 2;                                                              \
      (v).data = xrealloc((v).data, nc_ * sizeof *(v).data);                   \
      (v).cap = nc_;                                                           \
    }                                                                          \
  } while (0)
#define VEC_PUSH(v, x)                                                         \
  do {                                                                         \
    VEC_RESERVE(v, (v).len + 1);                                               \
    (v).data[(v).len++] = (x);                                                 \
  } while (0)
#define VEC_POP(v) ((v).data[--(v).len])
#define VEC_LAST(v) ((v).data[(v).len - 1])
#define VEC_FREE(v)                                                            \
  do {                                                                         \
    free((v).data);                                                            \
    (v).data = NULL;                                                           \
    (v).len = (v).cap = 0;                                                     \
  } while (0)

/* Interned strings. */
typedef uint32_t Sym;
Sym sym_intern(const char *s);
Sym sym_intern_n(const char *s, size_t n);
const char *sym_str(Sym s);
size_t sym_count(void); /* number of interned strings + 1 (for Sym 0) */

/* Is the current thread's stack nearly used up?  Deep recursion (in the
 * evaluator, the encoder) checks this and fails cleanly instead of
 * crashing.  Cheap: one comparison after the first call per thread. */
bool stack_nearly_full(void);
/* Runs fn(arg) on a thread with a stack of `bytes` bytes and returns its
 * result (the CLI runs everything this way, so legitimate deep recursion
 * has room). */
int run_with_stack(int (*fn)(void *), void *arg, size_t bytes);

/* 64-bit hashing helpers. */
/* Seconds on the monotonic clock (for durations; not the time of day). */
double util_now(void);

uint64_t hash_bytes(const void *p, size_t n, uint64_t seed);
uint64_t hash_mix(uint64_t h, uint64_t x);

#endif
