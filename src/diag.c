/* diag.c -- the source registry, located diagnostics and recovery points.
 *
 * A diagnostic prints "path:line:col: kind: message", then the source line
 * and a caret under the column (the caret run covers the span when it stays
 * on one line).  Recovery points form a stack; fail_at prints and jumps to
 * the innermost one. */
#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static VEC(char *) src_paths;
static VEC(char *) src_texts;
static int error_count;
static FILE *diag_out;
static FailPoint *fail_top;

uint32_t src_add(const char *path, const char *text) {
  if (src_paths.len == 0) { /* file id 0 means "no location" */
    VEC_PUSH(src_paths, xstrdup(""));
    VEC_PUSH(src_texts, xstrdup(""));
  }
  VEC_PUSH(src_paths, xstrdup(path));
  VEC_PUSH(src_texts, xstrdup(text));
  return (uint32_t)(src_paths.len - 1);
}

const char *src_path(uint32_t file) {
  return file && file < src_paths.len ? src_paths.data[file] : "";
}

const char *src_text(uint32_t file) {
  return file && file < src_texts.len ? src_texts.data[file] : "";
}

char *src_read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  VEC(char) buf = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    VEC_RESERVE(buf, buf.len + n + 1);
    memcpy(buf.data + buf.len, chunk, n);
    buf.len += n;
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    free(buf.data);
    errno = EIO;
    return NULL;
  }
  VEC_PUSH(buf, '\0');
  return buf.data;
}

void *diag_set_stream(void *file) {
  void *old = diag_out;
  diag_out = file;
  return old;
}
static FILE *out(void) { return diag_out ? diag_out : stderr; }
int diag_error_count(void) { return error_count; }
void diag_reset(void) { error_count = 0; }

const char *loc_str(Loc loc, char *buf, size_t n) {
  if (!loc.file)
    snprintf(buf, n, "brink");
  else
    snprintf(buf, n, "%s:%u:%u", src_path(loc.file), loc.line, loc.col);
  return buf;
}

static void print_source_line(Loc loc) {
  const char *t = src_text(loc.file);
  uint32_t line = 1;
  while (*t && line < loc.line) {
    if (*t++ == '\n')
      line++;
  }
  if (line != loc.line)
    return;
  const char *e = t;
  while (*e && *e != '\n' && *e != '\r')
    e++;
  fprintf(out(), "  %.*s\n  ", (int)(e - t), t);
  for (uint32_t c = 1; c < loc.col; c++)
    fputc(t + c - 1 < e && t[c - 1] == '\t' ? '\t' : ' ', out());
  uint32_t width = 1;
  if (loc.eline == loc.line && loc.ecol >= loc.col)
    width = loc.ecol - loc.col + 1;
  for (uint32_t i = 0; i < width; i++)
    fputc('^', out());
  fputc('\n', out());
}

static char last_error[1024];

const char *diag_last_error(void) { return last_error; }

void diag_verror(Loc loc, const char *kind, const char *fmt, va_list ap) {
  char where[512];
  fprintf(out(), "%s: %s: ", loc_str(loc, where, sizeof where), kind);
  if (!diag_out && strcmp(kind, "error") == 0) { /* one the user sees */
    va_list copy;
    va_copy(copy, ap);
    int n = snprintf(last_error, sizeof last_error, "%s: ", where);
    if (n > 0 && (size_t)n < sizeof last_error)
      vsnprintf(last_error + n, sizeof last_error - (size_t)n, fmt, copy);
    va_end(copy);
  }
  vfprintf(out(), fmt, ap);
  fputc('\n', out());
  if (loc.file && loc.line)
    print_source_line(loc);
  fflush(out());
}

void diag_error(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  error_count++;
  diag_verror(loc, "error", fmt, ap);
  va_end(ap);
}

void diag_warning(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_verror(loc, "warning", fmt, ap);
  va_end(ap);
}

void diag_note(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_verror(loc, "note", fmt, ap);
  va_end(ap);
}

void fail_enter(FailPoint *fp) {
  fp->prev = fail_top;
  fp->code = 0;
  fail_top = fp;
}

void fail_pop(FailPoint *fp) {
  if (fail_top == fp)
    fail_top = fp->prev;
}

_Noreturn void fail_silent(int code) {
  FailPoint *fp = fail_top;
  if (!fp) {
    fprintf(stderr, "brink: internal error: failure with no recovery point\n");
    abort();
  }
  fail_top = fp->prev;
  fp->code = code;
  longjmp(fp->jb, 1);
}

_Noreturn void fail_at(Loc loc, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  error_count++;
  diag_verror(loc, "error", fmt, ap);
  va_end(ap);
  fail_silent(code);
}
