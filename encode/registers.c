/* registers.c -- which TLC registers (TLCSet/TLCGet) a spec reads.
 *
 * Design.  TLCSet(i, v) writes register i and is TRUE; TLCGet(i) reads
 * it.  The symbolic engine has no registers: it may treat TLCSet as TRUE
 * (after evaluating v, whose errors are TLC's) only when no register is
 * ever read where it checks or explores, which is what this walk decides:
 * from Init, Next, the invariants, the properties, the state and action
 * constraints and the POSTCONDITION, through every definition they call
 * (with the configuration's substitutions), is there a TLCGet whose key
 * is not a constant string?  String keys ("level", "stats", ...) read
 * the checker, not a register.  The walk is syntactic, so a read in a
 * branch never taken still counts: it errs on the side of refusing. */
#include "registers.h"

#include <string.h>

#include "builtin.h"

typedef struct Walk {
  const Spec *spec;
  uint8_t *seen; /* by Def.id */
  size_t nseen;
  const Expr *read; /* the first read found */
} Walk;

static void walk(Walk *w, const Expr *e, int depth);

static void walk_def(Walk *w, const Def *d, int depth) {
  if (!d)
    return;
  if (d->id < w->nseen) {
    if (w->seen[d->id])
      return;
    w->seen[d->id] = 1;
  }
  for (int i = 0; i < d->nbounds; i++)
    walk(w, d->bounds[i].set, depth + 1);
  walk(w, d->body, depth + 1);
}

static void walk(Walk *w, const Expr *e, int depth) {
  if (!e || w->read)
    return;
  if (depth > 4000) { /* too deep to follow: assume a read */
    w->read = e;
    return;
  }
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_BUILTIN && e->ref.u.builtin == B_TLCGET &&
        e->nargs == 1 && e->args[0]->kind != EX_STR) {
      w->read = e;
      return;
    }
    if (e->ref.kind == REF_DEF) {
      Def *d = e->ref.u.def;
      walk_def(w, d, depth);
      walk_def(w, spec_effective_def(w->spec, d), depth);
    }
    for (int p = 0; p < e->npath; p++)
      for (int i = 0; i < e->path_nargs[p]; i++)
        walk(w, e->path_args[p][i], depth + 1);
  }
  for (int i = 0; i < e->nbounds; i++)
    walk(w, e->bounds[i].set, depth + 1);
  for (int i = 0; i < e->nargs; i++)
    walk(w, e->args[i], depth + 1);
  walk(w, e->body, depth + 1);
  for (int i = 0; i < e->narms; i++) {
    walk(w, e->arms[i].guard, depth + 1);
    walk(w, e->arms[i].value, depth + 1);
  }
  walk(w, e->other, depth + 1);
  for (int i = 0; i < e->ndefs; i++)
    walk_def(w, e->defs[i], depth + 1);
  for (int i = 0; i < e->nupdates; i++) {
    const ExceptUpdate *u = &e->updates[i];
    walk(w, u->value, depth + 1);
    for (int s = 0; s < u->npath; s++)
      for (int k = 0; k < u->path[s].nargs; k++)
        walk(w, u->path[s].args[k], depth + 1);
  }
}

const Expr *registers_first_read(const Spec *spec) {
  Walk w = {spec, NULL, 0, NULL};
  w.nseen = spec->prog->defs.len;
  w.seen = xcalloc(w.nseen + 1, 1);
  walk(&w, spec->init, 0);
  walk(&w, spec->next, 0);
  for (size_t i = 0; i < spec->invariants.len; i++)
    walk(&w, spec->invariants.data[i].expr, 0);
  for (size_t i = 0; i < spec->constraints.len; i++)
    walk(&w, spec->constraints.data[i].expr, 0);
  for (size_t i = 0; i < spec->action_constraints.len; i++)
    walk(&w, spec->action_constraints.data[i].expr, 0);
  for (size_t i = 0; i < spec->properties.len; i++) {
    walk(&w, spec->properties.data[i].expr, 0);
    walk(&w, spec->properties.data[i].sub, 0);
  }
  walk(&w, spec->postcondition.expr, 0);
  free(w.seen);
  return w.read;
}
