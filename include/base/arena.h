/* arena.h -- the chunk arena: memory that lives for the whole run.
 *
 * An Arena hands out zeroed, 16-byte aligned blocks carved from large
 * chunks.  Nothing is freed one by one: the chunks stay linked from the
 * Arena (usually a static of the module that owns it), so everything
 * allocated stays reachable and leak checkers stay quiet even when a parse
 * fails half way and its partial tree is dropped.  A block larger than the
 * chunk size gets a chunk of its own.
 *
 *   static Arena nodes = ARENA_INIT(65536);
 *   Expr *e = arena_alloc(&nodes, sizeof *e);
 *
 * ARENA_PUSH grows an array that lives in an arena (the old copy is simply
 * abandoned); for arrays on the heap use VEC / VEC_PUSH (util.h). */
#ifndef BRINK_ARENA_H
#define BRINK_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
  ArenaChunk *chunks; /* newest first; the head is the one being filled */
  size_t chunk_size;  /* bytes of data per chunk (a larger block: its own) */
} Arena;

#define ARENA_INIT(chunk_bytes) {NULL, (chunk_bytes)}

/* n zeroed bytes, 16-byte aligned, valid for the rest of the run. */
void *arena_alloc(Arena *a, size_t n);

/* Appends x to the array arr of n elements and capacity cap (ints), all
 * three lvalues, growing it in arena a by doubling (4 at first). */
#define ARENA_PUSH(a, arr, n, cap, x)                                          \
  do {                                                                         \
    if ((n) == (cap)) {                                                        \
      int nc_ = (cap) ? (cap) * 2 : 4;                                         \
      void *np_ = arena_alloc((a), (size_t)nc_ * sizeof *(arr));               \
      if (n)                                                                   \
        memcpy(np_, (arr), (size_t)(n) * sizeof *(arr));                       \
      (arr) = np_;                                                             \
      (cap) = nc_;                                                             \
    }                                                                          \
    (arr)[(n)++] = (x);                                                        \
  } while (0)

#endif
