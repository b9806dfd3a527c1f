/* fuzz_parse.c -- libFuzzer harness for the TLA+ front end.
 *
 * Each input is a module text.  It goes through the lexer and parser
 * (parse_text); a text that parses is printed (print.h), the print parsed
 * again and compared with the first tree (astcmp.h) -- a round trip that
 * fails is a finding (abort) -- and then written to a scratch folder and
 * loaded with program_load, so that module loading, name resolution,
 * instance expansion and levels run on it too.  The front end reports
 * user errors located and returns NULL -- it never exits or jumps out on
 * a bad input -- so the harness needs no recovery point of its own; a
 * FailPoint is pushed anyway, so that a stray fail_at would come back here
 * and be caught as a finding (abort) rather than end the process quietly.
 * Diagnostics go to /dev/null.  Parsed trees live for the run (ast.h), so
 * the fuzzer is run in fork mode (make fuzz), which bounds what a child
 * process accumulates. */
#include <unistd.h>

#include "astcmp.h"
#include "fuzzing.h"
#include "parse.h"
#include "print.h"
#include "resolve.h"

static char scratch[64];
static char spec_path[128];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  fuzz_quiet();
  snprintf(scratch, sizeof scratch, "/tmp/brink_fuzz_XXXXXX");
  if (!mkdtemp(scratch))
    abort();
  snprintf(spec_path, sizeof spec_path, "%s/F.tla", scratch);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_text(data, size);
  FailPoint fp;
  FUZZ_CATCH(fp, "fuzz_parse");
  Module *m = parse_text("F.tla", text);
  if (m) {
    char *printed = print_module_str(m);
    Module *again = parse_text("F (printed).tla", printed);
    char why[1024];
    if (!again || !astcmp_modules(m, again, why, sizeof why)) {
      fprintf(stderr, "fuzz_parse: round trip failed: %s\n--- printed:\n%s",
              again ? why : "the printed text does not parse", printed);
      abort();
    }
    free(printed);
    FILE *f = fopen(spec_path, "wb");
    if (f) {
      fwrite(text, 1, size, f);
      fclose(f);
      program_load(spec_path);
    }
  }
  fuzz_end(&fp, text);
  return 0;
}
