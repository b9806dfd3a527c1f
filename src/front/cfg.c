/* cfg.c -- the reader for TLC model configuration files (.cfg).
 *
 * Design.  A .cfg file is a flat sequence of sections, each a keyword
 * followed by its entries; entries are separated only by blanks, so a
 * section ends where the next keyword begins.  A small scanner produces one
 * token at a time (names, numbers, strings, punctuation; `\*` and nested
 * `(* *)` comments are skipped) and a recursive-descent reader fills the
 * Config.  The first error is printed with its location and the reader
 * returns NULL (the driver exits with code 151). */
#include "cfg.h"

#include <ctype.h>
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CFG_TOKENS(X)                                                          \
  X(EOF, "end of file")                                                        \
  X(NAME, "name")                                                              \
  X(INT, "number")                                                             \
  X(STR, "string")                                                             \
  X(EQ, "'='")                                                                 \
  X(LARROW, "'<-'")                                                            \
  X(LBRACK, "'['")                                                             \
  X(RBRACK, "']'")                                                             \
  X(LBRACE, "'{'")                                                             \
  X(RBRACE, "'}'")                                                             \
  X(LPAREN, "'('")                                                             \
  X(RPAREN, "')'")                                                             \
  X(COMMA, "','")

typedef enum CfgTok {
#define X(k, d) CT_##k,
  CFG_TOKENS(X)
#undef X
} CfgTok;

static const char *const cfg_tok_names[] = {
#define X(k, d) d,
    CFG_TOKENS(X)
#undef X
};

/* Section keywords. */
#define CFG_KEYWORDS(X)                                                        \
  X(CONSTANT) X(CONSTANTS) X(INIT) X(NEXT) X(SPECIFICATION) X(INVARIANT)       \
  X(INVARIANTS) X(PROPERTY) X(PROPERTIES) X(CONSTRAINT) X(CONSTRAINTS)         \
  X(ACTION_CONSTRAINT) X(ACTION_CONSTRAINTS) X(SYMMETRY) X(VIEW) X(ALIAS)      \
  X(POSTCONDITION) X(CHECK_DEADLOCK)

typedef enum CfgKw {
  KW_NONE,
#define X(k) KW_##k,
  CFG_KEYWORDS(X)
#undef X
} CfgKw;

/* Config nodes live in an arena (arena.h): they last for the run and stay
 * reachable even when a read fails half way. */
static Arena cfg_nodes = ARENA_INIT(16384);

typedef struct CfgReader {
  const char *s;
  size_t i, n;
  uint32_t line, col, file;
  /* the current token */
  CfgTok tok;
  Loc loc;
  const char *text; /* NAME / INT / STR: malloc'ed text */
  jmp_buf fail;
} CfgReader;

static _Noreturn void cfg_fail(CfgReader *R, Loc loc, const char *fmt,
                               const char *arg) {
  diag_error(loc, fmt, arg);
  longjmp(R->fail, 1);
}

static char cfg_at(CfgReader *R, size_t k) {
  return R->i + k < R->n ? R->s[R->i + k] : 0;
}

static void cfg_adv(CfgReader *R) {
  if (R->i >= R->n)
    return;
  char c = R->s[R->i++];
  if (c == '\n') {
    R->line++;
    R->col = 1;
  } else if (R->i >= R->n || ((unsigned char)R->s[R->i] & 0xC0) != 0x80) {
    R->col++;
  }
}

static void cfg_set_text(CfgReader *R, const char *p, size_t n) {
  free((void *)R->text);
  R->text = xstrndup(p, n);
}

/* Reads the next token into R. */
static void cfg_next(CfgReader *R) {
  for (;;) {
    char c = cfg_at(R, 0);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      cfg_adv(R);
    } else if (c == '\\' && cfg_at(R, 1) == '*') {
      while (R->i < R->n && R->s[R->i] != '\n')
        cfg_adv(R);
    } else if (c == '(' && cfg_at(R, 1) == '*') {
      Loc open = {R->file, R->line, R->col, R->line, R->col + 1};
      int depth = 0;
      do {
        if (R->i >= R->n)
          cfg_fail(R, open, "unterminated comment ('(*' never closed)%s", "");
        if (cfg_at(R, 0) == '(' && cfg_at(R, 1) == '*') {
          depth++;
          cfg_adv(R), cfg_adv(R);
        } else if (cfg_at(R, 0) == '*' && cfg_at(R, 1) == ')') {
          depth--;
          cfg_adv(R), cfg_adv(R);
        } else {
          cfg_adv(R);
        }
      } while (depth > 0);
    } else {
      break;
    }
  }
  R->loc = (Loc){R->file, R->line, R->col, R->line, R->col};
  size_t start = R->i;
  char c = cfg_at(R, 0);
  if (R->i >= R->n) {
    R->tok = CT_EOF;
    return;
  }
  if (isalnum((unsigned char)c) || c == '_' ||
      (c == '-' && isdigit((unsigned char)cfg_at(R, 1)))) {
    bool digits = true;
    if (c == '-')
      cfg_adv(R);
    while (isalnum((unsigned char)cfg_at(R, 0)) || cfg_at(R, 0) == '_') {
      digits &= isdigit((unsigned char)cfg_at(R, 0)) != 0;
      cfg_adv(R);
    }
    if (c == '-' && !digits)
      cfg_fail(R, R->loc, "malformed number%s", "");
    R->tok = digits ? CT_INT : CT_NAME;
    cfg_set_text(R, R->s + start, R->i - start);
  } else if (c == '"') {
    cfg_adv(R);
    char *buf = xmalloc(R->n - R->i + 1);
    size_t k = 0;
    for (;;) {
      char d = cfg_at(R, 0);
      if (R->i >= R->n || d == '\n') {
        free(buf);
        cfg_fail(R, R->loc, "unterminated string%s", "");
      }
      cfg_adv(R);
      if (d == '"')
        break;
      if (d == '\\') {
        char e = cfg_at(R, 0);
        cfg_adv(R);
        d = e == 'n' ? '\n' : e == 't' ? '\t' : e;
      }
      buf[k++] = d;
    }
    buf[k] = 0;
    free((void *)R->text);
    R->text = buf;
    R->tok = CT_STR;
  } else if (c == '<' && cfg_at(R, 1) == '-') {
    cfg_adv(R), cfg_adv(R);
    R->tok = CT_LARROW;
  } else {
    static const char punct[] = "=[]{}(),";
    static const CfgTok kinds[] = {CT_EQ,     CT_LBRACK, CT_RBRACK,
                                   CT_LBRACE, CT_RBRACE, CT_LPAREN,
                                   CT_RPAREN, CT_COMMA};
    const char *p = c ? strchr(punct, c) : NULL;
    if (!p) {
      char what[2] = {c, 0};
      cfg_fail(R, R->loc, "unexpected character '%s'", what);
    }
    cfg_adv(R);
    R->tok = kinds[p - punct];
  }
  R->loc.ecol = R->col > 1 ? R->col - 1 : 1;
}

static CfgKw cfg_keyword(const CfgReader *R) {
  static const char *const names[] = {
      "",
#define X(k) #k,
      CFG_KEYWORDS(X)
#undef X
  };
  if (R->tok != CT_NAME)
    return KW_NONE;
  for (size_t k = 1; k < sizeof names / sizeof *names; k++)
    if (!strcmp(R->text, names[k]))
      return (CfgKw)k;
  return KW_NONE;
}

static void cfg_expect(CfgReader *R, CfgTok t, const char *context) {
  if (R->tok != t) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s expected %s, found %%s", cfg_tok_names[t],
             context);
    cfg_fail(R, R->loc, msg,
             R->tok == CT_NAME || R->tok == CT_INT ? R->text
                                                   : cfg_tok_names[R->tok]);
  }
  cfg_next(R);
}

/* A name that is not a keyword (the entries of a section). */
static bool cfg_at_name(const CfgReader *R) {
  return R->tok == CT_NAME && cfg_keyword(R) == KW_NONE &&
         !isdigit((unsigned char)R->text[0]);
}

/* value ::= int | string | TRUE | FALSE | name | '{' [value {',' value}] '}' */
static CfgValue *cfg_value(CfgReader *R, int depth) {
  CfgValue *v = arena_alloc(&cfg_nodes, sizeof *v);
  v->loc = R->loc;
  if (depth > 100)
    cfg_fail(R, R->loc, "value nested too deeply%s", "");
  switch (R->tok) {
  case CT_INT:
    v->kind = CV_INT;
    v->text = strcpy(arena_alloc(&cfg_nodes, strlen(R->text) + 1), R->text);
    break;
  case CT_STR:
    v->kind = CV_STR;
    v->sym = sym_intern(R->text);
    break;
  case CT_NAME:
    if (cfg_keyword(R) != KW_NONE)
      cfg_fail(R, R->loc, "value expected, found keyword '%s'", R->text);
    if (!strcmp(R->text, "TRUE") || !strcmp(R->text, "FALSE")) {
      v->kind = CV_BOOL;
      v->boolean = R->text[0] == 'T';
    } else {
      v->kind = CV_MODEL;
      v->sym = sym_intern(R->text);
    }
    break;
  case CT_LBRACE: {
    Loc open = R->loc;
    v->kind = CV_SET;
    cfg_next(R);
    int cap = 0;
    if (R->tok != CT_RBRACE) {
      for (;;) {
        CfgValue *e = cfg_value(R, depth + 1);
        ARENA_PUSH(&cfg_nodes, v->elems, v->nelems, cap, e);
        if (R->tok != CT_COMMA)
          break;
        cfg_next(R);
      }
    }
    if (R->tok != CT_RBRACE) {
      char msg[120];
      snprintf(msg, sizeof msg, "'}' expected (to close '{' at line %u), found %%s",
               open.line);
      cfg_fail(R, R->loc, msg, cfg_tok_names[R->tok]);
    }
    v->loc.eline = R->loc.eline;
    v->loc.ecol = R->loc.ecol;
    break;
  }
  default:
    cfg_fail(R, R->loc, "value expected, found %s", cfg_tok_names[R->tok]);
  }
  cfg_next(R);
  return v;
}

/* `[Mod]` after `=` or `<-` (opener, for the message): the module a
 * constant's value or replacement comes from. */
static Sym cfg_module_prefix(CfgReader *R, const char *opener) {
  cfg_next(R);
  if (R->tok != CT_NAME)
    cfg_fail(R, R->loc, "module name expected after %s", opener);
  Sym module = sym_intern(R->text);
  cfg_next(R);
  cfg_expect(R, CT_RBRACK, "after the module name");
  return module;
}

/* constant ::= name ['(' name {',' name} ')'] ('=' value | '<-' ['[' name ']'] name) */
static void cfg_constant(CfgReader *R, Config *C) {
  CfgConst k = {0};
  k.name = sym_intern(R->text);
  k.loc = R->loc;
  cfg_next(R);
  if (R->tok == CT_LPAREN) {
    cfg_next(R);
    for (;;) {
      if (R->tok != CT_NAME)
        cfg_fail(R, R->loc, "parameter name expected%s", "");
      k.nparams++;
      cfg_next(R);
      if (R->tok != CT_COMMA)
        break;
      cfg_next(R);
    }
    cfg_expect(R, CT_RPAREN, "after the parameters");
  }
  if (R->tok == CT_EQ) {
    cfg_next(R);
    if (R->tok == CT_LBRACK) /* `C = [Mod] v`: a value from module Mod */
      k.module = cfg_module_prefix(R, "'= ['");
    k.value = cfg_value(R, 0);
  } else if (R->tok == CT_LARROW) {
    cfg_next(R);
    if (R->tok == CT_LBRACK)
      k.module = cfg_module_prefix(R, "'<-['");
    if (R->tok != CT_NAME || cfg_keyword(R) != KW_NONE)
      cfg_fail(R, R->loc, "operator name expected after '<-'%s", "");
    k.subst = sym_intern(R->text);
    cfg_next(R);
  } else {
    cfg_fail(R, R->loc, "'=' or '<-' expected after constant '%s'",
             sym_str(k.name));
  }
  VEC_PUSH(C->consts, k);
}

static CfgName cfg_name(CfgReader *R) {
  CfgName n = {sym_intern(R->text), R->loc};
  cfg_next(R);
  return n;
}

/* file ::= {section}
 * section ::= ('CONSTANT' | 'CONSTANTS') constant* | 'INIT' name | 'NEXT' name
 *           | 'SPECIFICATION' name | ('INVARIANT' | ...) name* | ...
 *           | 'CHECK_DEADLOCK' ('TRUE' | 'FALSE') */
static void cfg_section(CfgReader *R, Config *C) {
  CfgKw kw = cfg_keyword(R);
  Loc kwloc = R->loc;
  if (kw == KW_NONE) {
    if (R->tok == CT_NAME)
      cfg_fail(R, R->loc, "unknown keyword '%s'", R->text);
    cfg_fail(R, R->loc, "keyword expected, found %s", cfg_tok_names[R->tok]);
  }
  char kwtext[32];
  snprintf(kwtext, sizeof kwtext, "%s", R->text);
  cfg_next(R);
  CfgName *single = NULL;
  void *list = NULL;
  switch (kw) {
  case KW_CONSTANT:
  case KW_CONSTANTS:
    while (cfg_at_name(R))
      cfg_constant(R, C);
    break;
  case KW_INIT: single = &C->init; break;
  case KW_NEXT: single = &C->next; break;
  case KW_SPECIFICATION: single = &C->spec; break;
  case KW_SYMMETRY: single = &C->symmetry; break;
  case KW_VIEW: single = &C->view; break;
  case KW_ALIAS: single = &C->alias; break;
  case KW_POSTCONDITION: single = &C->postcondition; break;
  case KW_INVARIANT:
  case KW_INVARIANTS: list = &C->invariants; break;
  case KW_PROPERTY:
  case KW_PROPERTIES: list = &C->properties; break;
  case KW_CONSTRAINT:
  case KW_CONSTRAINTS: list = &C->constraints; break;
  case KW_ACTION_CONSTRAINT:
  case KW_ACTION_CONSTRAINTS: list = &C->action_constraints; break;
  case KW_CHECK_DEADLOCK:
    if (R->tok != CT_NAME ||
        (strcmp(R->text, "TRUE") && strcmp(R->text, "FALSE"))) {
      cfg_fail(R, R->loc, "TRUE or FALSE expected after CHECK_DEADLOCK%s", "");
    }
    C->check_deadlock = R->text[0] == 'T';
    C->check_deadlock_loc = R->loc;
    cfg_next(R);
    break;
  case KW_NONE:
    break;
  }
  if (single) {
    if (!cfg_at_name(R)) {
      Loc at = R->tok == CT_EOF ? kwloc : R->loc;
      diag_error(at, "a name expected after %s", kwtext);
      longjmp(R->fail, 1);
    }
    *single = cfg_name(R);
  }
  if (list) {
    /* An empty list is allowed (TLC): every name in it commented out. */
    VEC(CfgName) *v = list;
    while (cfg_at_name(R)) {
      CfgName n = cfg_name(R);
      VEC_PUSH(*v, n);
    }
  }
}

Config *cfg_parse_text(const char *path, const char *text) {
  CfgReader *R = xcalloc(1, sizeof *R);
  R->s = text;
  R->n = strlen(text);
  R->line = R->col = 1;
  R->file = src_add(path, text);
  Config *C = arena_alloc(&cfg_nodes, sizeof *C);
  C->file = R->file;
  C->check_deadlock = -1;
  if (setjmp(R->fail)) {
    free((void *)R->text);
    free(R);
    return NULL; /* C and its parts stay allocated: run lifetime */
  }
  cfg_next(R);
  while (R->tok != CT_EOF)
    cfg_section(R, C);
  free((void *)R->text);
  free(R);
  return C;
}

Config *cfg_parse_file(const char *path) {
  char *text = src_read_file(path);
  if (!text) {
    diag_error((Loc){0}, "cannot read '%s': %s", path, strerror(errno));
    return NULL;
  }
  Config *c = cfg_parse_text(path, text);
  free(text);
  return c;
}

/* Is line (up to its end) `----... CONFIG name ...----`? */
static bool cfg_section_header(const char *line, const char *name) {
  const char *p = line;
  int dashes = 0;
  while (*p == '-')
    p++, dashes++;
  while (*p == ' ' || *p == '\t')
    p++;
  if (dashes < 4 || strncmp(p, "CONFIG", 6) || (p[6] != ' ' && p[6] != '\t'))
    return false;
  p += 6;
  while (*p == ' ' || *p == '\t')
    p++;
  size_t k = strlen(name);
  if (strncmp(p, name, k))
    return false;
  p += k;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '-')
    return false;
  while (*p == '-')
    p++;
  while (*p == ' ' || *p == '\t' || *p == '\r')
    p++;
  return *p == '\n' || *p == '\0';
}

char *cfg_embedded_text(const char *text, const char *name) {
  const char *start = NULL, *end = NULL;
  for (const char *line = text; *line;) {
    const char *next = strchr(line, '\n');
    next = next ? next + 1 : line + strlen(line);
    if (!start && cfg_section_header(line, name)) {
      start = next;
    } else if (start && !strncmp(line, "====", 4)) {
      end = line;
      break;
    }
    line = next;
  }
  if (!start)
    return NULL;
  if (!end)
    end = text + strlen(text);
  char *out = xstrdup(text);
  for (size_t i = 0; out[i]; i++)
    if (out[i] != '\n' && (text + i < start || text + i >= end))
      out[i] = ' ';
  return out;
}
