/* typeannot.c -- Apalache's type annotations: finding them in comments,
 * parsing their type syntax, and comparing them with inferred types.
 *
 * The lexer drops comments, so annotations are found from the source text
 * that the diagnostics keep anyway: one forward scan per file records
 * where each comment lies (strings and nested comments respected), and the
 * annotation of a declaration is an `@type:` in the comments that come
 * right before it, with only blanks, other comments and the keyword that
 * opens the declaration (CONSTANT, VARIABLES, LOCAL, LET ...) in between.
 * `@typeAlias: name = T;` may stand in any comment of a module and is
 * referred to as `$name`.
 *
 * The type syntax (Apalache's ADR-002), by recursive descent:
 *   type  ::= fun ( '=>' type )?          an operator with one parameter
 *           | '(' [type {',' type}] ')' '=>' type
 *   fun   ::= atom ( '->' fun )?
 *   atom  ::= Int | Bool | Str | NAME (uninterpreted) | a..z (variable)
 *           | Set '(' type ')' | Seq '(' type ')' | '<<' type, ... '>>'
 *           | '{' f ':' type, ... ['|' var] '}' | '[' f ':' type, ... ']'
 *           | '$' alias | '(' type ')' */
#include "typeint.h"

#include <ctype.h>
#include <string.h>

/* ---- comments ---- */

typedef struct Comment {
  size_t start, end; /* byte offsets, end exclusive */
  bool line;         /* `\*` to the end of the line */
} Comment;

typedef struct FileComments {
  uint32_t file;
  VEC(Comment) list; /* in source order */
} FileComments;

static VEC(FileComments) files;

static FileComments *comments_of(uint32_t file) {
  for (size_t i = 0; i < files.len; i++)
    if (files.data[i].file == file)
      return &files.data[i];
  FileComments fc = {file, {0}};
  const char *s = src_text(file);
  size_t n = s ? strlen(s) : 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '"') { /* a string: skip to its closing quote */
      for (i++; i < n && s[i] != '"' && s[i] != '\n'; i++)
        if (s[i] == '\\' && i + 1 < n)
          i++;
      i++;
    } else if (s[i] == '\\' && i + 1 < n && s[i + 1] == '*') {
      size_t st = i;
      while (i < n && s[i] != '\n')
        i++;
      VEC_PUSH(fc.list, ((Comment){st, i, true}));
    } else if (s[i] == '(' && i + 1 < n && s[i + 1] == '*') {
      size_t st = i;
      int depth = 0;
      while (i < n) {
        if (s[i] == '(' && i + 1 < n && s[i + 1] == '*') {
          depth++;
          i += 2;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == ')') {
          i += 2;
          if (--depth == 0)
            break;
        } else
          i++;
      }
      VEC_PUSH(fc.list, ((Comment){st, i, false}));
    } else
      i++;
  }
  VEC_PUSH(files, fc);
  return &VEC_LAST(files);
}

/* The byte offset of a line and column (columns count characters). */
static size_t offset_of(uint32_t file, uint32_t line, uint32_t col) {
  return src_offset(file, line, col);
}

char *ty_snippet(Loc l, size_t max) {
  const char *s = l.file ? src_text(l.file) : NULL;
  if (!s || !l.line || l.eline != l.line || l.ecol < l.col ||
      l.ecol - l.col >= max) /* more characters, so more bytes, than max */
    return NULL;
  size_t a = offset_of(l.file, l.line, l.col),
         b = offset_of(l.file, l.line, l.ecol);
  while (s[b] && (s[b] & 0xC0) == 0x80)
    b++;
  if (s[b] && s[b] != '\n')
    b++;
  while ((s[b] & 0xC0) == 0x80)
    b++;
  if (b <= a || b - a > max)
    return NULL;
  return xsprintf("'%.*s'", (int)(b - a), s + a);
}

static Loc loc_of(uint32_t file, const char *s, size_t off) {
  Loc l = {file, 1, 1, 1, 1};
  for (size_t i = 0; i < off; i++) {
    if (s[i] == '\n') {
      l.line++;
      l.col = 1;
    } else if ((s[i] & 0xC0) != 0x80)
      l.col++;
  }
  l.eline = l.line;
  l.ecol = l.col;
  return l;
}

static const Comment *comment_ending_at(FileComments *fc, size_t end) {
  for (size_t i = 0; i < fc->list.len; i++)
    if (fc->list.data[i].end == end)
      return &fc->list.data[i];
  return NULL;
}

static bool word_before(const char *s, size_t p, size_t *start) {
  static const char *const words[] = {"CONSTANT",  "CONSTANTS", "VARIABLE",
                                      "VARIABLES", "LOCAL",     "LET",
                                      "RECURSIVE", NULL};
  size_t b = p;
  while (b > 0 && (isalpha((unsigned char)s[b - 1])))
    b--;
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == p - b && strncmp(s + b, words[i], p - b) == 0) {
      *start = b;
      return true;
    }
  return false;
}

/* The text of a comment without its delimiters. */
typedef VEC(char) CharVec;

static void comment_body(const char *s, const Comment *c, CharVec *out) {
  size_t a = c->start + 2, b = c->line ? c->end : c->end - 2;
  for (size_t i = a; i < b; i++)
    VEC_PUSH(*out, s[i]);
  VEC_PUSH(*out, '\n');
}

/* Finds `key` (e.g. "@type:") in text; returns what follows up to the
 * next ';' (or the end), and where the key starts. */
static char *annotation_value(const char *text, const char *key,
                              size_t *key_at) {
  const char *k = NULL, *p = text;
  while ((p = strstr(p, key)) != NULL) {
    k = p;
    p += strlen(key);
  }
  if (!k)
    return NULL;
  *key_at = (size_t)(k - text);
  const char *v = k + strlen(key), *e = strchr(v, ';');
  size_t n = e ? (size_t)(e - v) : strlen(v);
  /* Blanks and line breaks become single spaces. */
  char *r = xmalloc(n + 1);
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    bool blank = isspace((unsigned char)v[i]);
    if (blank && (j == 0 || r[j - 1] == ' '))
      continue;
    r[j++] = blank ? ' ' : v[i];
  }
  while (j > 0 && r[j - 1] == ' ')
    j--;
  r[j] = 0;
  return r;
}

char *annot_text_before(Loc at, Loc *where) {
  const char *s = src_text(at.file);
  if (!s || !at.line)
    return NULL;
  FileComments *fc = comments_of(at.file);
  size_t p = offset_of(at.file, at.line, at.col);
  VEC(const Comment *) found = {0};
  for (;;) {
    while (p > 0 && isspace((unsigned char)s[p - 1]))
      p--;
    const Comment *c = comment_ending_at(fc, p);
    size_t w;
    if (c) {
      VEC_PUSH(found, c);
      p = c->start;
    } else if (p > 0 && word_before(s, p, &w)) {
      p = w;
    } else
      break;
  }
  char *res = NULL;
  /* The nearest annotation wins: look at the comments nearest first, a
   * run of line comments read together (an annotation may span lines). */
  for (size_t i = 0; i < found.len && !res;) {
    size_t j = i + 1;
    if (found.data[i]->line)
      while (j < found.len && found.data[j]->line)
        j++;
    CharVec text = {0};
    for (size_t k = j; k-- > i;)
      comment_body(s, found.data[k], &text);
    VEC_PUSH(text, 0);
    size_t key_at;
    res = annotation_value(text.data, "@type:", &key_at);
    if (res) {
      /* Locate the key in the source: the first comment of the run that
       * holds it. */
      const char *src_key = NULL;
      for (size_t k = j; k-- > i && !src_key;) {
        const Comment *c = found.data[k];
        const char *hit = strstr(s + c->start, "@type:");
        if (hit && (size_t)(hit - s) < c->end)
          src_key = hit;
      }
      *where = loc_of(at.file, s, src_key ? (size_t)(src_key - s) : p);
    }
    VEC_FREE(text);
    i = j;
  }
  VEC_FREE(found);
  return res;
}

/* ---- aliases ---- */

typedef struct Alias {
  Sym name;
  char *text;
  Loc loc;
  bool busy; /* being expanded (cycles) */
} Alias;

static VEC(Alias) aliases;

/* Reads the `@typeAlias: name = T;` of the comments [i, j) of a file (a
 * single comment, or a run of line comments read as one text). */
static void read_aliases(uint32_t file, const char *s, FileComments *fc,
                         size_t i, size_t j) {
  CharVec text = {0};
  for (size_t k = i; k < j; k++)
    comment_body(s, &fc->list.data[k], &text);
  VEC_PUSH(text, 0);
  const char *key = "@typeAlias:";
  /* Each alias is located at its key in the source. */
  const char *src = s + fc->list.data[i].start;
  for (const char *q = text.data; (q = strstr(q, key)) != NULL;) {
    const char *at = strstr(src, key);
    if (at)
      src = at + 1;
    const char *v = q + strlen(key), *ne;
    while (*v == ' ' || *v == '\t')
      v++;
    for (ne = v; isalnum((unsigned char)*ne) || *ne == '_'; ne++)
      ;
    const char *eq = ne;
    while (isspace((unsigned char)*eq))
      eq++;
    q = v;
    if (ne == v || *eq != '=')
      continue;
    const char *end = strchr(eq, ';');
    size_t n = end ? (size_t)(end - eq - 1) : strlen(eq + 1);
    Alias al = {sym_intern_n(v, (size_t)(ne - v)),
                xsprintf("%.*s", (int)n, eq + 1),
                loc_of(file, s, at ? (size_t)(at - s) : 0), false};
    VEC_PUSH(aliases, al);
  }
  VEC_FREE(text);
}

void annot_load_aliases(const Program *p) {
  for (size_t m = 0; m < p->modules.len; m++) {
    uint32_t file = p->modules.data[m]->file;
    const char *s = src_text(file);
    if (!s)
      continue;
    FileComments *fc = comments_of(file);
    for (size_t i = 0; i < fc->list.len;) {
      size_t j = i + 1;
      if (fc->list.data[i].line)
        while (j < fc->list.len && fc->list.data[j].line)
          j++;
      read_aliases(file, s, fc, i, j);
      i = j;
    }
  }
}

static Alias *alias_lookup(Sym name) {
  for (size_t i = 0; i < aliases.len; i++)
    if (aliases.data[i].name == name)
      return &aliases.data[i];
  return NULL;
}

/* ---- the type parser ---- */

typedef struct TP {
  const char *s;
  size_t i;
  Loc at;
  char *err;
  Sym vars[26];
  Type *var_types[26];
} TP;

static void skip(TP *p) {
  for (;;) {
    while (isspace((unsigned char)p->s[p->i]))
      p->i++;
    /* Continuation lines of a line comment start with `\*`. */
    if (p->s[p->i] == '\\' && p->s[p->i + 1] == '*')
      p->i += 2;
    else
      return;
  }
}

static bool eat(TP *p, const char *tok) {
  skip(p);
  size_t n = strlen(tok);
  if (strncmp(p->s + p->i, tok, n) == 0) {
    p->i += n;
    return true;
  }
  return false;
}

static Type *fail(TP *p, const char *msg) {
  if (!p->err) {
    skip(p);
    p->err =
        xsprintf("%s at '%.20s'", msg, p->s[p->i] ? p->s + p->i : "the end");
  }
  return NULL;
}

static bool expect_tok(TP *p, const char *tok) {
  if (eat(p, tok))
    return true;
  fail(p, xsprintf("'%s' expected", tok));
  return false;
}

static Type *parse_type(TP *p);

static size_t ident(TP *p, const char **start) {
  skip(p);
  *start = p->s + p->i;
  size_t n = 0;
  while (isalnum((unsigned char)p->s[p->i + n]) || p->s[p->i + n] == '_')
    n++;
  return n;
}

/* `{ f: T, ... }` or `[ f: T, ... ]`: close is '}' or ']'. */
static Type *parse_record(TP *p, const char *close) {
  Type *r = ty_rec(p->at);
  if (eat(p, close))
    return r;
  do {
    if (eat(p, "|")) { /* a row variable: rows are open anyway */
      const char *v;
      p->i += ident(p, &v);
      break;
    }
    const char *f;
    size_t n = ident(p, &f);
    if (!n)
      return fail(p, "a field name expected");
    p->i += n;
    if (!expect_tok(p, ":"))
      return NULL;
    Type *t = parse_type(p);
    if (!t)
      return NULL;
    ty_rec_add(r, sym_intern_n(f, n), t);
  } while (eat(p, ","));
  if (eat(p, "|")) {
    const char *v;
    p->i += ident(p, &v);
  }
  return expect_tok(p, close) ? r : NULL;
}

static Type *parse_alias(TP *p) {
  const char *a;
  size_t n = ident(p, &a);
  if (!n)
    return fail(p, "an alias name expected after '$'");
  p->i += n;
  Alias *al = alias_lookup(sym_intern_n(a, n));
  if (!al)
    return fail(p, xsprintf("no @typeAlias defines $%.*s", (int)n, a));
  if (al->busy)
    return fail(p, xsprintf("$%.*s is defined in terms of itself", (int)n, a));
  al->busy = true;
  TP q = {al->text, 0, p->at, NULL, {0}, {0}};
  memcpy(q.vars, p->vars, sizeof q.vars);
  memcpy(q.var_types, p->var_types, sizeof q.var_types);
  Type *t = parse_type(&q);
  skip(&q);
  if (t && q.s[q.i])
    t = fail(&q, "unexpected text");
  al->busy = false;
  if (!t) {
    p->err = xsprintf("in $%.*s: %s", (int)n, a, q.err);
    return NULL;
  }
  memcpy(p->vars, q.vars, sizeof q.vars);
  memcpy(p->var_types, q.var_types, sizeof q.var_types);
  return t;
}

static Type *parse_atom(TP *p) {
  Loc L = p->at;
  if (eat(p, "<<")) {
    VEC(Type *) el = {0};
    if (!eat(p, ">>")) {
      do {
        Type *t = parse_type(p);
        if (!t)
          return NULL;
        VEC_PUSH(el, t);
      } while (eat(p, ","));
      if (!expect_tok(p, ">>"))
        return NULL;
    }
    Type *t = ty_tup((int)el.len, L);
    for (size_t i = 0; i < el.len; i++)
      t->args[i] = el.data[i];
    VEC_FREE(el);
    return t;
  }
  if (eat(p, "{"))
    return parse_record(p, "}");
  if (eat(p, "["))
    return parse_record(p, "]");
  if (eat(p, "$"))
    return parse_alias(p);
  if (eat(p, "(")) {
    Type *t = parse_type(p);
    if (!t || !expect_tok(p, ")"))
      return NULL;
    return t;
  }
  const char *w;
  size_t n = ident(p, &w);
  if (!n)
    return fail(p, "a type expected");
  p->i += n;
#define IS(word) (n == strlen(word) && strncmp(w, word, n) == 0)
  if (IS("Int"))
    return ty_prim(TY_INT, L);
  if (IS("Bool"))
    return ty_prim(TY_BOOL, L);
  if (IS("Str"))
    return ty_prim(TY_STR, L);
  if (IS("Set") || IS("Seq")) {
    bool set = IS("Set");
    if (!expect_tok(p, "("))
      return NULL;
    Type *e = parse_type(p);
    if (!e || !expect_tok(p, ")"))
      return NULL;
    return set ? ty_set(e, L) : ty_seq(e, L);
  }
#undef IS
  if (n == 1 && islower((unsigned char)w[0])) {
    int k = w[0] - 'a';
    if (!p->var_types[k])
      p->var_types[k] = ty_var();
    return p->var_types[k];
  }
  bool upper = true;
  for (size_t i = 0; i < n; i++)
    upper &= isupper((unsigned char)w[i]) || isdigit((unsigned char)w[i]) ||
             w[i] == '_';
  if (!upper || isdigit((unsigned char)w[0])) {
    p->i -= n;
    return fail(p, xsprintf("unknown type '%.*s' (types are Int, Bool, Str, "
                            "Set(T), Seq(T), T -> U, <<T, U>>, { f: T }, "
                            "(T) => U, a..z, and NAMES in capitals)",
                            (int)n, w));
  }
  skip(p);
  if (p->s[p->i] == '(') {
    p->i -= n;
    return fail(p, "variant types are not supported");
  }
  /* Before `$name`, Apalache's aliases were referred to by their name. */
  if (alias_lookup(sym_intern_n(w, n))) {
    p->i -= n;
    return parse_alias(p);
  }
  return ty_model(sym_intern_n(w, n), L);
}

static Type *parse_fun(TP *p) {
  Type *d = parse_atom(p);
  if (!d)
    return NULL;
  if (!eat(p, "->"))
    return d;
  Type *r = parse_fun(p);
  return r ? ty_fun(d, r, p->at) : NULL;
}

static Type *oper_of(Type **params, size_t np, Type *res, Loc at) {
  Type *o = ty_oper((int)np, at);
  for (size_t i = 0; i < np; i++)
    o->args[i] = params[i];
  o->args[np] = res;
  return o;
}

static Type *parse_type(TP *p) {
  skip(p);
  size_t save = p->i;
  if (eat(p, "(")) {
    /* A parameter list `(T1, T2) => R`, or a parenthesised type. */
    VEC(Type *) ps = {0};
    bool list = true;
    if (!eat(p, ")")) {
      do {
        Type *t = parse_type(p);
        if (!t) {
          list = false;
          break;
        }
        VEC_PUSH(ps, t);
      } while (eat(p, ","));
      list = list && eat(p, ")");
    }
    if (list && eat(p, "=>")) {
      Type *r = parse_type(p);
      Type *o = r ? oper_of(ps.data, ps.len, r, p->at) : NULL;
      VEC_FREE(ps);
      return o;
    }
    VEC_FREE(ps);
    if (p->err)
      return NULL;
    p->i = save; /* a parenthesised type: parse it as one */
  }
  Type *t = parse_fun(p);
  if (!t)
    return NULL;
  if (eat(p, "=>")) {
    Type *r = parse_type(p);
    return r ? oper_of(&t, 1, r, p->at) : NULL;
  }
  return t;
}

static void mark_annotated(Type *t, int depth) {
  t = type_find(t);
  if (t->annot || depth > 50)
    return;
  t->annot = true;
  for (int i = 0; i < t->nargs; i++)
    mark_annotated(t->args[i], depth + 1);
}

Type *type_parse(const char *text, Loc at, char **err) {
  TP p = {text, 0, at, NULL, {0}, {0}};
  Type *t = parse_type(&p);
  skip(&p);
  if (t && p.s[p.i])
    t = fail(&p, "unexpected text after the type");
  if (!t)
    *err = p.err ? p.err : xstrdup("cannot read the type");
  else
    mark_annotated(t, 0);
  return t;
}

/* ---- the record of annotations ---- */

static VEC(TypeAnnot) annots;

void annot_reset(void) {
  annots.len = 0;
  for (size_t i = 0; i < aliases.len; i++)
    free(aliases.data[i].text);
  aliases.len = 0;
}

void annot_record(Sym name, Loc loc, const char *text, Type *annotated,
                  Type *inferred) {
  for (size_t i = 0; i < annots.len; i++) {
    Loc l = annots.data[i].loc;
    if (l.file == loc.file && l.line == loc.line && l.col == loc.col)
      return; /* a copy made by INSTANCE */
  }
  TypeAnnot a = {name, loc, xstrdup(text), annotated, inferred};
  VEC_PUSH(annots, a);
}

size_t types_annotations(const Spec *spec, const TypeAnnot **out) {
  (void)spec; /* one spec is typed at a time */
  *out = annots.data;
  return annots.len;
}

/* ---- agreement ---- */

typedef struct Agree {
  TypeVec avars, ivals; /* annotation variable -> inferred type */
} Agree;

static bool agrees(Agree *g, Type *i, Type *a, int depth) {
  i = type_find(i);
  a = type_find(a);
  if (depth > 50)
    return true;
  if (a->kind == TY_VAR) {
    for (size_t k = 0; k < g->avars.len; k++)
      if (g->avars.data[k] == a)
        return agrees(g, i, g->ivals.data[k], depth + 1) ||
               type_find(g->ivals.data[k])->kind == TY_VAR;
    VEC_PUSH(g->avars, a);
    VEC_PUSH(g->ivals, i);
    return true;
  }
  if (i->kind == TY_VAR)
    return !i->strseq || a->kind == TY_STR || a->kind == TY_SEQ;
  if (a->kind == TY_MODEL)
    return i->kind == TY_MODEL || i->kind == TY_STR;
  if (i->kind == TY_MODEL)
    return false;
  switch (a->kind) {
  case TY_BOOL:
  case TY_INT:
  case TY_STR:
    return i->kind == a->kind;
  case TY_SET:
    return i->kind == TY_SET && agrees(g, i->args[0], a->args[0], depth + 1);
  case TY_SEQ:
    if (i->kind == TY_SEQ)
      return agrees(g, i->args[0], a->args[0], depth + 1);
    if (i->kind == TY_FUN) { /* a function over Int may be a sequence */
      Type *d = type_find(i->args[0]);
      return (d->kind == TY_INT || (d->kind == TY_VAR && !d->strseq)) &&
             agrees(g, i->args[1], a->args[0], depth + 1);
    }
    if (i->kind == TY_TUP) { /* <<x, y>> is a sequence too */
      for (int k = 0; k < i->nargs; k++)
        if (!agrees(g, i->args[k], a->args[0], depth + 1))
          return false;
      return true;
    }
    return false;
  case TY_FUN:
    return i->kind == TY_FUN && agrees(g, i->args[0], a->args[0], depth + 1) &&
           agrees(g, i->args[1], a->args[1], depth + 1);
  case TY_TUP:
    if (i->kind != TY_TUP || i->nargs > a->nargs ||
        (!i->open && i->nargs != a->nargs))
      return false;
    for (int k = 0; k < i->nargs; k++)
      if (!agrees(g, i->args[k], a->args[k], depth + 1))
        return false;
    return true;
  case TY_REC:
    if (i->kind != TY_REC)
      return false;
    for (int k = 0; k < i->nargs; k++) {
      int f = ty_rec_field(a, i->fields[k]);
      if (f < 0 || !agrees(g, i->args[k], a->args[f], depth + 1))
        return false;
    }
    return true;
  case TY_OPER:
    if (i->kind != TY_OPER || i->nargs != a->nargs)
      return false;
    for (int k = 0; k < i->nargs; k++)
      if (!agrees(g, i->args[k], a->args[k], depth + 1))
        return false;
    return true;
  default:
    return false;
  }
}

bool type_agrees(Type *inferred, Type *annotated) {
  Agree g = {{0}, {0}};
  bool ok = agrees(&g, inferred, annotated, 0);
  VEC_FREE(g.avars);
  VEC_FREE(g.ivals);
  return ok;
}
