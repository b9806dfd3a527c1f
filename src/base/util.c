/* util.c -- allocation wrappers, interned strings and hashing.
 *
 * The intern table is an open-addressing hash table of indices into one
 * growable array of strings; Sym 0 is reserved.  Strings are never freed
 * (run lifetime). */
#include "util.h"

#include <gmp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "stop.h"

static _Noreturn void out_of_memory(size_t n) {
  stop_out_of_memory((unsigned long long)n);
}

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory(n);
  return p;
}

void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory(count * size);
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory(n);
  return q;
}

/* GMP's allocation functions: its default prints and aborts. */
static void *gmp_alloc(size_t n) { return xmalloc(n); }
static void *gmp_realloc(void *p, size_t old, size_t n) {
  (void)old;
  return xrealloc(p, n);
}
static void gmp_free(void *p, size_t n) {
  (void)n;
  free(p);
}

/* operator new's failure handler: without one, std::bad_alloc escapes
 * through CaDiCaL's and Z3's C interfaces and the process aborts (exit
 * 134, nothing said).  std::set_new_handler is reached by its Itanium C++
 * ABI name, the one g++ and clang++ give it, so that brink stays C. */
typedef void (*NewHandler)(void);
extern NewHandler _ZSt15set_new_handlerPFvvE(NewHandler);
static void new_failed(void) { stop_out_of_memory(0); }

void xalloc_route_libraries(void) {
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
  _ZSt15set_new_handlerPFvvE(new_failed);
}

char *xstrndup(const char *s, size_t n) {
  char *d = xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xsprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *buf = xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(buf, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return buf;
}

uint64_t hash_mix(uint64_t h, uint64_t x) {
  h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

uint64_t hash_bytes(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = p;
  uint64_t h = 1469598103934665603ull ^ seed;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211ull;
  }
  return hash_mix(h, n);
}

/* ---- interned strings ---- */

static struct {
  char **strs;  /* by Sym */
  size_t *lens; /* by Sym */
  size_t n, cap;
  uint32_t *table; /* open addressing: Sym or 0 */
  size_t tcap;
} interns;

static void intern_grow_table(void) {
  size_t ncap = interns.tcap ? interns.tcap * 2 : 1024;
  uint32_t *t = xcalloc(ncap, sizeof *t);
  for (size_t i = 1; i < interns.n; i++) {
    uint64_t h = hash_bytes(interns.strs[i], interns.lens[i], 0);
    size_t j = h & (ncap - 1);
    while (t[j])
      j = (j + 1) & (ncap - 1);
    t[j] = (uint32_t)i;
  }
  free(interns.table);
  interns.table = t;
  interns.tcap = ncap;
}

Sym sym_intern_n(const char *s, size_t n) {
  if (interns.n == 0) {
    interns.cap = 1024;
    interns.strs = xmalloc(interns.cap * sizeof *interns.strs);
    interns.lens = xmalloc(interns.cap * sizeof *interns.lens);
    interns.strs[0] = xstrdup("");
    interns.lens[0] = 0;
    interns.n = 1;
  }
  if (2 * (interns.n + 1) > interns.tcap)
    intern_grow_table();
  uint64_t h = hash_bytes(s, n, 0);
  size_t j = h & (interns.tcap - 1);
  while (interns.table[j]) {
    uint32_t k = interns.table[j];
    if (interns.lens[k] == n && memcmp(interns.strs[k], s, n) == 0)
      return k;
    j = (j + 1) & (interns.tcap - 1);
  }
  if (interns.n == interns.cap) {
    interns.cap *= 2;
    interns.strs = xrealloc(interns.strs, interns.cap * sizeof *interns.strs);
    interns.lens = xrealloc(interns.lens, interns.cap * sizeof *interns.lens);
  }
  Sym id = (Sym)interns.n++;
  interns.strs[id] = xstrndup(s, n);
  interns.lens[id] = n;
  interns.table[j] = id;
  return id;
}

Sym sym_intern(const char *s) { return sym_intern_n(s, strlen(s)); }

const char *sym_str(Sym s) {
  if (s == 0 || s >= interns.n)
    return "";
  return interns.strs[s];
}

size_t sym_count(void) { return interns.n ? interns.n : 1; }

/* ---- stack depth ---- */

static _Thread_local char *stack_floor; /* lowest safe address */

bool stack_nearly_full(void) {
  char here;
  if (!stack_floor) {
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    if (!addr || !size) { /* unknown: assume 8 MB below here */
      size = 8u << 20;
      addr = (void *)((uintptr_t)&here - size);
    }
    /* Keep a quarter of the stack (at least 256 KB) in reserve. */
    size_t reserve = size / 4 > (256u << 10) ? size / 4 : (256u << 10);
    stack_floor = (char *)addr + reserve;
  }
  return &here < stack_floor;
}

typedef struct StackJob {
  int (*fn)(void *);
  void *arg;
  int result;
} StackJob;

static void *stack_job(void *p) {
  StackJob *j = p;
  j->result = j->fn(j->arg);
  return NULL;
}

int run_with_stack(int (*fn)(void *), void *arg, size_t bytes) {
  StackJob j = {fn, arg, 0};
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init(&attr) == 0 &&
      pthread_attr_setstacksize(&attr, bytes) == 0 &&
      pthread_create(&t, &attr, stack_job, &j) == 0) {
    pthread_attr_destroy(&attr);
    pthread_join(t, NULL);
    return j.result;
  }
  return fn(arg); /* no thread: run here, with the default stack */
}

double util_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
