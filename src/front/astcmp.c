/* astcmp.c -- structural equality of parsed modules.
 *
 * One walk over both trees in step.  Each comparison returns false on the
 * first difference after recording it (diff()): what differs and where it
 * is on each side, so that a failed round trip names the construct the
 * printer got wrong.  Later differences are not looked for. */
#include "astcmp.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct Cmp {
  char *why;
  size_t n;
} Cmp;

static bool diff(Cmp *C, Loc a, Loc b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool diff(Cmp *C, Loc a, Loc b, const char *fmt, ...) {
  if (!C->n)
    return false;
  char la[256], lb[256], what[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  snprintf(C->why, C->n, "%s (%s vs %s)", what, loc_str(a, la, sizeof la),
           loc_str(b, lb, sizeof lb));
  return false;
}

static bool cmp_expr(Cmp *C, const Expr *a, const Expr *b);
static bool cmp_def(Cmp *C, const Def *a, const Def *b);

/* Both NULL, or both present and equal. */
static bool cmp_opt(Cmp *C, const Expr *a, const Expr *b, Loc la, Loc lb,
                    const char *what) {
  if (!a || !b)
    return a == b || diff(C, a ? a->loc : la, b ? b->loc : lb,
                          "%s present on one side only", what);
  return cmp_expr(C, a, b);
}

static bool cmp_list(Cmp *C, Expr *const *a, int na, Expr *const *b, int nb,
                     Loc la, Loc lb, const char *what) {
  if (na != nb)
    return diff(C, la, lb, "%d vs %d %s", na, nb, what);
  for (int i = 0; i < na; i++)
    if (!cmp_expr(C, a[i], b[i]))
      return false;
  return true;
}

static bool cmp_binders(Cmp *C, const Binder *a, int na, const Binder *b,
                        int nb, Loc la, Loc lb) {
  if (na != nb)
    return diff(C, la, lb, "%d vs %d bound names or parameters", na, nb);
  for (int i = 0; i < na; i++)
    if (a[i].name != b[i].name || a[i].arity != b[i].arity)
      return diff(C, a[i].loc, b[i].loc, "name '%s'/%d vs '%s'/%d",
                  sym_str(a[i].name), a[i].arity, sym_str(b[i].name),
                  b[i].arity);
  return true;
}

static bool cmp_bounds(Cmp *C, const Bound *a, int na, const Bound *b, int nb,
                       Loc la, Loc lb) {
  if (na != nb)
    return diff(C, la, lb, "%d vs %d bounds", na, nb);
  for (int i = 0; i < na; i++) {
    if (a[i].tuple != b[i].tuple)
      return diff(C, la, lb, "a tuple bound on one side only");
    if (!cmp_binders(C, a[i].names, a[i].nnames, b[i].names, b[i].nnames, la,
                     lb) ||
        !cmp_opt(C, a[i].set, b[i].set, la, lb, "a bound set"))
      return false;
  }
  return true;
}

static bool cmp_path(Cmp *C, const Expr *a, const Expr *b) {
  if (a->npath != b->npath)
    return diff(C, a->loc, b->loc, "paths of %d vs %d parts", a->npath,
                b->npath);
  for (int i = 0; i < a->npath; i++) {
    if (a->path[i] != b->path[i])
      return diff(C, a->loc, b->loc, "path part '%s' vs '%s'",
                  sym_str(a->path[i]), sym_str(b->path[i]));
    int ka = a->path_nargs ? a->path_nargs[i] : 0;
    int kb = b->path_nargs ? b->path_nargs[i] : 0;
    if (!cmp_list(C, ka ? a->path_args[i] : NULL, ka,
                  kb ? b->path_args[i] : NULL, kb, a->loc, b->loc,
                  "path arguments"))
      return false;
  }
  return true;
}

static bool cmp_except(Cmp *C, const Expr *a, const Expr *b) {
  if (a->nupdates != b->nupdates)
    return diff(C, a->loc, b->loc, "%d vs %d EXCEPT updates", a->nupdates,
                b->nupdates);
  for (int i = 0; i < a->nupdates; i++) {
    const ExceptUpdate *u = &a->updates[i], *v = &b->updates[i];
    if (u->npath != v->npath)
      return diff(C, a->loc, b->loc, "EXCEPT paths of %d vs %d steps",
                  u->npath, v->npath);
    for (int s = 0; s < u->npath; s++) {
      const ExceptStep *x = &u->path[s], *y = &v->path[s];
      if (x->is_field != y->is_field || x->field != y->field)
        return diff(C, a->loc, b->loc, "EXCEPT step %d differs", s + 1);
      if (!cmp_list(C, x->args, x->nargs, y->args, y->nargs, a->loc, b->loc,
                    "EXCEPT indices"))
        return false;
    }
    if (!cmp_expr(C, u->value, v->value))
      return false;
  }
  return true;
}

static bool cmp_expr(Cmp *C, const Expr *a, const Expr *b) {
  if (a->kind != b->kind)
    return diff(C, a->loc, b->loc, "%s vs %s", ast_kind_name(a->kind),
                ast_kind_name(b->kind));
  switch (a->kind) {
  case EX_NUM:
  case EX_DECIMAL:
    if (strcmp(a->num, b->num))
      return diff(C, a->loc, b->loc, "number %s vs %s", a->num, b->num);
    break;
  case EX_STR:
    if (a->str != b->str)
      return diff(C, a->loc, b->loc, "string \"%s\" vs \"%s\"",
                  sym_str(a->str), sym_str(b->str));
    break;
  case EX_BOOL:
    if (a->boolean != b->boolean)
      return diff(C, a->loc, b->loc, "TRUE vs FALSE");
    break;
  case EX_OP:
    if (a->name != b->name)
      return diff(C, a->loc, b->loc, "operator '%s' vs '%s'",
                  sym_str(a->name), sym_str(b->name));
    if (!cmp_path(C, a, b))
      return false;
    break;
  case EX_RECORD:
  case EX_RECSET:
    for (int i = 0; i < a->nargs && i < b->nargs; i++)
      if (a->fields[i] != b->fields[i])
        return diff(C, a->loc, b->loc, "field '%s' vs '%s'",
                    sym_str(a->fields[i]), sym_str(b->fields[i]));
    break;
  case EX_DOT:
    if (a->field != b->field)
      return diff(C, a->loc, b->loc, "field '%s' vs '%s'", sym_str(a->field),
                  sym_str(b->field));
    break;
  case EX_LABEL:
    if (a->label != b->label)
      return diff(C, a->loc, b->loc, "label '%s' vs '%s'", sym_str(a->label),
                  sym_str(b->label));
    break;
  case EX_CASE:
    if (a->narms != b->narms)
      return diff(C, a->loc, b->loc, "CASE with %d vs %d arms", a->narms,
                  b->narms);
    for (int i = 0; i < a->narms; i++)
      if (!cmp_expr(C, a->arms[i].guard, b->arms[i].guard) ||
          !cmp_expr(C, a->arms[i].value, b->arms[i].value))
        return false;
    if (!cmp_opt(C, a->other, b->other, a->loc, b->loc, "OTHER"))
      return false;
    break;
  case EX_LET:
    if (a->ndefs != b->ndefs)
      return diff(C, a->loc, b->loc, "LET with %d vs %d definitions",
                  a->ndefs, b->ndefs);
    for (int i = 0; i < a->ndefs; i++)
      if (!cmp_def(C, a->defs[i], b->defs[i]))
        return false;
    break;
  case EX_EXCEPT:
    if (!cmp_except(C, a, b))
      return false;
    break;
  default:
    break;
  }
  return cmp_list(C, a->args, a->nargs, b->args, b->nargs, a->loc, b->loc,
                  "operands") &&
         cmp_bounds(C, a->bounds, a->nbounds, b->bounds, b->nbounds, a->loc,
                    b->loc) &&
         cmp_opt(C, a->body, b->body, a->loc, b->loc, "a body");
}

static bool cmp_instance(Cmp *C, const Instance *a, const Instance *b) {
  if (a->module != b->module || a->local != b->local)
    return diff(C, a->loc, b->loc, "INSTANCE %s%s vs %s%s",
                a->local ? "LOCAL " : "", sym_str(a->module),
                b->local ? "LOCAL " : "", sym_str(b->module));
  if (a->nsubst != b->nsubst)
    return diff(C, a->loc, b->loc, "%d vs %d WITH substitutions", a->nsubst,
                b->nsubst);
  for (int i = 0; i < a->nsubst; i++) {
    if (a->subst[i].name != b->subst[i].name)
      return diff(C, a->subst[i].loc, b->subst[i].loc,
                  "substitution for '%s' vs '%s'", sym_str(a->subst[i].name),
                  sym_str(b->subst[i].name));
    if (!cmp_expr(C, a->subst[i].value, b->subst[i].value))
      return false;
  }
  return true;
}

static bool cmp_def(Cmp *C, const Def *a, const Def *b) {
  if (a->kind != b->kind || a->name != b->name || a->local != b->local ||
      a->recursive != b->recursive)
    return diff(C, a->loc, b->loc,
                "definition %s'%s' (kind %d%s) vs %s'%s' (kind %d%s)",
                a->local ? "LOCAL " : "", sym_str(a->name), (int)a->kind,
                a->recursive ? ", recursive" : "", b->local ? "LOCAL " : "",
                sym_str(b->name), (int)b->kind,
                b->recursive ? ", recursive" : "");
  if (!cmp_binders(C, a->params, a->nparams, b->params, b->nparams, a->loc,
                   b->loc) ||
      !cmp_bounds(C, a->bounds, a->nbounds, b->bounds, b->nbounds, a->loc,
                  b->loc) ||
      !cmp_opt(C, a->body, b->body, a->loc, b->loc, "a definition body"))
    return false;
  if (!a->inst || !b->inst)
    return a->inst == b->inst ||
           diff(C, a->loc, b->loc, "INSTANCE on one side only");
  return cmp_instance(C, a->inst, b->inst);
}

static bool cmp_decls(Cmp *C, Decl *const *a, int na, Decl *const *b, int nb,
                      Loc la, Loc lb) {
  if (na != nb)
    return diff(C, la, lb, "%d vs %d declarations", na, nb);
  for (int i = 0; i < na; i++)
    if (a[i]->name != b[i]->name || a[i]->arity != b[i]->arity ||
        a[i]->is_var != b[i]->is_var)
      return diff(C, a[i]->loc, b[i]->loc, "declaration '%s'/%d vs '%s'/%d",
                  sym_str(a[i]->name), a[i]->arity, sym_str(b[i]->name),
                  b[i]->arity);
  return true;
}

static bool cmp_module(Cmp *C, const Module *a, const Module *b) {
  if (a->name != b->name)
    return diff(C, a->loc, b->loc, "module '%s' vs '%s'", sym_str(a->name),
                sym_str(b->name));
  if (a->nextends != b->nextends)
    return diff(C, a->loc, b->loc, "EXTENDS %d vs %d modules", a->nextends,
                b->nextends);
  for (int i = 0; i < a->nextends; i++)
    if (a->extends[i] != b->extends[i])
      return diff(C, a->extends_loc[i], b->extends_loc[i],
                  "EXTENDS '%s' vs '%s'", sym_str(a->extends[i]),
                  sym_str(b->extends[i]));
  if (a->nunits != b->nunits)
    return diff(C, a->loc, b->loc, "module '%s': %d vs %d units",
                sym_str(a->name), a->nunits, b->nunits);
  for (int u = 0; u < a->nunits; u++) {
    const Unit *x = &a->units[u], *y = &b->units[u];
    if (x->kind != y->kind || x->name != y->name)
      return diff(C, x->loc, y->loc, "unit %d: kind %d '%s' vs %d '%s'",
                  u + 1, (int)x->kind, sym_str(x->name), (int)y->kind,
                  sym_str(y->name));
    bool ok = true;
    switch (x->kind) {
    case U_CONSTANTS:
    case U_VARIABLES:
    case U_RECURSIVE:
      ok = cmp_decls(C, x->decls, x->ndecls, y->decls, y->ndecls, x->loc,
                     y->loc);
      break;
    case U_DEF:
      ok = cmp_def(C, x->def, y->def);
      break;
    case U_INSTANCE:
      ok = cmp_instance(C, x->inst, y->inst);
      break;
    case U_ASSUME:
    case U_THEOREM:
      ok = cmp_opt(C, x->expr, y->expr, x->loc, y->loc, "an assertion");
      break;
    case U_MODULE:
      ok = cmp_module(C, x->sub, y->sub);
      break;
    }
    if (!ok)
      return false;
  }
  return true;
}

bool astcmp_modules(const Module *a, const Module *b, char *why, size_t n) {
  Cmp C = {why, n};
  if (n)
    why[0] = '\0';
  return cmp_module(&C, a, b);
}

bool astcmp_exprs(const Expr *a, const Expr *b, char *why, size_t n) {
  Cmp C = {why, n};
  if (n)
    why[0] = '\0';
  return cmp_expr(&C, a, b);
}
