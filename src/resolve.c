/* resolve.c -- loading modules and binding names.
 *
 * Each module gets a scope: a hash table from names to what they denote
 * (a definition, a CONSTANT or VARIABLE declaration, or a built-in
 * operator).  A module's scope starts with what it EXTENDS -- the public
 * (non-LOCAL) entries of each extended user module, and the built-ins of
 * each standard module in the EXTENDS closure -- and grows unit by unit in
 * source order, so a definition sees only what comes before it (plus the
 * names declared RECURSIVE).  Inside expressions a stack of local entries
 * (quantified names, operator parameters, LET definitions) shadows the
 * module scope; lookup scans it from the top.
 *
 * Levels are computed after binding, one memoised walk per definition. */
#include "resolve.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include "instance.h"
#include "library.h"
#include "parse.h"
#include "pluscal.h"

typedef struct Entry {
  Sym name;
  Ref ref;
  bool local;     /* LOCAL definition: not exported to extending modules */
  bool inherited; /* a nested module sees its enclosing module's names */
  bool weak;      /* from an unnamed INSTANCE: a definition of the same
                     name in the importing module takes precedence */
  /* An entry imported by an unnamed INSTANCE names the instantiation of
   * `ref` under these (innermost first); it is made on first lookup. */
  Instantiation **via;
  int nvia;
} Entry;

typedef struct Scope {
  Entry *slots;
  size_t cap, len;
  bool std[MOD__COUNT];
} Scope;

static Entry *scope_find(Scope *s, Sym name) {
  if (!s->cap)
    return NULL;
  size_t i = hash_mix(0, name) & (s->cap - 1);
  while (s->slots[i].name) {
    if (s->slots[i].name == name)
      return &s->slots[i];
    i = (i + 1) & (s->cap - 1);
  }
  return NULL;
}

static void scope_put(Scope *s, Entry e);

static void scope_grow(Scope *s) {
  Scope n = {0};
  n.cap = s->cap ? s->cap * 2 : 64;
  n.slots = xcalloc(n.cap, sizeof *n.slots);
  for (size_t i = 0; i < s->cap; i++)
    if (s->slots[i].name)
      scope_put(&n, s->slots[i]);
  free(s->slots);
  s->slots = n.slots;
  s->cap = n.cap;
}

static void scope_put(Scope *s, Entry e) {
  if (2 * (s->len + 1) > s->cap)
    scope_grow(s);
  size_t i = hash_mix(0, e.name) & (s->cap - 1);
  while (s->slots[i].name && s->slots[i].name != e.name)
    i = (i + 1) & (s->cap - 1);
  if (!s->slots[i].name)
    s->len++;
  s->slots[i] = e;
}

/* ---- the resolver state ---- */

typedef struct Local {
  Sym name;
  Ref ref;
} Local;

typedef struct Resolver {
  Program *prog;
  Scope *scope;        /* the current module's scope */
  VEC(Local) locals;   /* innermost last */
  int except_depth;    /* > 0 inside an EXCEPT value: `@` allowed */
  VEC(Sym) recursive;  /* names declared RECURSIVE, awaiting definitions */
  VEC(Expr *) forward; /* references to RECURSIVE names not yet defined */
  VEC(const char *) loading; /* module names being loaded (cycles) */
  VEC(Module *) submodules;  /* nested modules seen so far ... */
  VEC(Scope *) subscopes;    /* ... and their enclosing module's scope */
  const char *root_path;     /* the root module's file ... */
  const char *root_text;     /* ... and its text (it may hold more modules) */
  int errors;
} Resolver;

static void rerror(Resolver *r, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void rerror(Resolver *r, Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  r->errors++;
  diag_verror(loc, "error", fmt, ap);
  va_end(ap);
}

/* What an entry names, instantiating it first if it came in through an
 * unnamed INSTANCE.  REF_NONE after an error (inst_def reports and counts
 * it). */
static Ref entry_ref(Entry *e) {
  return e->nvia ? inst_ref(e->via, e->nvia, e->ref) : e->ref;
}

/* A built-in operator of a standard module in scope. */
static Ref builtin_ref(const bool std[MOD__COUNT], Sym name) {
  Ref none = {REF_NONE, {0}};
  for (int m = 0; m < MOD__COUNT; m++) {
    if (m != MOD_CORE && !std[m])
      continue;
    int b = builtin_lookup(name, (StdModule)m);
    if (b >= 0) {
      Ref ref = {REF_BUILTIN, {.builtin = b}};
      return ref;
    }
  }
  return none;
}

static Ref lookup(Resolver *r, Sym name) {
  for (size_t i = r->locals.len; i-- > 0;)
    if (r->locals.data[i].name == name)
      return r->locals.data[i].ref;
  Entry *e = scope_find(r->scope, name);
  if (e)
    return entry_ref(e);
  return builtin_ref(r->scope->std, name);
}

static void push_binder(Resolver *r, Binder *b) {
  b->id = ++r->prog->next_binder;
  Local l = {b->name, {REF_BINDER, {.binder = b}}};
  VEC_PUSH(r->locals, l);
}

static void resolve_expr(Resolver *r, Expr *e);
static void resolve_def(Resolver *r, Def *d);
static bool resolve_path(Resolver *r, Expr *e);
static bool instantiate(Resolver *r, Instance *in, Binder *params,
                        int nparams);

static const char *op_display(Sym name) { return sym_str(name); }

/* Arity of what a reference names, or -1 when anything goes. */
static int ref_arity(Ref ref) {
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
        rerror(r, b[j].loc, "'%s' is declared twice in one parameter or "
                            "bound list", sym_str(b[j].name));
        return;
      }
}

static void push_bounds(Resolver *r, Bound *b, int n) {
  for (int i = 0; i < n; i++) {
    for (int p = 0; p < i; p++)
      check_distinct(r, b[i].names, b[i].nnames, b[p].names, b[p].nnames);
    check_distinct(r, b[i].names, b[i].nnames, NULL, 0);
    for (int j = 0; j < b[i].nnames; j++)
      push_binder(r, &b[i].names[j]);
  }
}

/* An operator argument passed where an operator of arity k is expected:
 * a name of an operator with k parameters, or a LAMBDA. */
static void resolve_op_arg(Resolver *r, Expr *a, int k) {
  bool no_path_args = true;
  for (int i = 0; i < a->npath; i++)
    no_path_args &= !a->path_nargs || a->path_nargs[i] == 0;
  if (a->kind == EX_OP && a->nargs == 0 && no_path_args) {
    if (a->npath > 0) {
      if (!resolve_path(r, a))
        return;
    } else {
      a->ref = lookup(r, a->name);
    }
    if (a->ref.kind == REF_NONE) {
      rerror(r, a->loc, "unknown operator '%s'", op_display(a->name));
      return;
    }
    int ar = ref_arity(a->ref);
    if (ar >= 0 && ar != k)
      rerror(r, a->loc,
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
      rerror(r, a->loc, "LAMBDA takes %d argument%s, but %d are expected", ar,
             ar == 1 ? "" : "s", k);
    return;
  }
  rerror(r, a->loc, "an operator of %d argument%s is expected here", k,
         k == 1 ? "" : "s");
}

/* Puts standard module m and the modules it re-exports in scope s. */
static void add_std(Scope *s, StdModule m) {
  s->std[m] = true;
  StdModule ext[4];
  int n = std_module_extends(m, ext);
  for (int i = 0; i < n; i++)
    add_std(s, ext[i]);
}

static Scope *module_scope(Program *p, Module *m) {
  for (size_t i = 0; i < p->modules.len; i++)
    if (p->modules.data[i] == m)
      return p->scopes[i];
  return NULL;
}

/* What `name` means inside the instance `in` (REF_NONE if nothing). */
static Ref instance_member(Resolver *r, Instance *in, Sym name) {
  Ref none = {REF_NONE, {0}};
  if (!in->resolved) {
    Scope std = {0};
    add_std(&std, (StdModule)in->std_module);
    return builtin_ref(std.std, name);
  }
  Scope *s = module_scope(r->prog, in->resolved);
  Entry *e = s ? scope_find(s, name) : NULL;
  if (!e)
    return s ? builtin_ref(s->std, name) : none;
  if (e->local || e->inherited)
    return none;
  Ref ref = entry_ref(e);
  return ref.kind == REF_NONE ? ref : inst_ref(in->chain, in->nchain, ref);
}

/* The labelled subexpression `lbl` of e (depth first), or NULL. */
static Expr *find_label(Expr *e, Sym lbl) {
  if (!e)
    return NULL;
  if (e->kind == EX_LABEL && e->label == lbl)
    return e;
  Expr *f = find_label(e->body, lbl);
  for (int i = 0; !f && i < e->nargs; i++)
    f = find_label(e->args[i], lbl);
  for (int i = 0; !f && i < e->narms; i++) {
    f = find_label(e->arms[i].guard, lbl);
    if (!f)
      f = find_label(e->arms[i].value, lbl);
  }
  return f ? f : find_label(e->other, lbl);
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
  Expr *l = find_label(e, sel);
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
    rerror(r, e->loc, "'%s!...' selects no subexpression of '%s'",
           sym_str(d->name), sym_str(d->name));
    return false;
  }
  int got = e->path_nargs ? e->path_nargs[at] : 0;
  if (got != d->nparams) {
    rerror(r, e->loc, "operator '%s' takes %d argument%s but is given %d",
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
  Ref cur = lookup(r, e->path[0]);
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
        rerror(r, e->loc, "unknown instance '%s'", sym_str(name));
      else
        rerror(r, e->loc, "instance '%s' (of module %s) defines no '%s'",
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
      rerror(r, e->loc, "'%s' is not an instance of a module ('%s!...')",
             sym_str(name), sym_str(name));
      return false;
    }
    Def *d = cur.u.def;
    int want = i == 0 ? d->nparams : d->inst->nown;
    int got = e->path_nargs ? e->path_nargs[i] : 0;
    if (want != got) {
      rerror(r, e->loc, "instance '%s' takes %d argument%s but is given %d",
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
    e->ref = lookup(r, e->name);
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
    rerror(r, e->loc, "unknown operator '%s'", op_display(e->name));
    for (int j = 0; j < e->nargs; j++)
      resolve_expr(r, e->args[j]);
    return;
  }
  int ar = ref_arity(e->ref);
  if (e->ref.kind == REF_DEF && e->ref.u.def->kind == DEF_INSTANCE) {
    rerror(r, e->loc, "'%s' is an instance of module %s: name one of its "
           "definitions, %s!Op", op_display(e->name),
           sym_str(e->ref.u.def->inst->module), op_display(e->name));
    return;
  }
  if (ar >= 0 && ar != e->nargs) {
    if (ar == 0 && e->ref.kind == REF_DEF && e->ref.u.def->kind == DEF_FUN)
      rerror(r, e->loc,
             "'%s' is a function: apply it with square brackets, %s[...]",
             op_display(e->name), op_display(e->name));
    else
      rerror(r, e->loc, "operator '%s' takes %d argument%s but is given %d",
             op_display(e->name), ar, ar == 1 ? "" : "s", e->nargs);
  }
  if (e->ref.kind == REF_BUILTIN && builtin_info[e->ref.u.builtin].arity < 0 &&
      e->nargs < 2 && e->ref.u.builtin != B_TIMES)
    rerror(r, e->loc, "operator '%s' needs at least two arguments",
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
      if (!instantiate(r, d->inst, d->params, d->nparams))
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

static void resolve_expr(Resolver *r, Expr *e) {
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
      rerror(r, e->loc, "'@' is only allowed in the value of an EXCEPT");
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

static void resolve_def(Resolver *r, Def *d) {
  size_t mark = r->locals.len;
  if (d->kind == DEF_OP) {
    check_distinct(r, d->params, d->nparams, NULL, 0);
    for (int i = 0; i < d->nparams; i++)
      push_binder(r, &d->params[i]);
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

static bool same_entry(Entry *a, Entry *b) {
  if (a->ref.kind != b->ref.kind || a->ref.u.def != b->ref.u.def ||
      a->nvia != b->nvia)
    return false;
  for (int i = 0; i < a->nvia; i++)
    if (a->via[i] != b->via[i])
      return false;
  return true;
}

static void define_entry(Resolver *r, Entry e, Loc loc) {
  Entry *old = scope_find(r->scope, e.name);
  if (old && !same_entry(old, &e)) {
    /* What an unnamed INSTANCE brings gives way to the module's own. */
    if (e.weak && !old->inherited)
      return;
    if (!old->weak || e.weak) {
      if (old->inherited)
        rerror(r, loc, "'%s' is already defined in the enclosing module",
               sym_str(e.name));
      else
        rerror(r, loc, "multiple definitions of '%s'", sym_str(e.name));
      return;
    }
  }
  scope_put(r->scope, e);
}

static void define(Resolver *r, Sym name, Loc loc, Ref ref, bool local) {
  Entry e = {name, ref, local, false, false, NULL, 0};
  define_entry(r, e, loc);
}

static Module *load_module(Resolver *r, Sym name, Loc at);

/* Adds what module `m` exports (its EXTENDS closure included) to the
 * current scope. */
static void import_module(Resolver *r, Module *m) {
  Scope *src = module_scope(r->prog, m);
  if (!src)
    return;
  for (size_t i = 0; i < src->cap; i++) {
    Entry *e = &src->slots[i];
    if (!e->name || e->local || e->inherited)
      continue;
    Loc at = e->ref.kind == REF_DEF ? e->ref.u.def->name_loc : m->loc;
    Entry *old = scope_find(r->scope, e->name);
    if (old && !old->inherited && !same_entry(old, e)) {
      /* Two extended modules define the same name: SANY warns and keeps
       * the first. */
      diag_warning(at, "'%s' is also defined by another extended module; "
                       "the first definition is used",
                   sym_str(e->name));
      continue;
    }
    define_entry(r, *e, at);
  }
  for (int k = 0; k < MOD__COUNT; k++)
    r->scope->std[k] |= src->std[k];
}

static void declare(Resolver *r, Decl *d, bool is_var) {
  d->is_var = is_var;
  if (is_var) {
    d->index = (int)r->prog->vars.len;
    VEC_PUSH(r->prog->vars, d);
  } else {
    d->index = (int)r->prog->consts.len;
    VEC_PUSH(r->prog->consts, d);
  }
  Ref ref = {is_var ? REF_VAR : REF_CONST, {.decl = d}};
  define(r, d->name, d->loc, ref, false);
}

/* A copy of scope s whose entries are all marked inherited (what a nested
 * module sees of its enclosing module). */
static Scope *scope_inherit(Scope *s) {
  Scope *n = xcalloc(1, sizeof *n);
  *n = *s;
  if (s->cap) {
    n->slots = xmalloc(s->cap * sizeof *n->slots);
    memcpy(n->slots, s->slots, s->cap * sizeof *n->slots);
  }
  for (size_t i = 0; i < n->cap; i++)
    n->slots[i].inherited = true;
  return n;
}

/* The replacement of declaration d (of the instantiated module) that the
 * WITH list does not give: the same name where the INSTANCE is. */
static Expr *implicit_subst(Resolver *r, Instance *in, Decl *d) {
  Ref ref = lookup(r, d->name);
  if (ref.kind == REF_NONE) {
    rerror(r, in->loc,
           "INSTANCE %s: no substitution for %s '%s', and no '%s' is "
           "defined here (add WITH %s <- ...)",
           sym_str(in->module), d->is_var ? "VARIABLE" : "CONSTANT",
           sym_str(d->name), sym_str(d->name), sym_str(d->name));
    return NULL;
  }
  int ar = ref_arity(ref);
  if (ar >= 0 && ar != d->arity) {
    rerror(r, in->loc,
           "INSTANCE %s: '%s' takes %d argument%s here but %d in module %s",
           sym_str(in->module), sym_str(d->name), ar, ar == 1 ? "" : "s",
           d->arity, sym_str(in->module));
    return NULL;
  }
  Expr *e = ast_op(in->loc, d->name, NULL, 0);
  e->ref = ref;
  return e;
}

/* Is d a CONSTANT or VARIABLE of module scope s (its own or from what it
 * EXTENDS, not its enclosing module's)? */
static bool own_decl(Scope *s, Decl *d) {
  Entry *e = scope_find(s, d->name);
  return e && !e->inherited && (e->ref.kind == REF_CONST ||
                                e->ref.kind == REF_VAR) &&
         e->ref.u.decl == d;
}

static void add_subst(Instantiation *I, Decl *d, Expr *v) {
  I->decls = xrealloc(I->decls, (size_t)(I->nsubst + 1) * sizeof *I->decls);
  I->values = xrealloc(I->values, (size_t)(I->nsubst + 1) * sizeof *I->values);
  I->decls[I->nsubst] = d;
  I->values[I->nsubst++] = v;
}

/* Loads the module of `INSTANCE Mod WITH ...` and resolves the
 * substitution (params: the instance definition's parameters, in scope in
 * the WITH expressions).  Sets in->resolved / std_module and the chain. */
static bool instantiate(Resolver *r, Instance *in, Binder *params,
                        int nparams) {
  in->std_module = -1;
  in->nown = nparams;
  int errors = r->errors;
  /* The module is resolved on its own: no local names of an enclosing
   * LET are visible in it. */
  Local *saved_locals = r->locals.data;
  size_t saved_len = r->locals.len, saved_cap = r->locals.cap;
  r->locals.data = NULL;
  r->locals.len = r->locals.cap = 0;
  Module *m = load_module(r, in->module, in->loc);
  VEC_FREE(r->locals);
  r->locals.data = saved_locals;
  r->locals.len = saved_len;
  r->locals.cap = saved_cap;
  if (!m) {
    int std = std_module_lookup(sym_str(in->module));
    if (r->errors > errors || std < 0)
      return false;
    in->std_module = std;
    if (in->nsubst > 0)
      rerror(r, in->subst[0].loc, "module %s has no CONSTANTS to substitute",
             sym_str(in->module));
    return in->nsubst == 0;
  }
  in->resolved = m;
  Scope *ms = module_scope(r->prog, m);
  Instantiation *I = xcalloc(1, sizeof *I);
  I->prog = r->prog;
  I->module = m;
  I->params = params;
  I->nparams = nparams;
  size_t mark = r->locals.len;
  for (int i = 0; i < nparams; i++)
    push_binder(r, &params[i]);
  for (int i = 0; i < in->nsubst; i++) {
    Subst *sb = &in->subst[i];
    Entry *e = scope_find(ms, sb->name);
    if (!e || e->inherited ||
        (e->ref.kind != REF_CONST && e->ref.kind != REF_VAR)) {
      rerror(r, sb->loc, "'%s' is not a CONSTANT or VARIABLE of module %s",
             sym_str(sb->name), sym_str(in->module));
      continue;
    }
    Decl *d = e->ref.u.decl;
    bool dup = false;
    for (int j = 0; j < I->nsubst; j++)
      dup |= I->decls[j] == d;
    if (dup) {
      rerror(r, sb->loc, "'%s' is substituted twice", sym_str(sb->name));
      continue;
    }
    if (d->arity > 0) {
      resolve_op_arg(r, sb->value, d->arity);
      if (sb->value->kind != EX_OP && sb->value->kind != EX_LAMBDA)
        rerror(r, sb->value->loc,
               "only an operator name or a LAMBDA can replace the operator "
               "CONSTANT '%s'",
               sym_str(d->name));
    } else {
      resolve_expr(r, sb->value);
    }
    add_subst(I, d, sb->value);
  }
  /* Declarations not in the WITH list, in declaration order. */
  for (int pass = 0; pass < 2; pass++) {
    Decl **ds = pass ? r->prog->vars.data : r->prog->consts.data;
    size_t n = pass ? r->prog->vars.len : r->prog->consts.len;
    for (size_t i = 0; i < n; i++) {
      if (!own_decl(ms, ds[i]))
        continue;
      bool given = false;
      for (int j = 0; j < I->nsubst; j++)
        given |= I->decls[j] == ds[i];
      if (given)
        continue;
      Expr *v = implicit_subst(r, in, ds[i]);
      if (v)
        add_subst(I, ds[i], v);
    }
  }
  r->locals.len = mark;
  in->chain = xmalloc(sizeof *in->chain);
  in->chain[0] = I;
  in->nchain = 1;
  return r->errors == errors;
}

/* An unnamed `INSTANCE Mod`: Mod's public definitions, instantiated. */
static void import_instance(Resolver *r, Instance *in) {
  if (!in->resolved) {
    add_std(r->scope, (StdModule)in->std_module);
    return;
  }
  Scope *src = module_scope(r->prog, in->resolved);
  for (size_t i = 0; i < src->cap; i++) {
    Entry *e = &src->slots[i];
    if (!e->name || e->local || e->inherited || e->ref.kind != REF_DEF)
      continue;
    Entry n = *e;
    n.local = in->local;
    n.weak = true;
    n.via = xmalloc((size_t)(e->nvia + 1) * sizeof *n.via);
    if (e->nvia)
      memcpy(n.via, e->via, (size_t)e->nvia * sizeof *n.via);
    n.via[n.nvia++] = in->chain[0];
    define_entry(r, n, in->loc);
  }
  for (int k = 0; k < MOD__COUNT; k++)
    r->scope->std[k] |= src->std[k];
}

/* Resolves module m's units into a fresh scope (for a nested module, one
 * that starts with its enclosing module's names); registers the scope. */
/* ---- USE / HIDE facts ---- */

/* A fact of a top-level USE / HIDE names a definition, theorem or
 * assumption, and its selectors name parts that exist: `!k` the k-th
 * operand of an operator application, `!lbl` a label (SANY's errors).
 * Selectors are followed only through plain operator applications and
 * labels; other constructs and definitions with parameters are taken on
 * trust. */
static void check_fact(Resolver *r, Module *m, FactRef *f) {
  Ref ref = lookup(r, f->name);
  if (ref.kind == REF_NONE && f->in_proof)
    return; /* a name the proof introduces (NEW, PICK, DEFINE) */
  if (ref.kind == REF_NONE) {
    for (int i = 0; i < m->nopaque; i++)
      if (m->opaque[i] == f->name)
        return;
    rerror(r, f->loc, "unknown operator '%s'", sym_str(f->name));
    return;
  }
  if (ref.kind != REF_DEF || ref.u.def->kind != DEF_OP ||
      ref.u.def->nparams > 0)
    return;
  Expr *e = ref.u.def->body;
  for (int i = 0; i < f->nsel && e; i++) {
    FactSel *s = &f->sel[i];
    if (s->label) {
      Expr *l = find_label(e, s->label);
      if (!l) {
        rerror(r, s->loc, "cannot find label '%s'", sym_str(s->label));
        return;
      }
      e = l->body;
      continue;
    }
    bool literal = e->kind == EX_NUM || e->kind == EX_STR;
    if (literal) {
      rerror(r, s->loc, "selecting a subexpression of an expression that has "
                        "none (selector !%d)", s->index);
      return;
    }
    bool leaf = e->kind == EX_BOOL || (e->kind == EX_OP && e->nargs == 0 &&
                                        !e->npath && e->ref.kind != REF_DEF);
    if (!leaf && (e->kind != EX_OP || e->npath || e->nargs == 0))
      return;
    if (s->index > e->nargs) {
      rerror(r, s->loc, "nonexistent operand specified by the argument "
                        "selector !%d (the expression has %d)",
             s->index, e->nargs);
      return;
    }
    e = e->args[s->index - 1];
  }
}

static void resolve_module(Resolver *r, Module *m, Scope *outer) {
  Scope *saved = r->scope;
  size_t saved_rec = r->recursive.len, saved_fwd = r->forward.len;
  Scope *s = outer ? scope_inherit(outer) : xcalloc(1, sizeof *s);
  r->scope = s;
  /* The TLA+ part of a standard module that comes with brink sees the
   * module's built-in operators. */
  int self_std = std_module_lookup(sym_str(m->name));
  if (m->builtin && self_std >= 0)
    add_std(s, (StdModule)self_std);
  for (int i = 0; i < m->nextends; i++) {
    const char *name = sym_str(m->extends[i]);
    int std = std_module_lookup(name);
    if (std >= 0)
      add_std(s, (StdModule)std);
    Module *um = load_module(r, m->extends[i], m->extends_loc[i]);
    r->scope = s;
    if (um)
      import_module(r, um);
  }
  for (int u = 0; u < m->nunits; u++) {
    Unit *un = &m->units[u];
    switch (un->kind) {
    case U_CONSTANTS:
    case U_VARIABLES:
      for (int i = 0; i < un->ndecls; i++) {
        un->decls[i]->module = m;
        declare(r, un->decls[i], un->kind == U_VARIABLES);
      }
      break;
    case U_RECURSIVE:
      for (int i = 0; i < un->ndecls; i++)
        VEC_PUSH(r->recursive, un->decls[i]->name);
      break;
    case U_DEF: {
      Def *d = un->def;
      d->module = m;
      if (d->kind == DEF_INSTANCE) {
        if (instantiate(r, d->inst, d->params, d->nparams)) {
          Ref ref = {REF_DEF, {.def = d}};
          define(r, d->name, d->name_loc, ref, d->local);
        }
        resolve_def(r, d);
        break;
      }
      for (size_t i = 0; i < r->recursive.len; i++)
        if (r->recursive.data[i] == d->name)
          d->recursive = true;
      if (d->recursive || d->kind == DEF_FUN) {
        Ref ref = {REF_DEF, {.def = d}};
        define(r, d->name, d->name_loc, ref, d->local);
        resolve_def(r, d);
      } else {
        resolve_def(r, d);
        Ref ref = {REF_DEF, {.def = d}};
        define(r, d->name, d->name_loc, ref, d->local);
      }
      /* Patch forward references to a RECURSIVE operator. */
      for (size_t i = saved_fwd; i < r->forward.len; i++) {
        Expr *f = r->forward.data[i];
        if (f->name == d->name && f->ref.kind == REF_NONE) {
          f->ref.kind = REF_DEF;
          f->ref.u.def = d;
          if (d->nparams != f->nargs)
            rerror(r, f->loc,
                   "operator '%s' takes %d argument%s but is given %d",
                   sym_str(d->name), d->nparams, d->nparams == 1 ? "" : "s",
                   f->nargs);
        }
      }
      break;
    }
    case U_INSTANCE:
      if (instantiate(r, un->inst, NULL, 0))
        import_instance(r, un->inst);
      break;
    case U_ASSUME:
    case U_THEOREM:
      /* `THEOREM T == e` and `ASSUME A == e` also define T and A as e. */
      if (un->name && un->expr) {
        Def *d = xcalloc(1, sizeof *d);
        d->kind = DEF_OP;
        d->name = un->name;
        d->loc = d->name_loc = un->loc;
        d->body = un->expr;
        d->module = m;
        resolve_def(r, d);
        Ref ref = {REF_DEF, {.def = d}};
        define(r, d->name, d->name_loc, ref, false);
      } else {
        resolve_expr(r, un->expr);
      }
      break;
    case U_MODULE:
      VEC_PUSH(r->submodules, un->sub);
      VEC_PUSH(r->subscopes, scope_inherit(s));
      break;
    }
  }
  for (size_t i = saved_fwd; i < r->forward.len; i++) {
    Expr *f = r->forward.data[i];
    if (f->ref.kind == REF_NONE)
      rerror(r, f->loc, "operator '%s' is declared RECURSIVE but never defined",
             sym_str(f->name));
  }
  for (int i = 0; i < m->nuses; i++)
    check_fact(r, m, &m->uses[i]);
  r->recursive.len = saved_rec;
  r->forward.len = saved_fwd;
  VEC_PUSH(r->prog->modules, m);
  r->prog->scopes =
      xrealloc(r->prog->scopes, r->prog->modules.len * sizeof(void *));
  r->prog->scopes[r->prog->modules.len - 1] = s;
  r->scope = saved;
}

/* A user module called `name`: a nested module seen earlier, dir/name.tla,
 * one that comes with brink, or a later top-level module of the root file
 * (in that order, as SANY looks); NULL for a standard module; an error if
 * none of these. */
static Module *load_module(Resolver *r, Sym name, Loc at) {
  const char *nm = sym_str(name);
  for (size_t i = 0; i < r->prog->modules.len; i++)
    if (r->prog->modules.data[i]->name == name)
      return r->prog->modules.data[i];
  for (size_t i = 0; i < r->loading.len; i++)
    if (strcmp(r->loading.data[i], nm) == 0) {
      rerror(r, at, "module '%s' extends itself (circular EXTENDS)", nm);
      return NULL;
    }
  for (size_t i = 0; i < r->submodules.len; i++)
    if (r->submodules.data[i]->name == name) {
      VEC_PUSH(r->loading, nm);
      resolve_module(r, r->submodules.data[i], r->subscopes.data[i]);
      r->loading.len--;
      return r->submodules.data[i];
    }
  char *path = xsprintf("%s/%s.tla", r->prog->dir, nm);
  char *text = src_read_file(path);
  bool shipped = false;
  if (!text && library_text(nm)) {
    free(path);
    path = xsprintf("<brink>/%s.tla", nm);
    text = xstrdup(library_text(nm));
    shipped = true;
  }
  if (!text && std_module_lookup(nm) >= 0) {
    free(path);
    return NULL;
  }
  Module *m = NULL;
  bool bad_algo = false;
  char *algo =
      text && !shipped ? pcal_text_for_check(path, text, &bad_algo) : NULL;
  if (bad_algo) { /* the algorithm's errors are printed */
    r->errors++;
    free(text);
    free(path);
    return NULL;
  }
  if (algo) { /* PlusCal translated in memory (pluscal.h) */
    free(text);
    text = algo;
  }
  if (text) {
    m = parse_text(path, text);
    if (algo)
      pcal_relocate(m, path);
    free(text);
  } else {
    bool found = false;
    if (r->root_text)
      m = parse_text_module(r->root_path, r->root_text, name, &found);
    if (!found) {
      rerror(r, at,
             "cannot find module '%s' (searched: %s/%s.tla, the modules that "
             "come with brink, then the modules in %s)",
             nm, r->prog->dir, nm, r->root_path);
      free(path);
      return NULL;
    }
    free(path);
    path = xstrdup(r->root_path);
  }
  if (!m) {
    r->errors++;
    free(path);
    return NULL;
  }
  m->builtin = shipped;
  if (m->name != name)
    rerror(r, m->loc, "file %s holds module '%s', not '%s'", path,
           sym_str(m->name), nm);
  free(path);
  VEC_PUSH(r->loading, nm);
  resolve_module(r, m, NULL);
  r->loading.len--;
  return m;
}

/* ---- levels ---- */


static int max2(int a, int b) { return a > b ? a : b; }

/* Level of the node e itself given its children's: a0 the first
 * argument's, a the maximum over the arguments, rest the maximum over the
 * other subexpressions (bound sets and body; CASE arms; LET's body only;
 * EXCEPT's paths and values).  ENABLED is of state level whatever it
 * holds. */
static int node_level(Expr *e, int a0, int a, int rest) {
  int l = 0;
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_VAR)
      l = LEVEL_STATE;
    else if (e->ref.kind == REF_DEF)
      l = e->ref.u.def->level;
    else if (e->ref.kind == REF_BUILTIN)
      switch (e->ref.u.builtin) {
      case B_PRIME:
      case B_UNCHANGED:
        l = LEVEL_ACTION;
        break;
      case B_BOX:
      case B_DIAMOND:
      case B_LEADSTO:
        l = LEVEL_TEMPORAL;
        break;
      case B_ENABLED:
        return LEVEL_STATE;
      default:
        break;
      }
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    l = LEVEL_ACTION;
    break;
  case EX_WF:
  case EX_SF:
  case EX_TFORALL:
  case EX_TEXISTS:
    l = LEVEL_TEMPORAL;
    break;
  case EX_CASE:
  case EX_LET:
    return rest;
  case EX_EXCEPT:
    return max2(a0, rest);
  default:
    break;
  }
  return max2(l, max2(a, rest));
}

int expr_level(Expr *e) {
  if (!e)
    return 0;
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_ENABLED)
    return LEVEL_STATE;
  int a0 = 0, a = 0, rest = 0;
  for (int i = 0; i < e->nargs; i++) {
    int l = expr_level(e->args[i]);
    if (i == 0)
      a0 = l;
    a = max2(a, l);
  }
  switch (e->kind) {
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      rest = max2(rest, max2(expr_level(e->arms[i].guard),
                             expr_level(e->arms[i].value)));
    rest = max2(rest, expr_level(e->other));
    break;
  case EX_LET:
    rest = expr_level(e->body);
    break;
  case EX_EXCEPT:
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i];
      for (int s = 0; s < u->npath; s++)
        for (int k = 0; k < u->path[s].nargs; k++)
          rest = max2(rest, expr_level(u->path[s].args[k]));
      rest = max2(rest, expr_level(u->value));
    }
    break;
  default:
    for (int i = 0; i < e->nbounds; i++)
      rest = max2(rest, expr_level(e->bounds[i].set));
    rest = max2(rest, expr_level(e->body));
    break;
  }
  return node_level(e, a0, a, rest);
}

/* A definition's level is the level of its body (for a function, also
 * of its domain).  expr_level reads the current Def.level of the
 * definitions an expression uses, so levels are computed as a fixpoint:
 * all start at 0 and are raised until nothing changes.  That is exact for
 * mutual recursion, where a memoised walk would see a partner at 0. */
static int def_body_level(Def *d) {
  int l = 0;
  if (d->kind == DEF_FUN)
    for (int i = 0; i < d->nbounds; i++)
      l = max2(l, expr_level(d->bounds[i].set));
  return max2(l, expr_level(d->body));
}

static void compute_levels(Program *p) {
  for (size_t i = 0; i < p->defs.len; i++)
    p->defs.data[i]->level = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < p->defs.len; i++) {
      Def *d = p->defs.data[i];
      int l = def_body_level(d);
      if (l > d->level) {
        d->level = l;
        changed = true;
      }
    }
  }
}

/* ---- level errors ---- */

/* The level rules SANY enforces on the operators that care: a prime or
 * UNCHANGED of an action, ENABLED of a temporal formula, [] / <> / ~> of an
 * action (an action needs [A]_v), a temporal formula as the action of
 * [A]_v / <<A>>_v / WF / SF, a subscript that is not a state function, and
 * an ASSUME that is not constant.  An operator call counts at the highest
 * level of its definition and its arguments, so a parameter passed an
 * action is taken at face value. */
static void level_error(Resolver *r, Expr *at, const char *what, int level) {
  static const char *const names[] = {"constant", "state-level",
                                      "action-level", "temporal"};
  rerror(r, at->loc, "level error: %s (it is %s)", what,
         names[level]);
}

static int check_levels(Resolver *r, Expr *e);

static void check_def_levels(Resolver *r, Def *d) {
  for (int i = 0; i < d->nbounds; i++)
    check_levels(r, d->bounds[i].set);
  check_levels(r, d->body);
}

/* Reports the level errors of e and its subexpressions and returns the
 * level of e (as expr_level would): one walk, bottom-up, so a chain of n
 * operators costs O(n), not O(n^2) as asking expr_level at every
 * operator did.  Errors come children first. */
static int check_levels(Resolver *r, Expr *e) {
  if (!e)
    return 0;
  int a = 0, a0 = 0, a1 = 0, rest = 0;
  for (int i = 0; i < e->nargs; i++) {
    int l = check_levels(r, e->args[i]);
    if (i == 0)
      a0 = l;
    else if (i == 1)
      a1 = l;
    a = max2(a, l);
  }
  for (int i = 0; i < e->nbounds; i++)
    rest = max2(rest, check_levels(r, e->bounds[i].set));
  rest = max2(rest, check_levels(r, e->body));
  for (int i = 0; i < e->narms; i++) {
    rest = max2(rest, check_levels(r, e->arms[i].guard));
    rest = max2(rest, check_levels(r, e->arms[i].value));
  }
  rest = max2(rest, check_levels(r, e->other));
  for (int i = 0; i < e->ndefs; i++)
    check_def_levels(r, e->defs[i]);
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int s = 0; s < u->npath; s++)
      for (int k = 0; k < u->path[s].nargs; k++)
        rest = max2(rest, check_levels(r, u->path[s].args[k]));
    rest = max2(rest, check_levels(r, u->value));
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN && e->nargs >= 1) {
    int l = a0, l2 = a1;
    switch (e->ref.u.builtin) {
    case B_PRIME:
      if (l >= LEVEL_ACTION)
        level_error(r, e, "only a constant or state-level expression can be "
                          "primed", l);
      break;
    case B_UNCHANGED:
      if (l >= LEVEL_ACTION)
        level_error(r, e, "UNCHANGED takes a state function", l);
      break;
    case B_ENABLED:
      if (l >= LEVEL_TEMPORAL)
        level_error(r, e, "ENABLED takes an action", l);
      break;
    case B_BOX: /* [][A]_v and <><<A>>_v are the action forms */
    case B_DIAMOND:
      if (l == LEVEL_ACTION &&
          e->args[0]->kind != (e->ref.u.builtin == B_BOX ? EX_BOX_ACT
                                                         : EX_DIA_ACT))
        level_error(r, e, "[] and <> take a state predicate or a temporal "
                          "formula; an action needs [A]_v or <<A>>_v", l);
      break;
    case B_LEADSTO:
      if (l == LEVEL_ACTION || l2 == LEVEL_ACTION)
        level_error(r, e, "~> takes state predicates or temporal formulas",
                    LEVEL_ACTION);
      break;
    default:
      break;
    }
  }
  if (e->kind == EX_BOX_ACT || e->kind == EX_DIA_ACT || e->kind == EX_WF ||
      e->kind == EX_SF) {
    bool wf = e->kind == EX_WF || e->kind == EX_SF;
    Expr *act = e->args[wf ? 1 : 0], *sub = e->args[wf ? 0 : 1];
    int la = wf ? a1 : a0, ls = wf ? a0 : a1;
    if (la >= LEVEL_TEMPORAL)
      level_error(r, act, "the action of [A]_v, <<A>>_v, WF or SF must not "
                          "be temporal", la);
    else if (ls >= LEVEL_ACTION)
      level_error(r, sub, "a subscript must be a state function", ls);
  }
  return node_level(e, a0, a, rest);
}

/* Does module m (with what it EXTENDS) declare no variable and define
 * nothing above constant level?  Such a module's constant parameters may
 * be given expressions of any level; SANY then limits them by how they
 * are used, which brink does not follow (a constant module admits more). */
static bool module_is_constant(Program *p, Module *m, int depth) {
  if (depth > 64)
    return true;
  for (int u = 0; u < m->nunits; u++) {
    Unit *un = &m->units[u];
    if (un->kind == U_VARIABLES ||
        (un->kind == U_DEF && un->def->kind != DEF_INSTANCE &&
         un->def->level > LEVEL_CONST))
      return false;
  }
  for (int i = 0; i < m->nextends; i++)
    for (size_t k = 0; k < p->modules.len; k++)
      if (p->modules.data[k]->name == m->extends[i] &&
          !module_is_constant(p, p->modules.data[k], depth + 1))
        return false;
  return true;
}

/* SANY's level rule for INSTANCE: what replaces a VARIABLE must be at most
 * state-level, and what replaces a CONSTANT of a module that is not a
 * constant module must be constant (a primed or temporal expression would
 * change the meaning of the module's actions and formulas). */
static void check_instance_levels(Resolver *r, Instance *in) {
  if (!in || !in->resolved || in->nchain < 1)
    return;
  Instantiation *I = in->chain[0];
  bool constant = module_is_constant(r->prog, I->module, 0);
  for (int j = 0; j < I->nsubst; j++) {
    Decl *d = I->decls[j];
    if (d->arity > 0 || !I->values[j])
      continue;
    int max = d->is_var ? LEVEL_STATE : constant ? LEVEL_TEMPORAL : LEVEL_CONST;
    int l = expr_level(I->values[j]);
    if (l > max)
      rerror(r, I->values[j]->loc,
             "level error in instantiating module '%s': the level of the "
             "expression substituted for '%s' must be at most %d (it is %s)",
             sym_str(in->module), sym_str(d->name), max,
             (const char *[]){"constant", "state-level", "action-level",
                              "temporal"}[l]);
  }
}

/* Checks every module of the program (each once, as written: instance
 * copies are not walked again). */
static int check_program_levels(Program *p) {
  Resolver r = {0};
  r.prog = p;
  for (size_t i = 0; i < p->modules.len; i++) {
    Module *m = p->modules.data[i];
    if (m->builtin)
      continue;
    for (int u = 0; u < m->nunits; u++) {
      Unit *un = &m->units[u];
      if (un->kind == U_DEF && un->def->kind != DEF_INSTANCE)
        check_def_levels(&r, un->def);
      if (un->kind == U_DEF && un->def->kind == DEF_INSTANCE)
        check_instance_levels(&r, un->def->inst);
      if (un->kind == U_INSTANCE)
        check_instance_levels(&r, un->inst);
      int l = 0;
      if (un->kind == U_ASSUME || un->kind == U_THEOREM)
        l = check_levels(&r, un->expr);
      if (un->kind == U_ASSUME && un->expr) {
        if (l > LEVEL_CONST)
          level_error(&r, un->expr, "an ASSUME must be a constant formula",
                      l);
      }
    }
  }
  return r.errors;
}

/* ---- entry points ---- */

/* The state variables and constants of the program are those the root
 * module sees (its own and what it EXTENDS); a module used only through
 * INSTANCE has its declarations substituted away.  Renumbers them. */
static void keep_root_decls(Program *p) {
  for (int pass = 0; pass < 2; pass++) {
    Decl **ds = pass ? p->vars.data : p->consts.data;
    size_t n = pass ? p->vars.len : p->consts.len, k = 0;
    for (size_t i = 0; i < n; i++) {
      Entry *e = scope_find(p->root_scope, ds[i]->name);
      if (e && (e->ref.kind == REF_CONST || e->ref.kind == REF_VAR) &&
          e->ref.u.decl == ds[i]) {
        ds[i]->index = (int)k;
        ds[k++] = ds[i];
      } else {
        ds[i]->index = -1;
      }
    }
    if (pass)
      p->vars.len = k;
    else
      p->consts.len = k;
  }
}

static Module *find_module(Program *p, Sym name) {
  for (size_t i = 0; i < p->modules.len; i++)
    if (p->modules.data[i]->name == name)
      return p->modules.data[i];
  return NULL;
}

/* The ASSUMEs TLC checks: those of the root module and what it EXTENDS.
 * (TLC does not check the ASSUMEs of instantiated modules, and brink
 * agrees, so that verdicts match.) */
static void collect_assumes(Program *p, Module *m) {
  VEC(Module *) todo = {0};
  VEC(Module *) seen = {0};
  VEC_PUSH(todo, m);
  while (todo.len) {
    Module *x = VEC_POP(todo);
    bool dup = false;
    for (size_t i = 0; i < seen.len; i++)
      dup |= seen.data[i] == x;
    if (dup)
      continue;
    VEC_PUSH(seen, x);
    for (int i = 0; i < x->nextends; i++) {
      Module *y = find_module(p, x->extends[i]);
      if (y)
        VEC_PUSH(todo, y);
    }
    for (int u = 0; u < x->nunits; u++)
      if (x->units[u].kind == U_ASSUME)
        VEC_PUSH(p->assumes, x->units[u].expr);
  }
  VEC_FREE(todo);
  VEC_FREE(seen);
}

Program *program_load(const char *path) {
  Program *p = xcalloc(1, sizeof *p);
  char *copy = xstrdup(path);
  p->dir = xstrdup(dirname(copy));
  free(copy);
  char *text = src_read_file(path);
  if (!text) {
    Loc none = {0};
    diag_error(none, "cannot read %s: %s", path, strerror(errno));
    return NULL;
  }
  bool bad_algo = false;
  char *algo = pcal_text_for_check(path, text, &bad_algo);
  if (bad_algo) { /* the algorithm's errors are printed */
    free(text);
    return NULL;
  }
  if (algo) { /* PlusCal translated in memory (pluscal.h) */
    free(text);
    text = algo;
  }
  Module *m = parse_text(path, text);
  if (algo)
    pcal_relocate(m, path);
  if (!m) {
    free(text);
    return NULL;
  }
  p->root = m;
  Resolver r = {0};
  r.prog = p;
  r.root_path = path;
  r.root_text = text;
  VEC_PUSH(r.loading, sym_str(m->name));
  resolve_module(&r, m, NULL);
  free(text);
  VEC_FREE(r.locals);
  VEC_FREE(r.loading);
  if (r.errors || p->errors)
    return NULL;
  Scope *root = p->scopes[p->modules.len - 1];
  memcpy(p->std, root->std, sizeof p->std);
  p->root_scope = root;
  keep_root_decls(p);
  /* Make the definitions the root imports by unnamed INSTANCEs now, so
   * that the program's definitions are complete before it is bound to a
   * config (which sizes its tables by Def.id). */
  for (size_t i = 0; i < root->cap; i++)
    if (root->slots[i].name && root->slots[i].nvia)
      entry_ref(&root->slots[i]);
  collect_assumes(p, m);
  compute_levels(p);
  if (check_program_levels(p))
    return NULL;
  return p;
}

TopEntry program_lookup(Program *p, Sym name) {
  TopEntry t = {REF_NONE, {REF_NONE, {0}}};
  Entry *e = scope_find(p->root_scope, name);
  if (e) {
    /* Instantiated entries were made by program_load: no new defs. */
    t.ref = entry_ref(e);
    t.kind = t.ref.kind;
    return t;
  }
  t.ref = builtin_ref(p->std, name);
  t.kind = t.ref.kind;
  return t;
}

bool program_resolve_expr(Program *p, Expr *e) {
  Resolver r = {0};
  r.prog = p;
  r.scope = p->root_scope;
  int errors = p->errors;
  size_t ndefs = p->defs.len;
  resolve_expr(&r, e);
  VEC_FREE(r.locals);
  if (p->defs.len != ndefs)
    compute_levels(p);
  return r.errors == 0 && p->errors == errors;
}
