/* pcal_label.c -- the labels the translator adds (-label, or a uniprocess
 * algorithm without any label).
 *
 * The translator adds them in one pass over each body before it
 * translates, bodies in its order (a uniprocess algorithm's procedures,
 * then its main body; a multiprocess algorithm's processes, then its
 * procedures), numbering them Lbl_1, Lbl_2, ... and skipping the names the
 * user wrote.  The pass walks a statement list with the set of variables
 * the current step has assigned so far; a statement gets a label when
 *   - it starts a body, or is a while;
 *   - it follows a call, return or goto, or an if/either that holds a
 *     label (given or added);
 *   - it assigns a variable the step has already assigned: an assignment,
 *     or a call or return, which assigns stack (and, for a return or a
 *     call of the procedure being labeled, every procedure variable);
 *   - it is an outermost with whose body assigns such a variable.
 * A label starts a new step, so the set is emptied there.  `call P(..);
 * return` and `call P(..); goto L` count as one statement, as the
 * translator reads them.  What the translator reports as errors here (a
 * label in a with, ...) is left to pcal_explode.c. */
#include <stdio.h>
#include <string.h>

#include "pcal_gen.h"

typedef VEC(Sym) Names;

typedef struct Lab {
  PAlg *a;
  Names used; /* every label written or added */
  int next;   /* the next number to try */
  int cur;    /* the procedure being labeled, or -1 */
} Lab;

static bool has(const Names *n, Sym s) {
  for (size_t i = 0; i < n->len; i++)
    if (n->data[i] == s)
      return true;
  return false;
}

static void add(Names *n, Sym s) {
  if (!has(n, s))
    VEC_PUSH(*n, s);
}

static bool meets(const Names *a, const Names *b) {
  for (size_t i = 0; i < b->len; i++)
    if (has(a, b->data[i]))
      return true;
  return false;
}

static void copy(Names *to, const Names *from) {
  to->len = 0;
  for (size_t i = 0; i < from->len; i++)
    VEC_PUSH(*to, from->data[i]);
}

static void labels_used(Lab *l, PStmts *b) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label)
      add(&l->used, s->label);
    labels_used(l, &s->body);
    labels_used(l, &s->els);
    for (size_t k = 0; k < s->ors.len; k++)
      labels_used(l, &s->ors.data[k]);
  }
}

static void give_label(Lab *l, PStmt *s) {
  if (s->label)
    return;
  char buf[32];
  Sym name;
  do {
    snprintf(buf, sizeof buf, "Lbl_%d", l->next++);
    name = sym_intern(buf);
  } while (has(&l->used, name));
  add(&l->used, name);
  s->label = name;
  s->label_loc = s->loc;
}

/* stack, and with all every procedure's parameters and variables */
static void frame_vars(Lab *l, bool all, Names *out) {
  add(out, sym_intern("stack"));
  for (size_t p = 0; all && p < l->a->procs.len; p++) {
    PProc *pr = &l->a->procs.data[p];
    for (size_t k = 0; k < pr->params.len; k++)
      add(out, pr->params.data[k].name);
    for (size_t k = 0; k < pr->locals.len; k++)
      add(out, pr->locals.data[k].name);
  }
}

/* Labels seq, the step having assigned `in` before it; *out receives what
 * the step has assigned after it.  True when seq holds a label or makes
 * the statement after it need one. */
static bool label_seq(Lab *l, PStmts *seq, bool first, bool in_with,
                      const Names *in, Names *out) {
  copy(out, in);
  bool next_needs = first, had = false;
  for (size_t i = 0; i < seq->len; i++) {
    PStmt *s = seq->data[i];
    if (s->label) {
      had = true;
      out->len = 0;
    }
    if (next_needs) {
      give_label(l, s);
      next_needs = false;
      had = true;
      out->len = 0;
    }
    Names now = {0};
    switch (s->kind) {
    case PS_IF:
    case PS_EITHER: {
      Names acc = {0}, one = {0};
      bool two = s->kind == PS_IF;
      size_t n = two ? 2 : s->ors.len;
      for (size_t k = 0; k < n; k++) {
        PStmts *b = two ? (k ? &s->els : &s->body) : &s->ors.data[k];
        if (label_seq(l, b, false, in_with, out, &one))
          next_needs = true;
        for (size_t m = 0; m < one.len; m++)
          add(&acc, one.data[m]);
      }
      copy(out, &acc);
      VEC_FREE(acc);
      VEC_FREE(one);
      break;
    }
    case PS_WHILE: {
      give_label(l, s);
      had = true;
      out->len = 0;
      Names inner = {0};
      label_seq(l, &s->body, false, false, out, &inner);
      VEC_FREE(inner);
      next_needs = false;
      break;
    }
    case PS_WITH: {
      Names inner = {0};
      if (in_with)
        copy(&now, out);
      next_needs = label_seq(l, &s->body, false, true, &now, &inner);
      bool clash = !in_with && meets(out, &inner);
      copy(out, &inner);
      VEC_FREE(inner);
      if (clash) {
        give_label(l, s);
        had = true;
        out->len = 0;
      }
      break;
    }
    case PS_ASSIGN:
    case PS_CALL:
    case PS_RETURN: {
      if (s->kind == PS_ASSIGN) {
        for (size_t k = 0; k < s->assigns.len; k++)
          add(&now, s->assigns.data[k].var);
      } else {
        bool all = s->kind == PS_RETURN;
        if (s->kind == PS_CALL) {
          PStmt *nx = i + 1 < seq->len ? seq->data[i + 1] : NULL;
          bool joined = nx && !nx->label &&
                        (nx->kind == PS_RETURN || nx->kind == PS_GOTO);
          all = (joined && nx->kind == PS_RETURN) ||
                (l->cur >= 0 && s->target == l->a->procs.data[l->cur].name);
          if (joined)
            i++;
        }
        frame_vars(l, all, &now);
        next_needs = s->kind != PS_ASSIGN;
      }
      if (!meets(out, &now)) {
        for (size_t k = 0; k < now.len; k++)
          add(out, now.data[k]);
      } else {
        give_label(l, s);
        had = true;
        copy(out, &now);
      }
      break;
    }
    case PS_GOTO:
      next_needs = true;
      break;
    default:
      break;
    }
    VEC_FREE(now);
  }
  return had || next_needs;
}

static void label_body(Lab *l, PStmts *b, int proc) {
  Names in = {0}, out = {0};
  l->cur = proc;
  label_seq(l, b, true, false, &in, &out);
  VEC_FREE(in);
  VEC_FREE(out);
}

int pcal_add_labels(PAlg *a) {
  Lab l = {a, {0}, 1, -1};
  labels_used(&l, &a->body);
  for (size_t p = 0; p < a->procs.len; p++)
    labels_used(&l, &a->procs.data[p].body);
  for (size_t p = 0; p < a->procs_p.len; p++)
    labels_used(&l, &a->procs_p.data[p].body);
  if (a->procs_p.len) {
    for (size_t p = 0; p < a->procs_p.len; p++)
      label_body(&l, &a->procs_p.data[p].body, -1);
    for (size_t p = 0; p < a->procs.len; p++)
      label_body(&l, &a->procs.data[p].body, (int)p);
  } else {
    for (size_t p = 0; p < a->procs.len; p++)
      label_body(&l, &a->procs.data[p].body, (int)p);
    /* the translator's current procedure is still the last one */
    label_body(&l, &a->body, (int)a->procs.len - 1);
  }
  VEC_FREE(l.used);
  return l.next - 1;
}
