/* natint.h -- what native.c and nativeio.c share (private to src/eval/).
 *
 * Each of the two files has a table of its natives; native_lookup
 * (native.h) looks in native.c's and then in nativeio.c's.  The checks
 * below make a native's error name what it was given, as TLC's do. */
#ifndef BRINK_NATINT_H
#define BRINK_NATINT_H

#include "native.h"

typedef struct NativeEntry {
  const char *module, *name;
  int arity;
  NativeFn fn;
} NativeEntry;

/* The entry of (module, name, arity) among t[0..n-1], or NULL. */
NativeFn nat_find(const NativeEntry *t, size_t n, const char *module,
                  const char *name, int arity);
/* The I/O natives (nativeio.c). */
NativeFn nat_io_lookup(const char *module, const char *name, int arity);

/* "an integer", "a set", ... for messages. */
const char *nat_kind_word(const Value *v);
/* v, or a located error naming op when v is not a sequence / function. */
Value *nat_need_seq(NativeCall *nc, Value *v, const char *op);
Value *nat_need_fun(NativeCall *nc, Value *v, const char *op);

#endif
