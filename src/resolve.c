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

#include "parse.h"

typedef struct Entry {
  Sym name;
  Ref ref;
  bool local; /* LOCAL definition: not exported to extending modules */
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
  uint32_t next_binder;
  VEC(Sym) recursive;  /* names declared RECURSIVE, awaiting definitions */
  VEC(Expr *) forward; /* references to RECURSIVE names not yet defined */
  VEC(const char *) loading; /* module names being loaded (cycles) */
  VEC(Module *) submodules;  /* nested modules seen so far */
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

static Ref lookup(Resolver *r, Sym name) {
  for (size_t i = r->locals.len; i-- > 0;)
    if (r->locals.data[i].name == name)
      return r->locals.data[i].ref;
  Entry *e = scope_find(r->scope, name);
  if (e)
    return e->ref;
  Ref none = {REF_NONE, {0}};
  for (int m = 0; m < MOD__COUNT; m++) {
    if (m != MOD_CORE && !r->scope->std[m])
      continue;
    int b = builtin_lookup(name, (StdModule)m);
    if (b >= 0) {
      Ref ref = {REF_BUILTIN, {.builtin = b}};
      return ref;
    }
  }
  return none;
}

static void push_binder(Resolver *r, Binder *b) {
  b->id = ++r->next_binder;
  Local l = {b->name, {REF_BINDER, {.binder = b}}};
  VEC_PUSH(r->locals, l);
}

static void resolve_expr(Resolver *r, Expr *e);
static void resolve_def(Resolver *r, Def *d);

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
  if (ref.kind == REF_BINDER || ref.kind == REF_CONST)
    return 0;
  return 0;
}

static void resolve_bounds_sets(Resolver *r, Bound *b, int n) {
  for (int i = 0; i < n; i++)
    if (b[i].set)
      resolve_expr(r, b[i].set);
}

static void push_bounds(Resolver *r, Bound *b, int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < b[i].nnames; j++)
      push_binder(r, &b[i].names[j]);
}

/* An operator argument passed where an operator of arity k is expected:
 * a name of an operator with k parameters, or a LAMBDA. */
static void resolve_op_arg(Resolver *r, Expr *a, int k) {
  if (a->kind == EX_OP && a->nargs == 0 && a->npath == 0) {
    a->ref = lookup(r, a->name);
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

static void resolve_op(Resolver *r, Expr *e) {
  if (e->npath > 0) {
    rerror(r, e->loc,
           "instantiated operator '%s!%s' is not supported yet (INSTANCE)",
           sym_str(e->path[0]), sym_str(e->name));
    return;
  }
  e->ref = lookup(r, e->name);
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

static void resolve_let(Resolver *r, Expr *e) {
  size_t mark = r->locals.len;
  for (int i = 0; i < e->ndefs; i++) {
    Def *d = e->defs[i];
    if (d->kind == DEF_INSTANCE) {
      rerror(r, d->loc, "INSTANCE inside LET is not supported yet");
      continue;
    }
    resolve_def(r, d);
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

static void define(Resolver *r, Sym name, Loc loc, Ref ref, bool local) {
  Entry *old = scope_find(r->scope, name);
  if (old) {
    bool same = old->ref.kind == ref.kind && old->ref.u.def == ref.u.def;
    if (!same) {
      rerror(r, loc, "multiple definitions of '%s'", sym_str(name));
      return;
    }
  }
  Entry e = {name, ref, local};
  scope_put(r->scope, e);
}

static Module *load_module(Resolver *r, Sym name, Loc at);

/* Adds what module `m` exports (its EXTENDS closure included) to the
 * current scope. */
static void import_module(Resolver *r, Module *m) {
  Scope *src = NULL;
  for (size_t i = 0; i < r->prog->modules.len; i++)
    if (r->prog->modules.data[i] == m)
      src = ((Scope **)r->prog->root_scope)[i];
  if (!src)
    return;
  for (size_t i = 0; i < src->cap; i++) {
    Entry *e = &src->slots[i];
    if (e->name && !e->local)
      define(r, e->name, e->ref.kind == REF_DEF ? e->ref.u.def->name_loc : m->loc,
             e->ref, false);
  }
  for (int k = 0; k < MOD__COUNT; k++)
    r->scope->std[k] |= src->std[k];
}

static void add_std(Scope *s, StdModule m) {
  s->std[m] = true;
  StdModule ext[4];
  int n = std_module_extends(m, ext);
  for (int i = 0; i < n; i++)
    add_std(s, ext[i]);
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

/* Resolves module m's units into a fresh scope; registers the scope. */
static void resolve_module(Resolver *r, Module *m) {
  Scope *saved = r->scope;
  size_t saved_rec = r->recursive.len, saved_fwd = r->forward.len;
  Scope *s = xcalloc(1, sizeof *s);
  r->scope = s;
  for (int i = 0; i < m->nextends; i++) {
    const char *name = sym_str(m->extends[i]);
    int std = std_module_lookup(name);
    Module *um = load_module(r, m->extends[i], m->extends_loc[i]);
    if (um) {
      r->scope = s;
      import_module(r, um);
    } else if (std >= 0) {
      add_std(s, (StdModule)std);
    }
    r->scope = s;
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
        rerror(r, d->loc, "'%s == INSTANCE %s' is not supported yet",
               sym_str(d->name), sym_str(d->inst->module));
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
      rerror(r, un->loc, "INSTANCE %s is not supported yet",
             sym_str(un->inst->module));
      break;
    case U_ASSUME:
    case U_THEOREM:
      resolve_expr(r, un->expr);
      break;
    case U_MODULE:
      VEC_PUSH(r->submodules, un->sub);
      break;
    }
  }
  for (size_t i = saved_fwd; i < r->forward.len; i++) {
    Expr *f = r->forward.data[i];
    if (f->ref.kind == REF_NONE)
      rerror(r, f->loc, "operator '%s' is declared RECURSIVE but never defined",
             sym_str(f->name));
  }
  r->recursive.len = saved_rec;
  r->forward.len = saved_fwd;
  VEC_PUSH(r->prog->modules, m);
  Scope **scopes = r->prog->root_scope;
  scopes = xrealloc(scopes, r->prog->modules.len * sizeof *scopes);
  scopes[r->prog->modules.len - 1] = s;
  r->prog->root_scope = scopes;
  r->scope = saved;
}

/* A user module called `name`: a nested module seen earlier, or
 * dir/name.tla; NULL for a standard module; an error if neither. */
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
      resolve_module(r, r->submodules.data[i]);
      r->loading.len--;
      return r->submodules.data[i];
    }
  char *path = xsprintf("%s/%s.tla", r->prog->dir, nm);
  char *text = src_read_file(path);
  if (!text) {
    free(path);
    if (std_module_lookup(nm) >= 0)
      return NULL;
    rerror(r, at,
           "cannot find module '%s' (searched: %s/%s.tla, then brink's "
           "standard modules Naturals, Integers, Sequences, FiniteSets, TLC)",
           nm, r->prog->dir, nm);
    return NULL;
  }
  Module *m = parse_text(path, text);
  free(text);
  if (!m) {
    r->errors++;
    free(path);
    return NULL;
  }
  if (m->name != name)
    rerror(r, m->loc, "file %s holds module '%s', not '%s'", path,
           sym_str(m->name), nm);
  free(path);
  VEC_PUSH(r->loading, nm);
  resolve_module(r, m);
  r->loading.len--;
  return m;
}

/* ---- levels ---- */


static int max2(int a, int b) { return a > b ? a : b; }

int expr_level(Expr *e) {
  if (!e)
    return 0;
  int l = 0;
  switch (e->kind) {
  case EX_OP:
    switch (e->ref.kind) {
    case REF_VAR:
      l = LEVEL_STATE;
      break;
    case REF_DEF:
      l = e->ref.u.def->level;
      break;
    case REF_BUILTIN:
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
    default:
      break;
    }
    break;
  case EX_BOX_ACT:
  case EX_DIA_ACT:
  case EX_WF:
  case EX_SF:
  case EX_TFORALL:
  case EX_TEXISTS:
    l = LEVEL_TEMPORAL;
    break;
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      l = max2(l, max2(expr_level(e->arms[i].guard),
                       expr_level(e->arms[i].value)));
    l = max2(l, expr_level(e->other));
    return l;
  case EX_LET:
    return expr_level(e->body);
  case EX_EXCEPT:
    l = expr_level(e->args[0]);
    for (int i = 0; i < e->nupdates; i++) {
      ExceptUpdate *u = &e->updates[i];
      for (int s = 0; s < u->npath; s++)
        for (int k = 0; k < u->path[s].nargs; k++)
          l = max2(l, expr_level(u->path[s].args[k]));
      l = max2(l, expr_level(u->value));
    }
    return l;
  default:
    break;
  }
  for (int i = 0; i < e->nargs; i++)
    l = max2(l, expr_level(e->args[i]));
  for (int i = 0; i < e->nbounds; i++)
    l = max2(l, expr_level(e->bounds[i].set));
  l = max2(l, expr_level(e->body));
  return l;
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

/* ---- entry points ---- */

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
  Module *m = parse_text(path, text);
  free(text);
  if (!m)
    return NULL;
  p->root = m;
  Resolver r = {0};
  r.prog = p;
  VEC_PUSH(r.loading, sym_str(m->name));
  resolve_module(&r, m);
  if (r.errors)
    return NULL;
  Scope **scopes = p->root_scope;
  Scope *root = scopes[p->modules.len - 1];
  memcpy(p->std, root->std, sizeof p->std);
  p->root_scope = root;
  compute_levels(p);
  VEC_FREE(r.locals);
  VEC_FREE(r.loading);
  return p;
}

TopEntry program_lookup(Program *p, Sym name) {
  TopEntry t = {REF_NONE, {REF_NONE, {0}}};
  Entry *e = scope_find(p->root_scope, name);
  if (e) {
    t.kind = e->ref.kind;
    t.ref = e->ref;
    return t;
  }
  for (int m = 0; m < MOD__COUNT; m++) {
    if (m != MOD_CORE && !p->std[m])
      continue;
    int b = builtin_lookup(name, (StdModule)m);
    if (b >= 0) {
      t.kind = REF_BUILTIN;
      t.ref.kind = REF_BUILTIN;
      t.ref.u.builtin = b;
      return t;
    }
  }
  return t;
}

bool program_resolve_expr(Program *p, Expr *e) {
  Resolver r = {0};
  r.prog = p;
  r.scope = p->root_scope;
  r.next_binder = 1u << 30;
  resolve_expr(&r, e);
  VEC_FREE(r.locals);
  return r.errors == 0;
}
