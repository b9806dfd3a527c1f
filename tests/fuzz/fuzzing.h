/* fuzzing.h -- what brink's libFuzzer harnesses share.
 *
 * Each harness quiets the diagnostics (they go to /dev/null), turns an
 * input into a NUL-terminated text, and runs the front end under a
 * FailPoint: the front end reports user errors located and returns NULL,
 * so a fail_at that comes back to the harness is a finding (abort). */
#ifndef BRINK_FUZZING_H
#define BRINK_FUZZING_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Diagnostics to /dev/null (from LLVMFuzzerInitialize). */
static inline void fuzz_quiet(void) {
  diag_set_stream(fopen("/dev/null", "w"));
}

/* The input as a text of its own (free it with fuzz_end). */
static inline char *fuzz_text(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
  return text;
}

/* Pushes fp in the harness's frame (setjmp): a fail_at that comes back
 * to it aborts, naming the harness. */
#define FUZZ_CATCH(fp, harness)                                                \
  do {                                                                         \
    if (fail_push(&(fp))) {                                                    \
      fprintf(stderr, "%s: fail_at reached the harness (code %d)\n",           \
              (harness), (fp).code);                                           \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* After one input: the diagnostics' state reset, fp popped, text freed. */
static inline void fuzz_end(FailPoint *fp, char *text) {
  diag_reset();
  fail_pop(fp);
  free(text);
}

#endif
