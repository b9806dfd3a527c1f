/* diag.c -- the source registry, located diagnostics and recovery points.
 *
 * A diagnostic prints "path:line:col: kind: message", then the source line
 * and a caret under the column (the caret run covers the span when it stays
 * on one line).  Recovery points form a stack; fail_at prints and jumps to
 * the innermost one. */
#include "diag.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static VEC(char *) src_paths;
static VEC(char *) src_texts;
typedef struct LineInfo {
  size_t start; /* byte offset of the line */
  bool ascii;   /* no multi-byte character: a column is start + col - 1 */
} LineInfo;
typedef VEC(LineInfo) LineTable;
static VEC(LineTable) src_lines; /* per file, built on first use */
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

/* The line table of a file: line starts and whether each line is ASCII,
 * built once per file, so that locating n nodes costs O(n) rather than a
 * scan from the top of the file (or of a long line) for each. */
static LineTable *line_table(uint32_t file) {
  if (!file || file >= src_texts.len)
    return NULL;
  while (src_lines.len < src_texts.len)
    VEC_PUSH(src_lines, (LineTable){0});
  LineTable *lt = &src_lines.data[file];
  const char *t = src_texts.data[file];
  if (lt->len == 0) {
    LineInfo li = {0, true};
    for (size_t i = 0;; i++) {
      if (t[i] == '\n' || !t[i]) {
        VEC_PUSH(*lt, li);
        if (!t[i])
          break;
        li = (LineInfo){i + 1, true};
      } else if (t[i] & 0x80)
        li.ascii = false;
    }
  }
  return lt;
}

const char *src_line(uint32_t file, uint32_t line) {
  LineTable *lt = line_table(file);
  if (!lt || line == 0 || line > lt->len)
    return NULL;
  return src_texts.data[file] + lt->data[line - 1].start;
}

size_t src_offset(uint32_t file, uint32_t line, uint32_t col) {
  LineTable *lt = line_table(file);
  if (!lt || line == 0 || line > lt->len)
    return lt ? strlen(src_texts.data[file]) : 0;
  const char *t = src_texts.data[file];
  size_t i = lt->data[line - 1].start;
  size_t end = line < lt->len ? lt->data[line].start - 1 : strlen(t);
  if (lt->data[line - 1].ascii) {
    size_t k = col > 1 ? col - 1 : 0; /* characters before the column */
    return k < end - i ? i + k : end;
  }
  for (uint32_t c = 1; c < col && t[i] && t[i] != '\n'; c++) {
    i++;
    while ((t[i] & 0xC0) == 0x80)
      i++;
  }
  return i;
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
void *diag_mute(void) {
  static FILE *devnull; /* opened once: mutes sit on evaluation paths */
  if (!devnull)
    devnull = fopen("/dev/null", "w");
  return diag_set_stream(devnull);
}

void diag_unmute(void *token) { diag_set_stream(token); }

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

/* The echo of a source line is cut to DIAG_ECHO characters around the
 * column, so that an error in a 10 MB line prints a few hundred bytes:
 * what is left out is shown as "..." with its length. */
#define DIAG_ECHO 160

static void print_source_line(Loc loc) {
  const char *t = src_line(loc.file, loc.line);
  if (!t)
    return;
  const char *e = t;
  while (*e && *e != '\n' && *e != '\r')
    e++;
  size_t len = (size_t)(e - t), col = loc.col ? loc.col - 1 : 0;
  uint32_t width = 1;
  if (loc.eline == loc.line && loc.ecol >= loc.col)
    width = loc.ecol - loc.col + 1;
  /* Columns count characters and t is bytes, but a cut only happens on
   * long lines, where byte offsets are close enough. */
  size_t from = 0, to = len;
  if (len > DIAG_ECHO) {
    from = col > DIAG_ECHO / 2 ? col - DIAG_ECHO / 2 : 0;
    if (from > len - DIAG_ECHO)
      from = len - DIAG_ECHO;
    to = from + DIAG_ECHO < len ? from + DIAG_ECHO : len;
    while (from > 0 && (t[from] & 0xC0) == 0x80)
      from--;
    while (to < len && (t[to] & 0xC0) == 0x80)
      to++;
  }
  fprintf(out(), "  %s%.*s%s\n  ", from ? "..." : "", (int)(to - from),
          t + from, to < len ? "..." : "");
  if (from)
    fputs("   ", out());
  for (size_t c = from; c < col && c < to; c++)
    fputc(t[c] == '\t' ? '\t' : ' ', out());
  if (col + width > to) {
    size_t w = to > col ? to - col : 0;
    width = (uint32_t)(w ? w : 1);
  }
  for (uint32_t i = 0; i < width; i++)
    fputc('^', out());
  if (len > DIAG_ECHO)
    fprintf(out(), " (line of %zu bytes, cut)", len);
  fputc('\n', out());
}

static char last_error[1024];

const char *diag_last_error(void) { return last_error; }

/* A message echoes names and tokens of the input; a run of more than
 * DIAG_TOKEN characters without a blank is cut to its ends, with its
 * length, so that a 10 MB identifier gives a message of one line. */
#define DIAG_TOKEN 120

static void put_message(const char *m) {
  while (*m) {
    size_t n = strcspn(m, " \t\n");
    if (n > DIAG_TOKEN)
      fprintf(out(), "%.48s...%.8s (%zu characters)", m, m + n - 8, n);
    else
      fwrite(m, 1, n, out());
    m += n;
    size_t b = strspn(m, " \t\n");
    fwrite(m, 1, b, out());
    m += b;
  }
}

void diag_verror(Loc loc, const char *kind, const char *fmt, va_list ap) {
  char where[512];
  fprintf(out(), "%s: %s: ", loc_str(loc, where, sizeof where), kind);
  char *msg = NULL;
  if (vasprintf(&msg, fmt, ap) < 0)
    msg = NULL;
  if (!diag_out && strcmp(kind, "error") == 0) /* one the user sees */
    snprintf(last_error, sizeof last_error, "%s: %s", where, msg ? msg : fmt);
  put_message(msg ? msg : fmt);
  free(msg);
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
