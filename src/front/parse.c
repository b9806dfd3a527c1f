/* parse.c -- the TLA+ parser: module units, definitions, entry points.
 *
 * Design.  The lexer (lex.c) hands over the whole module as a token array;
 * the parser walks it with unbounded lookahead, by recursive descent over
 * the grammar (one function per production, the production in a comment
 * above it) and precedence climbing for expressions (parse_expr.c).  The
 * files of the parser and what they share are listed in parseint.h.
 *
 * Errors: p_error prints a located message and longjmps to the recovery
 * point of the current top-level unit (p_module sets one per unit), which
 * skips to the next line that starts a unit, so one run reports several
 * errors.  Every allocation made while parsing comes from p_arena, which
 * stays reachable, so abandoning a half-built unit leaks nothing.  Nesting
 * deeper than P_MAX_DEPTH is an error, not a stack overflow. */
#include "parse.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parseint.h"

/* ---- definitions ---- */

/* param ::= ident ['(' '_' {',' '_'} ')'] | '_' infixop '_' | prefixop '_'
 *         | '_' postfixop */
static Binder p_param(Parser *P) {
  Token *t = p_peek(P);
  Binder b = {.loc = t->loc};
  if (t->kind == TK_IDENT) {
    p_next(P);
    b.name = t->sym;
    if (p_is(P, TK_LPAREN)) {
      Token *open = p_next(P);
      do {
        p_expect(P, TK_UNDERSCORE, "(an operator parameter's arguments are '_')");
        b.arity++;
      } while (p_accept(P, TK_COMMA));
      p_close(P, TK_RPAREN, open);
    }
  } else if (t->kind == TK_UNDERSCORE) {
    p_next(P);
    Token *o = p_expect(P, TK_OP, "after '_' in an operator parameter");
    b.name = o->sym;
    b.arity = 1;
    if (p_accept(P, TK_UNDERSCORE))
      b.arity = 2;
  } else if (t->kind == TK_OP || t->kind == TK_BOX) {
    p_next(P);
    b.name = t->kind == TK_BOX ? sym_intern("[]") : t->sym;
    if (!strcmp(sym_str(b.name), "-"))
      b.name = sym_intern("-.");
    p_expect(P, TK_UNDERSCORE, "after a prefix operator parameter");
    b.arity = 1;
  } else {
    p_error(P, t->loc, "parameter expected, found %s", p_found(P));
  }
  b.loc = p_span(P, b.loc);
  return b;
}

/* instance ::= 'INSTANCE' ident ['WITH' subst {',' subst}]
 * subst ::= (ident | opsymbol) '<-' (expr | opsymbol) */
static Instance *p_instance(Parser *P, bool local) {
  Token *q = p_expect(P, TK_INSTANCE, NULL);
  Instance *in = arena_alloc(&p_arena, sizeof *in);
  in->local = local;
  in->module = p_ident(P, "(a module name after INSTANCE)");
  if (p_accept(P, TK_WITH)) {
    int cap = 0;
    do {
      Token *t = p_peek(P);
      if (t->kind != TK_IDENT && t->kind != TK_OP)
        p_error(P, t->loc, "name expected in WITH substitution, found %s",
                p_found(P));
      p_next(P);
      Subst s = {.name = t->sym, .loc = t->loc};
      if (t->kind == TK_OP && !strcmp(sym_str(t->sym), "-"))
        s.name = sym_intern("-.");
      p_expect(P, TK_LARROW, "in WITH substitution");
      Token *v = p_peek(P);
      Token *w = p_at(P, 1);
      if (v->kind == TK_OP &&
          (w->kind == TK_COMMA || p_offside(P, w) || w->kind == TK_EOF ||
           w->loc.line > v->loc.line)) {
        p_next(P);
        s.value = ast_op(v->loc, v->sym, NULL, 0);
      } else {
        s.value = p_expr(P);
      }
      APUSH(in->subst, in->nsubst, cap, s);
    } while (p_accept(P, TK_COMMA));
  }
  in->loc = p_span(P, q->loc);
  return in;
}

/* def ::= ident ['(' param {',' param} ')'] '==' (expr | instance)
 *       | ident '[' bounds ']' '==' expr
 *       | prefixop ident '==' expr | ident infixop ident '==' expr
 *       | ident postfixop '==' expr */
Def *p_def(Parser *P, bool local) {
  Token *t = p_peek(P);
  Def *d = arena_alloc(&p_arena, sizeof *d);
  d->local = local;
  d->kind = DEF_OP;
  int cap = 0;
  if (t->kind == TK_OP) { /* prefix */
    p_next(P);
    d->name = !strcmp(sym_str(t->sym), "-") ? sym_intern("-.") : t->sym;
    d->name_loc = t->loc;
    Token *x = p_expect(P, TK_IDENT, NULL);
    Binder b = {.name = x->sym, .loc = x->loc};
    APUSH(d->params, d->nparams, cap, b);
  } else {
    Token *x = p_expect(P, TK_IDENT, "(a definition)");
    Token *o = p_peek(P);
    if (o->kind == TK_OP) { /* infix or postfix */
      p_next(P);
      d->name = o->sym;
      d->name_loc = o->loc;
      Binder b = {.name = x->sym, .loc = x->loc};
      APUSH(d->params, d->nparams, cap, b);
      if (p_is(P, TK_IDENT)) {
        Token *y = p_next(P);
        Binder c = {.name = y->sym, .loc = y->loc};
        APUSH(d->params, d->nparams, cap, c);
      }
    } else {
      d->name = x->sym;
      d->name_loc = x->loc;
      if (p_is(P, TK_LPAREN)) {
        Token *open = p_next(P);
        do
          APUSH(d->params, d->nparams, cap, p_param(P));
        while (p_accept(P, TK_COMMA));
        p_close(P, TK_RPAREN, open);
      } else if (p_is(P, TK_LBRACK)) {
        Token *open = p_next(P);
        d->kind = DEF_FUN;
        d->bounds = p_bounds(P, true, &d->nbounds);
        p_close(P, TK_RBRACK, open);
      }
    }
  }
  p_expect(P, TK_DEFEQ, "in a definition");
  if (d->kind == DEF_OP && p_is(P, TK_INSTANCE)) {
    d->kind = DEF_INSTANCE;
    d->inst = p_instance(P, local);
  } else {
    d->body = p_expr(P);
  }
  d->loc = p_span(P, t->loc);
  return d;
}

/* ---- module units ---- */

/* Skips to the next line that starts a unit (error recovery). */
static void p_skip_unit(Parser *P, int from) {
  if (P->pos <= from)
    P->pos = from + 1 < P->n ? from + 1 : P->n - 1;
  while (!(p_raw(P)->kind == TK_EOF || p_raw(P)->kind == TK_END ||
           (p_first_on_line(P) && p_raw(P)->loc.col == 1 && p_unit_start(P, 0))))
    p_next(P);
}

/* decl ::= ident ['(' '_' {',' '_'} ')'] | '_' infixop '_' | prefixop '_' | '_' postfixop */
static Decl **p_decls(Parser *P, bool var, int *ndecls) {
  Decl **v = NULL;
  int n = 0, cap = 0;
  do {
    Decl *d = arena_alloc(&p_arena, sizeof *d);
    d->is_var = var;
    if (var) {
      Token *t = p_expect(P, TK_IDENT, "(a variable name)");
      d->name = t->sym;
      d->loc = t->loc;
    } else {
      Binder b = p_param(P);
      d->name = b.name;
      d->loc = b.loc;
      d->arity = b.arity;
    }
    APUSH(v, n, cap, d);
  } while (p_accept(P, TK_COMMA));
  *ndecls = n;
  return v;
}

static Module *p_module(Parser *P);

/* After an error in the unit that began at token unit_start: resets the
 * junction and depth state and skips to the next unit, or gives up on the
 * module (unwinding to `saved`) once there are too many errors. */
static void p_recover_unit(Parser *P, jmp_buf *saved, int unit_start) {
  P->njcols = 0;
  P->depth = 0;
  if (P->errors > P_MAX_ERRORS) {
    P->recover = saved;
    p_fail(P);
  }
  p_skip_unit(P, unit_start);
}

/* unit ::= ('CONSTANT' | 'CONSTANTS') decls | ('VARIABLE' | 'VARIABLES') idents
 *        | ['LOCAL'] (def | instance) | 'ASSUME' [ident '=='] expr
 *        | theorem [proof] | 'RECURSIVE' decls | module | '----' */
static void p_unit(Parser *P, Module *m, int *cap) {
  Token *t = p_peek(P);
  Unit u = {0};
  u.loc = t->loc;
  switch (t->kind) {
  case TK_SEP:
    p_next(P);
    if (p_is(P, TK_MODULE)) {
      P->pos--;
      u.kind = U_MODULE;
      u.sub = p_module(P);
      break;
    }
    return;
  case TK_CONSTANT:
  case TK_CONSTANTS:
  case TK_VARIABLE:
  case TK_VARIABLES: {
    bool var = t->kind == TK_VARIABLE || t->kind == TK_VARIABLES;
    p_next(P);
    u.kind = var ? U_VARIABLES : U_CONSTANTS;
    u.decls = p_decls(P, var, &u.ndecls);
    break;
  }
  case TK_RECURSIVE:
    p_next(P);
    u.kind = U_RECURSIVE;
    u.decls = p_decls(P, false, &u.ndecls);
    break;
  case TK_LOCAL:
    p_next(P);
    if (p_is(P, TK_INSTANCE)) {
      u.kind = U_INSTANCE;
      u.inst = p_instance(P, true);
    } else if (p_def_ahead(P, 0)) {
      u.kind = U_DEF;
      u.def = p_def(P, true);
    } else {
      p_error(P, p_raw(P)->loc,
              "definition or INSTANCE expected after LOCAL, found %s",
              p_found(P));
    }
    break;
  case TK_INSTANCE:
    u.kind = U_INSTANCE;
    u.inst = p_instance(P, false);
    break;
  case TK_ASSUME:
  case TK_ASSUMPTION:
  case TK_AXIOM:
  case TK_THEOREM:
  case TK_LEMMA:
  case TK_PROPOSITION:
  case TK_COROLLARY: {
    bool thm = t->kind != TK_ASSUME && t->kind != TK_ASSUMPTION &&
               t->kind != TK_AXIOM;
    p_next(P);
    u.kind = thm ? U_THEOREM : U_ASSUME;
    if (p_is(P, TK_IDENT) && p_at(P, 1)->kind == TK_DEFEQ) {
      u.name = p_next(P)->sym;
      p_next(P);
    }
    if (p_is(P, TK_ASSUME)) { /* ASSUME ... PROVE ...: not kept */
      int cap = p_cap(m->nopaque);
      if (u.name)
        APUSH(m->opaque, m->nopaque, cap, u.name);
      p_skip_proof(P, (int)t->loc.col);
      return;
    }
    u.expr = p_expr(P);
    TokKind k = p_raw(P)->kind;
    if (k == TK_PROOF || k == TK_BY || k == TK_OBVIOUS || k == TK_OMITTED ||
        k == TK_STEP)
      p_proof(P, m, (int)t->loc.col);
    break;
  }
  case TK_USE:
  case TK_HIDE:
    p_use(P, m, (int)t->loc.col);
    return;
  default:
    if (!p_def_ahead(P, 0)) {
      /* `Op(x) x + 1` and `Op = 1` are definitions missing their '=='. */
      int k = 1;
      if (t->kind == TK_IDENT && (p_at(P, 1)->kind == TK_LPAREN ||
                                  p_at(P, 1)->kind == TK_LBRACK)) {
        int m = p_match(P, 1);
        k = m > 0 ? m + 1 : 1;
      }
      Token *w = p_at(P, k);
      if (t->kind == TK_IDENT &&
          (k > 1 || (w->kind == TK_OP && !strcmp(sym_str(w->sym), "="))))
        p_error(P, w->loc, "'==' expected in the definition of '%s', found %s",
                sym_str(t->sym), lex_token_desc(w));
      p_error(P, t->loc, "definition or declaration expected, found %s",
              p_found(P));
    }
    u.kind = U_DEF;
    u.def = p_def(P, false);
    break;
  }
  u.loc = p_span(P, t->loc);
  APUSH(m->units, m->nunits, *cap, u);
}

/* module ::= '----' 'MODULE' ident '----' ['EXTENDS' ident {',' ident}]
 *            unit* '====' */
static Module *p_module(Parser *P) {
  Token *volatile sep = p_raw(P); /* read after a longjmp */
  Module *m = arena_alloc(&p_arena, sizeof *m);
  m->file = P->file;
  jmp_buf jb, *saved = P->recover;
  P->recover = &jb;
  int unit_start = P->pos;
  if (setjmp(jb)) { /* an error in the header */
    p_recover_unit(P, saved, unit_start);
  } else {
    p_expect(P, TK_SEP, "(a module starts with '---- MODULE Name ----')");
    p_expect(P, TK_MODULE, "after '----'");
    Token *name = p_expect(P, TK_IDENT, "(the module name)");
    m->name = name->sym;
    p_expect(P, TK_SEP, "after the module name");
    if (p_accept(P, TK_EXTENDS)) {
      int c1 = 0, c2 = 0, n2 = 0;
      do {
        Token *x = p_expect(P, TK_IDENT, "(a module name after EXTENDS)");
        APUSH(m->extends, m->nextends, c1, x->sym);
        APUSH(m->extends_loc, n2, c2, x->loc);
      } while (p_accept(P, TK_COMMA));
    }
  }
  volatile int cap = 0; /* kept across the recovery longjmp */
  for (;;) {
    Token *t = p_raw(P);
    if (t->kind == TK_END) {
      p_next(P);
      break;
    }
    if (t->kind == TK_EOF) {
      if (!P->errors)
        p_report(P, t->loc, "'====' expected (to end module '%s' begun at line %u), found end of file",
                 sym_str(m->name), sep->loc.line);
      break;
    }
    unit_start = P->pos;
    if (setjmp(jb)) {
      p_recover_unit(P, saved, unit_start);
      continue;
    }
    int c = cap;
    p_unit(P, m, &c);
    cap = c;
  }
  P->recover = saved;
  m->loc = p_span(P, sep->loc);
  return m;
}

static void p_init(Parser *P, uint32_t file, Token *toks, int n) {
  memset(P, 0, sizeof *P);
  P->t = toks;
  P->n = n;
  P->file = file;
}

static Module *parse_module_text(const char *path, const char *text,
                                 long from) {
  uint32_t file = src_add(path, text);
  Token *toks;
  int n;
  int lex_errors = from >= 0 ? lex_text_at(file, text, (size_t)from, &toks, &n)
                             : lex_text(file, text, &toks, &n);
  Parser P;
  p_init(&P, file, toks, n);
  P.errors = lex_errors;
  Module *m = NULL;
  jmp_buf top;
  P.recover = &top;
  if (!setjmp(top)) {
    if (toks[0].kind == TK_EOF && !lex_errors)
      p_report(&P, toks[0].loc,
               "missing module header ('---- MODULE Name ----' expected)");
    else if (toks[0].kind != TK_EOF)
      m = p_module(&P);
  }
  free(toks);
  free(P.step_mark);
  return P.errors ? NULL : m;
}

Module *parse_text(const char *path, const char *text) {
  return parse_module_text(path, text, -1);
}

Module *parse_text_module(const char *path, const char *text, Sym name,
                          bool *found) {
  long at = lex_find_module_named(text, sym_str(name));
  *found = at >= 0;
  return at >= 0 ? parse_module_text(path, text, at) : NULL;
}

Module *parse_file(const char *path) {
  char *text = src_read_file(path);
  if (!text) {
    diag_error((Loc){0}, "cannot read '%s': %s", path, strerror(errno));
    return NULL;
  }
  Module *m = parse_text(path, text);
  free(text);
  return m;
}

Expr *parse_expr_text(const char *what, const char *text) {
  uint32_t file = src_add(what, text);
  Token *toks;
  int n;
  int lex_errors = lex_expr_text(file, text, &toks, &n);
  Parser P;
  p_init(&P, file, toks, n);
  Expr *e = NULL;
  jmp_buf top;
  P.recover = &top;
  if (!setjmp(top)) {
    e = p_expr(&P);
    if (p_raw(&P)->kind != TK_EOF)
      p_error(&P, p_raw(&P)->loc, "end of expression expected, found %s",
              p_found(&P));
  }
  free(toks);
  return P.errors || lex_errors ? NULL : e;
}
