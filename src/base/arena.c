/* arena.c -- the chunk arena (arena.h).
 *
 * A chunk is a header and its data in one allocation; the data starts
 * 16-byte aligned and every request is rounded up to 16 bytes, so every
 * block is aligned for any type.  A request that does not fit in what is
 * left of the head chunk opens a new chunk (the rest of the old one is
 * abandoned: with blocks far smaller than a chunk the waste is small). */
#include "arena.h"

#include "util.h"

struct ArenaChunk {
  ArenaChunk *next;
  size_t used, cap;
  _Alignas(16) unsigned char data[];
};

void *arena_alloc(Arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  ArenaChunk *h = a->chunks;
  if (!h || h->used + n > h->cap) {
    size_t cap = n > a->chunk_size ? n : a->chunk_size;
    h = xmalloc(sizeof *h + cap);
    h->next = a->chunks;
    h->used = 0;
    h->cap = cap;
    a->chunks = h;
  }
  void *p = h->data + h->used;
  h->used += n;
  memset(p, 0, n);
  return p;
}
