/* pcal_module.c -- the module text of a translation.
 *
 * The declarations in the translator's order (VARIABLES: pc, the
 * globals, stack; the define block; the procedures' and processes'
 * variables), vars, ProcSet, Init, the actions of each body (steps from
 * pcal_explode.c, written by pcal_gen.c), Terminating, Next, Spec with
 * the fairness the algorithm asks for, Termination.  Also the
 * translator's whole-algorithm rules: names renamed when they clash
 * (pcal_names.c), labels added to a label-free uniprocess algorithm, no pc
 * and no stuttering-when-done disjunct for a lone `while (TRUE)` loop. */
#include <string.h>

#include "pcal_gen.h"

/* ---- the module text ---- */

/* Next, laid out as the translator lays it out: the actions without a
 * parameter (processes `= id`; uniprocess: procedures and labels) in
 * lines of at most 67 characters, the procedures under one
 * `\E self \in ProcSet`, one `\E self \in S` per process set, and
 * Terminating when the algorithm can terminate. */
static void emit_next(Ctx *c, SB *out, char **ids, bool term) {
  Gen *g = c->g;
  PAlg *a = g->a;
  Items plain = {0}, chunks = {0}, procs = {0};
  if (!c->multi) {
    for (size_t p = 0; p < a->procs.len; p++)
      VEC_PUSH(plain, xstrdup(sym_str(a->procs.data[p].name)));
    for (size_t i = g->main_from; i < g->steps.len; i++)
      VEC_PUSH(plain, xstrdup(sym_str(g->steps.data[i].label)));
  } else
    for (size_t p = 0; p < a->procs_p.len; p++)
      if (!a->procs_p.data[p].in)
        VEC_PUSH(plain, xstrdup(sym_str(a->procs_p.data[p].name)));
  SB cur = {0};
  sb_add(&cur, "");
  for (size_t i = 0; i < plain.len; i++) {
    if (strlen(plain.data[i]) + 4 + cur.len > 67) {
      VEC_PUSH(chunks, xstrdup(cur.data));
      cur.len = 0;
      cur.data[0] = 0;
    }
    if (cur.len)
      sb_add(&cur, " \\/ ");
    sb_add(&cur, plain.data[i]);
  }
  if (cur.len)
    VEC_PUSH(chunks, xstrdup(cur.data));
  cur.len = 0;
  cur.data[0] = 0;
  if (c->multi && a->procs.len) {
    for (size_t p = 0; p < a->procs.len; p++) {
      const char *n = sym_str(a->procs.data[p].name);
      if (strlen(n) + 10 + cur.len > 42) {
        VEC_PUSH(procs, xstrdup(cur.data));
        cur.len = 0;
        cur.data[0] = 0;
      }
      if (cur.len)
        sb_add(&cur, " \\/ ");
      sb_add(&cur, n);
      sb_add(&cur, "(self)");
    }
    if (cur.len) {
      sb_add(&cur, ")");
      VEC_PUSH(procs, xstrdup(cur.data));
    }
  }
  free(cur.data);
  const int col = 10;
  SB line = {0};
  sb_add(&line, "Next == ");
#define EMIT()                                                                 \
  do {                                                                         \
    sb_add(out, line.data);                                                    \
    sb_add(out, "\n");                                                         \
    line.len = 0;                                                              \
    line.data[0] = 0;                                                          \
  } while (0)
  for (size_t i = 0; i < chunks.len; i++) {
    sb_add(&line, chunks.data[i]);
    EMIT();
    sb_spaces(&line, col);
    sb_add(&line, " \\/ ");
  }
  if (procs.len) {
    sb_add(&line, "(\\E self \\in ProcSet: ");
    int col2 = (int)line.len;
    if (procs.len > 1)
      sb_add(&line, " \\/ ");
    for (size_t i = 0; i < procs.len; i++) {
      sb_add(&line, procs.data[i]);
      EMIT();
      sb_spaces(&line, col2);
      sb_add(&line, " \\/ ");
    }
    line.len = 0;
    line.data[0] = 0;
    sb_spaces(&line, col);
    sb_add(&line, " \\/ ");
  }
  bool first = true;
  for (size_t p = 0; c->multi && p < a->procs_p.len; p++) {
    PProcess *pr = &a->procs_p.data[p];
    if (!pr->in)
      continue;
    char *e = pg_cat("(\\E self \\in ", ids[p]);
    char *x = xsprintf("%s: %s(self))", e, sym_str(pr->name));
    free(e);
    int cont = !chunks.len && !procs.len && first ? col - 2 : col + 4;
    for (char *q = x; *q; q++) {
      if (*q == '\n') {
        EMIT();
        sb_spaces(&line, cont);
      } else
        sb_addn(&line, q, 1);
    }
    EMIT();
    sb_spaces(&line, col);
    sb_add(&line, " \\/ ");
    free(x);
    first = false;
  }
  if (term) {
    sb_add(&line, "Terminating");
    EMIT();
  }
#undef EMIT
  sb_add(out, "\n");
  free(line.data);
}

static void add_var(Ctx *c, Sym name, VKind k, int owner, bool indexed,
                    PBind *b) {
  Var v = {name, k, owner, indexed, b};
  VEC_PUSH(c->vars, v);
}

static void emit_step(Ctx *c, SB *out, Step *st, const char *suffix,
                      const char *name) {
  size_t nv = c->vars.len;
  memset(c->assigned, 0, nv);
  Items it = {0};
  const char *l = sym_str(st->label);
  if (c->omit_pc) /* the process is its one step, with no pc */
    l = name;
  else
    VEC_PUSH(it, c->self ? xsprintf("pc[%s] = \"%s\"", c->self, l)
                         : xsprintf("pc = \"%s\"", l));
  pg_gen_list(c, &st->body, &it);
  bool *rest = xcalloc(nv, 1);
  for (size_t i = 0; i < nv; i++)
    rest[i] = !c->assigned[i];
  pg_unchanged(c, &it, rest);
  free(rest);
  char *j = pg_junction(&it, "/\\", c->omit_pc);
  char *pre = xsprintf("%s%s == ", l, suffix);
  char *d = pg_cat(pre, j);
  sb_add(out, d);
  sb_add(out, "\n\n");
  free(d);
  free(pre);
  free(j);
}

static void emit_body_steps(Ctx *c, SB *out, PStmts *body, Sym end, Loc where,
                            const char *name, const char *suffix) {
  Gen *g = c->g;
  size_t from = g->steps.len;
  pcal_explode(g, body, end, where);
  if (g->err)
    return;
  SB disj = {0};
  for (size_t i = from; i < g->steps.len && !g->err; i++) {
    emit_step(c, out, &g->steps.data[i], suffix, name);
    if (i > from)
      sb_add(&disj, " \\/ ");
    sb_add(&disj, sym_str(g->steps.data[i].label));
    sb_add(&disj, suffix);
  }
  if (name && !c->omit_pc) {
    /* wrapped as the translator wraps: a new line when the line so far,
     * 7 and the next name pass 78 columns */
    char *pre = xsprintf("%s%s == ", name, suffix);
    SB d = {0};
    sb_add(&d, pre);
    size_t col = strlen(pre);
    for (size_t i = from; i < g->steps.len; i++) {
      char *a = xsprintf("%s%s", sym_str(g->steps.data[i].label), suffix);
      if (i > from && col + 7 + strlen(a) > 78) {
        sb_add(&d, "\n");
        sb_spaces(&d, (int)strlen(pre) + 2);
        col = strlen(pre) + 2;
      }
      if (i > from) {
        sb_add(&d, " \\/ ");
        col += 4;
      }
      sb_add(&d, a);
      col += strlen(a);
      free(a);
    }
    sb_add(&d, "\n\n");
    sb_add(out, d.data);
    free(d.data);
    free(pre);
  }
  free(disj.data);
}

/* Procedures a process calls, directly or through other procedures:
 * mark[i] is 1 + the order in which they are met (depth first). */
static int ncalled;
static void calls_of(PAlg *a, PStmts *b, int *mark);
static void calls_stmt(PAlg *a, PStmt *s, int *mark) {
  if (s->kind == PS_CALL)
    for (size_t i = 0; i < a->procs.len; i++)
      if (a->procs.data[i].name == s->target && !mark[i]) {
        mark[i] = ++ncalled;
        calls_of(a, &a->procs.data[i].body, mark);
      }
  calls_of(a, &s->body, mark);
  calls_of(a, &s->els, mark);
  for (size_t i = 0; i < s->ors.len; i++)
    calls_of(a, &s->ors.data[i], mark);
}
static void calls_of(PAlg *a, PStmts *b, int *mark) {
  for (size_t i = 0; i < b->len; i++)
    calls_stmt(a, b->data[i], mark);
}

/* The labels of a body with fairness modifier mod, in source order. */
static void modded(PStmts *b, int mod, SB *out, int *n, const char *pre,
                   const char *post) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label && s->label_mod == mod) {
      char *x = xsprintf("%s%s%s%s", *n ? (mod < 0 ? "\", \"" : " /\\ ") : "",
                         mod < 0 ? "" : pre, sym_str(s->label),
                         mod < 0 ? "" : post);
      sb_add(out, x);
      free(x);
      ++*n;
    }
    modded(&s->body, mod, out, n, pre, post);
    modded(&s->els, mod, out, n, pre, post);
    for (size_t k = 0; k < s->ors.len; k++)
      modded(&s->ors.data[k], mod, out, n, pre, post);
  }
}

/* XF_vars(A), or XF_vars((pc[q] # "m") /\ A) without the body's `:-`
 * labels, then SF_vars of its `:+` labels when XF is WF. */
static char *fairness_of(PStmts *body, const char *xf, const char *q,
                         const char *a, const char *arg, char **sf) {
  SB minus = {0}, plus = {0};
  int nm = 0, np = 0;
  modded(body, -1, &minus, &nm, "", "");
  char *post = xsprintf("%s)", arg);
  if (!strcmp(xf, "WF"))
    modded(body, 1, &plus, &np, "SF_vars(", post);
  free(post);
  char *guard = nm == 0   ? xstrdup("")
                : nm == 1 ? xsprintf("(pc[%s] # \"%s\") /\\ ", q, minus.data)
                          : xsprintf("(pc[%s] \\notin {\"%s\"}) /\\ ", q,
                                     minus.data);
  char *r = xsprintf("%s_vars(%s%s)", xf, guard, a);
  *sf = np ? xstrdup(plus.data) : NULL;
  free(guard);
  free(minus.data);
  free(plus.data);
  return r;
}

/* The translator's line width for VARIABLES and vars. */
enum { WRAP_COLUMN = 78, VARS_INDENT = 11 /* strlen("vars == << ") */ };

/* Appends `, name` (or name) to a list whose current line is w long; a
 * name that would pass the wrap column starts a line indented by indent
 * (the comma stays at the end of the line before).  Returns the new
 * line length. */
static size_t add_wrapped(SB *b, size_t w, bool comma, const char *name,
                          size_t indent) {
  if (comma) {
    sb_add(b, ", ");
    w += 2;
  }
  if (w + strlen(name) + 1 > WRAP_COLUMN) {
    sb_add(b, "\n");
    sb_spaces(b, (int)indent);
    w = indent;
  }
  sb_add(b, name);
  return w + strlen(name);
}

static void emit_init(Ctx *c, SB *out) {
  PAlg *a = c->g->a;
  Items it = {0};
  SB b = {0};
  sb_add(&b, "Init == ");
  const int ind = 8;
  bool first = true;
#define LINE(s)                                                                \
  do {                                                                         \
    if (!first) {                                                              \
      sb_add(&b, "\n");                                                        \
      sb_spaces(&b, ind);                                                      \
    }                                                                          \
    first = false;                                                             \
    char *s_ = (s);                                                            \
    char *x_ = pg_cat("        ", s_);                                            \
    sb_add(&b, x_ + ind);                                                      \
    free(x_);                                                                  \
    free(s_);                                                                  \
  } while (0)
  c->proc = c->process = -1;
  const char *saved_self = c->self;
  if (a->globals.len)
    LINE(xstrdup("(* Global variables *)"));
  for (size_t i = 0; i < a->globals.len; i++) {
    PBind *g = &a->globals.data[i];
    char *own;
    const char *e = pg_init_value(c, g, &own);
    bool par = g->has_init && pg_needs_parens(&g->e);
    char *pre = xsprintf("/\\ %s %s %s", sym_str(g->name), g->in ? "\\in" : "=",
                         par ? "(" : "");
    char *x = pg_cat(pre, e);
    LINE(par ? xsprintf("%s)", x) : xstrdup(x));
    free(x);
    free(pre);
    free(own);
  }
  for (size_t p = 0; p < a->procs.len; p++) {
    PProc *pr = &a->procs.data[p];
    c->proc = (int)p;
    c->self = c->multi ? "self" : NULL;
    if (pr->params.len || pr->locals.len)
      LINE(xsprintf("(* Procedure %s *)", sym_str(pr->name)));
    for (int pass = 0; pass < 2; pass++) {
      VEC(PBind) *vs = pass ? (void *)&pr->locals : (void *)&pr->params;
      for (size_t k = 0; k < vs->len; k++) {
        PBind *v = &vs->data[k];
        char *own;
        const char *e = pg_init_value(c, v, &own);
        /* uniprocess: a global's layout, parentheses as needed */
        bool par = !c->multi && v->has_init && pg_needs_parens(&v->e);
        char *pre = c->multi ? xsprintf("/\\ %s = [ self \\in ProcSet |-> ",
                                        sym_str(v->name))
                             : xsprintf("/\\ %s %s %s", sym_str(v->name),
                                        v->in ? "\\in" : "=", par ? "(" : "");
        char *x = pg_cat(pre, e);
        LINE(c->multi ? xsprintf("%s]", x)
             : par    ? xsprintf("%s)", x)
                      : xstrdup(x));
        free(x);
        free(pre);
        free(own);
      }
    }
    c->proc = -1;
  }
  for (size_t p = 0; p < a->procs_p.len; p++) {
    PProcess *pr = &a->procs_p.data[p];
    if (!pr->locals.len)
      continue;
    c->process = (int)p;
    char *id = pg_expr(c, &pr->id);
    c->self = pr->in ? "self" : id;
    c->self_val = pr->in || pr->id.len == 1 ? NULL : xsprintf("(%s)", id);
    LINE(xsprintf("(* Process %s *)", sym_str(pr->name)));
    for (size_t k = 0; k < pr->locals.len; k++) {
      PBind *v = &pr->locals.data[k];
      char *own;
      const char *e = pg_init_value(c, v, &own);
      char *x;
      if (!pr->in) {
        char *pre = xsprintf("/\\ %s %s ", sym_str(v->name),
                             v->in ? "\\in" : "=");
        x = pg_cat(pre, e);
        free(pre);
      } else if (v->in) {
        char *pre0 = xsprintf("/\\ %s \\in [", sym_str(v->name));
        char *s = pg_cat(pre0, id);
        char *pre = xsprintf("%s -> ", s);
        free(s);
        free(pre0);
        char *y = pg_cat(pre, e);
        x = xsprintf("%s]", y);
        free(y);
        free(pre);
      } else {
        char *pre0 = xsprintf("/\\ %s = [self \\in ", sym_str(v->name));
        char *s = pg_cat(pre0, id);
        char *pre = xsprintf("%s |-> ", s);
        free(s);
        free(pre0);
        char *y = pg_cat(pre, e);
        x = xsprintf("%s]", y);
        free(y);
        free(pre);
      }
      LINE(x);
      free(own);
    }
    free(id);
    c->process = -1;
  }
  c->self = saved_self;
  c->self_val = NULL;
  if (a->procs.len)
    LINE(xstrdup(c->multi ? "/\\ stack = [self \\in ProcSet |-> << >>]"
                          : "/\\ stack = << >>"));
  if (c->omit_pc) {
  } else if (!c->multi) {
    PStmt *s0 = a->body.len ? a->body.data[0] : NULL;
    LINE(xsprintf("/\\ pc = \"%s\"", s0 && s0->label ? sym_str(s0->label)
                                                    : "Lbl_1"));
  } else if (a->procs_p.len == 1) {
    PStmt *s0 = a->procs_p.data[0].body.data[0];
    LINE(xsprintf("/\\ pc = [self \\in ProcSet |-> \"%s\"]",
                  sym_str(s0->label)));
  } else {
    SB cs = {0};
    for (size_t p = 0; p < a->procs_p.len; p++) {
      PProcess *pr = &a->procs_p.data[p];
      char *id = pg_expr(c, &pr->id);
      char *pre =
          xsprintf("%sself %s ", p ? "[] " : "CASE ", pr->in ? "\\in" : "=");
      char *ide = pg_cat(pre, id);
      char *l = xsprintf("%s%s -> \"%s\"", p ? "\n" : "", ide,
                         sym_str(pr->body.data[0]->label));
      free(ide);
      free(pre);
      sb_add(&cs, l);
      free(l);
      free(id);
    }
    char *x = pg_cat("/\\ pc = [self \\in ProcSet |-> ", cs.data);
    /* the CASE arms line up under CASE + 2 */
    SB fixed = {0};
    for (const char *q = x; *q; q++) {
      sb_addn(&fixed, q, 1);
      if (*q == '\n')
        sb_spaces(&fixed, 2);
    }
    sb_add(&fixed, "]");
    LINE(pg_take(&fixed));
    free(x);
    free(cs.data);
  }
#undef LINE
  sb_add(out, b.data);
  sb_add(out, "\n\n");
  free(b.data);
  (void)it;
}

/* The translator's shortcuts (version 1.5 on): a body that is one
 * `while (TRUE)` loop never terminates, so the algorithm needs no
 * stuttering-when-done disjunct (multiprocess: when some process is such a
 * loop); when every process is one with no label inside, and there are no
 * procedures and no goto, there is no pc either. */
/* A goto's label must exist (pcal.trans: "goto to non-existent label"). */
static void check_gotos(Gen *g, PStmts *b) {
  for (size_t i = 0; i < b->len && !g->err; i++) {
    PStmt *s = b->data[i];
    if (s->kind == PS_GOTO && s->target != sym_intern("Done")) {
      bool found = false;
      for (size_t k = 0; k < g->steps.len && !found; k++)
        found = g->steps.data[k].label == s->target;
      if (!found)
        gen_error(g, s->loc, "PlusCal: goto to a label that does not exist "
                             "(%s)", sym_str(s->target));
    }
    check_gotos(g, &s->body);
    check_gotos(g, &s->els);
    for (size_t k = 0; k < s->ors.len; k++)
      check_gotos(g, &s->ors.data[k]);
  }
}

static void gotos_in(PStmts *b, bool *any, bool *done);
static void gotos_stmt(PStmt *s, bool *any, bool *done) {
  if (s->kind == PS_GOTO) {
    *any = true;
    if (s->target == sym_intern("Done"))
      *done = true;
  }
  gotos_in(&s->body, any, done);
  gotos_in(&s->els, any, done);
  for (size_t i = 0; i < s->ors.len; i++)
    gotos_in(&s->ors.data[i], any, done);
}
static void gotos_in(PStmts *b, bool *any, bool *done) {
  for (size_t i = 0; i < b->len; i++)
    gotos_stmt(b->data[i], any, done);
}
static bool labels_in(PStmts *b) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label || labels_in(&s->body) || labels_in(&s->els))
      return true;
    for (size_t k = 0; k < s->ors.len; k++)
      if (labels_in(&s->ors.data[k]))
        return true;
  }
  return false;
}
/* 0: not a lone while TRUE; 1: one with labels inside; 2: one without */
static int lone_loop(PStmts *b) {
  if (b->len != 1 || b->data[0]->kind != PS_WHILE)
    return 0;
  PExpr *e = &b->data[0]->e;
  if (e->len != 1 || e->data[0].len != 4 || strncmp(e->data[0].s, "TRUE", 4))
    return 0;
  return labels_in(&b->data[0]->body) ? 1 : 2;
}

char *pcal_generate(PAlg *a, const POpts *o, bool *needs_default,
                    PLocs *locs) {
  Gen g = {0};
  g.a = a;
  g.opt = o;
  /* a uniprocess algorithm with no label at all gets its labels added,
   * as if -label were given (the translator's rule) */
  POpts auto_label = *o;
  bool any_label = labels_in(&a->body);
  for (size_t p = 0; p < a->procs.len; p++)
    any_label = any_label || labels_in(&a->procs.data[p].body);
  if (!a->procs_p.len && !any_label) {
    auto_label.label = true;
    g.opt = &auto_label;
  }
  char *notes;
  if (!pcal_names(a, &notes))
    return NULL;
  Ctx c = {0};
  c.g = &g;
  c.multi = a->procs_p.len > 0;
  c.proc = c.process = -1;
  bool goto_any = false, goto_done = false, some_loop = false;
  bool all_plain = c.multi && !a->procs.len;
  gotos_in(&a->body, &goto_any, &goto_done);
  for (size_t p = 0; p < a->procs.len; p++)
    gotos_in(&a->procs.data[p].body, &goto_any, &goto_done);
  for (size_t p = 0; p < a->procs_p.len; p++) {
    gotos_in(&a->procs_p.data[p].body, &goto_any, &goto_done);
    int k = lone_loop(&a->procs_p.data[p].body);
    some_loop = some_loop || k > 0;
    all_plain = all_plain && k == 2;
  }
  if (!c.multi) {
    some_loop = lone_loop(&a->body) > 0;
    all_plain = !a->procs.len && lone_loop(&a->body) == 2;
  }
  bool term = !(some_loop && !goto_done);
  c.omit_pc = g.no_pc = all_plain && !goto_any;
  if (o->version && o->version < 1500) /* the shortcuts came with 1.5 */
    term = true, c.omit_pc = g.no_pc = false;
  /* variables, in the translator's order */
  add_var(&c, sym_intern("pc"), V_PC, -1, false, NULL);
  for (size_t i = 0; i < a->globals.len; i++)
    add_var(&c, a->globals.data[i].name, V_GLOBAL, -1, false,
            &a->globals.data[i]);
  if (a->procs.len)
    add_var(&c, sym_intern("stack"), V_STACK, -1, false, NULL);
  size_t nglobal = c.vars.len;
  for (size_t p = 0; p < a->procs.len; p++) {
    for (size_t k = 0; k < a->procs.data[p].params.len; k++)
      add_var(&c, a->procs.data[p].params.data[k].name, V_PARAM, (int)p,
              c.multi, &a->procs.data[p].params.data[k]);
    for (size_t k = 0; k < a->procs.data[p].locals.len; k++)
      add_var(&c, a->procs.data[p].locals.data[k].name, V_PLOCAL, (int)p,
              c.multi, &a->procs.data[p].locals.data[k]);
  }
  for (size_t p = 0; p < a->procs_p.len; p++)
    for (size_t k = 0; k < a->procs_p.data[p].locals.len; k++)
      add_var(&c, a->procs_p.data[p].locals.data[k].name, V_LOCAL, (int)p,
              a->procs_p.data[p].in, &a->procs_p.data[p].locals.data[k]);
  c.assigned = xcalloc(c.vars.len + 1, 1);

  SB hdr = {0}, body = {0};
  /* VARIABLES: pc, the globals and stack; the define block; the rest
   * (one declaration when there is no define block) */
  size_t v0 = c.omit_pc ? 1 : 0;
  size_t cut = a->defs.len ? nglobal : c.vars.len;
  for (int grp = 0; grp < 2; grp++) {
    size_t lo = grp ? cut : v0, hi = grp ? c.vars.len : cut;
    if (grp && a->defs.len) {
      char *d = pg_expr(&c, &a->defs);
      sb_add(&hdr, "\n(* define statement *)\n");
      sb_add(&hdr, d);
      sb_add(&hdr, "\n\n");
      free(d);
    }
    if (hi <= lo)
      continue;
    const char *kw = hi - lo == 1 ? "VARIABLE " : "VARIABLES ";
    sb_add(&hdr, kw);
    size_t w = strlen(kw);
    for (size_t i = lo; i < hi; i++)
      w = add_wrapped(&hdr, w, i > lo, sym_str(c.vars.data[i].name),
                      strlen(kw));
    sb_add(&hdr, "\n");
  }
  sb_add(&hdr, "\nvars == << ");
  size_t vw = VARS_INDENT;
  for (size_t i = v0; i < c.vars.len; i++)
    vw = add_wrapped(&hdr, vw, i > v0, sym_str(c.vars.data[i].name),
                     VARS_INDENT);
  if (vw + strlen(" >>") + 1 > WRAP_COLUMN)
    sb_add(&hdr, "\n       ");
  sb_add(&hdr, " >>\n\n");
  if (c.multi) {
    /* one line, a set's later lines placed under its first */
    char *ps = xstrdup("ProcSet == ");
    for (size_t p = 0; p < a->procs_p.len; p++) {
      bool in = a->procs_p.data[p].in;
      char *id = pg_expr(&c, &a->procs_p.data[p].id);
      char *pre = xsprintf("%s%s%s", ps, p ? " \\cup " : "", in ? "(" : "{");
      char *x = pg_cat(pre, id);
      free(ps);
      ps = xsprintf("%s%s", x, in ? ")" : "}");
      free(x);
      free(pre);
      free(id);
    }
    sb_add(&hdr, ps);
    free(ps);
    sb_add(&hdr, "\n\n");
  }
  /* actions */
  Sym done = sym_intern("Done"), error = sym_intern("Error");
  /* the translator adds every body's labels before it translates: a
   * call's target, the callee's first label, is then known */
  if (g.opt->label)
    g.auto_labels = pcal_add_labels(a);
  for (size_t p = 0; p < a->procs.len && !g.err; p++) {
    c.proc = (int)p;
    c.self = c.multi ? "self" : NULL;
    emit_body_steps(&c, &body, &a->procs.data[p].body, error,
                    a->procs.data[p].loc, sym_str(a->procs.data[p].name),
                    c.multi ? "(self)" : "");
    c.proc = -1;
  }
  g.main_from = g.steps.len;
  if (!c.multi && !g.err)
    emit_body_steps(&c, &body, &a->body, done, a->loc,
                    c.omit_pc ? "Next" : NULL, "");
  char **ids = xcalloc(a->procs_p.len + 1, sizeof *ids);
  for (size_t p = 0; p < a->procs_p.len && !g.err; p++) {
    PProcess *pr = &a->procs_p.data[p];
    c.process = (int)p;
    ids[p] = pg_expr(&c, &pr->id);
    if (pr->in)
      c.self = "self";
    else
      c.self = ids[p];
    /* the translator writes the id as it is in subscripts, pc[N + 1];
     * it leaves a `self` in the body as it is (which TLA+ then cannot
     * resolve), where brink puts the id in parentheses */
    c.self_val = pr->in || pr->id.len == 1 ? NULL : xsprintf("(%s)", ids[p]);
    emit_body_steps(&c, &body, &pr->body, done, pr->loc, sym_str(pr->name),
                    pr->in ? "(self)" : "");
    c.process = -1;
  }
  check_gotos(&g, &a->body);
  for (size_t p = 0; p < a->procs.len; p++)
    check_gotos(&g, &a->procs.data[p].body);
  for (size_t p = 0; p < a->procs_p.len; p++)
    check_gotos(&g, &a->procs_p.data[p].body);
  if (g.err)
    return NULL;

  /* Terminating, Next, Spec, Termination */
  if (term)
    sb_add(&body, "(* Allow infinite stuttering to prevent deadlock on "
                  "termination. *)\n");
  const char *alldone = c.multi ? "\\A self \\in ProcSet: pc[self] = \"Done\""
                                : "pc = \"Done\"";
  if (!term)
    ;
  else if (c.multi)
    sb_add(&body, "Terminating == /\\ \\A self \\in ProcSet: pc[self] = "
                  "\"Done\"\n               /\\ UNCHANGED vars\n\n");
  else
    sb_add(&body, "Terminating == pc = \"Done\" /\\ UNCHANGED vars\n\n");
  if (!c.omit_pc || c.multi)
    emit_next(&c, &body, ids, term);
  /* fairness */
  Items fair = {0};
  if (c.multi) {
    for (size_t p = 0; p < a->procs_p.len; p++) {
      PProcess *pr = &a->procs_p.data[p];
      int f = pr->fair;
      if (!f && (o->wf || a->fair_alg))
        f = 1;
      if (!f && o->sf)
        f = 2;
      if (!f)
        continue;
      const char *k = f == 2 ? "SF" : "WF";
      int *mark = xcalloc(a->procs.len + 1, sizeof *mark);
      ncalled = 0;
      calls_of(a, &pr->body, mark);
      /* the procedures in the order met */
      int *order = xcalloc(a->procs.len + 1, sizeof *order);
      size_t nord = 0;
      for (int r = 1; r <= ncalled; r++)
        for (size_t q = 0; q < a->procs.len; q++)
          if (mark[q] == r)
            order[nord++] = (int)q;
      /* the process's formulas (weak, then strong for its `:+` labels),
       * then those of the procedures it calls; on one line when the
       * translator's (under)estimate of its width fits, else one
       * conjunct per formula pair, or per formula when a pair is long */
      Items wf = {0}, sf = {0};
      const char *q = pr->in ? "self" : ids[p];
      char *pn = pr->in ? xsprintf("%s(self)", sym_str(pr->name))
                        : xstrdup(sym_str(pr->name));
      char *sfx;
      VEC_PUSH(wf, fairness_of(&pr->body, k, q, pn, pr->in ? "(self)" : "",
                               &sfx));
      VEC_PUSH(sf, sfx);
      free(pn);
      for (size_t r = 0; r < nord; r++) {
        PProc *pd = &a->procs.data[order[r]];
        char *call = xsprintf("%s(%s)", sym_str(pd->name), q);
        char *carg = xsprintf("(%s)", q);
        VEC_PUSH(wf, fairness_of(&pd->body, k, q, call, carg, &sfx));
        VEC_PUSH(sf, sfx);
        free(carg);
        free(call);
      }
      size_t width = 0;
      for (size_t i = 0; i < wf.len; i++)
        width += strlen(wf.data[i]) +
                 (sf.data[i] ? strlen(sf.data[i]) + (i ? 4 : 0) : 0);
      char *pre = pr->in ? xsprintf("\\A self \\in %s : ", ids[p]) : xstrdup("");
      SB fb = {0};
      if (11 + width <= 78) {
        sb_add(&fb, pre);
        for (size_t i = 0; i < wf.len; i++) {
          sb_add(&fb, i ? " /\\ " : "");
          sb_add(&fb, wf.data[i]);
          if (sf.data[i]) {
            sb_add(&fb, " /\\ ");
            sb_add(&fb, sf.data[i]);
          }
        }
      } else {
        Items lines = {0};
        size_t colq = 11 + strlen(pre);
        for (size_t i = 0; i < wf.len; i++) {
          size_t len = strlen(wf.data[i]) +
                       (sf.data[i] ? 4 + strlen(sf.data[i]) : 0);
          if (!sf.data[i])
            VEC_PUSH(lines, xstrdup(wf.data[i]));
          else if (colq + len + 3 <= 78)
            VEC_PUSH(lines, xsprintf("%s /\\ %s", wf.data[i], sf.data[i]));
          else {
            VEC_PUSH(lines, xstrdup(wf.data[i]));
            VEC_PUSH(lines, xstrdup(sf.data[i]));
          }
        }
        char *j = pg_junction(&lines, "/\\", false);
        char *x = pg_cat(pre, j);
        sb_add(&fb, x);
        free(x);
        free(j);
      }
      free(pre);
      VEC_PUSH(fair, pg_take(&fb));
      free(mark);
      free(order);
    }
    if (o->wfnext)
      VEC_PUSH(fair, xstrdup("WF_vars(Next)"));
  } else if (a->fair_alg || o->wf || o->wfnext) {
    VEC_PUSH(fair, xstrdup("WF_vars(Next)"));
  } else if (o->sf) {
    VEC_PUSH(fair, xstrdup("SF_vars(Next)"));
  }
  if (!fair.len)
    sb_add(&body, "Spec == Init /\\ [][Next]_vars\n\n");
  else {
    sb_add(&body, "Spec == /\\ Init /\\ [][Next]_vars");
    for (size_t i = 0; i < fair.len; i++) {
      char *x = pg_cat("\n        /\\ ", fair.data[i]);
      sb_add(&body, x);
      free(x);
    }
    sb_add(&body, "\n\n");
  }
  if (term) {
    char *t = xsprintf("Termination == <>(%s)\n\n", alldone);
    sb_add(&body, t);
    free(t);
  }

  if (locs) {
    for (size_t i = 0; i < g.steps.len; i++) {
      PLoc l = {g.steps.data[i].label, g.steps.data[i].loc};
      VEC_PUSH(*locs, l);
    }
    for (size_t p = 0; p < a->procs.len; p++) {
      PLoc l = {a->procs.data[p].name, a->procs.data[p].loc};
      VEC_PUSH(*locs, l);
    }
    for (size_t p = 0; p < a->procs_p.len; p++) {
      PLoc l = {a->procs_p.data[p].name, a->procs_p.data[p].loc};
      VEC_PUSH(*locs, l);
    }
  }
  memset(c.assigned, 0, c.vars.len); /* Init sees no primed variable */
  emit_init(&c, &hdr); /* after the actions: -label may have named steps */
  SB all = {0};
  if (notes)
    sb_add(&all, notes);
  free(notes);
  if (c.needs_default)
    sb_add(&all, "CONSTANT defaultInitValue\n");
  sb_add(&all, hdr.data);
  sb_add(&all, body.data);
  if (needs_default)
    *needs_default = c.needs_default;
  char *text = pg_wrap_asserts(all.data);
  free(all.data);
  char *w = pg_wrap_unchanged(text);
  free(text);
  return w;
}
