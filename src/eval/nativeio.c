/* nativeio.c -- the input/output operators of the shipped modules: Json,
 * CSV, IOUtils.
 *
 * Design.  These operators cannot be written in TLA+ (the modules' bodies
 * only name them), so they exist only as natives (native.h).  They read
 * files and the environment anywhere, and write files or run commands only
 * where brink itself writes (native_may_write, a POSTCONDITION);
 * elsewhere they are a located error.  A relative file name is looked up
 * in the working directory, then in the folder of the root module.  JSON
 * is read by a small recursive-descent reader that keeps line numbers for
 * its errors and written in brink's value order; CSV is read as records
 * of strings.  Commands run with fork/exec and their output is read
 * whole. */
#include "natint.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- JSON ---- */

typedef VEC(char) Buf;

typedef struct Json {
  NativeCall *nc;
  const char *file;
  const char *s;
  size_t pos, line;
} Json;

static _Noreturn void json_fail(Json *j, const char *what) {
  native_fail(j->nc, "%s, line %zu: %s", j->file, j->line, what);
}

static void json_space(Json *j) {
  for (;; j->pos++) {
    char ch = j->s[j->pos];
    if (ch == '\n')
      j->line++;
    else if (ch != ' ' && ch != '\t' && ch != '\r')
      return;
  }
}

static Value *json_value(Json *j, int depth);

static void put_utf8(Buf *b, unsigned cp) {
  if (cp < 0x80) {
    VEC_PUSH(*b, (char)cp);
  } else if (cp < 0x800) {
    VEC_PUSH(*b, (char)(0xC0 | (cp >> 6)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    VEC_PUSH(*b, (char)(0xE0 | (cp >> 12)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  } else {
    VEC_PUSH(*b, (char)(0xF0 | (cp >> 18)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 12) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  }
}

static unsigned json_hex4(Json *j) {
  unsigned cp = 0;
  for (int k = 0; k < 4; k++) {
    char h = j->s[j->pos++];
    cp <<= 4;
    if (h >= '0' && h <= '9')
      cp |= (unsigned)(h - '0');
    else if (h >= 'a' && h <= 'f')
      cp |= (unsigned)(h - 'a' + 10);
    else if (h >= 'A' && h <= 'F')
      cp |= (unsigned)(h - 'A' + 10);
    else
      json_fail(j, "bad \\u escape in a string");
  }
  return cp;
}

static Sym json_string(Json *j) {
  Buf b = {0};
  j->pos++; /* the opening quote */
  for (;;) {
    char ch = j->s[j->pos++];
    if (ch == '"')
      break;
    if (ch == 0 || ch == '\n')
      json_fail(j, "unterminated string");
    if (ch != '\\') {
      VEC_PUSH(b, ch);
      continue;
    }
    char esc = j->s[j->pos++];
    switch (esc) {
    case 'n':
      VEC_PUSH(b, '\n');
      break;
    case 't':
      VEC_PUSH(b, '\t');
      break;
    case 'r':
      VEC_PUSH(b, '\r');
      break;
    case 'b':
      VEC_PUSH(b, '\b');
      break;
    case 'f':
      VEC_PUSH(b, '\f');
      break;
    case '/':
      VEC_PUSH(b, '/');
      break;
    case '\\':
      VEC_PUSH(b, '\\');
      break;
    case '"':
      VEC_PUSH(b, '"');
      break;
    case 'u': {
      unsigned cp = json_hex4(j);
      if (cp >= 0xD800 && cp < 0xDC00 && j->s[j->pos] == '\\' &&
          j->s[j->pos + 1] == 'u') {
        j->pos += 2;
        unsigned lo = json_hex4(j);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      put_utf8(&b, cp);
      break;
    }
    default:
      json_fail(j, "bad escape in a string");
    }
  }
  VEC_PUSH(b, 0);
  Sym s = sym_intern(b.data);
  VEC_FREE(b);
  return s;
}

static Value *json_number(Json *j) {
  size_t start = j->pos;
  if (j->s[j->pos] == '-')
    j->pos++;
  while (j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
    j->pos++;
  char ch = j->s[j->pos];
  if (ch == '.' || ch == 'e' || ch == 'E')
    json_fail(j, "a number with a fraction or an exponent has no TLA+ value "
                 "(only integers do)");
  char *digits = xstrndup(j->s + start, j->pos - start);
  Value *v = val_int_str(digits);
  free(digits);
  if (!v)
    json_fail(j, "malformed number");
  return v;
}

static bool json_word(Json *j, const char *w) {
  size_t n = strlen(w);
  if (strncmp(j->s + j->pos, w, n) != 0)
    return false;
  j->pos += n;
  return true;
}

/* JSON objects become records, arrays sequences, as in TLC's Json module. */
static Value *json_value(Json *j, int depth) {
  if (depth > 1000)
    json_fail(j, "nested too deeply");
  json_space(j);
  char ch = j->s[j->pos];
  if (ch == '{') {
    j->pos++;
    VEC(Sym) keys = {0};
    VEC(Value *) vals = {0};
    json_space(j);
    if (j->s[j->pos] == '}') {
      j->pos++;
    } else {
      for (;;) {
        json_space(j);
        if (j->s[j->pos] != '"')
          json_fail(j, "a field name (a string) expected in an object");
        VEC_PUSH(keys, json_string(j));
        json_space(j);
        if (j->s[j->pos++] != ':')
          json_fail(j, "':' expected after a field name");
        VEC_PUSH(vals, json_value(j, depth + 1));
        json_space(j);
        char c = j->s[j->pos++];
        if (c == '}')
          break;
        if (c != ',')
          json_fail(j, "',' or '}' expected in an object");
      }
    }
    Value *r = val_record(keys.data, vals.data, keys.len);
    VEC_FREE(keys);
    VEC_FREE(vals);
    if (!r)
      json_fail(j, "an object names a field twice");
    return r;
  }
  if (ch == '[') {
    j->pos++;
    VEC(Value *) vals = {0};
    json_space(j);
    if (j->s[j->pos] == ']') {
      j->pos++;
    } else {
      for (;;) {
        VEC_PUSH(vals, json_value(j, depth + 1));
        json_space(j);
        char c = j->s[j->pos++];
        if (c == ']')
          break;
        if (c != ',')
          json_fail(j, "',' or ']' expected in an array");
      }
    }
    Value *r = val_tuple(vals.data, vals.len);
    VEC_FREE(vals);
    return r;
  }
  if (ch == '"')
    return val_str(json_string(j));
  if (ch == '-' || (ch >= '0' && ch <= '9'))
    return json_number(j);
  if (json_word(j, "true"))
    return val_bool(true);
  if (json_word(j, "false"))
    return val_bool(false);
  if (json_word(j, "null"))
    json_fail(j, "null has no TLA+ value");
  json_fail(j, "a JSON value expected");
}

/* The contents of file `name` (NULL if it cannot be read); *used gets the
 * path that was read. */
static char *read_spec_file(NativeCall *nc, const char *name, char **used) {
  char *text = src_read_file(name);
  if (text) {
    *used = xstrdup(name);
    return text;
  }
  const char *dir = native_spec_dir(nc);
  if (name[0] != '/' && dir) {
    char *p = xsprintf("%s/%s", dir, name);
    text = src_read_file(p);
    if (text) {
      *used = p;
      return text;
    }
    free(p);
  }
  return NULL;
}

static const char *need_str(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_STR)
    native_fail(nc, "%s expects a string, but was given %s", op,
                nat_kind_word(v));
  return sym_str(v->u.str);
}

static char *read_or_fail(NativeCall *nc, const char *name, const char *op,
                          char **used) {
  char *text = read_spec_file(nc, name, used);
  if (!text)
    native_fail(nc,
                "%s: cannot read the file %s (looked in the working "
                "directory and in %s)",
                op, name, native_spec_dir(nc) ? native_spec_dir(nc) : ".");
  return text;
}

static Value *n_json_deserialize(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "JsonDeserialize");
  char *used;
  char *text = read_or_fail(nc, name, "JsonDeserialize", &used);
  Json j = {nc, used, text, 0, 1};
  Value *v = json_value(&j, 0);
  json_space(&j);
  if (j.s[j.pos])
    json_fail(&j, "text after the JSON value");
  free(text);
  free(used);
  return v;
}

/* One JSON value per non-blank line, as a sequence. */
static Value *n_nd_json_deserialize(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "ndJsonDeserialize");
  char *used;
  char *text = read_or_fail(nc, name, "ndJsonDeserialize", &used);
  Json j = {nc, used, text, 0, 1};
  VEC(Value *) vals = {0};
  for (;;) {
    json_space(&j);
    if (!j.s[j.pos])
      break;
    VEC_PUSH(vals, json_value(&j, 0));
    while (j.s[j.pos] == ' ' || j.s[j.pos] == '\t' || j.s[j.pos] == '\r')
      j.pos++;
    if (j.s[j.pos] && j.s[j.pos] != '\n')
      json_fail(&j, "one JSON value per line expected");
  }
  Value *r = val_tuple(vals.data, vals.len);
  VEC_FREE(vals);
  free(text);
  free(used);
  return r;
}

static void buf_puts(Buf *b, const char *s) {
  while (*s)
    VEC_PUSH(*b, *s++);
}

static void json_quote(Buf *b, const char *s) {
  VEC_PUSH(*b, '"');
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') {
      VEC_PUSH(*b, '\\');
      VEC_PUSH(*b, (char)ch);
    } else if (ch == '\n') {
      buf_puts(b, "\\n");
    } else if (ch == '\t') {
      buf_puts(b, "\\t");
    } else if (ch == '\r') {
      buf_puts(b, "\\r");
    } else if (ch < 0x20) {
      char u[8];
      snprintf(u, sizeof u, "\\u%04x", ch);
      buf_puts(b, u);
    } else {
      VEC_PUSH(*b, (char)ch);
    }
  }
  VEC_PUSH(*b, '"');
}

/* TLC's JSON form: records and other functions with string keys are
 * objects, sequences and sets are arrays, other functions objects keyed
 * by the printed argument, model values strings. */
static void json_write(NativeCall *nc, Buf *b, Value *v) {
  switch (v->kind) {
  case V_BOOL:
    buf_puts(b, v->u.b ? "true" : "false");
    return;
  case V_INT: {
    char *s = val_to_string(v);
    buf_puts(b, s);
    free(s);
    return;
  }
  case V_STR:
    json_quote(b, sym_str(v->u.str));
    return;
  case V_MODEL:
    json_quote(b, sym_str(v->u.model.name));
    return;
  case V_FUN:
    if (val_is_seq(v)) {
      VEC_PUSH(*b, '[');
      for (uint32_t i = 0; i < v->u.fun.n; i++) {
        if (i)
          VEC_PUSH(*b, ',');
        json_write(nc, b, v->u.fun.vals[i]);
      }
      VEC_PUSH(*b, ']');
      return;
    }
    VEC_PUSH(*b, '{');
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      if (i)
        VEC_PUSH(*b, ',');
      Value *k = v->u.fun.keys[i];
      if (k->kind == V_STR) {
        json_quote(b, sym_str(k->u.str));
      } else {
        char *s = val_to_string(k);
        json_quote(b, s);
        free(s);
      }
      VEC_PUSH(*b, ':');
      json_write(nc, b, v->u.fun.vals[i]);
    }
    VEC_PUSH(*b, '}');
    return;
  default: {
    Value *s = val_set_enum(v);
    if (!s)
      native_fail(nc, "an infinite set has no JSON form");
    VEC_PUSH(*b, '[');
    for (uint32_t i = 0; i < s->u.set.n; i++) {
      if (i)
        VEC_PUSH(*b, ',');
      json_write(nc, b, s->u.set.elems[i]);
    }
    VEC_PUSH(*b, ']');
    return;
  }
  }
}

static Value *buf_value(Buf *b) {
  VEC_PUSH(*b, 0);
  Value *r = val_str(sym_intern(b->data));
  VEC_FREE(*b);
  return r;
}

static Value *n_to_json(NativeCall *nc) {
  Buf b = {0};
  json_write(nc, &b, native_arg(nc, 0));
  return buf_value(&b);
}

static Value *n_to_json_array(NativeCall *nc) {
  Value *v = native_arg(nc, 0);
  if (!val_is_seq(v) && !val_is_set(v))
    native_fail(nc,
                "ToJsonArray expects a sequence or a set, but was given "
                "%s",
                nat_kind_word(v));
  return n_to_json(nc);
}

static Value *n_to_json_object(NativeCall *nc) {
  Value *v = native_arg(nc, 0);
  if (v->kind != V_FUN)
    native_fail(nc,
                "ToJsonObject expects a record or a function, but was "
                "given %s",
                nat_kind_word(v));
  Buf b = {0};
  if (v->u.fun.n == 0) {
    buf_puts(&b, "{}");
    return buf_value(&b);
  }
  json_write(nc, &b, v);
  if (val_is_seq(v)) { /* a sequence as an object keyed by position */
    b.len = 0;
    VEC_PUSH(b, '{');
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      char k[32];
      snprintf(k, sizeof k, "%s\"%u\":", i ? "," : "", i + 1);
      buf_puts(&b, k);
      json_write(nc, &b, v->u.fun.vals[i]);
    }
    VEC_PUSH(b, '}');
  }
  return buf_value(&b);
}

/* ---- writing ---- */

static void need_write(NativeCall *nc, const char *op, const char *what) {
  if (!native_may_write(nc))
    native_fail(nc,
                "%s (module %s) is evaluated here, where brink neither "
                "writes files nor runs commands; brink evaluates it only "
                "in a POSTCONDITION",
                op, what);
}

static Value *write_file(NativeCall *nc, const char *name, Buf *b, bool append,
                         const char *op) {
  FILE *f = fopen(name, append ? "a" : "w");
  if (!f)
    native_fail(nc, "%s: cannot write the file %s: %s", op, name,
                strerror(errno));
  fwrite(b->data, 1, b->len, f);
  bool ok = fclose(f) == 0;
  VEC_FREE(*b);
  return val_bool(ok);
}

static Value *n_json_serialize(NativeCall *nc) {
  need_write(nc, "JsonSerialize", "Json");
  const char *name = need_str(nc, native_arg(nc, 0), "JsonSerialize");
  Buf b = {0};
  json_write(nc, &b, native_arg(nc, 1));
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, false, "JsonSerialize");
}

static Value *n_nd_json_serialize(NativeCall *nc) {
  need_write(nc, "ndJsonSerialize", "Json");
  const char *name = need_str(nc, native_arg(nc, 0), "ndJsonSerialize");
  Value *s = nat_need_seq(nc, native_arg(nc, 1), "ndJsonSerialize");
  Buf b = {0};
  for (uint32_t i = 0; i < s->u.fun.n; i++) {
    json_write(nc, &b, s->u.fun.vals[i]);
    VEC_PUSH(b, '\n');
  }
  return write_file(nc, name, &b, false, "ndJsonSerialize");
}

/* A value as CSV and printf templates show it: strings without quotes. */
static void plain_write(Buf *b, Value *v) {
  if (v->kind == V_STR) {
    buf_puts(b, sym_str(v->u.str));
    return;
  }
  char *s = val_to_string(v);
  buf_puts(b, s);
  free(s);
}

/* The template with %k$s replaced by the k-th value of vals. */
static void fill_template(NativeCall *nc, Buf *b, const char *t, Value *vals,
                          const char *op) {
  for (const char *p = t; *p; p++) {
    if (*p != '%') {
      VEC_PUSH(*b, *p);
      continue;
    }
    if (p[1] == '%') {
      VEC_PUSH(*b, '%');
      p++;
      continue;
    }
    char *end;
    long k = strtol(p + 1, &end, 10);
    if (end == p + 1 || end[0] != '$' || end[1] != 's' || k < 1 ||
        k > (long)vals->u.fun.n)
      native_fail(nc, "%s: the template may only use %%1$s ... %%%u$s", op,
                  vals->u.fun.n);
    plain_write(b, vals->u.fun.vals[k - 1]);
    p = end + 1;
  }
}

static Value *n_csv_write(NativeCall *nc) {
  need_write(nc, "CSVWrite", "CSV");
  const char *t = need_str(nc, native_arg(nc, 0), "CSVWrite");
  Value *vals = nat_need_seq(nc, native_arg(nc, 1), "CSVWrite");
  const char *name = need_str(nc, native_arg(nc, 2), "CSVWrite");
  Buf b = {0};
  fill_template(nc, &b, t, vals, "CSVWrite");
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, true, "CSVWrite");
}

static Value *n_csv_write_record(NativeCall *nc) {
  need_write(nc, "CSVWriteRecord", "CSV");
  Value *r = nat_need_fun(nc, native_arg(nc, 0), "CSVWriteRecord");
  const char *delim = need_str(nc, native_arg(nc, 1), "CSVWriteRecord");
  Value *headers = native_arg(nc, 2);
  const char *name = need_str(nc, native_arg(nc, 3), "CSVWriteRecord");
  Buf b = {0};
  FILE *probe = fopen(name, "r");
  bool empty = !probe || fgetc(probe) == EOF;
  if (probe)
    fclose(probe);
  if (headers->kind == V_BOOL && headers->u.b && empty) {
    for (uint32_t i = 0; i < r->u.fun.n; i++) {
      if (i)
        buf_puts(&b, delim);
      plain_write(&b, r->u.fun.keys[i]);
    }
    VEC_PUSH(b, '\n');
  }
  for (uint32_t i = 0; i < r->u.fun.n; i++) {
    if (i)
      buf_puts(&b, delim);
    plain_write(&b, r->u.fun.vals[i]);
  }
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, true, "CSVWriteRecord");
}

/* ---- CSV input ---- */

static Value *n_csv_records(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "CSVRecords");
  char *used;
  char *text = read_spec_file(nc, name, &used);
  if (!text)
    return val_int(0);
  int64_t lines = 0;
  for (const char *p = text; *p; p++)
    if (*p == '\n' || p[1] == 0)
      lines++;
  free(text);
  free(used);
  return val_int(lines);
}

static Value *n_csv_read(NativeCall *nc) {
  Value *cols = nat_need_seq(nc, native_arg(nc, 0), "CSVRead");
  const char *delim = need_str(nc, native_arg(nc, 1), "CSVRead");
  const char *name = need_str(nc, native_arg(nc, 2), "CSVRead");
  if (!*delim)
    native_fail(nc, "CSVRead: the delimiter is empty");
  uint32_t nc_cols = cols->u.fun.n;
  Sym *fields = xmalloc((nc_cols ? nc_cols : 1) * sizeof *fields);
  for (uint32_t i = 0; i < nc_cols; i++)
    fields[i] = sym_intern(need_str(nc, cols->u.fun.vals[i], "CSVRead"));
  char *used;
  char *text = read_or_fail(nc, name, "CSVRead", &used);
  VEC(Value *) rows = {0};
  Value **vals = xmalloc((nc_cols ? nc_cols : 1) * sizeof *vals);
  size_t dl = strlen(delim);
  char *line = text;
  while (*line) {
    char *nl = strchr(line, '\n');
    char *end = nl ? nl : line + strlen(line);
    if (end > line && end[-1] == '\r')
      end[-1] = 0;
    *end = 0;
    uint32_t k = 0;
    char *p = line;
    for (;;) {
      char *d = strstr(p, delim);
      if (k < nc_cols)
        vals[k] = val_str(d ? sym_intern_n(p, (size_t)(d - p)) : sym_intern(p));
      k++;
      if (!d)
        break;
      p = d + dl;
    }
    if (k != nc_cols)
      native_fail(nc,
                  "CSVRead: a line of %s has %u values, not the %u "
                  "columns named",
                  used, k, nc_cols);
    Value *r = val_record(fields, vals, nc_cols);
    if (!r)
      native_fail(nc, "CSVRead: a column is named twice");
    VEC_PUSH(rows, r);
    if (!nl)
      break;
    line = nl + 1;
  }
  Value *res = val_tuple(rows.data, rows.len);
  VEC_FREE(rows);
  free(vals);
  free(fields);
  free(text);
  free(used);
  return res;
}

/* ---- IOUtils ---- */

static Value *n_io_env(NativeCall *nc) {
  VEC(Sym) keys = {0};
  VEC(Value *) vals = {0};
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq || eq == *e)
      continue;
    Sym k = sym_intern_n(*e, (size_t)(eq - *e));
    bool dup = false;
    for (size_t i = 0; i < keys.len && !dup; i++)
      dup = keys.data[i] == k;
    if (dup)
      continue;
    VEC_PUSH(keys, k);
    VEC_PUSH(vals, val_str(sym_intern(eq + 1)));
  }
  Value *r = val_record(keys.data, vals.data, keys.len);
  VEC_FREE(keys);
  VEC_FREE(vals);
  return r;
}

static char *read_all(int fd) {
  VEC(char) b = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0)
    for (ssize_t i = 0; i < n; i++)
      VEC_PUSH(b, chunk[i]);
  VEC_PUSH(b, 0);
  return b.data;
}

/* Runs argv (with extra environment entries env), and returns
 * [exitValue |-> code, stdout |-> out, stderr |-> err].  Output is read
 * after the command ends, through files, so neither pipe can fill up. */
static Value *run_command(NativeCall *nc, Value *cmd, Value *env,
                          const char *op) {
  nat_need_seq(nc, cmd, op);
  uint32_t n = cmd->u.fun.n;
  if (n == 0)
    native_fail(nc, "%s: the command is empty", op);
  char **argv = xcalloc(n + 1, sizeof *argv);
  for (uint32_t i = 0; i < n; i++) {
    Value *a = cmd->u.fun.vals[i];
    argv[i] = a->kind == V_STR ? xstrdup(sym_str(a->u.str)) : val_to_string(a);
  }
  FILE *out = tmpfile(), *err = tmpfile();
  if (!out || !err)
    native_fail(nc, "%s: cannot make temporary files", op);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0)
    native_fail(nc, "%s: cannot start a process: %s", op, strerror(errno));
  if (pid == 0) {
    dup2(fileno(out), 1);
    dup2(fileno(err), 2);
    if (env && env->kind == V_FUN)
      for (uint32_t i = 0; i < env->u.fun.n; i++) {
        Value *k = env->u.fun.keys[i], *v = env->u.fun.vals[i];
        if (k->kind == V_STR) {
          char *s =
              v->kind == V_STR ? xstrdup(sym_str(v->u.str)) : val_to_string(v);
          setenv(sym_str(k->u.str), s, 1);
        }
      }
    execvp(argv[0], argv);
    fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  rewind(out);
  rewind(err);
  char *so = read_all(fileno(out)), *se = read_all(fileno(err));
  fclose(out);
  fclose(err);
  Sym fields[3] = {sym_intern("exitValue"), sym_intern("stdout"),
                   sym_intern("stderr")};
  Value *vals[3] = {val_int(code), val_str(sym_intern(so)),
                    val_str(sym_intern(se))};
  free(so);
  free(se);
  for (uint32_t i = 0; i < n; i++)
    free(argv[i]);
  free(argv);
  return val_record(fields, vals, 3);
}

static Value *n_io_exec(NativeCall *nc) {
  need_write(nc, "IOExec", "IOUtils");
  return run_command(nc, native_arg(nc, 0), NULL, "IOExec");
}

static Value *n_io_env_exec(NativeCall *nc) {
  need_write(nc, "IOEnvExec", "IOUtils");
  Value *env = nat_need_fun(nc, native_arg(nc, 0), "IOEnvExec");
  return run_command(nc, native_arg(nc, 1), env, "IOEnvExec");
}

/* ---- the table ---- */

static const NativeEntry natives[] = {
    {"Json", "JsonDeserialize", 1, n_json_deserialize},
    {"Json", "ndJsonDeserialize", 1, n_nd_json_deserialize},
    {"Json", "ToJson", 1, n_to_json},
    {"Json", "ToJsonArray", 1, n_to_json_array},
    {"Json", "ToJsonObject", 1, n_to_json_object},
    {"Json", "JsonSerialize", 2, n_json_serialize},
    {"Json", "ndJsonSerialize", 2, n_nd_json_serialize},
    {"CSV", "CSVWrite", 3, n_csv_write},
    {"CSV", "CSVWriteRecord", 4, n_csv_write_record},
    {"CSV", "CSVRead", 3, n_csv_read},
    {"CSV", "CSVRecords", 1, n_csv_records},
    {"IOUtils", "IOEnv", 0, n_io_env},
    {"IOUtils", "IOExec", 1, n_io_exec},
    {"IOUtils", "IOEnvExec", 2, n_io_env_exec},
};

NativeFn nat_io_lookup(const char *module, const char *name, int arity) {
  return nat_find(natives, sizeof natives / sizeof *natives, module, name,
                  arity);
}
