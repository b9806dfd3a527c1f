/* pcal_parse.c -- reads a PlusCal algorithm (P-syntax and C-syntax).
 *
 * The algorithm lives in a comment; the lexer starts just after
 * `--algorithm` and stops at the `*)` that closes the enclosing comment,
 * skipping comments nested in the algorithm.  Tokens keep their line and
 * column in the file.  The grammar is one recursive-descent function per
 * production; the syntax (braces or `begin ... end`) is decided by the
 * token after the algorithm's name.  TLA+ expressions are collected as
 * token runs: an expression ends, at bracket depth 0, at `;`, `||`, `:=`,
 * a closing bracket, a comma where the caller says so, or a PlusCal
 * keyword (`then`, `do`, `end`, `or`, ...).  Macros are expanded where
 * they are called. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcal.h"

typedef struct PMacro {
  Sym name;
  VEC(Sym) params;
  PStmts body;
} PMacro;

typedef struct P {
  uint32_t file;
  const char *text;
  size_t pos;
  uint32_t line, col; /* of text[pos] */
  uint32_t vcol;      /* col with tabs expanded (stops every 8) */
  bool line_start;    /* nothing but blanks since the last newline */
  VEC(PTok) toks;
  size_t i; /* current token */
  bool csyntax;
  bool err;
  bool in_decl; /* a declaration's value: the next section's keyword ends
                   it even without the `;' (the translator allows that) */
  VEC(PMacro) macros;
} P;

Loc pcal_loc(uint32_t file, const PTok *t) {
  uint32_t c = t->bcol ? t->bcol : t->col;
  Loc l = {file, t->line, c, t->line, c + (t->len ? t->len - 1 : 0)};
  return l;
}

static uint32_t tab_stop(uint32_t vcol) { return (vcol - 1) / 8 * 8 + 9; }

uint32_t pcal_visual_col(Loc l) {
  const char *s = src_line(l.file, l.line);
  uint32_t v = 1;
  for (uint32_t c = 1; s && c < l.col && s[c - 1] && s[c - 1] != '\n'; c++)
    v = s[c - 1] == '\t' ? tab_stop(v) : v + 1;
  return s ? v : l.col;
}

/* ---- lexer ---- */

static void adv(P *p) {
  if (p->text[p->pos] == '\n') {
    p->line++;
    p->col = p->vcol = 1;
    p->line_start = true;
  } else {
    p->col++;
    p->vcol = p->text[p->pos] == '\t' ? tab_stop(p->vcol) : p->vcol + 1;
  }
  p->pos++;
}

static const char *const multi_ops[] = {
    "<=>", "|->", "-+->", "...", "::=", "=>", "<=", ">=", "=<", "==", "=|",
    "->", "<-", ":=", "||", "|-", "/\\", "\\/", "/=", "<<", ">>", "..",
    "::", "[]", "<>", "~>", "++", "**", "//", "^^", "@@", ":>", "<:", "-|",
    NULL};

/* Lexes the whole algorithm region; returns false on an unterminated
 * string or comment. */
static void lex_all(P *p) {
  const char *t = p->text;
  int sp = 0;
  for (;;) {
    char c = t[p->pos];
    if (!c)
      break;
    if (c == '\n') {
      adv(p);
      sp = 0;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || (c > 0 && c < 4)) {
      /* (bytes 1-3 are the generator's layout markers: never tokens) */
      uint32_t v = p->vcol;
      adv(p);
      sp += (int)(p->vcol - v);
      continue;
    }
    if (c == '*' && t[p->pos + 1] == ')')
      break; /* closes the comment that holds the algorithm */
    if (c == '\\' && t[p->pos + 1] == '*') {
      while (t[p->pos] && t[p->pos] != '\n')
        adv(p);
      continue;
    }
    if (c == '(' && t[p->pos + 1] == '*') {
      int depth = 0;
      do {
        if (t[p->pos] == '(' && t[p->pos + 1] == '*') {
          depth++;
          adv(p);
        } else if (t[p->pos] == '*' && t[p->pos + 1] == ')') {
          depth--;
          adv(p);
        }
        adv(p);
      } while (depth > 0 && t[p->pos]);
      sp++;
      continue;
    }
    PTok k = {PT_OP, t + p->pos, 0, p->line, p->vcol, p->line_start ? -1 : sp,
              p->col};
    size_t start = p->pos;
    if (isalnum((unsigned char)c) || c == '_') {
      bool digits = true;
      while (isalnum((unsigned char)t[p->pos]) || t[p->pos] == '_') {
        if (!isdigit((unsigned char)t[p->pos]))
          digits = false;
        adv(p);
      }
      k.kind = digits ? PT_NUM : PT_ID;
    } else if (c == '"') {
      adv(p);
      while (t[p->pos] && t[p->pos] != '"' && t[p->pos] != '\n') {
        if (t[p->pos] == '\\' && t[p->pos + 1])
          adv(p);
        adv(p);
      }
      if (t[p->pos] == '"')
        adv(p);
      k.kind = PT_STR;
    } else if (c == '\\' && isalpha((unsigned char)t[p->pos + 1])) {
      adv(p);
      while (isalpha((unsigned char)t[p->pos]))
        adv(p);
    } else {
      size_t best = 1;
      for (int m = 0; multi_ops[m]; m++) {
        size_t n = strlen(multi_ops[m]);
        if (n > best && strncmp(t + p->pos, multi_ops[m], n) == 0)
          best = n;
      }
      /* `x=<<1>>` is `=` and a tuple, not `=<` */
      if (best == 2 && t[p->pos] == '=' && t[p->pos + 1] == '<' &&
          t[p->pos + 2] == '<')
        best = 1;
      for (size_t n = 0; n < best; n++)
        adv(p);
    }
    k.len = (int)(p->pos - start);
    VEC_PUSH(p->toks, k);
    p->line_start = false;
    sp = 0;
  }
  PTok eof = {PT_EOF, t + p->pos, 0, p->line, p->vcol, 0, p->col};
  VEC_PUSH(p->toks, eof);
}

/* ---- token helpers ---- */

static PTok *cur(P *p) { return &p->toks.data[p->i]; }
static PTok *peek(P *p, int k) {
  size_t j = p->i + k;
  return &p->toks.data[j < p->toks.len ? j : p->toks.len - 1];
}
static bool tok_is(const PTok *t, const char *s) {
  return t->kind != PT_EOF && t->kind != PT_STR && (int)strlen(s) == t->len &&
         strncmp(t->s, s, t->len) == 0;
}
static bool is(P *p, const char *s) { return tok_is(cur(p), s); }
static bool accept(P *p, const char *s) {
  if (!is(p, s))
    return false;
  p->i++;
  return true;
}
static Sym tok_sym(const PTok *t) { return sym_intern_n(t->s, t->len); }

static void perr(P *p, const PTok *t, const char *fmt, const char *a) {
  if (p->err)
    return; /* one error per algorithm, as the translator */
  p->err = true;
  diag_error(pcal_loc(p->file, t), fmt, a);
}

static void expect(P *p, const char *s) {
  if (!accept(p, s)) {
    char buf[64];
    snprintf(buf, sizeof buf, "`%s'", s);
    perr(p, cur(p), "PlusCal: %s expected", buf);
  }
}

static Sym expect_id(P *p) {
  if (cur(p)->kind != PT_ID) {
    perr(p, cur(p), "PlusCal: %s expected", "a name");
    return sym_intern("?");
  }
  return tok_sym(&p->toks.data[p->i++]);
}

static const char *const stop_words[] = {"then", "do", "end", "else", "elsif",
                                         "or", "begin", "variables",
                                         "variable", NULL};

/* Collects an expression: tokens up to a terminator at depth 0. */
static PExpr expr(P *p, bool comma_stops) {
  PExpr e = {0};
  int depth = 0;
  for (;;) {
    PTok *t = cur(p);
    if (t->kind == PT_EOF)
      break;
    if (t->kind == PT_OP) {
      if (tok_is(t, "(") || tok_is(t, "[") || tok_is(t, "{") ||
          tok_is(t, "<<"))
        depth++;
      else if (tok_is(t, ")") || tok_is(t, "]") || tok_is(t, "}") ||
               tok_is(t, ">>")) {
        if (depth == 0)
          break;
        depth--;
      } else if (depth == 0 &&
                 (tok_is(t, ";") || tok_is(t, "||") || tok_is(t, ":=") ||
                  (comma_stops && tok_is(t, ","))))
        break;
    } else if (t->kind == PT_ID && depth == 0) {
      bool stop = false;
      for (int k = 0; stop_words[k]; k++)
        stop = stop || tok_is(t, stop_words[k]);
      stop = stop || (p->in_decl &&
                      (tok_is(t, "procedure") || tok_is(t, "process") ||
                       tok_is(t, "define") || tok_is(t, "macro") ||
                       tok_is(t, "fair")));
      if (stop)
        break;
    }
    VEC_PUSH(e, *t);
    p->i++;
  }
  if (!e.len)
    perr(p, cur(p), "PlusCal: an expression expected before %s",
         cur(p)->kind == PT_EOF ? "the end of the algorithm" : "this token");
  return e;
}

/* ---- declarations ---- */

/* decl ::= Name [(= | \in) expr]      (separated by , or ;) */
static void decls(P *p, void *vec, bool params) {
  VEC(PBind) *v = vec;
  for (;;) {
    PBind b = {0};
    b.loc = pcal_loc(p->file, cur(p));
    b.name = expect_id(p);
    if (is(p, "=") || is(p, "\\in")) {
      b.in = is(p, "\\in");
      p->i++;
      b.has_init = true;
      p->in_decl = true;
      b.e = expr(p, true);
      p->in_decl = false;
    }
    VEC_PUSH(*v, b);
    if (p->err)
      return;
    if (params) {
      if (!accept(p, ","))
        return;
      continue;
    }
    if (accept(p, ",") || accept(p, ";")) {
      if (cur(p)->kind == PT_ID && !is(p, "begin") && !is(p, "define") &&
          !is(p, "macro") && !is(p, "procedure") && !is(p, "process") &&
          !is(p, "fair") && !is(p, "variables") && !is(p, "variable"))
        continue;
    }
    return;
  }
}

static void var_section(P *p, void *vec) {
  while (is(p, "variables") || is(p, "variable")) {
    p->i++;
    decls(p, vec, false);
  }
}

/* ---- statements ---- */

static PStmts stmts(P *p);
static PStmt *stmt(P *p);

static PStmt *new_stmt(P *p, PStmtKind k) {
  PStmt *s = xcalloc(1, sizeof *s);
  s->kind = k;
  s->loc = pcal_loc(p->file, cur(p));
  return s;
}

/* C-syntax: `{ stmts }` or one statement. */
static PStmts block(P *p) {
  if (accept(p, "{")) {
    PStmts b = stmts(p);
    expect(p, "}");
    return b;
  }
  PStmts b = {0};
  PStmt *s = stmt(p);
  if (s && s->kind == PS_EITHER && s->target == sym_intern("(macro)")) {
    b = s->ors.data[0]; /* a macro call: its expansion */
    if (b.len) {
      b.data[0]->label = s->label;
      b.data[0]->label_loc = s->label_loc;
      b.data[0]->label_mod = s->label_mod;
    }
  } else if (s)
    VEC_PUSH(b, s);
  return b;
}

static PExpr cond(P *p) {
  if (p->csyntax) {
    expect(p, "(");
    PExpr e = expr(p, false);
    expect(p, ")");
    return e;
  }
  return expr(p, false);
}

static PMacro *find_macro(P *p, Sym name) {
  for (size_t i = 0; i < p->macros.len; i++)
    if (p->macros.data[i].name == name)
      return &p->macros.data[i];
  return NULL;
}

/* Substitution of a macro's parameters by argument tokens. */
typedef struct Subst {
  Sym *names;
  PExpr *args;
  size_t n;
  Loc call; /* the macro call */
} Subst;

static PExpr subst_expr(const PExpr *e, const Subst *s) {
  PExpr r = {0};
  for (size_t i = 0; i < e->len; i++) {
    const PTok *t = &e->data[i];
    bool field = (i > 0 && tok_is(&e->data[i - 1], ".")) ||
                 (i + 1 < e->len && tok_is(&e->data[i + 1], "|->"));
    size_t k = s->n;
    if (t->kind == PT_ID && !field)
      for (k = 0; k < s->n; k++)
        if (s->names[k] == tok_sym(t))
          break;
    if (k == s->n) {
      VEC_PUSH(r, *t);
      continue;
    }
    const PExpr *a = &s->args[k];
    /* parentheses around an argument of several tokens, unless it is the
     * whole expression (the translator's substitution) */
    bool paren = a->len > 1 && e->len > 1;
    PTok open = {PT_OP, "(", 1, t->line, t->col, t->sp, 0};
    if (paren)
      VEC_PUSH(r, open);
    /* the argument keeps its own line structure, moved to where the
     * parameter stood */
    const PTok *a0 = a->len ? &a->data[0] : NULL; /* empty: no tokens */
    for (size_t j = 0; j < a->len; j++) {
      PTok x = a->data[j];
      if (j == 0)
        x.sp = paren ? 0 : t->sp;
      x.line = t->line + (x.line - a0->line);
      x.col = t->col + (paren ? 1 : 0) + (x.col - a0->col);
      VEC_PUSH(r, x);
    }
    PTok close = {PT_OP, ")", 1, t->line, t->col, 0, 0};
    if (paren)
      VEC_PUSH(r, close);
  }
  return r;
}

static PStmts subst_stmts(const PStmts *b, const Subst *s);

static PStmt *subst_stmt(const PStmt *o, const Subst *s) {
  PStmt *n = xcalloc(1, sizeof *n);
  *n = *o;
  if (!n->macro_call.line)
    n->macro_call = s->call;
  memset(&n->assigns, 0, sizeof n->assigns);
  memset(&n->ors, 0, sizeof n->ors);
  memset(&n->binds, 0, sizeof n->binds);
  memset(&n->args, 0, sizeof n->args);
  for (size_t i = 0; i < o->assigns.len; i++) {
    PAssign a = o->assigns.data[i];
    PExpr sub = subst_expr(&a.sub, s);
    a.rhs = subst_expr(&a.rhs, s);
    a.sub = sub;
    for (size_t k = 0; k < s->n; k++)
      if (s->names[k] == a.var && s->args[k].len &&
          s->args[k].data[0].kind == PT_ID) {
        /* `v := e` with v the parameter: the argument's variable, its
         * subscripts before the statement's own */
        a.var = tok_sym(&s->args[k].data[0]);
        PExpr full = {0};
        for (size_t j = 1; j < s->args[k].len; j++)
          VEC_PUSH(full, s->args[k].data[j]);
        for (size_t j = 0; j < sub.len; j++)
          VEC_PUSH(full, sub.data[j]);
        a.sub = full;
      }
    VEC_PUSH(n->assigns, a);
  }
  n->e = subst_expr(&o->e, s);
  n->body = subst_stmts(&o->body, s);
  n->els = subst_stmts(&o->els, s);
  for (size_t i = 0; i < o->ors.len; i++) {
    PStmts b = subst_stmts(&o->ors.data[i], s);
    VEC_PUSH(n->ors, b);
  }
  for (size_t i = 0; i < o->binds.len; i++) {
    PBind b = o->binds.data[i];
    b.e = subst_expr(&b.e, s);
    VEC_PUSH(n->binds, b);
  }
  for (size_t i = 0; i < o->args.len; i++) {
    PExpr a = subst_expr(&o->args.data[i], s);
    VEC_PUSH(n->args, a);
  }
  return n;
}

static PStmts subst_stmts(const PStmts *b, const Subst *s) {
  PStmts r = {0};
  for (size_t i = 0; i < b->len; i++) {
    PStmt *n = subst_stmt(b->data[i], s);
    VEC_PUSH(r, n);
  }
  return r;
}

static void call_args(P *p, PStmt *s) {
  expect(p, "(");
  if (!is(p, ")"))
    for (;;) {
      PExpr a = expr(p, true);
      VEC_PUSH(s->args, a);
      if (p->err || !accept(p, ","))
        break;
    }
  expect(p, ")");
}

/* P-syntax `end x` (and an optional `;`). */
static void end_kw(P *p, const char *what) {
  if (p->csyntax)
    return;
  expect(p, "end");
  expect(p, what);
}

/* stmt ::= [Label ":"] unlabeled-stmt; returns NULL for an empty one. */
static PStmt *stmt(P *p) {
  Sym label = 0;
  int mod = 0;
  PTok *lt = cur(p);
  if (lt->kind == PT_ID && tok_is(peek(p, 1), ":")) {
    label = tok_sym(lt);
    p->i += 2;
    if (is(p, "+") || is(p, "-")) /* the label's fairness */
      mod = is(p, "+") ? 1 : -1, p->i++;
  }
  PStmt *s = NULL;
  PTok *t = cur(p);
  if (p->csyntax && is(p, "{")) {
    /* a block as a statement: its statements in sequence, spliced in as
     * a macro's expansion is */
    s = new_stmt(p, PS_EITHER);
    s->target = sym_intern("(macro)");
    PStmts inner = block(p);
    VEC_PUSH(s->ors, inner);
  } else if (accept(p, "if")) {
    s = new_stmt(p, PS_IF);
    s->loc = pcal_loc(p->file, t);
    s->e = cond(p);
    if (p->csyntax) {
      s->body = block(p);
      while (accept(p, ";"))
        ;
      if (accept(p, "else"))
        s->els = block(p);
    } else {
      expect(p, "then");
      s->body = stmts(p);
      PStmt *inner = s;
      while (is(p, "elsif")) {
        PStmt *e = new_stmt(p, PS_IF);
        p->i++;
        e->e = expr(p, false);
        expect(p, "then");
        e->body = stmts(p);
        VEC_PUSH(inner->els, e);
        inner = e;
      }
      if (accept(p, "else"))
        inner->els = stmts(p);
      end_kw(p, "if");
    }
  } else if (accept(p, "while")) {
    s = new_stmt(p, PS_WHILE);
    s->loc = pcal_loc(p->file, t);
    s->e = cond(p);
    if (p->csyntax)
      s->body = block(p);
    else {
      expect(p, "do");
      s->body = stmts(p);
      end_kw(p, "while");
    }
  } else if (accept(p, "either")) {
    s = new_stmt(p, PS_EITHER);
    s->loc = pcal_loc(p->file, t);
    do {
      PStmts b = p->csyntax ? block(p) : stmts(p);
      VEC_PUSH(s->ors, b);
      if (p->csyntax)
        while (is(p, ";") && tok_is(peek(p, 1), "or"))
          p->i++;
    } while (!p->err && accept(p, "or"));
    end_kw(p, "either");
  } else if (accept(p, "with")) {
    s = new_stmt(p, PS_WITH);
    s->loc = pcal_loc(p->file, t);
    if (p->csyntax)
      expect(p, "(");
    for (;;) {
      PBind b = {0};
      b.loc = pcal_loc(p->file, cur(p));
      b.name = expect_id(p);
      b.in = is(p, "\\in");
      if (!accept(p, "=") && !accept(p, "\\in"))
        perr(p, cur(p), "PlusCal: %s expected in a with", "`=' or `\\in'");
      b.has_init = true;
      p->in_decl = true;
      b.e = expr(p, true);
      p->in_decl = false;
      VEC_PUSH(s->binds, b);
      if (p->err)
        break;
      if (accept(p, ",") || accept(p, ";")) {
        if (cur(p)->kind == PT_ID && !is(p, "do"))
          continue;
      }
      break;
    }
    if (p->csyntax) {
      expect(p, ")");
      s->body = block(p);
    } else {
      expect(p, "do");
      s->body = stmts(p);
      end_kw(p, "with");
    }
  } else if (is(p, "await") || is(p, "when") || is(p, "assert") ||
             is(p, "print")) {
    s = new_stmt(p, is(p, "assert") ? PS_ASSERT
                    : is(p, "print") ? PS_PRINT
                                     : PS_AWAIT);
    p->i++;
    s->e = expr(p, false);
  } else if (accept(p, "skip")) {
    s = new_stmt(p, PS_SKIP);
    s->loc = pcal_loc(p->file, t);
  } else if (accept(p, "goto")) {
    s = new_stmt(p, PS_GOTO);
    s->loc = pcal_loc(p->file, t);
    s->target = expect_id(p);
  } else if (accept(p, "return")) {
    s = new_stmt(p, PS_RETURN);
    s->loc = pcal_loc(p->file, t);
  } else if (accept(p, "call")) {
    s = new_stmt(p, PS_CALL);
    s->loc = pcal_loc(p->file, t);
    s->target = expect_id(p);
    call_args(p, s);
  } else if (t->kind == PT_ID && tok_is(peek(p, 1), "(") &&
             find_macro(p, tok_sym(t))) {
    PMacro *m = find_macro(p, tok_sym(t));
    p->i++;
    PStmt tmp = {0};
    call_args(p, &tmp);
    if (tmp.args.len != m->params.len) {
      perr(p, t, "PlusCal: macro %s called with the wrong number of "
                 "arguments", sym_str(m->name));
      return NULL;
    }
    Subst sb = {m->params.data, tmp.args.data, m->params.len,
                pcal_loc(p->file, t)};
    PStmts body = subst_stmts(&m->body, &sb);
    /* The expansion replaces the call: a one-statement macro is that
     * statement; a longer one is spliced in by stmts() through an EITHER
     * of one branch marker.  Simplest faithful form: a PS_EITHER with a
     * single branch behaves as its body in sequence. */
    s = new_stmt(p, PS_EITHER);
    s->loc = pcal_loc(p->file, t);
    s->target = sym_intern("(macro)");
    VEC_PUSH(s->ors, body);
  } else if (t->kind == PT_ID) {
    s = new_stmt(p, PS_ASSIGN);
    s->loc = pcal_loc(p->file, t);
    for (;;) {
      PAssign a = {0};
      a.loc = pcal_loc(p->file, cur(p));
      a.var = expect_id(p);
      while (!p->err && !is(p, ":=") && cur(p)->kind != PT_EOF &&
             !is(p, ";")) {
        /* subscripts and fields up to := */
        int depth = 0;
        do {
          PTok *x = cur(p);
          if (tok_is(x, "[") || tok_is(x, "("))
            depth++;
          else if (tok_is(x, "]") || tok_is(x, ")"))
            depth--;
          VEC_PUSH(a.sub, *x);
          p->i++;
        } while (depth > 0 && cur(p)->kind != PT_EOF);
      }
      expect(p, ":=");
      a.rhs = expr(p, false);
      VEC_PUSH(s->assigns, a);
      if (p->err || !accept(p, "||"))
        break;
    }
  } else {
    perr(p, t, "PlusCal: a statement expected, not %s",
         t->kind == PT_EOF ? "the end of the algorithm" : "this token");
    return NULL;
  }
  if (s) {
    s->label = label;
    s->label_loc = pcal_loc(p->file, lt);
    s->label_mod = mod;
  }
  return s;
}

/* stmts ::= stmt { ";" stmt } [";"] -- up to a closing keyword or brace */
static PStmts stmts(P *p) {
  PStmts b = {0};
  for (;;) {
    while (accept(p, ";"))
      ;
    if (p->err || cur(p)->kind == PT_EOF || is(p, "}") || is(p, "end") ||
        is(p, "else") || is(p, "elsif") || is(p, "or"))
      break;
    PStmt *s = stmt(p);
    if (!s)
      break;
    /* a macro's expansion is spliced into the list */
    if (s->kind == PS_EITHER && s->target == sym_intern("(macro)")) {
      PStmts *mb = &s->ors.data[0];
      for (size_t k = 0; k < mb->len; k++) {
        if (k == 0) {
          mb->data[0]->label = s->label;
          mb->data[0]->label_loc = s->label_loc;
          mb->data[0]->label_mod = s->label_mod;
        }
        VEC_PUSH(b, mb->data[k]);
      }
      continue;
    }
    VEC_PUSH(b, s);
  }
  return b;
}

/* ---- the algorithm ---- */

static PStmts body(P *p) {
  if (p->csyntax) {
    expect(p, "{");
    PStmts b = stmts(p);
    expect(p, "}");
    return b;
  }
  expect(p, "begin");
  return stmts(p);
}

static void macro_def(P *p) {
  PMacro m = {0};
  m.name = expect_id(p);
  expect(p, "(");
  if (!is(p, ")"))
    do {
      Sym x = expect_id(p);
      VEC_PUSH(m.params, x);
    } while (!p->err && accept(p, ","));
  expect(p, ")");
  m.body = body(p);
  end_kw(p, "macro");
  VEC_PUSH(p->macros, m);
}

static void proc_def(P *p, PAlg *a) {
  PProc pr = {0};
  pr.kw = pcal_loc(p->file, &p->toks.data[p->i - 1]);
  pr.loc = pcal_loc(p->file, cur(p));
  pr.name = expect_id(p);
  expect(p, "(");
  if (!is(p, ")"))
    decls(p, &pr.params, true);
  expect(p, ")");
  var_section(p, &pr.locals);
  for (size_t k = 0; k < pr.locals.len && !p->err; k++)
    if (pr.locals.data[k].in) { /* as the translator: `=' only */
      p->err = true;
      diag_error(pr.locals.data[k].loc, "PlusCal: a procedure's variable is "
                                        "initialized with `=', not `\\in' "
                                        "(%s)",
                 sym_str(pr.locals.data[k].name));
    }
  pr.body = body(p);
  end_kw(p, "procedure");
  VEC_PUSH(a->procs, pr);
}

static void process_def(P *p, PAlg *a, int fair) {
  PProcess pr = {0};
  pr.fair = fair;
  pr.kw = pcal_loc(p->file, &p->toks.data[p->i - 1]);
  pr.loc = pcal_loc(p->file, cur(p));
  bool paren = p->csyntax && accept(p, "(");
  pr.name = expect_id(p);
  pr.in = is(p, "\\in");
  if (!accept(p, "=") && !accept(p, "\\in"))
    perr(p, cur(p), "PlusCal: %s expected after the process name",
         "`=' or `\\in'");
  pr.id = expr(p, false);
  if (paren)
    expect(p, ")");
  var_section(p, &pr.locals);
  pr.body = body(p);
  end_kw(p, "process");
  VEC_PUSH(a->procs_p, pr);
}

PAlg *pcal_parse(uint32_t file, const char *text, size_t start, bool fair,
                 int version) {
  P p = {0};
  p.file = file;
  p.text = text;
  p.line = p.col = p.vcol = 1;
  for (p.pos = 0; p.pos < start;)
    adv(&p);
  p.line_start = false;
  lex_all(&p);
  PAlg *a = xcalloc(1, sizeof *a);
  a->file = file;
  a->fair_alg = fair;
  a->loc = pcal_loc(file, cur(&p));
  a->name = expect_id(&p);
  p.csyntax = a->csyntax = accept(&p, "{");
  var_section(&p, &a->globals);
  if (accept(&p, "define")) {
    if (p.csyntax)
      expect(&p, "{");
    int depth = 0;
    while (cur(&p)->kind != PT_EOF) {
      if (p.csyntax) {
        if (is(&p, "{"))
          depth++;
        if (is(&p, "}") && depth-- == 0)
          break;
      } else if (is(&p, "end") && tok_is(peek(&p, 1), "define"))
        break;
      VEC_PUSH(a->defs, *cur(&p));
      p.i++;
    }
    if (p.csyntax)
      expect(&p, "}");
    else
      end_kw(&p, "define");
  }
  for (;;) {
    while (accept(&p, ";"))
      ;
    if (p.err)
      break;
    if (accept(&p, "macro"))
      macro_def(&p);
    else if (accept(&p, "procedure"))
      proc_def(&p, a);
    else if (version == 1500 && is(&p, "fair") &&
             !tok_is(peek(&p, 1), "process") &&
             !(tok_is(peek(&p, 1), "+") && tok_is(peek(&p, 2), "process"))) {
      /* version 1.5 only: `fair` or `fair+` before a uniprocess body,
       * which the translator reads as weak fairness either way */
      p.i++;
      accept(&p, "+");
      a->fair_alg = true;
      break;
    } else if (is(&p, "fair") || is(&p, "process")) {
      int fr = 0;
      if (accept(&p, "fair")) {
        fr = 1;
        if (accept(&p, "+"))
          fr = 2;
      }
      expect(&p, "process");
      process_def(&p, a, fr);
    } else
      break;
  }
  if (!p.err && !a->procs_p.len)
    a->body = body(&p);
  if (p.csyntax)
    expect(&p, "}");
  else {
    if (!a->procs_p.len)
      expect(&p, "end");
    else
      expect(&p, "end");
    expect(&p, "algorithm");
  }
  a->end_off = (size_t)(cur(&p)->s - text);
  if (p.err)
    return NULL;
  return a;
}
