/* parse.c -- the TLA+ parser: recursive descent plus precedence climbing.
 *
 * Design.  The lexer (lex.c) hands over the whole module as a token array;
 * the parser walks it with unbounded lookahead.  Expressions are parsed by
 * precedence climbing over SANY's operator table (each operator has a
 * precedence range lo..hi; two operators whose ranges overlap may not be
 * chained without parentheses unless they are the same left-associative
 * operator).  Junction lists follow the offside rule: a bulleted list whose
 * bullets sit at column c pushes c on a stack, and while it is on top every
 * token at a column <= c looks like the end of input to the item being
 * parsed (see p_peek); a bullet at exactly column c starts the next item.
 *
 * Errors: p_error prints a located message and longjmps to the recovery
 * point of the current top-level unit, which skips to the next line that
 * starts a unit, so one run reports several errors.  Every allocation made
 * while parsing (nodes and their arrays) comes from an arena that stays
 * reachable, so abandoning a half-built unit leaks nothing.  Nesting deeper
 * than P_MAX_DEPTH is an error, not a stack overflow. */
#include "parse.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lex.h"

#define P_MAX_DEPTH 200
#define P_MAX_ERRORS 20

/* Nodes and arrays made while parsing live in this arena (arena.h). */
static Arena p_arena = ARENA_INIT(65536);
#define APUSH(arr, n, cap, x) ARENA_PUSH(&p_arena, arr, n, cap, x)

/* ---- operator table ---- */

typedef struct InfixOp {
  const char *name; /* canonical spelling */
  int lo, hi;
  bool left; /* left-associative */
} InfixOp;

static const InfixOp infix_ops[] = {
    {"=>", 1, 1, false},        {"<=>", 2, 2, false},
    {"~>", 2, 2, false},        {"-+->", 2, 2, false},
    {"/\\", 3, 3, true},        {"\\/", 3, 3, true},
    {"/=", 5, 5, false},        {"-|", 5, 5, false},
    {"::=", 5, 5, false},       {":=", 5, 5, false},
    {"<", 5, 5, false},         {"=", 5, 5, false},
    {"=|", 5, 5, false},        {">", 5, 5, false},
    {"\\approx", 5, 5, false},  {"\\asymp", 5, 5, false},
    {"\\cong", 5, 5, false},    {"\\doteq", 5, 5, false},
    {">=", 5, 5, false},        {"\\gg", 5, 5, false},
    {"\\in", 5, 5, false},      {"\\notin", 5, 5, false},
    {"<=", 5, 5, false},        {"\\ll", 5, 5, false},
    {"\\prec", 5, 5, false},    {"\\preceq", 5, 5, false},
    {"\\propto", 5, 5, false},  {"\\sim", 5, 5, false},
    {"\\simeq", 5, 5, false},   {"\\sqsubset", 5, 5, false},
    {"\\sqsubseteq", 5, 5, false}, {"\\sqsupset", 5, 5, false},
    {"\\sqsupseteq", 5, 5, false}, {"\\subset", 5, 5, false},
    {"\\subseteq", 5, 5, false}, {"\\succ", 5, 5, false},
    {"\\succeq", 5, 5, false},  {"\\supset", 5, 5, false},
    {"\\supseteq", 5, 5, false}, {"|-", 5, 5, false},
    {"|=", 5, 5, false},        {"\\cdot", 5, 14, true},
    {"@@", 6, 6, true},         {":>", 7, 7, false},
    {"<:", 7, 7, false},        {"\\", 8, 8, false},
    {"\\cap", 8, 8, true},      {"\\cup", 8, 8, true},
    {"..", 9, 9, false},        {"...", 9, 9, false},
    {"!!", 9, 13, false},       {"##", 9, 13, true},
    {"$", 9, 13, true},         {"$$", 9, 13, true},
    {"??", 9, 13, true},        {"\\sqcap", 9, 13, true},
    {"\\sqcup", 9, 13, true},   {"\\uplus", 9, 13, true},
    {"\\wr", 9, 14, false},     {"\\oplus", 10, 10, true},
    {"+", 10, 10, true},        {"++", 10, 10, true},
    {"%", 10, 11, false},       {"%%", 10, 11, true},
    {"|", 10, 11, true},        {"||", 10, 11, true},
    {"\\X", 10, 13, true},      {"-", 11, 11, true},
    {"--", 11, 11, true},       {"\\ominus", 11, 11, true},
    {"&", 13, 13, true},        {"&&", 13, 13, true},
    {"\\odot", 13, 13, true},   {"\\oslash", 13, 13, false},
    {"\\otimes", 13, 13, true}, {"*", 13, 13, true},
    {"**", 13, 13, true},       {"/", 13, 13, false},
    {"//", 13, 13, false},      {"\\bigcirc", 13, 13, true},
    {"\\bullet", 13, 13, true}, {"\\div", 13, 13, false},
    {"\\circ", 13, 13, true},   {"\\star", 13, 13, true},
    {"^", 14, 14, false},       {"^^", 14, 14, false},
};

static const char *const postfix_ops[] = {"'", "^+", "^*", "^#"};

/* ---- parser state ---- */

typedef struct Parser {
  Token *t;
  int n, pos;
  uint32_t file;
  Loc prev; /* the last consumed token */
  int *jcols; /* junction-list bullet columns, innermost last */
  int njcols, capjcols;
  int depth;
  int errors;
  jmp_buf *recover;
  Token virt; /* what p_peek returns for an offside token */
  /* Proof steps named so far in the current proof: step_mark[sym] ==
   * proof_id (p_proof), so a proof of n steps is checked in O(n). */
  uint32_t *step_mark;
  size_t nstep_mark;
  uint32_t proof_id;
} Parser;

static _Noreturn void p_fail(Parser *P) { longjmp(*P->recover, 1); }

static void p_report(Parser *P, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void p_report(Parser *P, Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (P->errors < P_MAX_ERRORS)
    diag_verror(loc, "error", fmt, ap);
  va_end(ap);
  P->errors++;
}

#define p_error(P, loc, ...)                                                   \
  do {                                                                         \
    p_report(P, loc, __VA_ARGS__);                                             \
    p_fail(P);                                                                 \
  } while (0)

static Token *p_raw(Parser *P) { return &P->t[P->pos]; }

static Token *p_at(Parser *P, int k) {
  int i = P->pos + k;
  return &P->t[i < P->n ? i : P->n - 1];
}

static bool p_offside(Parser *P, const Token *t) {
  return P->njcols > 0 && t->kind != TK_EOF &&
         (int)t->loc.col <= P->jcols[P->njcols - 1];
}

/* The current token, or an end-of-input token when it is offside of the
 * innermost junction list. */
static Token *p_peek(Parser *P) {
  Token *t = p_raw(P);
  if (p_offside(P, t)) {
    P->virt = *t;
    P->virt.kind = TK_EOF;
    return &P->virt;
  }
  return t;
}

static Token *p_next(Parser *P) {
  Token *t = p_raw(P);
  if (t->kind != TK_EOF) {
    P->pos++;
    P->prev = t->loc;
  }
  return t;
}

static bool p_is(Parser *P, TokKind k) { return p_peek(P)->kind == k; }

static bool p_is_op(Parser *P, const char *name) {
  Token *t = p_peek(P);
  return t->kind == TK_OP && !strcmp(sym_str(t->sym), name);
}

static bool p_accept(Parser *P, TokKind k) {
  if (!p_is(P, k))
    return false;
  p_next(P);
  return true;
}

/* Describes the token where something else was expected. */
static const char *p_found(Parser *P) {
  Token *t = p_raw(P);
  if (p_offside(P, t)) {
    static char buf[200];
    snprintf(buf, sizeof buf, "%s (left of the junction list bullet at column %d)",
             lex_token_desc(t), P->jcols[P->njcols - 1]);
    return buf;
  }
  return lex_token_desc(t);
}

static Token *p_expect(Parser *P, TokKind k, const char *context) {
  if (!p_is(P, k))
    p_error(P, p_raw(P)->loc, "%s expected%s%s, found %s", lex_kind_name(k),
            context ? " " : "", context ? context : "", p_found(P));
  return p_next(P);
}

/* Expects the closing bracket k for the opener at `open`. */
static void p_close(Parser *P, TokKind k, const Token *open) {
  if (!p_is(P, k))
    p_error(P, p_raw(P)->loc, "%s expected (to close %s at line %u), found %s",
            lex_kind_name(k), lex_token_desc(open), open->loc.line,
            p_found(P));
  p_next(P);
}

static Sym p_ident(Parser *P, const char *context) {
  return p_expect(P, TK_IDENT, context)->sym;
}

static Loc p_span(Parser *P, Loc start) { return loc_span(start, P->prev); }

static void p_enter(Parser *P) {
  if (++P->depth > P_MAX_DEPTH)
    p_error(P, p_raw(P)->loc, "expression nested too deeply (more than %d levels)",
            P_MAX_DEPTH);
}

static void p_push_jcol(Parser *P, int col) {
  APUSH(P->jcols, P->njcols, P->capjcols, col);
}

static Expr *p_op1(Loc loc, const char *name, Expr *a) {
  return ast_op(loc, sym_intern(name), &a, 1);
}

static Expr *p_op2(Loc loc, const char *name, Expr *a, Expr *b) {
  Expr *args[2] = {a, b};
  return ast_op(loc, sym_intern(name), args, 2);
}

/* Index of the bracket closing the one at offset k from pos (-1 if none). */
static int p_match(Parser *P, int k) {
  int depth = 0;
  for (int i = P->pos + k; i < P->n; i++) {
    switch (P->t[i].kind) {
    case TK_LPAREN:
    case TK_LBRACK:
    case TK_LBRACE:
    case TK_LTUPLE:
      depth++;
      break;
    case TK_RPAREN:
    case TK_RBRACK:
    case TK_RBRACK_SUB:
    case TK_RBRACE:
    case TK_RTUPLE:
    case TK_RTUPLE_SUB:
      if (--depth == 0)
        return i - P->pos;
      break;
    case TK_EOF:
    case TK_END:
    case TK_DEFEQ:
      return -1;
    default:
      break;
    }
  }
  return -1;
}

/* Does a definition start at the current token (raw lookahead)? */
static bool p_def_ahead(Parser *P, int k) {
  Token *a = p_at(P, k), *b = p_at(P, k + 1), *c = p_at(P, k + 2);
  if (a->kind == TK_IDENT) {
    if (b->kind == TK_DEFEQ)
      return true;
    if (b->kind == TK_LPAREN || b->kind == TK_LBRACK) {
      int m = p_match(P, k + 1);
      return m > 0 && p_at(P, m + 1)->kind == TK_DEFEQ;
    }
    /* `a ++ b ==` and `a ^+ ==`.  A postfix operator (`x'`, `L^*`) ending
     * one definition before `B ==` starts the next one is no infix
     * definition: a prime is not definable, the others only as postfix. */
    if (b->kind == TK_OP && strcmp(sym_str(b->sym), "'") != 0) {
      const char *op = sym_str(b->sym);
      bool postfix = !strcmp(op, "^+") || !strcmp(op, "^*") ||
                     !strcmp(op, "^#");
      return c->kind == TK_DEFEQ ||
             (!postfix && c->kind == TK_IDENT &&
              p_at(P, k + 3)->kind == TK_DEFEQ);
    }
    return false;
  }
  if (a->kind == TK_OP && b->kind == TK_IDENT && c->kind == TK_DEFEQ)
    return true;
  return false;
}

static Expr *p_expr(Parser *P);
static Def *p_def(Parser *P, bool local);
static Expr *p_binary(Parser *P, int min);

/* ---- expressions ---- */

/* args ::= '(' arg {',' arg} ')'     arg ::= expr | opsymbol */
static Expr **p_args(Parser *P, int *nargs) {
  Token *open = p_expect(P, TK_LPAREN, NULL);
  Expr **v = NULL;
  int n = 0, cap = 0;
  do {
    Token *t = p_peek(P);
    Token *u = p_at(P, 1);
    if (t->kind == TK_OP && (u->kind == TK_COMMA || u->kind == TK_RPAREN)) {
      p_next(P);
      APUSH(v, n, cap, ast_op(t->loc, t->sym, NULL, 0));
    } else {
      APUSH(v, n, cap, p_expr(P));
    }
  } while (p_accept(P, TK_COMMA));
  p_close(P, TK_RPAREN, open);
  *nargs = n;
  return v;
}

/* name ::= part {'!' part}     part ::= ident [args] | opsymbol [args]
 *                                     | number | '<<' | '>>' | ':' | '@' | args */
static Expr *p_name(Parser *P) {
  Token *first = p_peek(P);
  Sym *names = NULL;
  Expr ***pargs = NULL;
  int *pn = NULL;
  int n = 0, n2 = 0, n3 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (;;) {
    Token *t = p_peek(P);
    Sym name = 0;
    Expr **args = NULL;
    int nargs = 0;
    if (t->kind == TK_LPAREN && n > 0) {
      name = sym_intern("()");
      args = p_args(P, &nargs);
    } else {
      if (n == 0 ? t->kind != TK_IDENT
                 : !(t->kind == TK_IDENT || t->kind == TK_OP ||
                     t->kind == TK_NUM || t->kind == TK_LTUPLE ||
                     t->kind == TK_RTUPLE || t->kind == TK_COLON ||
                     t->kind == TK_AT))
        p_error(P, t->loc, "name expected after '!', found %s", p_found(P));
      p_next(P);
      switch (t->kind) {
      case TK_LTUPLE: name = sym_intern("<<"); break;
      case TK_RTUPLE: name = sym_intern(">>"); break;
      case TK_COLON: name = sym_intern(":"); break;
      case TK_AT: name = sym_intern("@"); break;
      default: name = t->sym;
      }
      if (p_is(P, TK_LPAREN))
        args = p_args(P, &nargs);
    }
    APUSH(names, n, c1, name);
    APUSH(pargs, n2, c2, args);
    APUSH(pn, n3, c3, nargs);
    if (!p_is(P, TK_BANG))
      break;
    p_next(P);
  }
  Expr *e = ast_op(p_span(P, first->loc), names[n - 1], pargs[n - 1], pn[n - 1]);
  if (n > 1) {
    e->path = names;
    e->path_args = pargs;
    e->path_nargs = pn;
    e->npath = n - 1;
  }
  return e;
}

/* subscript ::= ident | '<<' exprs '>>' | '(' expr ')' */
static Expr *p_subscript(Parser *P);

/* bound ::= ident {',' ident} ['\in' expr] | '<<' ident {',' ident} '>>' '\in' expr
 * bounds ::= bound {',' bound} */
static Bound *p_bounds(Parser *P, bool need_set, int *nbounds) {
  Bound *v = NULL;
  int n = 0, cap = 0;
  do {
    Bound b = {0};
    int cn = 0;
    if (p_is(P, TK_LTUPLE)) {
      Token *open = p_next(P);
      b.tuple = true;
      do {
        Token *t = p_expect(P, TK_IDENT, "in a tuple of bound names");
        Binder x = {.name = t->sym, .loc = t->loc};
        APUSH(b.names, b.nnames, cn, x);
      } while (p_accept(P, TK_COMMA));
      p_close(P, TK_RTUPLE, open);
      if (!p_is_op(P, "\\in"))
        p_error(P, p_raw(P)->loc, "'\\in' expected after a tuple of bound names, found %s",
                p_found(P));
    } else {
      for (;;) {
        Token *t = p_expect(P, TK_IDENT, "(a bound name)");
        Binder x = {.name = t->sym, .loc = t->loc};
        APUSH(b.names, b.nnames, cn, x);
        if (p_is(P, TK_COMMA) && p_at(P, 1)->kind == TK_IDENT &&
            !p_offside(P, p_at(P, 1))) {
          p_next(P);
          continue;
        }
        break;
      }
    }
    if (p_is_op(P, "\\in")) {
      p_next(P);
      b.set = p_expr(P);
    } else if (need_set) {
      p_error(P, p_raw(P)->loc, "'\\in' expected after bound name, found %s",
              p_found(P));
    }
    APUSH(v, n, cap, b);
  } while (p_accept(P, TK_COMMA));
  *nbounds = n;
  return v;
}

/* quant ::= ('\A' | '\E') bounds ':' expr | ('\AA' | '\EE') idents ':' expr */
static Expr *p_quant(Parser *P) {
  Token *q = p_next(P);
  ExprKind k = q->kind == TK_FORALL    ? EX_FORALL
               : q->kind == TK_EXISTS  ? EX_EXISTS
               : q->kind == TK_TFORALL ? EX_TFORALL
                                       : EX_TEXISTS;
  Expr *e = ast_new(k, q->loc);
  e->bounds = p_bounds(P, false, &e->nbounds);
  if ((k == EX_TFORALL || k == EX_TEXISTS) &&
      (e->nbounds != 1 || e->bounds[0].set || e->bounds[0].tuple))
    p_error(P, q->loc, "temporal quantifier takes unbounded names only");
  p_expect(P, TK_COLON, "after the bound variables");
  e->body = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* choose ::= 'CHOOSE' (ident | '<<' idents '>>') ['\in' expr] ':' expr */
static Expr *p_choose(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_CHOOSE, q->loc);
  Bound *b = arena_alloc(&p_arena, sizeof *b);
  int cn = 0;
  if (p_is(P, TK_LTUPLE)) {
    Token *open = p_next(P);
    b->tuple = true;
    do {
      Token *t = p_expect(P, TK_IDENT, "in a tuple of bound names");
      Binder x = {.name = t->sym, .loc = t->loc};
      APUSH(b->names, b->nnames, cn, x);
    } while (p_accept(P, TK_COMMA));
    p_close(P, TK_RTUPLE, open);
  } else {
    Token *t = p_expect(P, TK_IDENT, "after CHOOSE");
    Binder x = {.name = t->sym, .loc = t->loc};
    APUSH(b->names, b->nnames, cn, x);
  }
  if (p_is_op(P, "\\in")) {
    p_next(P);
    b->set = p_expr(P);
  }
  e->bounds = b;
  e->nbounds = 1;
  p_expect(P, TK_COLON, "after the CHOOSE variable");
  e->body = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* if ::= 'IF' expr 'THEN' expr 'ELSE' expr */
static Expr *p_if(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_IF, q->loc);
  e->args = arena_alloc(&p_arena, 3 * sizeof *e->args);
  e->nargs = 3;
  e->args[0] = p_expr(P);
  if (!p_is(P, TK_THEN))
    p_error(P, p_raw(P)->loc, "THEN expected (for IF at line %u), found %s",
            q->loc.line, p_found(P));
  p_next(P);
  e->args[1] = p_expr(P);
  if (!p_is(P, TK_ELSE))
    p_error(P, p_raw(P)->loc, "ELSE expected (for IF at line %u), found %s",
            q->loc.line, p_found(P));
  p_next(P);
  e->args[2] = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* case ::= 'CASE' expr '->' expr {'[]' expr '->' expr} ['[]' 'OTHER' '->' expr] */
static Expr *p_case(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_CASE, q->loc);
  int cap = 0;
  do {
    if (p_accept(P, TK_OTHER)) {
      p_expect(P, TK_ARROW, "after OTHER");
      e->other = p_expr(P);
      break;
    }
    CaseArm arm;
    arm.guard = p_expr(P);
    p_expect(P, TK_ARROW, "after a CASE guard");
    arm.value = p_expr(P);
    APUSH(e->arms, e->narms, cap, arm);
  } while (p_accept(P, TK_BOX));
  e->loc = p_span(P, q->loc);
  return e;
}

/* let ::= 'LET' (def | recursive)+ 'IN' expr */
static Expr *p_let(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_LET, q->loc);
  int cap = 0;
  Sym *rec = NULL; /* names declared RECURSIVE in this LET */
  int nrec = 0, rcap = 0;
  while (!p_is(P, TK_IN)) {
    if (p_is(P, TK_LOCAL) && p_def_ahead(P, 1))
      p_next(P);
    if (p_is(P, TK_RECURSIVE)) {
      p_next(P);
      do {
        Sym name = p_ident(P, "after RECURSIVE");
        APUSH(rec, nrec, rcap, name);
        if (p_is(P, TK_LPAREN)) {
          int m = p_match(P, 0);
          if (m <= 0)
            p_error(P, p_raw(P)->loc, "')' expected after RECURSIVE '(' ");
          P->pos += m + 1;
        }
      } while (p_accept(P, TK_COMMA));
      continue;
    }
    if (!p_def_ahead(P, 0) || p_offside(P, p_raw(P)))
      p_error(P, p_raw(P)->loc,
              "definition or IN expected (for LET at line %u), found %s",
              q->loc.line, p_found(P));
    Def *d = p_def(P, false);
    for (int i = 0; i < nrec; i++)
      d->recursive |= rec[i] == d->name;
    APUSH(e->defs, e->ndefs, cap, d);
  }
  p_next(P);
  e->body = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* lambda ::= 'LAMBDA' ident {',' ident} ':' expr */
static Expr *p_lambda(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_LAMBDA, q->loc);
  Bound *b = arena_alloc(&p_arena, sizeof *b);
  int cn = 0;
  do {
    Token *t = p_expect(P, TK_IDENT, "(a LAMBDA parameter)");
    Binder x = {.name = t->sym, .loc = t->loc};
    APUSH(b->names, b->nnames, cn, x);
  } while (p_accept(P, TK_COMMA));
  e->bounds = b;
  e->nbounds = 1;
  p_expect(P, TK_COLON, "after LAMBDA parameters");
  e->body = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* fairness ::= ('WF_' | 'SF_') subscript '(' expr ')' */
static Expr *p_fairness(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(q->kind == TK_WF ? EX_WF : EX_SF, q->loc);
  e->args = arena_alloc(&p_arena, 2 * sizeof *e->args);
  e->nargs = 2;
  e->args[0] = p_subscript(P);
  Token *open = p_expect(P, TK_LPAREN, "after the fairness subscript");
  e->args[1] = p_expr(P);
  p_close(P, TK_RPAREN, open);
  e->loc = p_span(P, q->loc);
  return e;
}

static Expr *p_subscript(Parser *P) {
  Token *t = p_peek(P);
  if (t->kind == TK_IDENT) { /* ident {['(' args ')'] '!' ident} */
    Sym *names = NULL;
    Expr ***pargs = NULL;
    int *pn = NULL;
    int n = 0, n2 = 0, n3 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (;;) {
      Token *x = p_expect(P, TK_IDENT, "(a subscript)");
      Expr **args = NULL;
      int nargs = 0;
      if (p_is(P, TK_LPAREN)) {
        int m = p_match(P, 0);
        if (m > 0 && p_at(P, m + 1)->kind == TK_BANG)
          args = p_args(P, &nargs);
      }
      APUSH(names, n, c1, x->sym);
      APUSH(pargs, n2, c2, args);
      APUSH(pn, n3, c3, nargs);
      if (!p_accept(P, TK_BANG))
        break;
    }
    Expr *e = ast_op(p_span(P, t->loc), names[n - 1], NULL, 0);
    if (n > 1) {
      e->path = names;
      e->path_args = pargs;
      e->path_nargs = pn;
      e->npath = n - 1;
    }
    return e;
  }
  if (t->kind == TK_LTUPLE) {
    Token *open = p_next(P);
    Expr *e = ast_new(EX_TUPLE, t->loc);
    int cap = 0;
    if (!p_is(P, TK_RTUPLE))
      do
        APUSH(e->args, e->nargs, cap, p_expr(P));
      while (p_accept(P, TK_COMMA));
    p_close(P, TK_RTUPLE, open);
    e->loc = p_span(P, t->loc);
    return e;
  }
  if (t->kind == TK_LPAREN) {
    Token *open = p_next(P);
    Expr *e = p_expr(P);
    p_close(P, TK_RPAREN, open);
    return e;
  }
  p_error(P, t->loc, "subscript expected (a variable, '<<...>>' or '(...)'), found %s",
          p_found(P));
}

/* Is e a bound-shaped `x \in S` or `<<x, y>> \in S`? */
static bool p_is_bound_expr(const Expr *e) {
  if (e->kind != EX_OP || e->nargs != 2 || e->npath ||
      strcmp(sym_str(e->name), "\\in"))
    return false;
  const Expr *l = e->args[0];
  if (l->kind == EX_OP)
    return l->nargs == 0 && !l->npath;
  if (l->kind != EX_TUPLE || l->nargs == 0)
    return false;
  for (int i = 0; i < l->nargs; i++)
    if (l->args[i]->kind != EX_OP || l->args[i]->nargs || l->args[i]->npath)
      return false;
  return true;
}

static Bound *p_bound_from_expr(const Expr *e) {
  Bound *b = arena_alloc(&p_arena, sizeof *b);
  const Expr *l = e->args[0];
  b->set = e->args[1];
  if (l->kind == EX_OP) {
    b->names = arena_alloc(&p_arena, sizeof *b->names);
    b->names[0].name = l->name;
    b->names[0].loc = l->loc;
    b->nnames = 1;
  } else {
    b->tuple = true;
    b->names = arena_alloc(&p_arena, (size_t)l->nargs * sizeof *b->names);
    for (int i = 0; i < l->nargs; i++) {
      b->names[i].name = l->args[i]->name;
      b->names[i].loc = l->args[i]->loc;
    }
    b->nnames = l->nargs;
  }
  return b;
}

/* set ::= '{' '}' | '{' expr {',' expr} '}' | '{' bound ':' expr '}'
 *       | '{' expr ':' bounds '}'
 * A parenthesised `{(x \in S) : ...}` is the second form (a bound is names,
 * not an expression). */
static Expr *p_set(Parser *P) {
  Token *open = p_next(P);
  Expr *e;
  if (p_is(P, TK_RBRACE)) {
    e = ast_new(EX_SET_ENUM, open->loc);
  } else {
    int close = p_is(P, TK_LPAREN) ? p_match(P, 0) : -1;
    bool wrapped = close > 0 && p_at(P, close + 1)->kind == TK_COLON;
    Expr *first = p_expr(P);
    if (p_accept(P, TK_COLON)) {
      if (!wrapped && p_is_bound_expr(first)) {
        e = ast_new(EX_SET_FILTER, open->loc);
        e->bounds = p_bound_from_expr(first);
        e->nbounds = 1;
        e->body = p_expr(P);
      } else {
        e = ast_new(EX_SET_MAP, open->loc);
        e->body = first;
        e->bounds = p_bounds(P, true, &e->nbounds);
      }
    } else {
      e = ast_new(EX_SET_ENUM, open->loc);
      int cap = 0;
      APUSH(e->args, e->nargs, cap, first);
      while (p_accept(P, TK_COMMA))
        APUSH(e->args, e->nargs, cap, p_expr(P));
    }
  }
  p_close(P, TK_RBRACE, open);
  e->loc = p_span(P, open->loc);
  return e;
}

/* Does `[` start a function constructor `[x, y \in S |-> e]`? */
static bool p_func_ahead(Parser *P) {
  int k = 1;
  if (p_at(P, k)->kind == TK_LTUPLE) {
    k++;
    while (p_at(P, k)->kind == TK_IDENT && p_at(P, k + 1)->kind == TK_COMMA)
      k += 2;
    if (p_at(P, k)->kind != TK_IDENT || p_at(P, k + 1)->kind != TK_RTUPLE)
      return false;
    k += 2;
  } else {
    while (p_at(P, k)->kind == TK_IDENT && p_at(P, k + 1)->kind == TK_COMMA)
      k += 2;
    if (p_at(P, k)->kind != TK_IDENT)
      return false;
    k++;
  }
  Token *t = p_at(P, k);
  return t->kind == TK_OP && !strcmp(sym_str(t->sym), "\\in");
}

/* except ::= '[' expr 'EXCEPT' update {',' update} ']'
 * update ::= '!' ('.' ident | '[' expr {',' expr} ']')+ '=' expr */
static Expr *p_except(Parser *P, Token *open, Expr *f) {
  p_next(P);
  Expr *e = ast_new(EX_EXCEPT, open->loc);
  e->args = arena_alloc(&p_arena, sizeof *e->args);
  e->args[0] = f;
  e->nargs = 1;
  int cap = 0;
  do {
    ExceptUpdate u = {0};
    int pc = 0;
    p_expect(P, TK_BANG, "(an EXCEPT update starts with '!')");
    do {
      ExceptStep s = {0};
      if (p_accept(P, TK_DOT)) {
        s.is_field = true;
        s.field = p_ident(P, "(a field name after '.')");
      } else if (p_is(P, TK_LBRACK)) {
        Token *ob = p_next(P);
        int ac = 0;
        do
          APUSH(s.args, s.nargs, ac, p_expr(P));
        while (p_accept(P, TK_COMMA));
        p_close(P, TK_RBRACK, ob);
      } else {
        p_error(P, p_raw(P)->loc, "'.' or '[' expected after '!', found %s",
                p_found(P));
      }
      APUSH(u.path, u.npath, pc, s);
    } while (p_is(P, TK_DOT) || p_is(P, TK_LBRACK));
    if (!p_is_op(P, "="))
      p_error(P, p_raw(P)->loc, "'=' expected in EXCEPT update, found %s",
              p_found(P));
    p_next(P);
    u.value = p_expr(P);
    APUSH(e->updates, e->nupdates, cap, u);
  } while (p_accept(P, TK_COMMA));
  p_close(P, TK_RBRACK, open);
  e->loc = p_span(P, open->loc);
  return e;
}

static int p_duplicate_field(const Sym *f, int n);

/* bracket ::= '[' field '|->' expr {',' field '|->' expr} ']'
 *           | '[' field ':' expr {',' field ':' expr} ']'
 *           | '[' bounds '|->' expr ']'  | '[' expr '->' expr ']'
 *           | '[' expr 'EXCEPT' ... ']'  | '[' expr ']_' subscript */
static Expr *p_bracket(Parser *P) {
  Token *open = p_peek(P);
  Token *a = p_at(P, 1), *b = p_at(P, 2);
  Expr *e;
  if (a->kind == TK_IDENT && (b->kind == TK_MAPSTO || b->kind == TK_COLON)) {
    bool rec = b->kind == TK_MAPSTO;
    p_next(P);
    e = ast_new(rec ? EX_RECORD : EX_RECSET, open->loc);
    int c1 = 0, c2 = 0, c3 = 0, nf = 0, nl = 0;
    Loc *locs = NULL;
    do {
      APUSH(locs, nl, c3, p_peek(P)->loc);
      Sym f = p_ident(P, "(a field name)");
      APUSH(e->fields, nf, c1, f);
      p_expect(P, rec ? TK_MAPSTO : TK_COLON, "after a field name");
      APUSH(e->args, e->nargs, c2, p_expr(P));
    } while (p_accept(P, TK_COMMA));
    p_close(P, TK_RBRACK, open);
    int dup = p_duplicate_field(e->fields, nf);
    if (dup >= 0) /* SANY: "Non-unique fields in constructor." */
      p_error(P, locs[dup], "field '%s' appears twice in a record %s",
              sym_str(e->fields[dup]), rec ? "constructor" : "set");
  } else if (p_func_ahead(P)) {
    p_next(P);
    e = ast_new(EX_FUNC, open->loc);
    e->bounds = p_bounds(P, true, &e->nbounds);
    p_expect(P, TK_MAPSTO, "in a function constructor");
    e->body = p_expr(P);
    p_close(P, TK_RBRACK, open);
  } else {
    p_next(P);
    Expr *first = p_expr(P);
    if (p_is(P, TK_EXCEPT))
      return p_except(P, open, first);
    if (p_accept(P, TK_ARROW)) {
      e = ast_new(EX_FUNSET, open->loc);
      e->args = arena_alloc(&p_arena, 2 * sizeof *e->args);
      e->nargs = 2;
      e->args[0] = first;
      e->args[1] = p_expr(P);
      p_close(P, TK_RBRACK, open);
    } else if (p_accept(P, TK_RBRACK_SUB)) {
      e = ast_new(EX_BOX_ACT, open->loc);
      e->args = arena_alloc(&p_arena, 2 * sizeof *e->args);
      e->nargs = 2;
      e->args[0] = first;
      e->args[1] = p_subscript(P);
    } else {
      p_error(P, p_raw(P)->loc,
              "'->', 'EXCEPT' or ']_' expected (in '[' at line %u), found %s",
              open->loc.line, p_found(P));
    }
  }
  e->loc = p_span(P, open->loc);
  return e;
}

static int p_cmp_field(const void *a, const void *b) {
  const uint64_t *x = a, *y = b;
  return *x < *y ? -1 : *x > *y;
}

/* The index of the first field that repeats an earlier one, or -1: one
 * sort of (name, index) pairs, so a record of n fields costs O(n log n). */
static int p_duplicate_field(const Sym *f, int n) {
  uint64_t *v = arena_alloc(&p_arena, (size_t)n * sizeof *v);
  for (int i = 0; i < n; i++)
    v[i] = (uint64_t)f[i] << 32 | (uint32_t)i;
  qsort(v, (size_t)n, sizeof *v, p_cmp_field);
  int dup = -1;
  for (int i = 1; i < n; i++)
    if (v[i] >> 32 == v[i - 1] >> 32 && (dup < 0 || (int)(uint32_t)v[i] < dup))
      dup = (int)(uint32_t)v[i];
  return dup;
}

/* tuple ::= '<<' [expr {',' expr}] '>>'  |  '<<' expr '>>_' subscript */
static Expr *p_tuple(Parser *P) {
  Token *open = p_next(P);
  Expr *e = ast_new(EX_TUPLE, open->loc);
  int cap = 0;
  if (!p_is(P, TK_RTUPLE) && !p_is(P, TK_RTUPLE_SUB))
    do
      APUSH(e->args, e->nargs, cap, p_expr(P));
    while (p_accept(P, TK_COMMA));
  if (p_is(P, TK_RTUPLE_SUB) && e->nargs == 1) {
    p_next(P);
    Expr *a = ast_new(EX_DIA_ACT, open->loc);
    a->args = arena_alloc(&p_arena, 2 * sizeof *a->args);
    a->nargs = 2;
    a->args[0] = e->args[0];
    a->args[1] = p_subscript(P);
    a->loc = p_span(P, open->loc);
    return a;
  }
  p_close(P, TK_RTUPLE, open);
  e->loc = p_span(P, open->loc);
  return e;
}

/* jlist ::= bullet expr {bullet expr}   -- all bullets at one column */
static Expr *p_jlist(Parser *P) {
  Token *first = p_peek(P);
  Sym op = first->sym;
  int col = (int)first->loc.col;
  Expr **items = NULL;
  int n = 0, cap = 0;
  for (;;) {
    Token *t = p_raw(P);
    if (t->kind != TK_OP || t->sym != op || (int)t->loc.col != col ||
        p_offside(P, t))
      break;
    p_next(P);
    p_push_jcol(P, col);
    Expr *item = p_expr(P);
    P->njcols--;
    APUSH(items, n, cap, item);
  }
  Loc loc = p_span(P, first->loc);
  if (n == 1) {
    items[0]->loc = loc;
    return items[0];
  }
  return ast_op(loc, op, items, n);
}

/* label ::= ident ['(' ident {',' ident} ')'] '::' expr */
static Expr *p_label(Parser *P) {
  Token *t = p_next(P);
  Expr *e = ast_new(EX_LABEL, t->loc);
  e->label = t->sym;
  if (p_is(P, TK_LPAREN)) {
    Token *open = p_next(P);
    Bound *b = arena_alloc(&p_arena, sizeof *b);
    int cn = 0;
    do {
      Token *x = p_expect(P, TK_IDENT, "(a label parameter)");
      Binder bx = {.name = x->sym, .loc = x->loc};
      APUSH(b->names, b->nnames, cn, bx);
    } while (p_accept(P, TK_COMMA));
    p_close(P, TK_RPAREN, open);
    e->bounds = b;
    e->nbounds = 1;
  }
  p_expect(P, TK_COLONCOLON, "after a label");
  e->body = p_expr(P);
  e->loc = p_span(P, t->loc);
  return e;
}

/* primary ::= number | string | TRUE | FALSE | '@' | name | label | '(' expr ')'
 *           | set | bracket | tuple | quant | choose | if | case | let
 *           | lambda | fairness | jlist */
static Expr *p_primary(Parser *P) {
  Token *t = p_peek(P);
  Expr *e;
  switch (t->kind) {
  case TK_NUM:
  case TK_DECIMAL:
    p_next(P);
    e = ast_new(t->kind == TK_NUM ? EX_NUM : EX_DECIMAL, t->loc);
    e->num = sym_str(t->sym);
    return e;
  case TK_STR:
    p_next(P);
    e = ast_new(EX_STR, t->loc);
    e->str = t->sym;
    return e;
  case TK_TRUE:
  case TK_FALSE:
    p_next(P);
    e = ast_new(EX_BOOL, t->loc);
    e->boolean = t->kind == TK_TRUE;
    return e;
  case TK_AT:
    p_next(P);
    return ast_new(EX_AT, t->loc);
  case TK_IDENT: {
    Token *u = p_at(P, 1);
    if (u->kind == TK_COLONCOLON)
      return p_label(P);
    if (u->kind == TK_LPAREN) {
      int m = p_match(P, 1);
      if (m > 0 && p_at(P, m + 1)->kind == TK_COLONCOLON)
        return p_label(P);
    }
    return p_name(P);
  }
  case TK_LPAREN: {
    Token *open = p_next(P);
    e = p_expr(P);
    p_close(P, TK_RPAREN, open);
    return e;
  }
  case TK_LBRACE:
    return p_set(P);
  case TK_LBRACK:
    return p_bracket(P);
  case TK_LTUPLE:
    return p_tuple(P);
  case TK_FORALL:
  case TK_EXISTS:
  case TK_TFORALL:
  case TK_TEXISTS:
    return p_quant(P);
  case TK_CHOOSE:
    return p_choose(P);
  case TK_IF:
    return p_if(P);
  case TK_CASE:
    return p_case(P);
  case TK_LET:
    return p_let(P);
  case TK_LAMBDA:
    return p_lambda(P);
  case TK_WF:
  case TK_SF:
    return p_fairness(P);
  case TK_OP:
    if (!strcmp(sym_str(t->sym), "/\\") || !strcmp(sym_str(t->sym), "\\/"))
      return p_jlist(P);
    break;
  default:
    break;
  }
  p_error(P, t->loc, "expression expected, found %s", p_found(P));
}

static bool p_is_postfix(const Token *t) {
  if (t->kind != TK_OP)
    return false;
  for (size_t i = 0; i < sizeof postfix_ops / sizeof *postfix_ops; i++)
    if (!strcmp(sym_str(t->sym), postfix_ops[i]))
      return true;
  return false;
}

/* postfix ::= primary {'[' expr {',' expr} ']' | '.' ident | postfixop} */
static Expr *p_postfix(Parser *P) {
  Token *start = p_peek(P);
  Expr *e = p_primary(P);
  for (;;) {
    Token *t = p_peek(P);
    if (t->kind == TK_LBRACK) {
      Token *open = p_next(P);
      Expr *a = ast_new(EX_FAPP, start->loc);
      int cap = 0;
      APUSH(a->args, a->nargs, cap, e);
      do
        APUSH(a->args, a->nargs, cap, p_expr(P));
      while (p_accept(P, TK_COMMA));
      p_close(P, TK_RBRACK, open);
      a->loc = p_span(P, start->loc);
      e = a;
    } else if (t->kind == TK_DOT) {
      p_next(P);
      Expr *a = ast_new(EX_DOT, start->loc);
      a->args = arena_alloc(&p_arena, sizeof *a->args);
      a->args[0] = e;
      a->nargs = 1;
      a->field = p_ident(P, "(a field name after '.')");
      a->loc = p_span(P, start->loc);
      e = a;
    } else if (p_is_postfix(t) && !p_def_ahead(P, -1)) {
      p_next(P);
      e = p_op1(p_span(P, start->loc), sym_str(t->sym), e);
    } else {
      return e;
    }
  }
}

/* prefix ::= prefixop prefix | postfix
 * prefixop ::= '~' | '-' | '[]' | '<>' | SUBSET | UNION | DOMAIN | ENABLED
 *            | UNCHANGED */
static Expr *p_prefix(Parser *P, int min) {
  Token *t = p_peek(P);
  const char *name = NULL;
  int prec = 0;
  switch (t->kind) {
  case TK_OP: {
    const char *s = sym_str(t->sym);
    if (!strcmp(s, "~"))
      name = "~", prec = 4;
    else if (!strcmp(s, "-") || !strcmp(s, "-."))
      name = "-.", prec = 12;
    else if (!strcmp(s, "<>"))
      name = "<>", prec = 4;
    break;
  }
  case TK_BOX: name = "[]", prec = 4; break;
  case TK_SUBSET: name = "SUBSET", prec = 8; break;
  case TK_UNION: name = "UNION", prec = 8; break;
  case TK_DOMAIN: name = "DOMAIN", prec = 9; break;
  case TK_ENABLED: name = "ENABLED", prec = 4; break;
  case TK_UNCHANGED: name = "UNCHANGED", prec = 4; break;
  default: break;
  }
  if (!name)
    return p_postfix(P);
  if (prec == 12 && min > 12)
    p_error(P, t->loc,
            "prefix '-' needs parentheses here (it binds more loosely than the "
            "operator before it)");
  p_next(P);
  p_enter(P);
  Expr *a = p_binary(P, prec + 1);
  P->depth--;
  return p_op1(p_span(P, t->loc), name, a);
}

static const InfixOp *p_infix(const Token *t) {
  if (t->kind != TK_OP)
    return NULL;
  const char *s = sym_str(t->sym);
  for (size_t i = 0; i < sizeof infix_ops / sizeof *infix_ops; i++)
    if (!strcmp(s, infix_ops[i].name))
      return &infix_ops[i];
  return NULL;
}

bool parse_infix_left(Sym name) {
  Token t = {.kind = TK_OP, .sym = name};
  const InfixOp *op = p_infix(&t);
  return op && op->left;
}

/* binary(min) ::= prefix {infixop binary(hi + 1)}   (ops with lo >= min) */
static Expr *p_binary(Parser *P, int min) {
  Token *start = p_peek(P);
  Expr *lhs = p_prefix(P, min);
  const InfixOp *last = NULL;
  Token *last_tok = NULL;
  int nary_cap = 0; /* capacity of lhs->args while an n-ary chain grows */
  for (;;) {
    Token *t = p_peek(P);
    const InfixOp *op = p_infix(t);
    if (!op || op->lo < min)
      break;
    if (p_def_ahead(P, -1)) /* `a ++ b == ...` on the next line */
      break;
    if (last && op->lo <= last->hi && last->lo <= op->hi &&
        !(op == last && op->left))
      p_error(P, t->loc,
              "precedence conflict between '%s' (line %u) and '%s'; add "
              "parentheses",
              last->name, last_tok->loc.line, op->name);
    p_next(P);
    p_enter(P);
    Expr *rhs = p_binary(P, op->hi + 1);
    P->depth--;
    Loc loc = p_span(P, start->loc);
    bool nary = !strcmp(op->name, "/\\") || !strcmp(op->name, "\\/") ||
                !strcmp(op->name, "\\X");
    if (nary && last == op) { /* grows by doubling: linear in the chain */
      APUSH(lhs->args, lhs->nargs, nary_cap, rhs);
      lhs->loc = loc;
    } else {
      lhs = p_op2(loc, op->name, lhs, rhs);
      nary_cap = 2;
    }
    last = op;
    last_tok = t;
  }
  return lhs;
}

/* expr ::= binary(0) */
static Expr *p_expr(Parser *P) {
  p_enter(P);
  Expr *e = p_binary(P, 0);
  P->depth--;
  return e;
}

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
static Def *p_def(Parser *P, bool local) {
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

static bool p_unit_start(Parser *P, int k) {
  switch (p_at(P, k)->kind) {
  case TK_SEP:
  case TK_END:
  case TK_EOF:
  case TK_CONSTANT:
  case TK_CONSTANTS:
  case TK_VARIABLE:
  case TK_VARIABLES:
  case TK_LOCAL:
  case TK_INSTANCE:
  case TK_ASSUME:
  case TK_ASSUMPTION:
  case TK_AXIOM:
  case TK_THEOREM:
  case TK_LEMMA:
  case TK_PROPOSITION:
  case TK_COROLLARY:
  case TK_RECURSIVE:
  case TK_USE:
  case TK_HIDE:
    return true;
  default:
    return p_def_ahead(P, k);
  }
}

static bool p_first_on_line(Parser *P) {
  return P->pos == 0 || P->t[P->pos - 1].loc.line < p_raw(P)->loc.line;
}

/* Skips a proof (or a USE / HIDE / ASSUME-PROVE) up to the next line that
 * starts a unit at a column <= col. */
static void p_skip_proof(Parser *P, int col) {
  p_next(P);
  while (!(p_raw(P)->kind == TK_EOF || p_raw(P)->kind == TK_END ||
           (p_first_on_line(P) && (int)p_raw(P)->loc.col <= col &&
            p_raw(P)->kind != TK_STEP && p_unit_start(P, 0))))
    p_next(P);
}

/* The capacity APUSH left an array of n elements with (it doubles from 4
 * when n reaches the capacity), for arrays that are not built in one go. */
static int p_cap(int n) {
  int c = 4;
  while (c < n)
    c *= 2;
  return n == 0 ? 0 : c;
}

/* Does the statement that started at column col end here (a line that
 * starts a unit at a column <= col, or the end of the module)? */
static bool p_stmt_end(Parser *P, int col) {
  return p_raw(P)->kind == TK_EOF || p_raw(P)->kind == TK_END ||
         (p_first_on_line(P) && (int)p_raw(P)->loc.col <= col &&
          p_raw(P)->kind != TK_STEP && p_unit_start(P, 0));
}

static void p_fact(Parser *P, Module *m, int *cap, int col, bool in_proof);

/* use ::= ('USE' | 'HIDE') ['ONLY'] item {',' item} [('DEF' | 'DEFS') names]
 * Keeps the items that are bare fact references `name {'!' (num | ident)}`
 * in m->uses (resolve.c checks that they name something, as SANY does);
 * the rest (expressions, `MODULE M`) is skipped. */
static void p_use(Parser *P, Module *m, int col) {
  int cap = p_cap(m->nuses);
  p_next(P);
  bool item = true;
  while (!p_stmt_end(P, col)) {
    Token *t = p_raw(P);
    if (t->kind == TK_ONLY) {
      p_next(P);
      continue;
    }
    if (t->kind == TK_COMMA || t->kind == TK_DEF || t->kind == TK_DEFS) {
      p_next(P);
      item = true;
      continue;
    }
    if (t->kind == TK_MODULE) { /* `MODULE M`: a module, not a fact */
      p_next(P);
      if (!p_stmt_end(P, col))
        p_next(P);
      item = false;
      continue;
    }
    if (!item || t->kind != TK_IDENT) {
      p_next(P);
      item = false;
      continue;
    }
    p_fact(P, m, &cap, col, false);
    item = false;
  }
}

/* A fact reference `name {'!' (num | ident)}` at an identifier, added to
 * m->uses when the item ends there (at ',', DEF or the statement's end). */
static void p_fact(Parser *P, Module *m, int *cap, int col, bool in_proof) {
  Token *t = p_next(P);
  FactRef f = {.name = t->sym, .loc = t->loc, .in_proof = in_proof};
  int scap = 0;
  while (!p_stmt_end(P, col) && p_raw(P)->kind == TK_BANG &&
         (P->t[P->pos + 1].kind == TK_NUM || P->t[P->pos + 1].kind == TK_IDENT)) {
    p_next(P);
    Token *s = p_next(P);
    FactSel sel = {.loc = s->loc};
    if (s->kind == TK_IDENT)
      sel.label = s->sym;
    else
      sel.index = atoi(sym_str(s->sym));
    APUSH(f.sel, f.nsel, scap, sel);
  }
  TokKind k = p_raw(P)->kind;
  if (p_stmt_end(P, col) || k == TK_COMMA || k == TK_DEF || k == TK_DEFS)
    APUSH(m->uses, m->nuses, *cap, f);
}

/* The name `<1>a` of a step token (`<1>a.` with its dots dropped), or 0
 * for one that names no step that can be cited (`<1>`, `<*>`, `<+>`). */
static Sym p_step_name(Sym tok) {
  const char *s = sym_str(tok), *gt = strchr(s, '>');
  if (!gt || gt[1] == 0 || gt[1] == '.' || s[1] == '*' || s[1] == '+')
    return 0;
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == '.')
    n--;
  return sym_intern_n(s, n);
}

static void p_mark_step(Parser *P, Sym name) {
  while (P->nstep_mark <= name) {
    size_t n = P->nstep_mark ? 2 * P->nstep_mark : 1024;
    P->step_mark = xrealloc(P->step_mark, n * sizeof *P->step_mark);
    memset(P->step_mark + P->nstep_mark, 0,
           (n - P->nstep_mark) * sizeof *P->step_mark);
    P->nstep_mark = n;
  }
  P->step_mark[name] = P->proof_id;
}

/* proof ::= the proof of a theorem, from its first token to the next unit
 * at a column <= col.  It is skipped, but the steps it names (`<1>2.` at
 * the start of a line) are recorded, and what its BY / USE / HIDE cite is
 * checked: a step not named before it is an error here (SANY's "Unknown
 * operator"), a fact with selectors goes to m->uses for resolve.c (names
 * it cannot find are taken as the proof's own, from NEW, PICK or DEFINE). */
static void p_proof(Parser *P, Module *m, int col) {
  P->proof_id++;
  int cap = p_cap(m->nuses);
  bool citing = false, item = false;
  TokKind prev = TK_EOF;
  for (bool first = true; first || !p_stmt_end(P, col); first = false) {
    Token *t = p_raw(P);
    TokKind k = t->kind;
    if (k == TK_STEP) {
      Sym name = p_step_name(t->sym);
      bool cites = citing && (!p_first_on_line(P) || prev == TK_COMMA ||
                              prev == TK_BY || prev == TK_USE ||
                              prev == TK_HIDE);
      if (!cites) {
        citing = false;
        if (name)
          p_mark_step(P, name);
      } else if (name && (name >= P->nstep_mark ||
                          P->step_mark[name] != P->proof_id)) {
        p_report(P, t->loc,
                 "unknown operator '%s' (no step of this proof before it "
                 "has that name)", sym_str(name));
      }
    } else if (k == TK_BY || k == TK_USE || k == TK_HIDE) {
      citing = item = true;
    } else if (citing && (k == TK_COMMA || k == TK_DEF || k == TK_DEFS ||
                          k == TK_ONLY)) {
      item = true;
    } else if (citing && item && k == TK_IDENT) {
      p_fact(P, m, &cap, col, true);
      prev = TK_IDENT;
      item = false;
      continue;
    } else {
      item = false;
    }
    prev = k;
    p_next(P);
  }
}

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
    P->njcols = 0;
    P->depth = 0;
    if (P->errors > P_MAX_ERRORS) {
      P->recover = saved;
      p_fail(P);
    }
    p_skip_unit(P, unit_start);
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
      P->njcols = 0;
      P->depth = 0;
      if (P->errors > P_MAX_ERRORS) {
        P->recover = saved;
        p_fail(P);
      }
      p_skip_unit(P, unit_start);
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
