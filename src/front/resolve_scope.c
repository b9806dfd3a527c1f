/* resolve_scope.c -- module scopes: what a name denotes at module level.
 *
 * A Scope is an open-addressing hash table from names to entries (a
 * definition, a CONSTANT or VARIABLE declaration, an instance member),
 * plus the set of standard modules whose built-ins are in scope.  A
 * module's scope starts with what it EXTENDS (res_import_module: the
 * public entries of each extended user module, the built-ins of each
 * standard module in the EXTENDS closure) and grows unit by unit in source
 * order (res_define, res_declare).  Defining a name twice is an error
 * unless both entries denote the same thing (a diamond of EXTENDS) or one
 * is weak (from an unnamed INSTANCE): then the module's own definition
 * wins.  res_lookup scans the stack of local names first, then the scope,
 * then the built-ins. */
#include <stdio.h>
#include <string.h>

#include "resolveint.h"

Entry *scope_find(Scope *s, Sym name) {
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

void res_error(Resolver *r, Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  r->errors++;
  diag_verror(loc, "error", fmt, ap);
  va_end(ap);
}

/* What an entry names, instantiating it first if it came in through an
 * unnamed INSTANCE.  REF_NONE after an error (inst_def reports and counts
 * it). */
Ref res_entry_ref(Entry *e) {
  return e->nvia ? inst_ref(e->via, e->nvia, e->ref) : e->ref;
}

/* A built-in operator of a standard module in scope. */
Ref res_builtin_ref(const bool std[MOD__COUNT], Sym name) {
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

Ref res_lookup(Resolver *r, Sym name) {
  for (size_t i = r->locals.len; i-- > 0;)
    if (r->locals.data[i].name == name)
      return r->locals.data[i].ref;
  Entry *e = scope_find(r->scope, name);
  if (e)
    return res_entry_ref(e);
  return res_builtin_ref(r->scope->std, name);
}

void res_push_binder(Resolver *r, Binder *b) {
  b->id = ++r->prog->next_binder;
  Local l = {b->name, {REF_BINDER, {.binder = b}}};
  VEC_PUSH(r->locals, l);
}
/* Puts standard module m and the modules it re-exports in scope s. */
void scope_add_std(Scope *s, StdModule m) {
  s->std[m] = true;
  StdModule ext[4];
  int n = std_module_extends(m, ext);
  for (int i = 0; i < n; i++)
    scope_add_std(s, ext[i]);
}

Scope *res_module_scope(Program *p, Module *m) {
  for (size_t i = 0; i < p->modules.len; i++)
    if (p->modules.data[i] == m)
      return p->scopes.data[i];
  return NULL;
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

void res_define_entry(Resolver *r, Entry e, Loc loc) {
  Entry *old = scope_find(r->scope, e.name);
  if (old && !same_entry(old, &e)) {
    /* What an unnamed INSTANCE brings gives way to the module's own. */
    if (e.weak && !old->inherited)
      return;
    if (!old->weak || e.weak) {
      if (old->inherited)
        res_error(r, loc, "'%s' is already defined in the enclosing module",
                  sym_str(e.name));
      else
        res_error(r, loc, "multiple definitions of '%s'", sym_str(e.name));
      return;
    }
  }
  scope_put(r->scope, e);
}

void res_define(Resolver *r, Sym name, Loc loc, Ref ref, bool local) {
  Entry e = {name, ref, local, false, false, NULL, 0};
  res_define_entry(r, e, loc);
}


/* Adds what module `m` exports (its EXTENDS closure included) to the
 * current scope. */
void res_import_module(Resolver *r, Module *m) {
  Scope *src = res_module_scope(r->prog, m);
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
    res_define_entry(r, *e, at);
  }
  for (int k = 0; k < MOD__COUNT; k++)
    r->scope->std[k] |= src->std[k];
}

void res_declare(Resolver *r, Decl *d, bool is_var) {
  d->is_var = is_var;
  if (is_var) {
    d->index = (int)r->prog->vars.len;
    VEC_PUSH(r->prog->vars, d);
  } else {
    d->index = (int)r->prog->consts.len;
    VEC_PUSH(r->prog->consts, d);
  }
  Ref ref = {is_var ? REF_VAR : REF_CONST, {.decl = d}};
  res_define(r, d->name, d->loc, ref, false);
}

/* A copy of scope s whose entries are all marked inherited (what a nested
 * module sees of its enclosing module). */
Scope *scope_inherit(Scope *s) {
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
