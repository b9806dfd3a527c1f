/* parse_cursor.c -- the parser's token cursor: errors and lookahead.
 *
 * The token array is read through p_peek (parseint.h), which turns a token
 * offside of the innermost junction list into an end of input; everything
 * here builds on it.  An error is reported by p_report (at most
 * P_MAX_ERRORS are printed, all are counted) and p_error longjmps to the
 * recovery point of the unit being parsed.  The lookahead functions
 * (p_match, p_def_ahead, p_unit_start) read raw tokens, ignoring junction
 * columns: they decide what a line starts, not where an expression ends. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "parseint.h"

/* Nodes and arrays made while parsing live in this arena (arena.h). */
Arena p_arena = ARENA_INIT(65536);

_Noreturn void p_fail(Parser *P) { longjmp(*P->recover, 1); }

void p_report(Parser *P, Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (P->errors < P_MAX_ERRORS)
    diag_verror(loc, "error", fmt, ap);
  va_end(ap);
  P->errors++;
}
/* Describes the token where something else was expected. */
const char *p_found(Parser *P) {
  Token *t = p_raw(P);
  if (p_offside(P, t)) {
    static char buf[200];
    snprintf(buf, sizeof buf, "%s (left of the junction list bullet at column %d)",
             lex_token_desc(t), P->jcols[P->njcols - 1]);
    return buf;
  }
  return lex_token_desc(t);
}

Token *p_expect(Parser *P, TokKind k, const char *context) {
  if (!p_is(P, k))
    p_error(P, p_raw(P)->loc, "%s expected%s%s, found %s", lex_kind_name(k),
            context ? " " : "", context ? context : "", p_found(P));
  return p_next(P);
}

/* Expects the closing bracket k for the opener at `open`. */
void p_close(Parser *P, TokKind k, const Token *open) {
  if (!p_is(P, k))
    p_error(P, p_raw(P)->loc, "%s expected (to close %s at line %u), found %s",
            lex_kind_name(k), lex_token_desc(open), open->loc.line,
            p_found(P));
  p_next(P);
}

Sym p_ident(Parser *P, const char *context) {
  return p_expect(P, TK_IDENT, context)->sym;
}

Loc p_span(Parser *P, Loc start) { return loc_span(start, P->prev); }

void p_enter(Parser *P) {
  if (++P->depth > P_MAX_DEPTH)
    p_error(P, p_raw(P)->loc, "expression nested too deeply (more than %d levels)",
            P_MAX_DEPTH);
}

void p_push_jcol(Parser *P, int col) {
  APUSH(P->jcols, P->njcols, P->capjcols, col);
}

Expr *p_op1(Loc loc, const char *name, Expr *a) {
  return ast_op(loc, sym_intern(name), &a, 1);
}

Expr *p_op2(Loc loc, const char *name, Expr *a, Expr *b) {
  Expr *args[2] = {a, b};
  return ast_op(loc, sym_intern(name), args, 2);
}

/* Index of the bracket closing the one at offset k from pos (-1 if none). */
int p_match(Parser *P, int k) {
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
bool p_def_ahead(Parser *P, int k) {
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

bool p_unit_start(Parser *P, int k) {
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

bool p_first_on_line(Parser *P) {
  return P->pos == 0 || P->t[P->pos - 1].loc.line < p_raw(P)->loc.line;
}
