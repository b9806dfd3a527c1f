/* parse_proof.c -- TLAPS proofs and USE / HIDE, skipped but checked.
 *
 * brink does not check proofs, but SANY rejects a proof that cites a step
 * it has not named yet or a fact that does not exist, and so does brink.
 * A proof is skipped token by token up to the next unit at a column <= the
 * theorem's (p_stmt_end); on the way the steps it names (`<1>2.` at the
 * start of a line) are marked in P->step_mark under the proof's id, so a
 * citation is checked in O(1), and cited facts with selectors go to
 * m->uses, which resolve.c checks once names are bound. */
#include <stdlib.h>
#include <string.h>

#include "parseint.h"

/* Does the statement that started at column col end here (a line that
 * starts a unit at a column <= col, or the end of the module)? */
static bool p_stmt_end(Parser *P, int col) {
  return p_raw(P)->kind == TK_EOF || p_raw(P)->kind == TK_END ||
         (p_first_on_line(P) && (int)p_raw(P)->loc.col <= col &&
          p_raw(P)->kind != TK_STEP && p_unit_start(P, 0));
}

/* Skips a proof (or a USE / HIDE / ASSUME-PROVE) up to the next line that
 * starts a unit at a column <= col. */
void p_skip_proof(Parser *P, int col) {
  p_next(P);
  while (!p_stmt_end(P, col))
    p_next(P);
}

/* The capacity APUSH left an array of n elements with (it doubles from 4
 * when n reaches the capacity), for arrays that are not built in one go. */
int p_cap(int n) {
  int c = 4;
  while (c < n)
    c *= 2;
  return n == 0 ? 0 : c;
}

static void p_fact(Parser *P, Module *m, int *cap, int col, bool in_proof);

/* use ::= ('USE' | 'HIDE') ['ONLY'] item {',' item} [('DEF' | 'DEFS') names]
 * Keeps the items that are bare fact references `name {'!' (num | ident)}`
 * in m->uses (resolve.c checks that they name something, as SANY does);
 * the rest (expressions, `MODULE M`) is skipped. */
void p_use(Parser *P, Module *m, int col) {
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
void p_proof(Parser *P, Module *m, int col) {
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
