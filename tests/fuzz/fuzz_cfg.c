/* fuzz_cfg.c -- libFuzzer harness for the TLC config reader (cfg.c).
 *
 * Each input is a .cfg text; cfg_parse_text prints located errors (here
 * to /dev/null) and returns NULL on a bad one.  Like the parser it never
 * exits on a user error; a FailPoint catches a stray fail_at as a finding. */

#include "cfg.h"
#include "fuzzing.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  fuzz_quiet();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_text(data, size);
  FailPoint fp;
  FUZZ_CATCH(fp, "fuzz_cfg");
  cfg_parse_text("F.cfg", text);
  fuzz_end(&fp, text);
  return 0;
}
