/* parse_expr.c -- expressions by precedence climbing.
 *
 * SANY's operator table gives each infix operator a precedence range
 * lo..hi; p_binary(min) parses operands with p_prefix and joins them while
 * the next operator's range lies above min.  Two operators whose ranges
 * overlap may not be chained without parentheses unless they are the same
 * left-associative operator (the error says so).  Prefix operators bind
 * by their own range; postfix operators, function application `f[x]` and
 * record fields `r.f` bind tightest (p_postfix).  p_primary dispatches on
 * the first token to the special forms (parse_forms.c): the grammar of each
 * production stands in a comment above its function. */
#include <string.h>

#include "parseint.h"

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

static Expr *p_binary(Parser *P, int min);

/* ---- expressions ---- */

/* args ::= '(' arg {',' arg} ')'     arg ::= expr | opsymbol */
Expr **p_args(Parser *P, int *nargs) {
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
  return p_path_op(p_span(P, first->loc), names, pargs, pn, n, true);
}

Expr *p_path_op(Loc loc, Sym *names, Expr ***pargs, int *pn, int n,
                bool last_args) {
  Expr *e = ast_op(loc, names[n - 1], last_args ? pargs[n - 1] : NULL,
                   last_args ? pn[n - 1] : 0);
  if (n > 1) {
    e->path = names;
    e->path_args = pargs;
    e->path_nargs = pn;
    e->npath = n - 1;
  }
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
Expr *p_expr(Parser *P) {
  p_enter(P);
  Expr *e = p_binary(P, 0);
  P->depth--;
  return e;
}
