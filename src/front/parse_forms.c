/* parse_forms.c -- the special forms of TLA+ expressions.
 *
 * Each form starts with its own keyword or bracket, so p_primary
 * (parse_expr.c) picks the function by the first token: quantifiers,
 * CHOOSE, IF, CASE, LET, LAMBDA, fairness, sets `{...}`, the bracket
 * forms `[...]` (functions, records, EXCEPT, sets of functions and
 * records, action subscripts), tuples, junction lists and labels.  Where
 * a form cannot be told from an expression by its first tokens (a set
 * comprehension `{x \in S : ...}` against a set map `{e : x \in S}`), it is
 * parsed as an expression first and converted (p_bound_from_expr).
 * Duplicate record fields are an error here, as in SANY. */
#include <stdlib.h>
#include <string.h>

#include "parseint.h"

/* subscript ::= ident | '<<' exprs '>>' | '(' expr ')' */
static Expr *p_subscript(Parser *P);

/* Appends the identifier expected here to b's names (cap: their
 * capacity); context says where, for the message. */
static void p_bound_name(Parser *P, Bound *b, int *cap, const char *context) {
  Token *t = p_expect(P, TK_IDENT, context);
  Binder x = {.name = t->sym, .loc = t->loc};
  APUSH(b->names, b->nnames, *cap, x);
}

/* tuple pattern ::= '<<' ident {',' ident} '>>' */
static void p_tuple_pattern(Parser *P, Bound *b, int *cap) {
  Token *open = p_next(P);
  b->tuple = true;
  do
    p_bound_name(P, b, cap, "in a tuple of bound names");
  while (p_accept(P, TK_COMMA));
  p_close(P, TK_RTUPLE, open);
}

/* bound ::= ident {',' ident} ['\in' expr] | '<<' ident {',' ident} '>>' '\in' expr
 * bounds ::= bound {',' bound} */
Bound *p_bounds(Parser *P, bool need_set, int *nbounds) {
  Bound *v = NULL;
  int n = 0, cap = 0;
  do {
    Bound b = {0};
    int cn = 0;
    if (p_is(P, TK_LTUPLE)) {
      p_tuple_pattern(P, &b, &cn);
      if (!p_is_op(P, "\\in"))
        p_error(P, p_raw(P)->loc, "'\\in' expected after a tuple of bound names, found %s",
                p_found(P));
    } else {
      for (;;) {
        p_bound_name(P, &b, &cn, "(a bound name)");
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
Expr *p_quant(Parser *P) {
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
Expr *p_choose(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_CHOOSE, q->loc);
  Bound *b = arena_alloc(&p_arena, sizeof *b);
  int cn = 0;
  if (p_is(P, TK_LTUPLE))
    p_tuple_pattern(P, b, &cn);
  else
    p_bound_name(P, b, &cn, "after CHOOSE");
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
Expr *p_if(Parser *P) {
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
Expr *p_case(Parser *P) {
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
Expr *p_let(Parser *P) {
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
Expr *p_lambda(Parser *P) {
  Token *q = p_next(P);
  Expr *e = ast_new(EX_LAMBDA, q->loc);
  Bound *b = arena_alloc(&p_arena, sizeof *b);
  int cn = 0;
  do
    p_bound_name(P, b, &cn, "(a LAMBDA parameter)");
  while (p_accept(P, TK_COMMA));
  e->bounds = b;
  e->nbounds = 1;
  p_expect(P, TK_COLON, "after LAMBDA parameters");
  e->body = p_expr(P);
  e->loc = p_span(P, q->loc);
  return e;
}

/* fairness ::= ('WF_' | 'SF_') subscript '(' expr ')' */
Expr *p_fairness(Parser *P) {
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
    return p_path_op(p_span(P, t->loc), names, pargs, pn, n, false);
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
Expr *p_set(Parser *P) {
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
Expr *p_bracket(Parser *P) {
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
Expr *p_tuple(Parser *P) {
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
Expr *p_jlist(Parser *P) {
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
Expr *p_label(Parser *P) {
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
