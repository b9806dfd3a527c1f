/* t94_arena.c -- unit tests for the chunk arena (arena.h): blocks are
 * zeroed, 16-byte aligned and never overlap; a block larger than the chunk
 * size gets a chunk of its own; ARENA_PUSH grows by doubling from 4 and
 * keeps what was pushed. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

START_TEST(test_zeroed_aligned_disjoint) {
  static Arena a = ARENA_INIT(256);
  unsigned char *prev = NULL;
  size_t prev_n = 0;
  for (size_t n = 1; n < 200; n += 7) {
    unsigned char *p = arena_alloc(&a, n);
    ck_assert_uint_eq((uintptr_t)p % 16, 0);
    for (size_t i = 0; i < n; i++)
      ck_assert_uint_eq(p[i], 0);
    memset(p, 0xAB, n);
    /* a new block never overlaps the previous one */
    if (prev)
      ck_assert(p >= prev + prev_n || p + n <= prev);
    prev = p;
    prev_n = n;
  }
}
END_TEST

START_TEST(test_large_block) {
  static Arena a = ARENA_INIT(64);
  unsigned char *small = arena_alloc(&a, 16);
  unsigned char *big = arena_alloc(&a, 1000);
  for (size_t i = 0; i < 1000; i++)
    ck_assert_uint_eq(big[i], 0);
  memset(big, 1, 1000);
  ck_assert_uint_eq(small[0], 0);
  /* the small chunk was not abandoned for good: later blocks still come */
  unsigned char *after = arena_alloc(&a, 16);
  ck_assert_ptr_nonnull(after);
  ck_assert_uint_eq((uintptr_t)after % 16, 0);
}
END_TEST

START_TEST(test_push) {
  static Arena a = ARENA_INIT(1024);
  int *v = NULL, n = 0, cap = 0;
  for (int i = 0; i < 100; i++) {
    ARENA_PUSH(&a, v, n, cap, i * 3);
    if (i == 0)
      ck_assert_int_eq(cap, 4);
  }
  ck_assert_int_eq(n, 100);
  ck_assert_int_eq(cap, 128);
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(v[i], i * 3);
}
END_TEST

Suite *arena_suite(void) {
  Suite *s = suite_create("arena");
  TCase *tc = tcase_create("arena");
  tcase_add_test(tc, test_zeroed_aligned_disjoint);
  tcase_add_test(tc, test_large_block);
  tcase_add_test(tc, test_push);
  suite_add_tcase(s, tc);
  return s;
}
