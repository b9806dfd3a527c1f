/* pcal_explode.c -- cuts a PlusCal body into steps, one per label.
 *
 * A step is what happens from one label to the next: the statements from
 * the label on, where control leaving the step becomes an assignment to
 * pc (a goto node).  The rules are the translator's: a compound statement
 * (if, either, with) with no label, goto, call or return inside is
 * "simple" and the statements after it continue the same step; one that
 * holds such a statement hands control to the statement after it, which
 * must then be labeled, by a goto at the end of each branch that falls
 * through.  A while is a step of its own: `IF cond THEN body, back to the
 * while ELSE what follows`.  A call or return ends the step; what follows
 * must be labeled.  Steps are listed in the order of their labels in the
 * source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcal_gen.h"

static bool has_jump(const PStmts *b);

/* Whether s holds (or is) a label, goto, call or return; its own label
 * counts only when `own`. */
static bool stmt_jumps_own(const PStmt *s, bool own) {
  if ((own && s->label) || s->kind == PS_GOTO || s->kind == PS_CALL ||
      s->kind == PS_RETURN || s->kind == PS_WHILE)
    return true;
  if (has_jump(&s->body) || has_jump(&s->els))
    return true;
  for (size_t i = 0; i < s->ors.len; i++)
    if (has_jump(&s->ors.data[i]))
      return true;
  return false;
}

static bool stmt_jumps(const PStmt *s) { return stmt_jumps_own(s, false); }

static bool has_jump(const PStmts *b) {
  for (size_t i = 0; i < b->len; i++)
    if (stmt_jumps_own(b->data[i], true))
      return true;
  return false;
}

static bool tok_is(const PTok *t, const char *s) {
  return t->len == (int)strlen(s) && !strncmp(t->s, s, (size_t)t->len);
}

/* The translator's test for a while it translates without a test: `TRUE`
 * or `(TRUE)`, on one line. */
static bool is_true(const PExpr *e) {
  if (e->len == 1)
    return tok_is(&e->data[0], "TRUE");
  return e->len == 3 && e->data[1].sp >= 0 && e->data[2].sp >= 0 &&
         tok_is(&e->data[0], "(") && tok_is(&e->data[1], "TRUE") &&
         tok_is(&e->data[2], ")");
}

static FNode *fnode(FKind k, PStmt *s) {
  FNode *n = xcalloc(1, sizeof *n);
  n->k = k;
  n->s = s;
  return n;
}

static FNode *fgoto(Sym target) {
  FNode *n = fnode(F_GOTO, NULL);
  n->target = target;
  return n;
}

static void ex_seq(Gen *g, PStmts *list, size_t i, Sym cont, FList *out,
                   bool first);

/* A label for the statement that must have one: its own, or with -label
 * a fresh one; 0 after the error. */
static Sym need_label(Gen *g, PStmt *s, const char *why) {
  if (s->label)
    return s->label;
  if (g->opt->label) {
    char buf[32];
    snprintf(buf, sizeof buf, "Lbl_%d", ++g->auto_labels);
    s->label = sym_intern(buf);
    s->label_loc = s->loc;
    return s->label;
  }
  gen_error(g, s->loc, "PlusCal: missing label %s", why);
  return 0;
}

static void start_step(Gen *g, PStmts *list, size_t j, Sym cont) {
  PStmt *s = list->data[j];
  for (size_t k = 0; k < g->steps.len && !g->no_pc; k++)
    if (g->steps.data[k].label == s->label) {
      gen_error(g, s->label_loc, "PlusCal: label %s defined twice",
                sym_str(s->label));
      return;
    }
  Step st = {s->label, s->label_loc, {0}};
  VEC_PUSH(g->steps, st);
  size_t at = g->steps.len - 1;
  Sym saved = g->cur_label;
  g->cur_label = s->label;
  FList body = {0};
  ex_seq(g, list, j, cont, &body, true);
  g->steps.data[at].body = body;
  g->cur_label = saved;
}

/* What follows a statement that ends its step: a labeled statement whose
 * step starts here, or the continuation. */
static Sym follow(Gen *g, PStmts *list, size_t j, Sym cont, const char *why) {
  if (j + 1 >= list->len)
    return cont;
  Sym l = need_label(g, list->data[j + 1], why);
  if (l)
    start_step(g, list, j + 1, cont);
  return l;
}

static void ex_seq(Gen *g, PStmts *list, size_t i, Sym cont, FList *out,
                   bool first) {
  for (size_t j = i; j < list->len && !g->err; j++) {
    PStmt *s = list->data[j];
    if (s->label && !(j == i && first)) {
      VEC_PUSH(*out, fgoto(s->label));
      start_step(g, list, j, cont);
      return;
    }
    switch (s->kind) {
    case PS_WHILE: {
      if (!(j == i && first)) {
        if (!need_label(g, s, "before a while statement"))
          return;
        VEC_PUSH(*out, fgoto(s->label));
        start_step(g, list, j, cont);
        return;
      }
      if (is_true(&s->e)) {
        /* while TRUE: the body, with no test and no way out */
        ex_seq(g, &s->body, 0, g->cur_label, out, false);
        return;
      }
      FNode *n = fnode(F_IF, s);
      n->nb = 2;
      n->b = xcalloc(2, sizeof *n->b);
      ex_seq(g, &s->body, 0, g->cur_label, &n->b[0], false);
      ex_seq(g, list, j + 1, cont, &n->b[1], false);
      VEC_PUSH(*out, n);
      return;
    }
    case PS_IF:
    case PS_EITHER:
    case PS_WITH: {
      FNode *n = fnode(s->kind == PS_IF       ? F_IF
                       : s->kind == PS_EITHER ? F_EITHER
                                              : F_WITH,
                       s);
      PStmts *br[64];
      size_t nb = 0;
      if (s->kind == PS_IF) {
        br[nb++] = &s->body;
        br[nb++] = &s->els;
      } else if (s->kind == PS_WITH) {
        br[nb++] = &s->body;
      } else {
        for (size_t k = 0; k < s->ors.len && nb < 64; k++)
          br[nb++] = &s->ors.data[k];
      }
      n->nb = nb;
      n->b = xcalloc(nb, sizeof *n->b);
      VEC_PUSH(*out, n);
      if (!stmt_jumps(s)) {
        for (size_t k = 0; k < nb; k++)
          ex_seq(g, br[k], 0, 0, &n->b[k], false);
        continue;
      }
      Sym after = 0;
      if (j + 1 < list->len) {
        after = need_label(g, list->data[j + 1],
                           s->kind == PS_IF ? "after an if statement that "
                                              "contains a label, goto, call "
                                              "or return"
                           : s->kind == PS_EITHER
                               ? "after an either statement that contains a "
                                 "label, goto, call or return"
                               : "after a with statement that contains a "
                                 "goto, call or return");
        if (!after)
          return;
      } else
        after = cont;
      for (size_t k = 0; k < nb; k++)
        ex_seq(g, br[k], 0, after, &n->b[k], false);
      if (j + 1 < list->len)
        start_step(g, list, j + 1, cont);
      return;
    }
    case PS_GOTO:
      VEC_PUSH(*out, fgoto(s->target));
      follow(g, list, j, cont, "after a goto");
      return;
    case PS_RETURN:
      VEC_PUSH(*out, fnode(F_RETURN, s));
      follow(g, list, j, cont, "after a return");
      return;
    case PS_CALL: {
      FNode *n = fnode(F_CALL, s);
      VEC_PUSH(*out, n);
      if (j + 1 < list->len && !list->data[j + 1]->label &&
          list->data[j + 1]->kind == PS_RETURN) {
        n->tail = true; /* call P(..); return */
        follow(g, list, j + 1, cont, "after a return");
        return;
      }
      if (j + 1 < list->len && !list->data[j + 1]->label &&
          list->data[j + 1]->kind == PS_GOTO) {
        n->target = list->data[j + 1]->target;
        follow(g, list, j + 1, cont, "after a goto");
        return;
      }
      n->target = follow(g, list, j, cont, "after a call");
      return;
    }
    default:
      VEC_PUSH(*out, fnode(F_LEAF, s));
    }
  }
  if (cont && !g->err)
    VEC_PUSH(*out, fgoto(cont));
}

/* The translator's order of a body's steps (PcalTranslate's explosion):
 * a label's step, then the steps of the labels nested in it.  For a while
 * those in its body's labeled part come first, then those nested in the
 * part before its body's first label, then (unless the test is TRUE) those
 * nested in what follows the loop.  In an if, the labeled parts of then
 * and else come before what is nested in their unlabeled beginnings; in an
 * either, each clause's unlabeled beginning comes before its labeled
 * part. */
typedef VEC(Sym) Order;
static void order_groups(const PStmts *b, size_t i, Order *o);

static size_t first_label(const PStmts *b) {
  size_t k = 0;
  while (k < b->len && !b->data[k]->label)
    k++;
  return k;
}

static void order_nested(const PStmts *b, size_t i, size_t j, Order *o) {
  for (; i < j; i++) {
    const PStmt *s = b->data[i];
    if (s->kind == PS_IF) {
      size_t kt = first_label(&s->body), ke = first_label(&s->els);
      order_groups(&s->body, kt, o);
      order_groups(&s->els, ke, o);
      order_nested(&s->body, 0, kt, o);
      order_nested(&s->els, 0, ke, o);
    } else if (s->kind == PS_EITHER) {
      for (size_t c = 0; c < s->ors.len; c++) {
        size_t k = first_label(&s->ors.data[c]);
        order_nested(&s->ors.data[c], 0, k, o);
        order_groups(&s->ors.data[c], k, o);
      }
    }
  }
}

/* the labeled statements of b from i on, each with what follows it up to
 * the next label */
static void order_groups(const PStmts *b, size_t i, Order *o) {
  while (i < b->len) {
    size_t j = i + 1;
    while (j < b->len && !b->data[j]->label)
      j++;
    const PStmt *s = b->data[i];
    VEC_PUSH(*o, s->label);
    if (s->kind == PS_WHILE) {
      size_t k = first_label(&s->body);
      order_groups(&s->body, k, o);
      order_nested(&s->body, 0, k, o);
      if (!is_true(&s->e))
        order_nested(b, i + 1, j, o);
    } else
      order_nested(b, i, j, o);
    i = j;
  }
}

/* A step's place: its label's in the order, source position after. */
static bool step_before(const Order *o, const Step *x, const Step *y) {
  size_t ox = 0, oy = 0;
  while (ox < o->len && o->data[ox] != x->label)
    ox++;
  while (oy < o->len && o->data[oy] != y->label)
    oy++;
  if (ox != oy)
    return ox < oy;
  if (x->loc.line != y->loc.line)
    return x->loc.line < y->loc.line;
  return x->loc.col < y->loc.col;
}

/* The steps of one body (a process's, a procedure's, the algorithm's);
 * appended to g->steps from index `from`, in the translator's order. */
void pcal_explode(Gen *g, PStmts *body, Sym end, Loc where) {
  size_t from = g->steps.len;
  if (!body->len) {
    gen_error(g, where, "PlusCal: an empty body%s", "");
    return;
  }
  if (!need_label(g, body->data[0], "at the beginning of a body"))
    return;
  start_step(g, body, 0, end);
  Order o = {0};
  order_groups(body, 0, &o);
  for (size_t i = from + 1; i < g->steps.len; i++) /* insertion sort */
    for (size_t j = i;
         j > from && step_before(&o, &g->steps.data[j], &g->steps.data[j - 1]);
         j--) {
      Step t = g->steps.data[j];
      g->steps.data[j] = g->steps.data[j - 1];
      g->steps.data[j - 1] = t;
    }
  VEC_FREE(o);
}
