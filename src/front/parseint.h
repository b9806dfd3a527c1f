/* parseint.h -- what the files of the TLA+ parser share; not for other
 * modules (their interface is parse.h).
 *
 * The parser is split by grammar region: parse.c (module units,
 * definitions, the entry points), parse_expr.c (precedence climbing),
 * parse_forms.c (the special forms), parse_proof.c (proofs and USE / HIDE,
 * skipped but checked) and parse_cursor.c (the token cursor, errors and
 * lookahead).  All of them walk one Parser over the lexer's token array
 * and allocate from one arena, p_arena, which stays reachable, so a unit
 * abandoned on an error leaks nothing.
 *
 * Junction lists follow the offside rule: a bulleted list whose bullets sit
 * at column c pushes c on P->jcols; while it is on top every token at a
 * column <= c looks like the end of input to the item being parsed
 * (p_peek); a bullet at exactly column c starts the next item. */
#ifndef BRINK_PARSEINT_H
#define BRINK_PARSEINT_H

#include <setjmp.h>
#include <string.h>

#include "arena.h"
#include "lex.h"
#include "parse.h"

#define P_MAX_DEPTH 200 /* deeper nesting is an error, not a stack overflow */
#define P_MAX_ERRORS 20 /* errors printed per file (all are counted) */

extern Arena p_arena;
#define APUSH(arr, n, cap, x) ARENA_PUSH(&p_arena, arr, n, cap, x)

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

/* ---- the token cursor (inline: every production calls these) ---- */

static inline Token *p_raw(Parser *P) { return &P->t[P->pos]; }

static inline Token *p_at(Parser *P, int k) {
  int i = P->pos + k;
  return &P->t[i < P->n ? i : P->n - 1];
}

static inline bool p_offside(Parser *P, const Token *t) {
  return P->njcols > 0 && t->kind != TK_EOF &&
         (int)t->loc.col <= P->jcols[P->njcols - 1];
}

/* The current token, or an end-of-input token when it is offside of the
 * innermost junction list. */
static inline Token *p_peek(Parser *P) {
  Token *t = p_raw(P);
  if (p_offside(P, t)) {
    P->virt = *t;
    P->virt.kind = TK_EOF;
    return &P->virt;
  }
  return t;
}

static inline Token *p_next(Parser *P) {
  Token *t = p_raw(P);
  if (t->kind != TK_EOF) {
    P->pos++;
    P->prev = t->loc;
  }
  return t;
}

static inline bool p_is(Parser *P, TokKind k) { return p_peek(P)->kind == k; }

static inline bool p_is_op(Parser *P, const char *name) {
  Token *t = p_peek(P);
  return t->kind == TK_OP && !strcmp(sym_str(t->sym), name);
}

static inline bool p_accept(Parser *P, TokKind k) {
  if (!p_is(P, k))
    return false;
  p_next(P);
  return true;
}

/* ---- errors and lookahead (parse_cursor.c) ---- */

/* Unwinds to the recovery point of the current unit. */
_Noreturn void p_fail(Parser *P);
/* Reports a located error (counted; printed while fewer than
 * P_MAX_ERRORS were). */
void p_report(Parser *P, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define p_error(P, loc, ...)                                                   \
  do {                                                                         \
    p_report(P, loc, __VA_ARGS__);                                             \
    p_fail(P);                                                                 \
  } while (0)
/* Describes the token where something else was expected. */
const char *p_found(Parser *P);
Token *p_expect(Parser *P, TokKind k, const char *context);
/* Expects the closing bracket k for the opener at `open`. */
void p_close(Parser *P, TokKind k, const Token *open);
Sym p_ident(Parser *P, const char *context);
/* From start to the end of the last consumed token. */
Loc p_span(Parser *P, Loc start);
/* One level deeper (an error past P_MAX_DEPTH); the caller restores
 * P->depth. */
void p_enter(Parser *P);
void p_push_jcol(Parser *P, int col);
Expr *p_op1(Loc loc, const char *name, Expr *a);
Expr *p_op2(Loc loc, const char *name, Expr *a, Expr *b);
/* Offset of the bracket closing the one at offset k from pos (-1). */
int p_match(Parser *P, int k);
/* Does a definition start at offset k (raw lookahead)? */
bool p_def_ahead(Parser *P, int k);
/* Does a module unit start at offset k? */
bool p_unit_start(Parser *P, int k);
bool p_first_on_line(Parser *P);

/* ---- productions used across files ---- */

/* parse_expr.c */
Expr *p_expr(Parser *P);
Expr **p_args(Parser *P, int *nargs);
/* The application named by the path names[0]!...!names[n-1], part i with
 * the arguments pargs[i] (pn[i] of them); the last part's arguments only
 * when last_args (else it is a bare name). */
Expr *p_path_op(Loc loc, Sym *names, Expr ***pargs, int *pn, int n,
                bool last_args);

/* parse_forms.c: the special forms p_primary dispatches to */
Bound *p_bounds(Parser *P, bool need_set, int *nbounds);
Expr *p_quant(Parser *P);
Expr *p_choose(Parser *P);
Expr *p_if(Parser *P);
Expr *p_case(Parser *P);
Expr *p_let(Parser *P);
Expr *p_lambda(Parser *P);
Expr *p_fairness(Parser *P);
Expr *p_set(Parser *P);
Expr *p_bracket(Parser *P);
Expr *p_tuple(Parser *P);
Expr *p_jlist(Parser *P);
Expr *p_label(Parser *P);

/* parse.c */
Def *p_def(Parser *P, bool local);

/* parse_proof.c */
/* Skips a proof (or USE / HIDE / ASSUME-PROVE) up to the next line that
 * starts a unit at a column <= col. */
void p_skip_proof(Parser *P, int col);
/* The capacity APUSH left an array of n elements with. */
int p_cap(int n);
void p_use(Parser *P, Module *m, int col);
void p_proof(Parser *P, Module *m, int col);

#endif
