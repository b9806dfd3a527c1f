/* pcal_gen.c -- writes the TLA+ translation of an algorithm.
 *
 * The output has the shape of the PlusCal translator's (version 1.8
 * semantics): VARIABLES (pc, the globals, stack, then the procedures' and
 * processes' variables, with the define block between the two groups),
 * vars, ProcSet, Init, one action per label, one per procedure and
 * process, Terminating, Next, Spec with the fairness asked for, and
 * Termination.
 *
 * Text is built as "items": strings whose later lines are indented
 * relative to the item's first column, so that an item can be placed after
 * any prefix (`/\ `, `THEN `, `x' = `) by indenting its later lines by the
 * prefix's width.  Expressions are re-emitted from their tokens with their
 * line structure kept relative to their first token; an identifier that
 * names a variable becomes `v'` when the step has already assigned v and
 * `v[self]` when v is a procedure's or an `\in` process's variable. */
#include <string.h>

#include "pcal_gen.h"

typedef VEC(char) SB;
typedef VEC(char *) Items;

static void sb_add(SB *b, const char *s) {
  size_t n = strlen(s);
  VEC_RESERVE(*b, b->len + n + 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
static void sb_addn(SB *b, const char *s, size_t n) {
  VEC_RESERVE(*b, b->len + n + 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
static void sb_spaces(SB *b, int n) {
  for (int i = 0; i < n; i++)
    sb_add(b, " ");
}
static char *sb_take(SB *b) {
  if (!b->data)
    return xstrdup("");
  return b->data;
}

/* item placed after `prefix` (one line): later lines shifted. */
static char *cat(const char *prefix, const char *item) {
  SB b = {0};
  sb_add(&b, prefix);
  const char *nl = strrchr(prefix, '\n');
  int w = 0; /* the prefix's last line, without the layout markers */
  for (const char *q = nl ? nl + 1 : prefix; *q; q++)
    w += *q != '\x01' && *q != '\x02' && *q != '\x03';
  for (const char *p = item; *p; p++) {
    sb_addn(&b, p, 1);
    if (*p == '\n')
      sb_spaces(&b, w);
  }
  return sb_take(&b);
}

/* `/\ i1 \n/\ i2 ...`; one item stays bare when `bare1`. */
static char *junction(const Items *it, const char *op, bool bare1) {
  if (it->len == 1 && bare1)
    return xstrdup(it->data[0]);
  SB b = {0};
  for (size_t i = 0; i < it->len; i++) {
    if (i)
      sb_add(&b, "\n");
    char *pre = xsprintf("%s ", op);
    char *x = cat(pre, it->data[i]);
    sb_add(&b, x);
    free(x);
    free(pre);
  }
  return sb_take(&b);
}

/* ---- variables ---- */

typedef enum { V_PC, V_GLOBAL, V_STACK, V_PARAM, V_PLOCAL, V_LOCAL } VKind;

typedef struct Var {
  Sym name;
  VKind kind;
  int owner;    /* procedure (PARAM, PLOCAL) or process (LOCAL) index */
  bool indexed; /* a function of self */
  PBind *bind;
} Var;

typedef struct Ctx {
  Gen *g;
  VEC(Var) vars; /* in the order of `vars` */
  int proc, process; /* the body being translated (-1: none) */
  const char *self;  /* "self", an `=` process's id, or NULL */
  bool *assigned;    /* per variable, in this step */
  VEC(Sym) bound;    /* names bound by enclosing withs */
  bool multi;
  bool needs_default;
  bool omit_pc; /* every process a lone unlabeled `while TRUE` loop */
} Ctx;

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
    if ((v->kind == V_PARAM || v->kind == V_PLOCAL) && v->owner != c->proc)
      continue;
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

static char *expr_str(Ctx *c, const PExpr *e) {
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
          sb_add(&b, c->self);
          continue;
        }
      }
    }
    sb_addn(&b, t->s, (size_t)t->len);
  }
  return sb_take(&b);
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
static void unchanged(Ctx *c, Items *out, const bool *which) {
  unchanged_as(c, out, which, false);
}

static void gen_list(Ctx *c, FList *l, Items *out);

static char *self_sub(Ctx *c) { return xsprintf("![%s]", c->self); }

/* Whether `v' = e` needs `(e)`: the translator's test, a character at
 * bracket depth 0 (outside strings) that may bind looser than `=`. */
static bool needs_parens(const PExpr *e) {
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

static void gen_assign(Ctx *c, PStmt *s, Items *out) {
  size_t nv = c->vars.len;
  bool *now = xcalloc(nv, 1);
  Items parts = {0};
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
    bool plain = !a->sub.len && !(v->indexed && c->self);
    if (plain) {
      char *r = expr_str(c, &a->rhs);
      bool par = needs_parens(&a->rhs);
      char *pre = xsprintf("%s' = %s", name, par ? "(" : "");
      char *x = cat(pre, r);
      VEC_PUSH(parts, par ? xsprintf("%s)", x) : xstrdup(x));
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
      if (v->indexed && c->self) {
        char *ss = self_sub(c);
        sb_add(&u, ss);
        free(ss);
      } else
        sb_add(&u, "!");
      char *sub = expr_str(c, &x->sub);
      sb_add(&u, sub);
      sb_add(&u, " = ");
      free(sub);
      char *r = expr_str(c, &x->rhs);
      char *ur = cat(u.data, r);
      sb_add(&ul, ur);
      free(ur);
      free(r);
      free(u.data);
    }
    char *full = cat(b.data, ul.data);
    free(b.data);
    free(ul.data);
    b.data = full;
    b.len = strlen(full);
    b.cap = b.len + 1;
    sb_add(&b, "]");
    VEC_PUSH(parts, sb_take(&b));
  }
  for (size_t i = 0; i < nv; i++)
    c->assigned[i] = c->assigned[i] || now[i];
  free(now);
  if (parts.len == 1)
    VEC_PUSH(*out, parts.data[0]);
  else
    VEC_PUSH(*out, junction(&parts, "/\\", false));
}

static void gen_leaf(Ctx *c, PStmt *s, Items *out) {
  char *e;
  switch (s->kind) {
  case PS_ASSIGN:
    gen_assign(c, s, out);
    return;
  case PS_AWAIT:
    VEC_PUSH(*out, expr_str(c, &s->e));
    return;
  case PS_ASSERT: {
    e = expr_str(c, &s->e);
    /* \x01 where the message may go to a line of its own, \x02 the column
     * it then starts at (wrap_asserts) */
    char *tail = xsprintf(",\x01 \"Failure of assertion at line %u, column "
                          "%u.\")",
                          s->loc.line, s->loc.col);
    char *x = cat("Assert(\x02", e);
    VEC_PUSH(*out, xsprintf("%s%s", x, tail));
    free(x);
    free(tail);
    free(e);
    return;
  }
  case PS_PRINT:
    e = expr_str(c, &s->e);
    VEC_PUSH(*out, cat("PrintT(", e));
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

static const char *init_or_default(Ctx *c, PBind *b, char **own) {
  if (b->has_init) {
    *own = expr_str(c, &b->e);
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
  if (n->target == sym_intern("Done"))
    c->g->done_used = true;
  Items first = {0};
  /* the arguments, evaluated in the caller */
  char **argv = xcalloc(pr->params.len + 1, sizeof *argv);
  for (size_t k = 0; k < pr->params.len; k++)
    argv[k] = expr_str(c, &s->args.data[k]);
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
  for (size_t k = 0; k < nf; k++)
    if (strlen(sym_str(fields[k]->name)) > w)
      w = strlen(sym_str(fields[k]->name));
  char *st = stk(c);
  char *rl = n->tail ? xsprintf("Head(%s).pc", st)
                     : xsprintf("\"%s\"", sym_str(n->target));
  if (n->tail && !self_tail) {
    PProc *me = &c->g->a->procs.data[c->proc];
    for (size_t k = 0; k < me->locals.len; k++) {
      Sym v = me->locals.data[k].name;
      char *e = xsprintf("Head(%s).%s", st, sym_str(v));
      VEC_PUSH(first, proc_var_set(c, v, e));
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
    char *pre = c->self ? xsprintf("%s' = [%s EXCEPT ![%s] = ", n2, n2, c->self)
                        : xsprintf("%s' = ", n2);
    char *y = cat(pre, argv[k]);
    VEC_PUSH(first, c->self ? xsprintf("%s]", y) : xstrdup(y));
    free(y);
    free(pre);
    c->assigned[var_index(c, pr->params.data[k].name)] = true;
  }
  char *tup = cat("<< ", rec.data);
  char *push = n->tail ? xsprintf("%s >>\n \\o Tail(%s)", tup, st)
                       : xsprintf("%s >>\n \\o %s", tup, st);
  char *sv = c->self ? xsprintf("stack' = [stack EXCEPT ![%s] = ", c->self)
                     : xstrdup("stack' = ");
  char *sx = cat(sv, push);
  if (!self_tail) {
    VEC_PUSH(first, c->self ? xsprintf("%s]", sx) : xstrdup(sx));
    c->assigned[var_index(c, sym_intern("stack"))] = true;
  }
  VEC_PUSH(*out, first.len == 1 ? first.data[0] : junction(&first, "/\\", false));
  for (size_t k = 0; k < pr->locals.len; k++) {
    PBind *b = &pr->locals.data[k];
    char *own;
    const char *iv = init_or_default(c, b, &own);
    if (b->in) {
      gen_error(c->g, b->loc, "PlusCal: a procedure variable declared with "
                              "\\in (%s) is not supported yet",
                sym_str(b->name));
      return;
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
      char *e = expr_str(c, &b->e);
      char *pre = b->in ? xsprintf("\\E %s \\in ", sym_str(b->name))
                        : xsprintf("LET %s == ", sym_str(b->name));
      char *x = cat(pre, e);
      char *ln = xsprintf("%s%s", x, b->in ? ":" : " IN");
      char *ind = cat("", ln);
      SB pad = {0};
      sb_spaces(&pad, depth);
      char *placed = cat(pad.data ? pad.data : "", ind);
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
    gen_list(c, &n->b[0], &body);
    c->bound.len = mark;
    if (!body.len)
      VEC_PUSH(body, xstrdup("TRUE"));
    char *j = junction(&body, "/\\", true);
    SB pad = {0};
    sb_spaces(&pad, depth);
    char *placed = cat(pad.data, j);
    sb_add(&hb, "\n");
    sb_add(&hb, placed);
    head = sb_take(&hb);
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
    char *cond = n->k == F_IF ? expr_str(c, &n->s->e) : NULL;
    for (size_t k = 0; k < n->nb; k++) {
      memcpy(c->assigned, before, nv);
      gen_list(c, &n->b[k], &bi[k]);
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
      char *j = junction(&bi[k], "/\\", false);
      char *x;
      if (n->k == F_IF) {
        if (k == 0) {
          char *ci = cat("IF ", cond);
          sb_add(&b, ci);
          free(ci);
        }
        x = cat(k == 0 ? "   THEN " : "   ELSE ", j);
      } else
        x = cat("\\/ ", j);
      if (k || n->k == F_IF)
        sb_add(&b, "\n");
      sb_add(&b, x);
      free(x);
      free(j);
    }
    memcpy(c->assigned, uni, nv);
    VEC_PUSH(*out, sb_take(&b));
    free(cond);
    free(before);
    free(uni);
    return;
  }
  }
}

static void gen_list(Ctx *c, FList *l, Items *out) {
  for (size_t i = 0; i < l->len && !c->g->err; i++)
    gen_node(c, l->data[i], out);
}

/* An assertion's message goes on a line of its own, under the asserted
 * expression, when the line would reach column 78 (the translator's
 * rule); the markers of gen_leaf go. */
static char *wrap_asserts(const char *t) {
  SB b = {0};
  while (*t) {
    const char *nl = strchr(t, '\n');
    size_t n = nl ? (size_t)(nl - t + 1) : strlen(t);
    const char *m1 = memchr(t, '\x01', n), *m2 = memchr(t, '\x02', n);
    if (!m1) {
      for (size_t i = 0; i < n; i++)
        if (t[i] != '\x02')
          sb_addn(&b, t + i, 1);
      t += n;
      continue;
    }
    size_t len = n - (nl ? 1 : 0) - 1 - (m2 ? 1 : 0);
    if (len < 78) {
      for (size_t i = 0; i < n; i++)
        if (t[i] != '\x01' && t[i] != '\x02')
          sb_addn(&b, t + i, 1);
    } else {
      int here = m2 && m2 < m1 ? (int)(m2 - t) : 0;
      for (const char *q = t; q < m1; q++)
        if (*q != '\x02')
          sb_addn(&b, q, 1);
      sb_add(&b, " \n");
      sb_spaces(&b, here);
      const char *rest = m1 + 2; /* the marker and its blank */
      sb_addn(&b, rest, (size_t)(t + n - rest));
    }
    t += n;
  }
  return sb_take(&b);
}

/* An UNCHANGED list (marked \x03) is wrapped as the translator wraps it:
 * names fill lines to column 78 - 13, later lines under the first name. */
static char *wrap_unchanged(const char *t) {
  SB b = {0};
  while (*t) {
    const char *nl = strchr(t, '\n');
    size_t n = nl ? (size_t)(nl - t + 1) : strlen(t);
    const char *m = memchr(t, '\x03', n);
    if (!m) {
      sb_addn(&b, t, n);
      t += n;
      continue;
    }
    int here = (int)(m - t), ch = 65 - (here - 13);
    sb_addn(&b, t, (size_t)(m - t));
    const char *end = strstr(m, " >>");
    SB cur = {0};
    bool have = false;
    for (const char *q = m + 1; q < end;) {
      const char *c = strstr(q, ", ");
      if (!c || c > end)
        c = end;
      if (have)
        sb_add(&cur, ", ");
      have = true;
      if ((int)(cur.len + (size_t)(c - q)) > ch) {
        if (cur.len) {
          sb_add(&b, cur.data);
          sb_add(&b, "\n");
          sb_spaces(&b, here);
        }
        cur.len = 0;
      }
      sb_addn(&cur, q, (size_t)(c - q));
      q = c < end ? c + 2 : end;
    }
    if (cur.len)
      sb_add(&b, cur.data);
    free(cur.data);
    sb_addn(&b, end, (size_t)(t + n - end));
    t += n;
  }
  return sb_take(&b);
}

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
    char *x = xsprintf("(\\E self \\in %s: %s(self))", ids[p],
                       sym_str(pr->name));
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
  gen_list(c, &st->body, &it);
  bool *rest = xcalloc(nv, 1);
  for (size_t i = 0; i < nv; i++)
    rest[i] = !c->assigned[i];
  unchanged(c, &it, rest);
  free(rest);
  char *j = junction(&it, "/\\", c->omit_pc);
  char *pre = xsprintf("%s%s == ", l, suffix);
  char *d = cat(pre, j);
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
    char *x_ = cat("        ", s_);                                            \
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
    const char *e = init_or_default(c, g, &own);
    char *pre = xsprintf("/\\ %s %s ", sym_str(g->name), g->in ? "\\in" : "=");
    LINE(cat(pre, e));
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
        const char *e = init_or_default(c, v, &own);
        char *pre = c->multi ? xsprintf("/\\ %s = [ self \\in ProcSet |-> ",
                                        sym_str(v->name))
                             : xsprintf("/\\ %s %s ", sym_str(v->name),
                                        v->in ? "\\in" : "=");
        char *x = cat(pre, e);
        LINE(c->multi ? xsprintf("%s]", x) : xstrdup(x));
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
    char *id = expr_str(c, &pr->id);
    c->self = pr->in ? "self" : id;
    LINE(xsprintf("(* Process %s *)", sym_str(pr->name)));
    for (size_t k = 0; k < pr->locals.len; k++) {
      PBind *v = &pr->locals.data[k];
      char *own;
      const char *e = init_or_default(c, v, &own);
      char *x;
      if (!pr->in) {
        char *pre = xsprintf("/\\ %s %s ", sym_str(v->name),
                             v->in ? "\\in" : "=");
        x = cat(pre, e);
        free(pre);
      } else if (v->in) {
        char *pre = xsprintf("/\\ %s \\in [%s -> ", sym_str(v->name), id);
        char *y = cat(pre, e);
        x = xsprintf("%s]", y);
        free(y);
        free(pre);
      } else {
        char *pre = xsprintf("/\\ %s = [self \\in %s |-> ", sym_str(v->name),
                             id);
        char *y = cat(pre, e);
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
      char *id = expr_str(c, &pr->id);
      char *l = xsprintf("%sself %s %s -> \"%s\"", p ? "\n[] " : "CASE ",
                         pr->in ? "\\in" : "=", id,
                         sym_str(pr->body.data[0]->label));
      sb_add(&cs, l);
      free(l);
      free(id);
    }
    char *x = cat("/\\ pc = [self \\in ProcSet |-> ", cs.data);
    /* the CASE arms line up under CASE + 2 */
    SB fixed = {0};
    for (const char *q = x; *q; q++) {
      sb_addn(&fixed, q, 1);
      if (*q == '\n')
        sb_spaces(&fixed, 2);
    }
    sb_add(&fixed, "]");
    LINE(sb_take(&fixed));
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

/* Labels are global in the translation: a label that several bodies
 * define is renamed (L_) in every body but the last, as the translator
 * renames it, gotos included; each renaming is noted in a comment. */
typedef struct Body {
  PStmts *b;
  const char *kind, *name;
} Body;

static void labels_of(PStmts *b, Sym *out, size_t *n, size_t cap) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label && *n < cap)
      out[(*n)++] = s->label;
    labels_of(&s->body, out, n, cap);
    labels_of(&s->els, out, n, cap);
    for (size_t k = 0; k < s->ors.len; k++)
      labels_of(&s->ors.data[k], out, n, cap);
  }
}

static void rename_label(PStmts *b, Sym from, Sym to, SB *notes,
                         const Body *where) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label == from) {
      char *x = xsprintf("\\* Label %s of %s %s at line %u col %u changed to "
                         "%s\n",
                         sym_str(from), where->kind, where->name,
                         s->loc.line, s->loc.col, sym_str(to));
      sb_add(notes, x);
      free(x);
      s->label = to;
    }
    if (s->kind == PS_GOTO && s->target == from)
      s->target = to;
    rename_label(&s->body, from, to, notes, where);
    rename_label(&s->els, from, to, notes, where);
    for (size_t k = 0; k < s->ors.len; k++)
      rename_label(&s->ors.data[k], from, to, notes, where);
  }
}

static void rename_duplicates(PAlg *a, SB *notes) {
  VEC(Body) bodies = {0};
  for (size_t p = 0; p < a->procs.len; p++) {
    Body b = {&a->procs.data[p].body, "procedure",
              sym_str(a->procs.data[p].name)};
    VEC_PUSH(bodies, b);
  }
  for (size_t p = 0; p < a->procs_p.len; p++) {
    Body b = {&a->procs_p.data[p].body, "process",
              sym_str(a->procs_p.data[p].name)};
    VEC_PUSH(bodies, b);
  }
  enum { CAP = 4096 };
  Sym *mine = xcalloc(CAP, sizeof *mine), *later = xcalloc(CAP, sizeof *later);
  for (size_t i = 0; i < bodies.len; i++) {
    size_t n = 0, m = 0;
    labels_of(bodies.data[i].b, mine, &n, CAP);
    for (size_t j = i + 1; j < bodies.len; j++)
      labels_of(bodies.data[j].b, later, &m, CAP);
    for (size_t k = 0; k < n; k++)
      for (size_t l = 0; l < m; l++)
        if (mine[k] == later[l]) {
          char *to = xsprintf("%s_", sym_str(mine[k]));
          rename_label(bodies.data[i].b, mine[k], sym_intern(to), notes,
                       &bodies.data[i]);
          free(to);
          break;
        }
  }
  free(mine);
  free(later);
  VEC_FREE(bodies);
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
  SB notes = {0};
  rename_duplicates(a, &notes);
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
      char *d = expr_str(&c, &a->defs);
      sb_add(&hdr, "\n(* define statement *)\n");
      sb_add(&hdr, d);
      sb_add(&hdr, "\n\n");
      free(d);
    }
    if (hi <= lo)
      continue;
    sb_add(&hdr, hi - lo == 1 ? "VARIABLE " : "VARIABLES ");
    for (size_t i = lo; i < hi; i++) {
      sb_add(&hdr, i > lo ? ", " : "");
      sb_add(&hdr, sym_str(c.vars.data[i].name));
    }
    sb_add(&hdr, "\n");
  }
  sb_add(&hdr, "\nvars == << ");
  for (size_t i = v0; i < c.vars.len; i++) {
    sb_add(&hdr, i > v0 ? ", " : "");
    sb_add(&hdr, sym_str(c.vars.data[i].name));
  }
  sb_add(&hdr, " >>\n\n");
  if (c.multi) {
    sb_add(&hdr, "ProcSet == ");
    for (size_t p = 0; p < a->procs_p.len; p++) {
      char *id = expr_str(&c, &a->procs_p.data[p].id);
      char *x = a->procs_p.data[p].in ? xsprintf("%s(%s)", p ? " \\cup " : "", id)
                                      : xsprintf("%s{%s}", p ? " \\cup " : "", id);
      sb_add(&hdr, x);
      free(x);
      free(id);
    }
    sb_add(&hdr, "\n\n");
  }
  /* actions */
  Sym done = sym_intern("Done"), error = sym_intern("Error");
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
    ids[p] = expr_str(&c, &pr->id);
    if (pr->in)
      c.self = "self";
    else
      c.self = pr->id.len == 1 ? ids[p] : xsprintf("(%s)", ids[p]);
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
        char *j = junction(&lines, "/\\", false);
        char *x = cat(pre, j);
        sb_add(&fb, x);
        free(x);
        free(j);
      }
      free(pre);
      VEC_PUSH(fair, sb_take(&fb));
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
      char *x = cat("\n        /\\ ", fair.data[i]);
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
  if (notes.len)
    sb_add(&all, notes.data);
  free(notes.data);
  if (c.needs_default)
    sb_add(&all, "CONSTANT defaultInitValue\n");
  sb_add(&all, hdr.data);
  sb_add(&all, body.data);
  if (needs_default)
    *needs_default = c.needs_default;
  char *text = wrap_asserts(all.data);
  free(all.data);
  char *w = wrap_unchanged(text);
  free(text);
  return w;
}
