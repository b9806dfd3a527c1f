/* reads.c -- the variables a definition (or an expression) reads, and
 * whether its value is a function of them.
 *
 * Design.  A definition's value is a function of its arguments, the
 * constants and the variables it mentions (through the definitions it
 * uses) unless it mentions something whose value is not: TLCGet, TLCSet,
 * Print, PrintT, RandomElement, Any, JavaTime, ENABLED, a prime,
 * UNCHANGED, an instance, or an operator of the I/O or random modules
 * (TLC gives these operators state level for the same reason).  The
 * evaluator memoises state-level definitions by the values of the
 * variables they read (call.c), and the encoder asks whether a definition
 * is such a function before it treats it as a constant.
 *
 * The answers are kept by Def.id for the program they were computed for
 * (programs are never freed; a new program resets the table).  A
 * definition a walk uses that is not recursive has its own reads computed
 * once (reads_of_def, recursing) and merged, so a chain
 * D_i == D_{i-1} + 1 costs linear time; recursive definitions, and one
 * met again while its reads are being computed, are walked in place, a
 * `seen` table (shared by all computations, marked with each
 * computation's generation) cutting the cycles. */
#include "reads.h"

#include <string.h>

enum { READS_UNKNOWN, READS_PURE, READS_IMPURE, READS_BUSY };

static VEC(DefReads) def_reads; /* by Def.id */

/* One computation of a definition's reads (the file's comment says how
 * the `seen` table cuts cycles). */
typedef struct ReadWalk {
  const Spec *sp;
  uint32_t gen;
  bool pure;
  ReadVars vars;
  ReadsNameFn name; /* reads_of_expr: the names it mentions */
  void *arg;
} ReadWalk;

static VEC(uint32_t) reads_seen; /* Def.id -> generation when visited */
static uint32_t reads_gen;

static void walk_reads(ReadWalk *w, Expr *e);

static void add_read(ReadWalk *w, uint32_t ix) {
  for (size_t i = 0; i < w->vars.len; i++)
    if (w->vars.data[i] == ix)
      return;
  VEC_PUSH(w->vars, ix);
}

static bool impure_module(const Def *d) {
  const Def *o = d->origin ? d->origin : d;
  if (!o->module || !o->module->builtin)
    return false;
  static const char *const mods[] = {"IOUtils", "CSV", "Json", "Randomization",
                                     "TLCExt"};
  const char *m = sym_str(o->module->name);
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++)
    if (strcmp(m, mods[i]) == 0)
      return true;
  return false;
}

bool reads_builtin_pure(int b) {
  switch (b) {
  case B_TLCGET:
  case B_TLCSET:
  case B_PRINT:
  case B_PRINTT:
  case B_RANDOMELEMENT:
  case B_ANY:
  case B_JAVATIME:
  case B_ENABLED:
  case B_PRIME:
  case B_UNCHANGED:
    return false;
  default:
    return true;
  }
}

static void walk_def_reads(ReadWalk *w, Def *d) {
  if (!w->pure)
    return;
  while (reads_seen.len <= d->id)
    VEC_PUSH(reads_seen, 0);
  if (reads_seen.data[d->id] == w->gen)
    return;
  reads_seen.data[d->id] = w->gen;
  if (d->kind == DEF_INSTANCE || impure_module(d) || (w->name && d->origin)) {
    w->pure = false;
    return;
  }
  bool busy =
      d->id < def_reads.len && def_reads.data[d->id].status == READS_BUSY;
  /* a LET definition may mention the names of the expression around it,
   * which only reads_of_expr's callback knows */
  bool local = w->name && !d->module;
  if (!d->recursive && !busy && !local) {
    const DefReads *r = reads_of_def(w->sp, d);
    if (!r) {
      w->pure = false;
      return;
    }
    for (uint32_t i = 0; i < r->n; i++)
      add_read(w, r->vars[i]);
    return;
  }
  for (int i = 0; i < d->nbounds; i++)
    walk_reads(w, d->bounds[i].set);
  walk_reads(w, d->body);
}

static bool walk_child_reads(Expr *e, void *w) {
  walk_reads(w, e);
  return ((ReadWalk *)w)->pure;
}

static void walk_reads(ReadWalk *w, Expr *e) {
  if (!e || !w->pure)
    return;
  if (e->kind == EX_OP) {
    if (e->npath > 0) {
      w->pure = false;
      return;
    }
    switch (e->ref.kind) {
    case REF_VAR:
      add_read(w, (uint32_t)((Decl *)e->ref.u.decl)->index);
      break;
    case REF_BUILTIN:
      if (!reads_builtin_pure(e->ref.u.builtin)) {
        w->pure = false;
        return;
      }
      break;
    case REF_DEF: {
      Def *d = spec_applied_def(w->sp, e);
      if (d)
        walk_def_reads(w, d);
      else if (!spec_def_value(w->sp, e->ref.u.def))
        walk_def_reads(w, e->ref.u.def);
      break;
    }
    case REF_BINDER:
      if (w->name && !w->name(w->arg, e->ref.u.binder->id, &w->vars)) {
        w->pure = false;
        return;
      }
      break;
    default:
      break;
    }
  }
  ast_each_child(e, walk_child_reads, w);
}

/* The variables definition d reads (through the definitions it uses), or
 * NULL when its value is not a function of them and of its arguments. */
const DefReads *reads_of_def(const Spec *sp, Def *d) {
  /* Definition ids are per program (programs are never freed). */
  static const Program *owner;
  if (owner != sp->prog) {
    for (size_t i = 0; i < def_reads.len; i++)
      free(def_reads.data[i].vars);
    def_reads.len = 0;
    owner = sp->prog;
  }
  while (def_reads.len <= d->id)
    VEC_PUSH(def_reads, (DefReads){0});
  if (def_reads.data[d->id].status == READS_UNKNOWN) {
    def_reads.data[d->id].status = READS_BUSY;
    ReadWalk w = {sp, ++reads_gen, true, {0}, NULL, NULL};
    /* d itself is walked in place (it is busy); its uses recurse. */
    walk_def_reads(&w, d);
    DefReads *r = &def_reads.data[d->id]; /* the table may have moved */
    r->status = w.pure ? READS_PURE : READS_IMPURE;
    r->n = (uint32_t)w.vars.len;
    r->vars = w.vars.data; /* taken over */
  }
  DefReads *r = &def_reads.data[d->id];
  return r->status == READS_PURE ? r : NULL;
}

bool reads_def_pure(const Spec *sp, Def *d) {
  return reads_of_def(sp, d) != NULL;
}

bool reads_of_expr(const Spec *sp, Expr *e, ReadsNameFn name, void *arg,
                   ReadVars *out) {
  ReadWalk w = {sp, ++reads_gen, true, {0}, name, arg};
  walk_reads(&w, e);
  for (size_t i = 0; i < w.vars.len && w.pure; i++) {
    size_t j = 0;
    while (j < out->len && out->data[j] != w.vars.data[i])
      j++;
    if (j == out->len)
      VEC_PUSH(*out, w.vars.data[i]);
  }
  VEC_FREE(w.vars);
  return w.pure;
}
