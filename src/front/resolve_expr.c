/* resolve_expr.c -- binding the names inside expressions.
 *
 * One walk per definition body: every operator application gets the Ref of
 * what its name denotes, bound names (quantifiers, parameters, LET
 * definitions, CHOOSE, set and function constructors) are pushed on the
 * resolver's stack of locals and popped at the end of their construct, so
 * an inner binding shadows an outer one.  Arities are checked here (an
 * operator argument must be an operator of the expected arity or a LAMBDA).
 * A path `I!J!Op(args)` goes through instances (instance_member) and may
 * end in selectors of subexpressions (`Op!1`, `Op!lbl`), which resolve to
 * the selected part of the definition's body. */
#include <stdio.h>
#include <string.h>

#include "resolveint.h"

static bool resolve_path(Resolver *r, Expr *e);

static const char *op_display(Sym name) { return sym_str(name); }

/* Arity of what a reference names, or -1 when anything goes. */
int res_ref_arity(Ref ref) {
  switch (ref.kind) {
  case REF_BUILTIN:
    return builtin_info[ref.u.builtin].arity;
  case REF_DEF:
    return ref.u.def->kind == DEF_FUN ? 0 : ref.u.def->nparams;
  case REF_BINDER:
    return ref.u.binder->arity;
  case REF_CONST:
  case REF_VAR:
    return ref.u.decl->arity;
  default:
    return -1;
  }
}

/* Arity the callee expects of its i-th argument (> 0: an operator). */
static int param_arity(Ref ref, int i) {
  if (ref.kind == REF_DEF && ref.u.def->kind == DEF_OP &&
      i < ref.u.def->nparams)
    return ref.u.def->params[i].arity;
  if (ref.kind == REF_BUILTIN)
    return builtin_op_param(ref.u.builtin, i);
  return 0;
}

static void resolve_bounds_sets(Resolver *r, Bound *b, int n) {
  for (int i = 0; i < n; i++)
    if (b[i].set)
      resolve_expr(r, b[i].set);
}

/* A name bound twice by one construct (`\A x, x \in S`, `F(a, a)`) is an
 * error, as in SANY; the later one is reported. */
static void check_distinct(Resolver *r, Binder *b, int n, Binder *seen,
                           int nseen) {
  for (int j = 0; j < n; j++)
    for (int k = 0; k < nseen + j; k++)
      if ((k < nseen ? seen[k].name : b[k - nseen].name) == b[j].name) {
        res_error(r, b[j].loc,
                  "'%s' is declared twice in one parameter or "
                  "bound list",
                  sym_str(b[j].name));
        return;
      }
}

static void push_bounds(Resolver *r, Bound *b, int n) {
  for (int i = 0; i < n; i++) {
    for (int p = 0; p < i; p++)
      check_distinct(r, b[i].names, b[i].nnames, b[p].names, b[p].nnames);
    check_distinct(r, b[i].names, b[i].nnames, NULL, 0);
    for (int j = 0; j < b[i].nnames; j++)
      res_push_binder(r, &b[i].names[j]);
  }
}

/* An operator argument passed where an operator of arity k is expected:
 * a name of an operator with k parameters, or a LAMBDA. */
void resolve_op_arg(Resolver *r, Expr *a, int k) {
  bool no_path_args = true;
  for (int i = 0; i < a->npath; i++)
    no_path_args &= !a->path_nargs || a->path_nargs[i] == 0;
  if (a->kind == EX_OP && a->nargs == 0 && no_path_args) {
    if (a->npath > 0) {
      if (!resolve_path(r, a))
        return;
    } else {
      a->ref = res_lookup(r, a->name);
    }
    if (a->ref.kind == REF_NONE) {
      res_error(r, a->loc, "unknown operator '%s'", op_display(a->name));
      return;
    }
    int ar = res_ref_arity(a->ref);
    if (ar >= 0 && ar != k)
      res_error(r, a->loc,
                "operator '%s' takes %d argument%s, but an operator of %d "
                "argument%s is expected here",
                op_display(a->name), ar, ar == 1 ? "" : "s", k,
                k == 1 ? "" : "s");
    return;
  }
  if (a->kind == EX_LAMBDA) {
    resolve_expr(r, a);
    int ar = a->nbounds ? a->bounds[0].nnames : 0;
    if (ar != k)
      res_error(r, a->loc, "LAMBDA takes %d argument%s, but %d are expected",
                ar, ar == 1 ? "" : "s", k);
    return;
  }
  res_error(r, a->loc, "an operator of %d argument%s is expected here", k,
            k == 1 ? "" : "s");
}

/* What `name` means inside the instance `in` (REF_NONE if nothing). */
static Ref instance_member(Resolver *r, Instance *in, Sym name) {
  Ref none = {REF_NONE, {0}};
  if (!in->resolved) {
    Scope std = {0};
    scope_add_std(&std, (StdModule)in->std_module);
    return res_builtin_ref(std.std, name);
  }
  Scope *s = res_module_scope(r->prog, in->resolved);
  Entry *e = s ? scope_find(s, name) : NULL;
  if (!e)
    return s ? res_builtin_ref(s->std, name) : none;
  if (e->local || e->inherited)
    return none;
  Ref ref = res_entry_ref(e);
  return ref.kind == REF_NONE ? ref : inst_ref(in->chain, in->nchain, ref);
}

/* The labelled subexpression `lbl` of e (depth first), or NULL. */
Expr *res_find_label(Expr *e, Sym lbl) {
  if (!e)
    return NULL;
  if (e->kind == EX_LABEL && e->label == lbl)
    return e;
  Expr *f = res_find_label(e->body, lbl);
  for (int i = 0; !f && i < e->nargs; i++)
    f = res_find_label(e->args[i], lbl);
  for (int i = 0; !f && i < e->narms; i++) {
    f = res_find_label(e->arms[i].guard, lbl);
    if (!f)
      f = res_find_label(e->arms[i].value, lbl);
  }
  return f ? f : res_find_label(e->other, lbl);
}

/* One subexpression selector applied to e: `:` (all of it), a number k
 * (the k-th operand or conjunct) or a label.  NULL if it selects nothing. */
static Expr *select_sub(Expr *e, Sym sel) {
  const char *s = sym_str(sel);
  while (e && e->kind == EX_LABEL && strcmp(s, ":") != 0)
    e = e->body;
  if (!e || strcmp(s, ":") == 0)
    return e;
  if (strcmp(s, "<<") == 0 || strcmp(s, ">>") == 0) {
    /* The left and right operands of a binary operator (TLA+ 2). */
    bool binary = (e->kind == EX_OP || e->kind == EX_TUPLE) && e->nargs == 2;
    return binary ? e->args[s[0] == '<' ? 0 : 1] : NULL;
  }
  if (s[0] >= '0' && s[0] <= '9') {
    int k = atoi(s);
    if (e->kind == EX_OP || e->kind == EX_IF || e->kind == EX_TUPLE ||
        e->kind == EX_SET_ENUM)
      return k >= 1 && k <= e->nargs ? e->args[k - 1] : NULL;
    if (e->kind == EX_LET && k == 1)
      return e->body;
    return NULL;
  }
  Expr *l = res_find_label(e, sel);
  return l && l->nbounds == 0 ? l->body : NULL;
}

/* `Op!1!lbl`: a subexpression of the body of definition d, as a
 * definition with d's parameters; d is path element `at` (0, or the last
 * of a path through instances: `I!Op!:`).  False after an error. */
static bool resolve_subexpr(Resolver *r, Expr *e, Def *d, int at) {
  Expr *sub = d->body;
  for (int i = at + 1; i <= e->npath && sub; i++)
    sub = select_sub(sub, i < e->npath ? e->path[i] : e->name);
  if (!sub || d->kind != DEF_OP) {
    res_error(r, e->loc, "'%s!...' selects no subexpression of '%s'",
              sym_str(d->name), sym_str(d->name));
    return false;
  }
  int got = e->path_nargs ? e->path_nargs[at] : 0;
  if (got != d->nparams) {
    res_error(r, e->loc, "operator '%s' takes %d argument%s but is given %d",
              sym_str(d->name), d->nparams, d->nparams == 1 ? "" : "s", got);
    return false;
  }
  Def *n = xcalloc(1, sizeof *n);
  *n = *d;
  n->body = sub;
  n->type = NULL;
  n->origin = NULL;
  n->id = (uint32_t)r->prog->defs.len;
  VEC_PUSH(r->prog->defs, n);
  e->ref.kind = REF_DEF;
  e->ref.u.def = n;
  if (got > 0) {
    e->args = e->path_args[at];
    e->nargs = got;
  }
  return true;
}

/* `M(a)!N(b)!Op(c)`: binds e to the instantiated Op and makes its argument
 * list a, b, c (the path's arguments first).  False after an error. */
static bool resolve_path(Resolver *r, Expr *e) {
  Ref cur = res_lookup(r, e->path[0]);
  if (cur.kind == REF_DEF && cur.u.def->kind == DEF_OP)
    return resolve_subexpr(r, e, cur.u.def, 0);
  Def *prev = NULL;
  int total = 0;
  for (int i = 0; i < e->npath; i++)
    total += e->path_nargs ? e->path_nargs[i] : 0;
  for (int i = 0; i <= e->npath; i++) {
    Sym name = i < e->npath ? e->path[i] : e->name;
    if (i > 0) {
      prev = cur.u.def;
      cur = instance_member(r, prev->inst, name);
    }
    if (cur.kind == REF_NONE) {
      if (i == 0)
        res_error(r, e->loc, "unknown instance '%s'", sym_str(name));
      else
        res_error(r, e->loc, "instance '%s' (of module %s) defines no '%s'",
                  sym_str(e->path[i - 1]), sym_str(prev->inst->module),
                  sym_str(name));
      return false;
    }
    if (i == e->npath)
      break;
    if (i > 0 && cur.kind == REF_DEF && cur.u.def->kind == DEF_OP &&
        total == (e->path_nargs ? e->path_nargs[i] : 0))
      /* `I!Op!:`, `I!Op!1`: a subexpression of an instance's definition
       * (through instances that take no arguments). */
      return resolve_subexpr(r, e, cur.u.def, i);
    if (cur.kind != REF_DEF || cur.u.def->kind != DEF_INSTANCE) {
      res_error(r, e->loc, "'%s' is not an instance of a module ('%s!...')",
                sym_str(name), sym_str(name));
      return false;
    }
    Def *d = cur.u.def;
    int want = i == 0 ? d->nparams : d->inst->nown;
    int got = e->path_nargs ? e->path_nargs[i] : 0;
    if (want != got) {
      res_error(r, e->loc, "instance '%s' takes %d argument%s but is given %d",
                sym_str(name), want, want == 1 ? "" : "s", got);
      return false;
    }
  }
  e->ref = cur;
  if (total > 0) {
    Expr **args = xmalloc((size_t)(total + e->nargs) * sizeof *args);
    int k = 0;
    for (int i = 0; i < e->npath; i++)
      for (int j = 0; j < e->path_nargs[i]; j++)
        args[k++] = e->path_args[i][j];
    for (int j = 0; j < e->nargs; j++)
      args[k++] = e->args[j];
    e->args = args;
    e->nargs = k;
  }
  return true;
}

static void resolve_op(Resolver *r, Expr *e) {
  if (e->npath > 0) {
    if (!resolve_path(r, e)) {
      for (int j = 0; j < e->nargs; j++)
        resolve_expr(r, e->args[j]);
      return;
    }
  } else {
    e->ref = res_lookup(r, e->name);
  }
  if (e->ref.kind == REF_NONE) {
    /* A name declared RECURSIVE but not defined yet. */
    for (size_t i = 0; i < r->recursive.len; i++)
      if (r->recursive.data[i] == e->name) {
        VEC_PUSH(r->forward, e);
        for (int j = 0; j < e->nargs; j++)
          resolve_expr(r, e->args[j]);
        return;
      }
    res_error(r, e->loc, "unknown operator '%s'", op_display(e->name));
    for (int j = 0; j < e->nargs; j++)
      resolve_expr(r, e->args[j]);
    return;
  }
  int ar = res_ref_arity(e->ref);
  if (e->ref.kind == REF_DEF && e->ref.u.def->kind == DEF_INSTANCE) {
    res_error(r, e->loc,
              "'%s' is an instance of module %s: name one of its "
              "definitions, %s!Op",
              op_display(e->name), sym_str(e->ref.u.def->inst->module),
              op_display(e->name));
    return;
  }
  if (ar >= 0 && ar != e->nargs) {
    if (ar == 0 && e->ref.kind == REF_DEF && e->ref.u.def->kind == DEF_FUN)
      res_error(r, e->loc,
                "'%s' is a function: apply it with square brackets, %s[...]",
                op_display(e->name), op_display(e->name));
    else
      res_error(r, e->loc, "operator '%s' takes %d argument%s but is given %d",
                op_display(e->name), ar, ar == 1 ? "" : "s", e->nargs);
  }
  if (e->ref.kind == REF_BUILTIN && builtin_info[e->ref.u.builtin].arity < 0 &&
      e->nargs < 2 && e->ref.u.builtin != B_TIMES)
    res_error(r, e->loc, "operator '%s' needs at least two arguments",
              op_display(e->name));
  for (int j = 0; j < e->nargs; j++) {
    int k = param_arity(e->ref, j);
    if (k > 0)
      resolve_op_arg(r, e->args[j], k);
    else
      resolve_expr(r, e->args[j]);
  }
}

/* LET definitions are visible after their own definition, except those
 * declared RECURSIVE in the LET, which are visible throughout it. */
static void resolve_let(Resolver *r, Expr *e) {
  size_t mark = r->locals.len;
  for (int i = 0; i < e->ndefs; i++)
    if (e->defs[i]->recursive) {
      Local l = {e->defs[i]->name, {REF_DEF, {.def = e->defs[i]}}};
      VEC_PUSH(r->locals, l);
    }
  for (int i = 0; i < e->ndefs; i++) {
    Def *d = e->defs[i];
    if (d->kind == DEF_INSTANCE) {
      if (!res_instantiate(r, d->inst, d->params, d->nparams))
        continue;
    }
    resolve_def(r, d);
    if (d->recursive)
      continue;
    Local l = {d->name, {REF_DEF, {.def = d}}};
    VEC_PUSH(r->locals, l);
  }
  resolve_expr(r, e->body);
  r->locals.len = mark;
}

void resolve_expr(Resolver *r, Expr *e) {
  if (!e)
    return;
  size_t mark = r->locals.len;
  switch (e->kind) {
  case EX_NUM:
  case EX_DECIMAL:
  case EX_STR:
  case EX_BOOL:
    return;
  case EX_AT:
    if (r->except_depth == 0)
      res_error(r, e->loc, "'@' is only allowed in the value of an EXCEPT");
    return;
  case EX_OP:
    resolve_op(r, e);
    return;
  case EX_LET:
    resolve_let(r, e);
    return;
  case EX_FORALL:
  case EX_EXISTS:
  case EX_TFORALL:
  case EX_TEXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
  case EX_LAMBDA:
  case EX_LABEL:
    resolve_bounds_sets(r, e->bounds, e->nbounds);
    push_bounds(r, e->bounds, e->nbounds);
    resolve_expr(r, e->body);
    for (int i = 0; i < e->nargs; i++)
      resolve_expr(r, e->args[i]);
    r->locals.len = mark;
    return;
  case EX_CASE:
    for (int i = 0; i < e->narms; i++) {
      resolve_expr(r, e->arms[i].guard);
      resolve_expr(r, e->arms[i].value);
    }
    resolve_expr(r, e->other);
    return;
  case EX_EXCEPT:
    resolve_expr(r, e->args[0]);
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i];
      for (int s = 0; s < u->npath; s++)
        for (int k = 0; k < u->path[s].nargs; k++)
          resolve_expr(r, u->path[s].args[k]);
      r->except_depth++;
      resolve_expr(r, u->value);
      r->except_depth--;
    }
    return;
  default:
    for (int i = 0; i < e->nargs; i++)
      resolve_expr(r, e->args[i]);
    resolve_expr(r, e->body);
    return;
  }
}

void resolve_def(Resolver *r, Def *d) {
  size_t mark = r->locals.len;
  if (d->kind == DEF_OP) {
    check_distinct(r, d->params, d->nparams, NULL, 0);
    for (int i = 0; i < d->nparams; i++)
      res_push_binder(r, &d->params[i]);
    resolve_expr(r, d->body);
  } else if (d->kind == DEF_FUN) {
    resolve_bounds_sets(r, d->bounds, d->nbounds);
    /* A recursive function may mention itself in its body. */
    Local self = {d->name, {REF_DEF, {.def = d}}};
    VEC_PUSH(r->locals, self);
    push_bounds(r, d->bounds, d->nbounds);
    resolve_expr(r, d->body);
  }
  r->locals.len = mark;
  d->id = (uint32_t)r->prog->defs.len;
  VEC_PUSH(r->prog->defs, d);
}
