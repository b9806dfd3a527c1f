/* cinit.c -- enumerating the constant assignments of --cinit (cinit.h). */
#include "cinit.h"

#include <string.h>

#include "builtin.h"
#include "eval.h"

typedef VEC(Expr *) ExprVec;

typedef struct Cinit {
  Spec *spec;
  ExprVec conj;
  CinitCheck check;
  void *arg;
  int code;
  size_t count;
} Cinit;

/* The conjuncts of e, through definitions without parameters. */
static void flatten(Expr *e, ExprVec *out, int depth) {
  if (depth < 64 && e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_AND) {
    for (int i = 0; i < e->nargs; i++)
      flatten(e->args[i], out, depth + 1);
    return;
  }
  if (depth < 64 && e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0 &&
      e->nargs == 0) {
    flatten(e->ref.u.def->body, out, depth + 1);
    return;
  }
  VEC_PUSH(*out, e);
}

/* The open constant e names (its index), or -1. */
static int open_const(const Spec *s, Expr *e) {
  if (e->kind != EX_OP || e->ref.kind != REF_CONST || e->nargs != 0)
    return -1;
  int i = e->ref.u.decl->index;
  return s->const_vals[i] || s->const_defs[i] ? -1 : i;
}

static void report(Cinit *c) {
  const Program *p = c->spec->prog;
  printf("brink: --cinit assignment %zu:", c->count);
  for (size_t i = 0; i < p->consts.len; i++)
    if (c->spec->const_vals[i]) {
      char *v = val_to_string(c->spec->const_vals[i]);
      printf(" %s = %s", sym_str(p->consts.data[i]->name), v);
      free(v);
    }
  printf("\n");
  fflush(stdout);
}

static void walk(Cinit *c, size_t i) {
  Spec *s = c->spec;
  if (c->code)
    return;
  if (i == c->conj.len) {
    for (size_t k = 0; k < s->prog->consts.len; k++)
      if (!s->const_vals[k] && !s->const_defs[k]) {
        Decl *d = s->prog->consts.data[k];
        fail_at(s->cinit->loc, EXIT_CONFIG,
                "constant '%s' is given a value neither by the config nor by "
                "the --cinit predicate",
                sym_str(d->name));
      }
    c->count++;
    report(c);
    /* Constant-level definitions depend on the constants. */
    memset(s->def_cache, 0, (s->ndefs + 1) * sizeof *s->def_cache);
    eval_forget_state_memo();
    c->code = c->check(s, c->arg);
    return;
  }
  Expr *e = c->conj.data[i];
  EvalState st = {s, NULL, NULL};
  int k = -1;
  if ((ast_is_builtin(e, B_EQ) || ast_is_builtin(e, B_IN)) &&
      (k = open_const(s, e->args[0])) >= 0) {
    Value *v = eval_expr(&st, e->args[1]);
    if (ast_is_builtin(e, B_EQ)) {
      s->const_vals[k] = v;
      walk(c, i + 1);
    } else {
      Value *set = val_is_set(v) ? val_set_enum(v) : NULL;
      if (!set)
        fail_at(e->args[1]->loc, EXIT_EVAL,
                "the --cinit predicate chooses a constant from something that "
                "is not a finite set");
      for (uint32_t j = 0; j < set->u.set.n && !c->code; j++) {
        s->const_vals[k] = set->u.set.elems[j];
        walk(c, i + 1);
      }
    }
    s->const_vals[k] = NULL;
    return;
  }
  if (ast_is_builtin(e, B_OR))
    fail_at(e->loc, EXIT_CONFIG,
            "a disjunction in the --cinit predicate is not supported; write "
            "C \\in S for each constant");
  if (eval_bool(&st, e, "the --cinit predicate"))
    walk(c, i + 1);
}

int cinit_run(Spec *spec, CinitCheck check, void *arg) {
  Cinit c = {spec, {0}, check, arg, 0, 0};
  flatten(spec->cinit, &c.conj, 0);
  FailPoint fp;
  if (fail_push(&fp)) {
    VEC_FREE(c.conj);
    return fp.code ? fp.code : EXIT_OTHER;
  }
  walk(&c, 0);
  fail_pop(&fp);
  VEC_FREE(c.conj);
  if (!c.count && !c.code) {
    printf("brink: no assignment of the constants satisfies the --cinit "
           "predicate: there is nothing to check.\n");
  }
  return c.code;
}
