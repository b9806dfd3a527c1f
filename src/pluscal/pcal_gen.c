/* pcal_gen.c -- the statements of a step, as TLA+ conjuncts.
 *
 * A step's flat statement list (pcal_explode.c) becomes a list of items
 * (pcal_text.c): assignments as `v' = e` or one EXCEPT per variable,
 * if/either with each branch padded by UNCHANGED for what the other
 * branches assign, with as \E / LET, call and return through the stack,
 * goto as pc'.  Expressions are re-emitted from their tokens with their
 * line structure kept; an identifier that names a variable becomes `v'`
 * when the step has already assigned v and `v[self]` when v is a
 * procedure's or an `\in` process's variable. */
#include <string.h>

#include "pcal_gen.h"

/* ---- variables ---- */


void gen_error(Gen *g, Loc loc, const char *fmt, const char *arg) {
  if (g->err)
    return;
  g->err = true;
  diag_error(loc, fmt, arg);
}

static int var_index(Ctx *c, Sym name) {
  for (size_t i = 0; i < c->vars.len; i++) {
    Var *v = &c->vars.data[i];
    if (v->name != name)
      continue;
    /* any procedure's variable (names are unique, pcal_names.c): the
     * translator subscripts them all, in processes too */
    if (v->kind == V_LOCAL && v->owner != c->process)
      continue;
    return (int)i;
  }
  return -1;
}

static Sym tsym(const PTok *t) { return sym_intern_n(t->s, t->len); }

static bool is_bound(Ctx *c, Sym s) {
  for (size_t i = 0; i < c->bound.len; i++)
    if (c->bound.data[i] == s)
      return true;
  return false;
}

/* The variable reference `v` as the step sees it. */
static void var_ref(Ctx *c, SB *b, int vi, bool prime) {
  Var *v = &c->vars.data[vi];
  sb_add(b, sym_str(v->name));
  if (prime)
    sb_add(b, "'");
  if (v->indexed && c->self) {
    sb_add(b, "[");
    sb_add(b, c->self);
    sb_add(b, "]");
  }
}

char *pg_expr(Ctx *c, const PExpr *e) {
  SB b = {0};
  if (!e->len)
    return xstrdup("");
  /* lines keep their columns relative to the leftmost line of the
   * expression; a first line right of it is indented by the difference
   * (the translator's layout) */
  uint32_t col0 = e->data[0].col;
  for (size_t i = 1; i < e->len; i++)
    if (e->data[i].sp < 0 && e->data[i].col < col0)
      col0 = e->data[i].col;
  sb_spaces(&b, (int)(e->data[0].col - col0));
  for (size_t i = 0; i < e->len; i++) {
    const PTok *t = &e->data[i];
    if (i) {
      if (t->sp < 0) {
        sb_add(&b, "\n");
        /* the line structure is kept: a line that held only a comment
         * stays, empty */
        for (uint32_t l = e->data[i - 1].line + 1; l < t->line; l++)
          sb_add(&b, "\n");
        sb_spaces(&b, t->col > col0 ? (int)(t->col - col0) : 0);
      } else
        sb_spaces(&b, t->sp);
    }
    bool field = (i > 0 && e->data[i - 1].len == 1 && *e->data[i - 1].s == '.') ||
                 (i + 1 < e->len && e->data[i + 1].len == 3 &&
                  strncmp(e->data[i + 1].s, "|->", 3) == 0);
    if (t->kind == PT_ID && !field) {
      Sym s = tsym(t);
      if (!is_bound(c, s)) {
        int vi = var_index(c, s);
        if (vi >= 0) {
          var_ref(c, &b, vi, c->assigned && c->assigned[vi]);
          continue;
        }
        if (c->self && strcmp(c->self, "self") && t->len == 4 &&
            strncmp(t->s, "self", 4) == 0) {
          sb_add(&b, c->self_val ? c->self_val : c->self);
          continue;
        }
      }
    }
    sb_addn(&b, t->s, (size_t)t->len);
  }
  return pg_take(&b);
}

/* ---- statements ---- */

static void pc_assign(Ctx *c, Items *out, const char *target) {
  c->assigned[0] = true;
  if (c->omit_pc)
    return;
  char *x = c->self
                ? xsprintf("pc' = [pc EXCEPT ![%s] = %s]", c->self, target)
                : xsprintf("pc' = %s", target);
  VEC_PUSH(*out, x);
  c->assigned[0] = true;
}

/* `v' = v` or `UNCHANGED << ... >>` for the variables in `which`. */
static void unchanged_as(Ctx *c, Items *out, const bool *which, bool terse) {
  SB b = {0};
  int n = 0, last = -1;
  for (size_t i = c->omit_pc ? 1 : 0; i < c->vars.len; i++)
    if (which[i]) {
      sb_add(&b, n ? ", " : "");
      sb_add(&b, sym_str(c->vars.data[i].name));
      n++;
      last = (int)i;
    }
  /* one variable: `v' = v` for a short name, `UNCHANGED v` otherwise */
  if (n == 1 && strlen(b.data) > 5) {
    VEC_PUSH(*out, xsprintf("UNCHANGED %s", b.data));
  } else if (n == 1) {
    const char *v = sym_str(c->vars.data[last].name);
    VEC_PUSH(*out, xsprintf("%s' = %s", v, v));
  } else if (n > 1)
    VEC_PUSH(*out, xsprintf(terse ? "UNCHANGED <<%s>>" : "UNCHANGED << \x03%s >>",
                            b.data));
  free(b.data);
}

/* The translator writes an either's padding as `UNCHANGED <<x, y>>`. */
void pg_unchanged(Ctx *c, Items *out, const bool *which) {
  unchanged_as(c, out, which, false);
}

void pg_gen_list(Ctx *c, FList *l, Items *out);

static char *self_sub(Ctx *c) { return xsprintf("![%s]", c->self); }

/* Whether `v' = e` needs `(e)`: the translator's test, a character at
 * bracket depth 0 (outside strings) that may bind looser than `=`. */
bool pg_needs_parens(const PExpr *e) {
  int depth = 0;
  for (size_t i = 0; i < e->len; i++) {
    const PTok *t = &e->data[i];
    if (i && t->sp < 0)
      break; /* the translator looks at the first line only */
    if (t->kind != PT_OP)
      continue;
    const char *x = t->s;
    int n = t->len;
    if ((n == 1 && strchr("([{", *x)) || (n == 2 && !strncmp(x, "<<", 2))) {
      depth++;
      continue;
    }
    if ((n == 1 && strchr(")]}", *x)) || (n == 2 && !strncmp(x, ">>", 2))) {
      depth--;
      continue;
    }
    if (depth)
      continue;
    for (int k = 0; k < n; k++) {
      char ch = x[k], nx = k + 1 < n ? x[k + 1] : 0, pv = k ? x[k - 1] : 0;
      if (ch == '=' || ch == '#' || (ch == '<' && nx != '<') ||
          (ch == '>' && nx != '>' && pv != '=') ||
          (ch == '|' && (pv == '-' || nx == '-')) ||
          (ch == '\\' && nx && nx != 'o' && nx != 'X') || (ch == '/' && nx == '\\'))
        return true;
    }
  }
  return false;
}

/* The translator writes the conjuncts of one multiple assignment (and of
 * a call, which it makes one) ordered by the assigned variable's name,
 * byte by byte, those of one variable in their written order. */
static void sort_by_var(Items *parts, Sym *keys) {
  for (size_t i = 1; i < parts->len; i++)
    for (size_t j = i;
         j > 0 && strcmp(sym_str(keys[j - 1]), sym_str(keys[j])) > 0; j--) {
      char *t = parts->data[j];
      parts->data[j] = parts->data[j - 1];
      parts->data[j - 1] = t;
      Sym ks = keys[j];
      keys[j] = keys[j - 1];
      keys[j - 1] = ks;
    }
}

static void gen_assign(Ctx *c, PStmt *s, Items *out) {
  size_t nv = c->vars.len;
  bool *now = xcalloc(nv, 1);
  Items parts = {0};
  VEC(Sym) keys = {0};
  for (size_t i = 0; i < s->assigns.len; i++) {
    PAssign *a = &s->assigns.data[i];
    int vi = var_index(c, a->var);
    if (vi < 0) {
      gen_error(c->g, a->loc, "PlusCal: %s is not a variable that can be "
                              "assigned here", sym_str(a->var));
      return;
    }
    if (now[vi])
      continue; /* done with its first assignment */
    if (c->assigned[vi]) {
      gen_error(c->g, a->loc, "PlusCal: %s is assigned twice in one step "
                              "(a label is missing before this assignment)",
                sym_str(a->var));
      return;
    }
    now[vi] = true;
    Var *v = &c->vars.data[vi];
    const char *name = sym_str(v->name);
    /* in a multiprocess algorithm the translator takes pc and stack, when
     * assigned, for functions of self too: `stack[self][1].a := e` comes
     * out as `![self][self][1].a = e` (its StackTest keeps that quirk;
     * brink writes what the translator writes, which TLC's users run) */
    bool per_self =
        c->self &&
        (v->indexed || (c->multi && (v->kind == V_PC || v->kind == V_STACK)));
    bool plain = !a->sub.len && !per_self;
    if (plain) {
      char *r = pg_expr(c, &a->rhs);
      bool par = pg_needs_parens(&a->rhs);
      char *pre = xsprintf("%s' = %s", name, par ? "(" : "");
      char *x = pg_cat(pre, r);
      VEC_PUSH(parts, par ? xsprintf("%s)", x) : xstrdup(x));
      VEC_PUSH(keys, v->name);
      free(x);
      free(pre);
      free(r);
      continue;
    }
    /* all the assignments to v in this statement: one EXCEPT, one
     * update per line */
    SB b = {0}, ul = {0};
    sb_add(&b, name);
    sb_add(&b, "' = [");
    sb_add(&b, name);
    sb_add(&b, " EXCEPT ");
    bool firstu = true;
    for (size_t k = i; k < s->assigns.len; k++) {
      PAssign *x = &s->assigns.data[k];
      if (var_index(c, x->var) != vi)
        continue;
      if (!firstu)
        sb_add(&ul, ",\n");
      firstu = false;
      SB u = {0};
      if (per_self) {
        char *ss = self_sub(c);
        sb_add(&u, ss);
        free(ss);
      } else
        sb_add(&u, "!");
      char *sub = pg_expr(c, &x->sub);
      sb_add(&u, sub);
      sb_add(&u, " = ");
      free(sub);
      char *r = pg_expr(c, &x->rhs);
      char *ur = pg_cat(u.data, r);
      sb_add(&ul, ur);
      free(ur);
      free(r);
      free(u.data);
    }
    char *full = pg_cat(b.data, ul.data);
    free(b.data);
    free(ul.data);
    b.data = full;
    b.len = strlen(full);
    b.cap = b.len + 1;
    sb_add(&b, "]");
    VEC_PUSH(parts, pg_take(&b));
    VEC_PUSH(keys, v->name);
  }
  for (size_t i = 0; i < nv; i++)
    c->assigned[i] = c->assigned[i] || now[i];
  free(now);
  sort_by_var(&parts, keys.data);
  free(keys.data);
  if (parts.len == 1)
    VEC_PUSH(*out, parts.data[0]);
  else
    VEC_PUSH(*out, pg_junction(&parts, "/\\", false));
}

static void gen_leaf(Ctx *c, PStmt *s, Items *out) {
  char *e;
  switch (s->kind) {
  case PS_ASSIGN:
    gen_assign(c, s, out);
    return;
  case PS_AWAIT:
    VEC_PUSH(*out, pg_expr(c, &s->e));
    return;
  case PS_ASSERT: {
    e = pg_expr(c, &s->e);
    /* \x01 where the message may go to a line of its own, \x02 the column
     * it then starts at (pg_wrap_asserts) */
    char *from =
        s->macro_call.line
            ? xsprintf(" of macro called at line %u, column %u",
                       s->macro_call.line, pcal_visual_col(s->macro_call))
            : xstrdup("");
    char *tail = xsprintf(",\x01 \"Failure of assertion at line %u, column "
                          "%u%s.\")",
                          s->loc.line, pcal_visual_col(s->loc), from);
    free(from);
    char *x = pg_cat("Assert(\x02", e);
    VEC_PUSH(*out, xsprintf("%s%s", x, tail));
    free(x);
    free(tail);
    free(e);
    return;
  }
  case PS_PRINT:
    e = pg_expr(c, &s->e);
    VEC_PUSH(*out, pg_cat("PrintT(", e));
    VEC_LAST(*out) = xsprintf("%s)", VEC_LAST(*out));
    free(e);
    return;
  case PS_SKIP:
    VEC_PUSH(*out, xstrdup("TRUE"));
    return;
  default:
    return;
  }
}

static int find_proc(Ctx *c, Sym name) {
  for (size_t i = 0; i < c->g->a->procs.len; i++)
    if (c->g->a->procs.data[i].name == name)
      return (int)i;
  return -1;
}

const char *pg_init_value(Ctx *c, PBind *b, char **own) {
  if (b->has_init) {
    *own = pg_expr(c, &b->e);
    return *own;
  }
  c->needs_default = true;
  *own = NULL;
  return "defaultInitValue";
}

/* `v' = e` for a procedure's variable (indexed by self when multi). */
static char *proc_var_set(Ctx *c, Sym v, const char *e) {
  const char *n = sym_str(v);
  if (c->self)
    return xsprintf("%s' = [%s EXCEPT ![%s] = %s]", n, n, c->self, e);
  return xsprintf("%s' = %s", n, e);
}

static char *stk(Ctx *c) {
  return c->self ? xsprintf("stack[%s]", c->self) : xstrdup("stack");
}

/* A call or return assigns the procedure's variables and the stack: one
 * of them already assigned in the step means a missing label there (the
 * translator's error at the call or return). */
static bool frame_free(Ctx *c, PStmt *s, PProc *pr, const char *what) {
  int vi = var_index(c, sym_intern("stack"));
  Sym hit = vi >= 0 && c->assigned[vi] ? sym_intern("stack") : 0;
  for (int pass = 0; pass < 2 && !hit; pass++) {
    VEC(PBind) *vs = pass ? (void *)&pr->params : (void *)&pr->locals;
    for (size_t k = 0; k < vs->len && !hit; k++) {
      vi = var_index(c, vs->data[k].name);
      if (vi >= 0 && c->assigned[vi])
        hit = vs->data[k].name;
    }
  }
  if (!hit)
    return true;
  char *m = xsprintf("PlusCal: missing label before this %s (it assigns %s, "
                     "already assigned in this step)", what, sym_str(hit));
  gen_error(c->g, s->loc, "%s", m);
  free(m);
  return false;
}

static void gen_call(Ctx *c, FNode *n, Items *out) {
  PStmt *s = n->s;
  int pi = find_proc(c, s->target);
  if (pi < 0) {
    gen_error(c->g, s->loc, "PlusCal: call of an undefined procedure %s",
              sym_str(s->target));
    return;
  }
  PProc *pr = &c->g->a->procs.data[pi];
  if (s->args.len != pr->params.len) {
    gen_error(c->g, s->loc, "PlusCal: procedure %s called with the wrong "
                            "number of arguments", sym_str(pr->name));
    return;
  }
  /* `call P(..); return' in a procedure: P returns where the caller
   * would have; a call of itself pushes nothing, another procedure's
   * frame replaces the caller's (whose locals come back first) */
  if (n->tail && c->proc < 0) {
    gen_error(c->g, s->loc, "PlusCal: return outside a procedure%s", "");
    return;
  }
  bool self_tail = n->tail && c->proc == pi;
  if (!frame_free(c, s, pr, "call") ||
      (n->tail && !self_tail &&
       !frame_free(c, s, &c->g->a->procs.data[c->proc], "call")))
    return;
  if (n->target == sym_intern("Done"))
    c->g->done_used = true;
  Items first = {0};
  VEC(Sym) keys = {0};
  /* the arguments, evaluated in the caller */
  char **argv = xcalloc(pr->params.len + 1, sizeof *argv);
  for (size_t k = 0; k < pr->params.len; k++)
    argv[k] = pg_expr(c, &s->args.data[k]);
  int saved_proc = c->proc;
  /* the callee's variables, as the frame saves them */
  SB rec = {0};
  size_t w = strlen("procedure");
  PBind *fields[256];
  size_t nf = 0;
  for (size_t k = 0; k < pr->locals.len && nf < 256; k++)
    fields[nf++] = &pr->locals.data[k];
  for (size_t k = 0; k < pr->params.len && nf < 256; k++)
    fields[nf++] = &pr->params.data[k];
  /* the names are padded to the width of `procedure`, a longer one
   * followed by one blank (PcalTranslate.MakeNewStackTopExprPretty) */
  char *st = stk(c);
  char *rl = n->tail ? xsprintf("Head(%s).pc", st)
                     : xsprintf("\"%s\"", sym_str(n->target));
  if (n->tail && !self_tail) {
    PProc *me = &c->g->a->procs.data[c->proc];
    for (size_t k = 0; k < me->locals.len; k++) {
      Sym v = me->locals.data[k].name;
      char *e = xsprintf("Head(%s).%s", st, sym_str(v));
      VEC_PUSH(first, proc_var_set(c, v, e));
      VEC_PUSH(keys, v);
      free(e);
      c->assigned[var_index(c, v)] = true;
    }
  }
  SB f = {0};
  char *line = xsprintf("[ %-*s |->  \"%s\",\n  %-*s |->  %s", (int)w,
                        "procedure", sym_str(pr->name), (int)w, "pc", rl);
  sb_add(&rec, line);
  free(line);
  c->proc = pi;
  for (size_t k = 0; k < nf; k++) {
    int vi = var_index(c, fields[k]->name);
    SB r = {0};
    var_ref(c, &r, vi, false);
    line = xsprintf(",\n  %-*s |->  %s", (int)w, sym_str(fields[k]->name),
                    r.data);
    sb_add(&rec, line);
    free(line);
    free(r.data);
  }
  sb_add(&rec, " ]");
  for (size_t k = 0; k < pr->params.len; k++) {
    char *x = proc_var_set(c, pr->params.data[k].name, "");
    free(x);
    const char *n2 = sym_str(pr->params.data[k].name);
    /* uniprocess: `p' = (e)` as for an assignment */
    bool par = !c->self && pg_needs_parens(&s->args.data[k]);
    char *pre = c->self ? xsprintf("%s' = [%s EXCEPT ![%s] = ", n2, n2, c->self)
                        : xsprintf("%s' = %s", n2, par ? "(" : "");
    char *y = pg_cat(pre, argv[k]);
    VEC_PUSH(first, c->self ? xsprintf("%s]", y)
                    : par   ? xsprintf("%s)", y)
                            : xstrdup(y));
    VEC_PUSH(keys, pr->params.data[k].name);
    free(y);
    free(pre);
    c->assigned[var_index(c, pr->params.data[k].name)] = true;
  }
  char *tup = pg_cat("<< ", rec.data);
  char *push = n->tail ? xsprintf("%s >>\n \\o Tail(%s)", tup, st)
                       : xsprintf("%s >>\n \\o %s", tup, st);
  char *sv = c->self ? xsprintf("stack' = [stack EXCEPT ![%s] = ", c->self)
                     : xstrdup("stack' = ");
  char *sx = pg_cat(sv, push);
  if (!self_tail) {
    VEC_PUSH(first, c->self ? xsprintf("%s]", sx) : xstrdup(sx));
    VEC_PUSH(keys, sym_intern("stack"));
    c->assigned[var_index(c, sym_intern("stack"))] = true;
  }
  sort_by_var(&first, keys.data);
  free(keys.data);
  VEC_PUSH(*out, first.len == 1 ? first.data[0] : pg_junction(&first, "/\\", false));
  for (size_t k = 0; k < pr->locals.len; k++) {
    PBind *b = &pr->locals.data[k];
    char *own;
    const char *iv = pg_init_value(c, b, &own);
    if (b->in) {
      gen_error(c->g, b->loc, "PlusCal: a procedure variable declared with "
                              "\\in (%s) is not supported yet",
                sym_str(b->name));
      return;
    }
    if (!c->self && b->has_init && pg_needs_parens(&b->e)) {
      char *x = pg_cat("(", iv);
      free(own);
      iv = own = xsprintf("%s)", x);
      free(x);
    }
    VEC_PUSH(*out, proc_var_set(c, b->name, iv));
    c->assigned[var_index(c, b->name)] = true;
    free(own);
  }
  c->proc = saved_proc;
  PStmt *first_stmt = pr->body.len ? pr->body.data[0] : NULL;
  char *t = xsprintf("\"%s\"", first_stmt && first_stmt->label
                                   ? sym_str(first_stmt->label)
                                   : "?");
  pc_assign(c, out, t);
  free(t);
  free(st);
  free(tup);
  free(push);
  free(sv);
  free(sx);
  free(rl);
  free(f.data);
  free(rec.data);
}

static void gen_return(Ctx *c, PStmt *s, Items *out) {
  if (c->proc < 0) {
    gen_error(c->g, s->loc, "PlusCal: return outside a procedure%s", "");
    return;
  }
  if (!frame_free(c, s, &c->g->a->procs.data[c->proc], "return"))
    return;
  PProc *pr = &c->g->a->procs.data[c->proc];
  char *st = stk(c);
  char *h = xsprintf("Head(%s).pc", st);
  pc_assign(c, out, h);
  free(h);
  for (int pass = 0; pass < 2; pass++) {
    VEC(PBind) *vs = pass ? (void *)&pr->params : (void *)&pr->locals;
    for (size_t k = 0; k < vs->len; k++) {
      Sym v = vs->data[k].name;
      char *e = xsprintf("Head(%s).%s", st, sym_str(v));
      VEC_PUSH(*out, proc_var_set(c, v, e));
      free(e);
      c->assigned[var_index(c, v)] = true;
    }
  }
  char *t = xsprintf("Tail(%s)", st);
  VEC_PUSH(*out, proc_var_set(c, sym_intern("stack"), t));
  c->assigned[var_index(c, sym_intern("stack"))] = true;
  free(t);
  free(st);
}

static void gen_node(Ctx *c, FNode *n, Items *out) {
  size_t nv = c->vars.len;
  switch (n->k) {
  case F_LEAF:
    gen_leaf(c, n->s, out);
    return;
  case F_GOTO: {
    if (n->target == sym_intern("Done"))
      c->g->done_used = true;
    char *t = xsprintf("\"%s\"", sym_str(n->target));
    pc_assign(c, out, t);
    free(t);
    return;
  }
  case F_CALL:
    gen_call(c, n, out);
    return;
  case F_RETURN:
    gen_return(c, n->s, out);
    return;
  case F_WITH: {
    size_t mark = c->bound.len;
    char *head = NULL;
    SB hb = {0};
    int depth = 0;
    for (size_t k = 0; k < n->s->binds.len; k++) {
      PBind *b = &n->s->binds.data[k];
      char *e = pg_expr(c, &b->e);
      char *pre = b->in ? xsprintf("\\E %s \\in ", sym_str(b->name))
                        : xsprintf("LET %s == ", sym_str(b->name));
      char *x = pg_cat(pre, e);
      char *ln = xsprintf("%s%s", x, b->in ? ":" : " IN");
      char *ind = pg_cat("", ln);
      SB pad = {0};
      sb_spaces(&pad, depth);
      char *placed = pg_cat(pad.data ? pad.data : "", ind);
      if (k)
        sb_add(&hb, "\n");
      sb_add(&hb, placed);
      depth += 2;
      free(pad.data);
      free(placed);
      free(ind);
      free(ln);
      free(x);
      free(pre);
      free(e);
      VEC_PUSH(c->bound, b->name);
    }
    Items body = {0};
    pg_gen_list(c, &n->b[0], &body);
    c->bound.len = mark;
    if (!body.len)
      VEC_PUSH(body, xstrdup("TRUE"));
    char *j = pg_junction(&body, "/\\", true);
    SB pad = {0};
    sb_spaces(&pad, depth);
    char *placed = pg_cat(pad.data, j);
    sb_add(&hb, "\n");
    sb_add(&hb, placed);
    head = pg_take(&hb);
    VEC_PUSH(*out, head);
    free(placed);
    free(pad.data);
    free(j);
    return;
  }
  case F_IF:
  case F_EITHER: {
    bool *before = xmalloc(nv), *uni = xcalloc(nv, 1);
    memcpy(before, c->assigned, nv);
    bool **after = xcalloc(n->nb, sizeof *after);
    Items *bi = xcalloc(n->nb, sizeof *bi);
    char *cond = n->k == F_IF ? pg_expr(c, &n->s->e) : NULL;
    for (size_t k = 0; k < n->nb; k++) {
      memcpy(c->assigned, before, nv);
      pg_gen_list(c, &n->b[k], &bi[k]);
      after[k] = xmalloc(nv);
      memcpy(after[k], c->assigned, nv);
      for (size_t i = 0; i < nv; i++)
        uni[i] = uni[i] || c->assigned[i];
    }
    SB b = {0};
    for (size_t k = 0; k < n->nb; k++) {
      bool *miss = xcalloc(nv, 1);
      for (size_t i = 0; i < nv; i++)
        miss[i] = uni[i] && !after[k][i];
      if (!bi[k].len)
        VEC_PUSH(bi[k], xstrdup("TRUE"));
      unchanged_as(c, &bi[k], miss, n->k == F_EITHER);
      free(miss);
      char *j = pg_junction(&bi[k], "/\\", false);
      char *x;
      if (n->k == F_IF) {
        if (k == 0) {
          char *ci = pg_cat("IF ", cond);
          sb_add(&b, ci);
          free(ci);
        }
        x = pg_cat(k == 0 ? "   THEN " : "   ELSE ", j);
      } else
        x = pg_cat("\\/ ", j);
      if (k || n->k == F_IF)
        sb_add(&b, "\n");
      sb_add(&b, x);
      free(x);
      free(j);
    }
    memcpy(c->assigned, uni, nv);
    VEC_PUSH(*out, pg_take(&b));
    free(cond);
    free(before);
    free(uni);
    return;
  }
  }
}

void pg_gen_list(Ctx *c, FList *l, Items *out) {
  for (size_t i = 0; i < l->len && !c->g->err; i++)
    gen_node(c, l->data[i], out);
}

