/* fuzz_cfg.c -- libFuzzer harness for the TLC config reader (cfg.c).
 *
 * Each input is a .cfg text; cfg_parse_text prints located errors (here
 * to /dev/null) and returns NULL on a bad one.  Like the parser it never
 * exits on a user error; a FailPoint catches a stray fail_at as a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  diag_set_stream(fopen("/dev/null", "w"));
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
  FailPoint fp;
  if (fail_push(&fp)) {
    fprintf(stderr, "fuzz_cfg: fail_at reached the harness (code %d)\n",
            fp.code);
    abort();
  }
  cfg_parse_text("F.cfg", text);
  diag_reset();
  fail_pop(&fp);
  free(text);
  return 0;
}
