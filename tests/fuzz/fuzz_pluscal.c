/* fuzz_pluscal.c -- libFuzzer harness for the PlusCal front end.
 *
 * Each input is a module text.  When it holds an algorithm, it is
 * translated (pluscal.h: lexing the comment, parsing both syntaxes,
 * macro expansion, cutting bodies into steps, writing the TLA+), with and
 * without -label; a translation is parsed again by brink's TLA+ parser,
 * and the check-time path (pcal_text_for_check, which also compares a
 * translation in the file with brink's) runs on it.  Errors are reported
 * located and return NULL; nothing may crash, exit or jump out: a stray
 * fail_at comes back to the harness's FailPoint and is a finding.
 * Diagnostics go to /dev/null.  Run in fork mode (make fuzz, run.sh). */

#include "fuzzing.h"
#include "parse.h"
#include "pluscal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  fuzz_quiet();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_text(data, size);
  FailPoint fp;
  FUZZ_CATCH(fp, "fuzz_pluscal");
  if (pcal_has_algorithm(text)) {
    POpts label = {0};
    label.label = true;
    for (int pass = 0; pass < 2; pass++) {
      char *out = pcal_translate_text("F.tla", text, pass ? &label : NULL,
                                      NULL);
      if (out) {
        parse_text("F.tla", out);
        bool failed;
        char *again = pcal_text_for_check("F.tla", out, &failed);
        free(again);
        free(out);
      }
    }
    bool failed;
    free(pcal_text_for_check("F.tla", text, &failed));
  }
  fuzz_end(&fp, text);
  return 0;
}
