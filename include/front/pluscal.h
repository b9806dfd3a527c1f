/* pluscal.h -- brink's PlusCal front end (src/pluscal/).
 *
 * A module whose comments hold a PlusCal algorithm (`--algorithm Name` or
 * `--fair algorithm Name`, P-syntax or C-syntax) is translated as the
 * PlusCal translator (pcal.trans, version 1.8 semantics) translates it:
 * the TLA+ text goes between the `\* BEGIN TRANSLATION` and
 * `\* END TRANSLATION` lines, created after the algorithm's comment when
 * absent.  Errors in the algorithm are located in the file. */
#ifndef BRINK_PLUSCAL_H
#define BRINK_PLUSCAL_H

#include <stdbool.h>
#include <stddef.h>

/* The translator's options, from a `PlusCal options (...)` line in the
 * file and from the command line. */
typedef struct POpts {
  bool wf, sf, wfnext, termination, nocfg, label;
  int version; /* `-version 1.5`, in thousandths (1500); 0: the current */
} POpts;

/* Reads one option word (`-wf`, `wf`, `-termination`, ...); false when it
 * is not one brink knows. */
bool pcal_option(POpts *o, const char *word);
/* Reads an option and the word after it, which only `-version` takes
 * (then next is its number); returns how many words it read, 0 when word
 * is not an option or the version number is bad. */
int pcal_option_args(POpts *o, const char *word, const char *next);

/* True when text holds an algorithm. */
bool pcal_has_algorithm(const char *text);

/* The file text with the algorithm translated between the markers (the
 * rest byte for byte); NULL after located errors.  *translation_present
 * tells whether the markers held a translation before. */
char *pcal_translate_text(const char *path, const char *text,
                          const POpts *extra, bool *translation_present);

/* Before a module is parsed for checking: when it holds an algorithm whose
 * translation is missing or differs from brink's, the text to check
 * instead (the algorithm translated in memory) after one note line on
 * stderr; NULL when the text is to be read as it is, or (*failed set)
 * after the algorithm's errors, when it has no translation to fall back
 * on. */
char *pcal_text_for_check(const char *path, const char *text, bool *failed);
/* --no-pluscal: pcal_text_for_check reads every file as it is (the
 * benchmarks compare with the committed translations this way). */
void pcal_set_check_algorithms(bool on);

/* After the text pcal_text_for_check gave for path is parsed: the
 * locations of the translation's definitions move into the algorithm (an
 * action to its label, a process to its name, the rest to the algorithm's
 * name), and those after the translation to their lines in the file. */
struct Module;
void pcal_relocate(struct Module *m, const char *path);

/* Before the .cfg binds the constants: when a translation made in memory
 * declares CONSTANT defaultInitValue and cfg does not give it a value, it
 * becomes the model value defaultInitValue, as in the .cfg the translator
 * writes (a note says so). */
struct Config;
void pcal_bind_default(struct Config *cfg);

/* `brink translate [options] Spec.tla`: rewrites the file (the old one kept
 * as Spec.tla.old) and writes Spec.cfg when there is none, unless -nocfg.
 * Returns an exit code. */
int pcal_translate_file(const char *path, const POpts *extra);

#endif
