/* pcal_names.c -- the algorithm's names, as the translator's symbol table
 * keeps them.
 *
 * Every name the translation defines goes into one table with its kind,
 * its context (the process or procedure it belongs to, 0 for the
 * algorithm) and where it is written: pc and stack first, then the
 * globals, each procedure (its name, variables, parameters, labels), each
 * process (its name, variables, labels), or the uniprocess body's labels.
 * A name the table already holds is an error: a second process, procedure
 * or global of one name; a process's or procedure's variable with a
 * global's name or another name of its own context.  (A label defined
 * twice in one body is reported where bodies are cut into steps.)
 *
 * The translation is one TLA+ module, so names of different kinds that
 * are spelled alike must part: kinds are taken in the order global,
 * label, procedure, process, process variable, procedure variable,
 * parameter; a name still spelled as another gets `_`, then its context's
 * letters one by one, then its kind's number, until it is unique.  Globals
 * keep their names.  The renamings are made in the syntax tree (labels and
 * their gotos, process and procedure names, variables and every
 * identifier of their context's expressions) and each is noted in a
 * comment line, as the translator notes it.  A procedure renamed this way
 * would no longer be found by its calls (the translator fails there):
 * that is an error here, at the procedure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcal.h"
#include "pcal_gen.h"

typedef enum {
  N_GLOBAL, N_LABEL, N_PROCEDURE, N_PROCESS, N_PROCESSVAR, N_PROCEDUREVAR,
  N_PARAM, N_KINDS
} NKind;

static const char *const kind_note[N_KINDS] = {
    "Global variable", "Label", "Procedure", "Process", "Process variable",
    "Procedure variable", "Parameter"};
static const char *const kind_text[N_KINDS] = {
    "global variable", "label", "procedure", "process", "process variable",
    "procedure variable", "parameter"};

typedef struct Name {
  NKind kind;
  Sym id, ctx;       /* ctx 0: the algorithm */
  const char *ctype; /* "process", "procedure" or "" */
  Loc loc;
  Sym use;           /* the name in the translation */
} Name;

typedef struct Table {
  VEC(Name) n;
  bool err;
} Table;

static Name *find(Table *t, int kind, Sym id, Sym ctx) {
  for (size_t i = 0; i < t->n.len; i++) {
    Name *e = &t->n.data[i];
    if (e->id == id && e->ctx == ctx && (kind < 0 || (int)e->kind == kind))
      return e;
  }
  return NULL;
}

/* Adds a name; a clash is a located error (none for labels, see above). */
static void insert(Table *t, NKind k, Sym id, Sym ctx, const char *ctype,
                   Loc loc) {
  bool var = k == N_PROCESSVAR || k == N_PROCEDUREVAR || k == N_PARAM;
  Name *old = var ? find(t, N_GLOBAL, id, 0) : NULL;
  if (!old)
    old = find(t, var ? -1 : (int)k, id, ctx);
  if (old) {
    if (k == N_LABEL)
      return;
    t->err = true;
    if (old->kind == k)
      diag_error(loc, "PlusCal: %s %s defined twice", kind_text[k],
                 sym_str(id));
    else if (old->kind == N_GLOBAL)
      diag_error(loc, "PlusCal: %s %s has the name of a global variable",
                 kind_text[k], sym_str(id));
    else
      diag_error(loc, "PlusCal: %s %s has the name of a %s of %s %s",
                 kind_text[k], sym_str(id), kind_text[old->kind], ctype,
                 sym_str(ctx));
    return;
  }
  Name e = {k, id, ctx, ctype, loc, id};
  VEC_PUSH(t->n, e);
}

static void labels(Table *t, PStmts *b, Sym ctx, const char *ctype) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label)
      insert(t, N_LABEL, s->label, ctx, ctype, s->loc);
    labels(t, &s->body, ctx, ctype);
    labels(t, &s->els, ctx, ctype);
    for (size_t k = 0; k < s->ors.len; k++)
      labels(t, &s->ors.data[k], ctx, ctype);
  }
}

static bool ambiguous(const Table *t, Sym use) {
  int n = 0;
  for (size_t i = 0; i < t->n.len; i++)
    n += t->n.data[i].use == use;
  return n > 1;
}

/* The translator's renaming, kind by kind; notes gets a line for each. */
static void disambiguate(Table *t, SB *notes) {
  for (int k = 0; k < N_KINDS; k++)
    for (size_t i = 0; i < t->n.len; i++) {
      Name *e = &t->n.data[i];
      if ((int)e->kind != k)
        continue;
      SB b = {0};
      sb_add(&b, sym_str(e->id));
      const char *ctx = e->ctx ? sym_str(e->ctx) : "";
      size_t n = 0;
      while (k > 0 && ambiguous(t, e->use)) {
        n++;
        char more[16] = "_";
        if (n > strlen(ctx) + 1)
          snprintf(more, sizeof more, "%d", k);
        else if (n > 1)
          snprintf(more, sizeof more, "%c", ctx[n - 2]);
        sb_add(&b, more);
        e->use = sym_intern(b.data);
      }
      free(b.data);
      if (e->use == e->id)
        continue;
      char *x = xsprintf("\\* %s %s%s%s%s%s at line %u col %u changed to "
                         "%s\n",
                         kind_note[k], sym_str(e->id), *ctx ? " of " : "",
                         *ctx ? e->ctype : "", *ctx ? " " : "", ctx,
                         e->loc.line, pcal_visual_col(e->loc), sym_str(e->use));
      sb_add(notes, x);
      free(x);
    }
}

/* ---- renaming in the tree ---- */

static Sym use_of(Table *t, int kind, Sym id, Sym ctx) {
  Name *e = find(t, kind, id, ctx);
  return e ? e->use : id;
}

/* An identifier of an expression in context ctx: the variable of that
 * context it names, renamed (the translator's rule looks at the first
 * name of the context spelled so, of any kind). */
static void fix_expr(Table *t, PExpr *e, Sym ctx) {
  for (size_t i = 0; i < e->len; i++) {
    PTok *k = &e->data[i];
    if (k->kind != PT_ID)
      continue;
    Sym id = sym_intern_n(k->s, (size_t)k->len);
    Name *n = find(t, -1, id, ctx);
    if (!n || n->use == id ||
        !(n->kind == N_PROCESSVAR || n->kind == N_PROCEDUREVAR ||
          n->kind == N_PARAM))
      continue;
    k->s = sym_str(n->use);
    k->len = (int)strlen(k->s);
  }
}

static Sym fix_var(Table *t, Sym id, Sym ctx) {
  Name *n = find(t, -1, id, ctx);
  return n && (n->kind == N_PROCESSVAR || n->kind == N_PROCEDUREVAR ||
               n->kind == N_PARAM)
             ? n->use
             : id;
}

static void fix_body(Table *t, PStmts *b, Sym ctx) {
  for (size_t i = 0; i < b->len; i++) {
    PStmt *s = b->data[i];
    if (s->label)
      s->label = use_of(t, N_LABEL, s->label, ctx);
    if (s->kind == PS_GOTO)
      s->target = use_of(t, N_LABEL, s->target, ctx);
    fix_expr(t, &s->e, ctx);
    for (size_t k = 0; k < s->assigns.len; k++) {
      PAssign *a = &s->assigns.data[k];
      a->var = fix_var(t, a->var, ctx);
      fix_expr(t, &a->sub, ctx);
      fix_expr(t, &a->rhs, ctx);
    }
    for (size_t k = 0; k < s->binds.len; k++)
      fix_expr(t, &s->binds.data[k].e, ctx);
    for (size_t k = 0; k < s->args.len; k++)
      fix_expr(t, &s->args.data[k], ctx);
    fix_body(t, &s->body, ctx);
    fix_body(t, &s->els, ctx);
    for (size_t k = 0; k < s->ors.len; k++)
      fix_body(t, &s->ors.data[k], ctx);
  }
}

static void fix_decls(Table *t, PBind *b, size_t n, Sym ctx) {
  for (size_t i = 0; i < n; i++) {
    b[i].name = fix_var(t, b[i].name, ctx);
    fix_expr(t, &b[i].e, ctx);
  }
}

bool pcal_names(PAlg *a, char **notes) {
  Table t = {0};
  *notes = NULL;
  insert(&t, N_GLOBAL, sym_intern("pc"), 0, "", (Loc){0});
  if (a->procs.len)
    insert(&t, N_GLOBAL, sym_intern("stack"), 0, "", (Loc){0});
  for (size_t i = 0; i < a->globals.len; i++)
    insert(&t, N_GLOBAL, a->globals.data[i].name, 0, "process",
           a->globals.data[i].loc);
  for (size_t p = 0; p < a->procs.len; p++) {
    PProc *pr = &a->procs.data[p];
    insert(&t, N_PROCEDURE, pr->name, 0, "procedure", pr->kw);
    for (size_t k = 0; k < pr->locals.len; k++)
      insert(&t, N_PROCEDUREVAR, pr->locals.data[k].name, pr->name,
             "procedure", pr->locals.data[k].loc);
    for (size_t k = 0; k < pr->params.len; k++)
      insert(&t, N_PARAM, pr->params.data[k].name, pr->name, "procedure",
             pr->params.data[k].loc);
    labels(&t, &pr->body, pr->name, "procedure");
  }
  for (size_t p = 0; p < a->procs_p.len; p++) {
    PProcess *pr = &a->procs_p.data[p];
    insert(&t, N_PROCESS, pr->name, 0, "process", pr->kw);
    for (size_t k = 0; k < pr->locals.len; k++)
      insert(&t, N_PROCESSVAR, pr->locals.data[k].name, pr->name, "process",
             pr->locals.data[k].loc);
    labels(&t, &pr->body, pr->name, "process");
  }
  if (!a->procs_p.len)
    labels(&t, &a->body, 0, "");
  /* defaultInitValue is a name of its own when a variable needs it */
  bool uninit = false;
  for (size_t i = 0; i < a->globals.len; i++)
    uninit = uninit || !a->globals.data[i].has_init;
  for (size_t p = 0; p < a->procs.len; p++) {
    for (size_t k = 0; k < a->procs.data[p].params.len; k++)
      uninit = uninit || !a->procs.data[p].params.data[k].has_init;
    for (size_t k = 0; k < a->procs.data[p].locals.len; k++)
      uninit = uninit || !a->procs.data[p].locals.data[k].has_init;
  }
  for (size_t p = 0; p < a->procs_p.len; p++)
    for (size_t k = 0; k < a->procs_p.data[p].locals.len; k++)
      uninit = uninit || !a->procs_p.data[p].locals.data[k].has_init;
  Sym div = sym_intern("defaultInitValue");
  for (size_t i = 0; i < t.n.len && !t.err && uninit; i++)
    if (t.n.data[i].id == div) {
      t.err = true;
      diag_error(t.n.data[i].loc, "PlusCal: defaultInitValue cannot be the "
                 "name of a %s", kind_text[t.n.data[i].kind]);
    }
  if (t.err) {
    VEC_FREE(t.n);
    return false;
  }
  SB nb = {0};
  disambiguate(&t, &nb);
  /* a renamed procedure is not found by its calls: the translator fails */
  for (size_t i = 0; i < t.n.len; i++) {
    Name *e = &t.n.data[i];
    if (e->kind != N_PROCEDURE || e->use == e->id)
      continue;
    for (size_t j = 0; j < t.n.len; j++) {
      Name *o = &t.n.data[j];
      if (o == e || o->id != e->id)
        continue;
      t.err = true;
      diag_error(e->loc, "PlusCal: procedure %s has the name of a %s",
                 sym_str(e->id), kind_text[o->kind]);
      break;
    }
  }
  if (t.err) {
    free(nb.data);
    VEC_FREE(t.n);
    return false;
  }
  if (nb.len) {
    for (size_t p = 0; p < a->procs.len; p++) {
      PProc *pr = &a->procs.data[p];
      fix_decls(&t, pr->locals.data, pr->locals.len, pr->name);
      fix_decls(&t, pr->params.data, pr->params.len, pr->name);
      fix_body(&t, &pr->body, pr->name);
      pr->name = use_of(&t, N_PROCEDURE, pr->name, 0);
    }
    for (size_t p = 0; p < a->procs_p.len; p++) {
      PProcess *pr = &a->procs_p.data[p];
      fix_decls(&t, pr->locals.data, pr->locals.len, pr->name);
      fix_body(&t, &pr->body, pr->name);
      pr->name = use_of(&t, N_PROCESS, pr->name, 0);
    }
    fix_body(&t, &a->body, 0);
  }
  *notes = nb.len ? pg_take(&nb) : NULL;
  VEC_FREE(t.n);
  return true;
}
