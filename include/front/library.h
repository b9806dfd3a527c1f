/* library.h -- TLA+ modules shipped inside brink.
 *
 * The files in src/modules/ are compiled into the binary (the build turns
 * each into a string), so `EXTENDS SequencesExt` works wherever brink runs.
 * The resolver looks for a module in the spec's folder first, then here:
 * a module next to the spec wins, as with TLC.  A file here named after a
 * standard module (Sequences, TLC, ...) holds the operators of that module
 * that are defined in TLA+ rather than built in; it is loaded together with
 * the built-ins. */
#ifndef BRINK_LIBRARY_H
#define BRINK_LIBRARY_H

typedef struct LibraryModule {
  const char *name; /* the module name (the file name without .tla) */
  const char *text; /* the module's source */
} LibraryModule;

/* The shipped modules, sorted by name (generated at build time). */
extern const LibraryModule library_modules[];
extern const int library_count;

/* The source of the shipped module `name`, or NULL. */
const char *library_text(const char *name);

#endif
