/* valprint.c -- values printed as TLA+ expressions, as TLC prints them.
 *
 * Design.  One recursive printer over the canonical value: sets in value
 * order in braces, sequences (functions on 1..n) as <<...>>, records
 * (functions on strings) as [a |-> 1, ...], other functions as
 * (k :> v @@ ...), strings quoted with TLC's escapes, lazy intervals as
 * lo..hi.  val_to_string prints into a memory stream. */
#include "valint.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void print_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fputc('\\', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

static void print_list(FILE *out, Value *const *elems, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (i)
      fputs(", ", out);
    val_print(out, elems[i]);
  }
}

static void print_fun(FILE *out, const Value *f) {
  uint32_t n = f->u.fun.n;
  if (val_is_seq(f)) {
    fputs("<<", out);
    print_list(out, f->u.fun.vals, n);
    fputs(">>", out);
  } else if (val_is_record(f)) {
    fputc('[', out);
    for (uint32_t i = 0; i < n; i++) {
      fprintf(out, "%s%s |-> ", i ? ", " : "",
              sym_str(f->u.fun.keys[i]->u.str));
      val_print(out, f->u.fun.vals[i]);
    }
    fputc(']', out);
  } else {
    fputc('(', out);
    for (uint32_t i = 0; i < n; i++) {
      if (i)
        fputs(" @@ ", out);
      val_print(out, f->u.fun.keys[i]);
      fputs(" :> ", out);
      val_print(out, f->u.fun.vals[i]);
    }
    fputc(')', out);
  }
}

void val_print(FILE *out, const Value *v) {
  switch (v->kind) {
  case V_BOOL:
    fputs(v->u.b ? "TRUE" : "FALSE", out);
    break;
  case V_INT:
    if (v->big)
      mpz_out_str(out, 10, v->z);
    else
      fprintf(out, "%" PRId64, v->u.small);
    break;
  case V_STR:
    print_string(out, sym_str(v->u.str));
    break;
  case V_MODEL:
    fputs(sym_str(v->u.model.name), out);
    break;
  case V_SET:
    fputc('{', out);
    print_list(out, v->u.set.elems, v->u.set.n);
    fputc('}', out);
    break;
  case V_FUN:
    print_fun(out, v);
    break;
  case V_INTERVAL:
    mpz_out_str(out, 10, v->z);
    fputs("..", out);
    mpz_out_str(out, 10, v->z2);
    break;
  case V_INFSET: {
    static const char *const names[] = {"Nat", "Int", "STRING"};
    fputs(names[v->u.inf], out);
    break;
  }
  }
}

char *val_to_string(const Value *v) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out)
    return xstrdup("");
  val_print(out, v);
  fclose(out);
  return buf;
}
