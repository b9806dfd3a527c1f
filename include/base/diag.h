/* diag.h -- source files, locations and user-facing diagnostics.
 *
 * Every source text (a .tla module, a .cfg file, a built-in module) is
 * registered once and gets a small file id; a Loc names a span in it with
 * 1-based lines and columns (columns count characters, tabs count 1).
 *
 * User errors print as
 *     file:line:col: error: message
 *       <the source line>
 *       <caret under the column>
 * Errors deep inside a phase (evaluation, encoding) unwind to the phase's
 * recovery point with fail_at(); the phase decides the exit code.  Library
 * code never calls exit() except through the out-of-memory path. */
#ifndef BRINK_DIAG_H
#define BRINK_DIAG_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Loc {
  uint32_t file;        /* file id from src_add; 0 = no location */
  uint32_t line, col;   /* start, 1-based */
  uint32_t eline, ecol; /* end (inclusive column of the last character) */
} Loc;

static inline Loc loc_span(Loc a, Loc b) {
  Loc r = a;
  r.eline = b.eline;
  r.ecol = b.ecol;
  return r;
}

/* Source registry. */
uint32_t src_add(const char *path, const char *text); /* takes a copy */
const char *src_path(uint32_t file);
const char *src_text(uint32_t file);
/* The start of line `line` (1-based) of a file; NULL when there is none. */
const char *src_line(uint32_t file, uint32_t line);
/* The byte offset of a line and column (columns count characters; a
 * column past the end of its line gives the line's end). */
size_t src_offset(uint32_t file, uint32_t line, uint32_t col);
/* Reads a whole file; NULL (and errno) when it cannot. */
char *src_read_file(const char *path);

/* Diagnostics go to stderr by default; tests can redirect them. */
void diag_error(Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diag_warning(Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diag_note(Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diag_verror(Loc loc, const char *kind, const char *fmt, va_list ap);
int diag_error_count(void);
/* "file:line:col: message" of the last error printed to stderr ("" when
 * none): the message of a run's JSON result. */
const char *diag_last_error(void);
void diag_reset(void);
/* Where diagnostics go (stderr by default); returns the previous stream so
 * that a caller silencing them can put it back. */
void *diag_set_stream(void *file /* FILE* */);
/* Silences diagnostics for a caller that expects some evaluations to fail
 * and reports them its own way (errors are still counted); the token puts
 * the stream back.  Mutes nest. */
void *diag_mute(void);
void diag_unmute(void *token);
/* Writes "file:line:col" for loc into buf. */
const char *loc_str(Loc loc, char *buf, size_t n);

/* Recovery points.  A phase sets one up with
 *     FailPoint fp; if (fail_push(&fp)) { ...failed... } ...; fail_pop(&fp);
 * and fail_at() prints a located error and jumps to the innermost point. */
typedef struct FailPoint {
  jmp_buf jb;
  struct FailPoint *prev;
  int code; /* the exit code the failure asks for */
} FailPoint;
#define fail_push(fp) (fail_enter(fp), setjmp((fp)->jb))
void fail_enter(FailPoint *fp);
void fail_pop(FailPoint *fp);
_Noreturn void fail_at(Loc loc, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Jumps without printing (the message was already printed). */
_Noreturn void fail_silent(int code);

/* TLC-compatible exit codes. */
enum {
  EXIT_OK = 0,
  EXIT_ASSUME = 10,
  EXIT_DEADLOCK = 11,
  EXIT_SAFETY = 12,
  EXIT_LIVENESS = 13,
  EXIT_ASSERT = 14,
  EXIT_EVAL = 75,
  EXIT_EVAL_INVARIANT = 76, /* TLC's FAILURE_SAFETY_EVAL: an invariant's
                             * evaluation failed */
  EXIT_EVAL_LIVENESS = 77,  /* TLC's FAILURE_LIVENESS_EVAL: the temporal
                             * properties are a tautology */
  EXIT_PARSE = 150,
  EXIT_CONFIG = 151,
  EXIT_SYSTEM = 153, /* TLC's ERROR_SYSTEM: out of memory */
  EXIT_OTHER = 255,
};

#endif
