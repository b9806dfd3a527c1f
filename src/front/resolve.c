/* resolve.c -- loading modules and resolving them unit by unit.
 *
 * Each module gets a scope (resolve_scope.c): a hash table from names to
 * what they denote (a definition, a CONSTANT or VARIABLE declaration, or a
 * built-in operator).  A module's scope starts with what it EXTENDS -- the
 * public (non-LOCAL) entries of each extended user module, and the
 * built-ins of each standard module in the EXTENDS closure -- and grows
 * unit by unit in source order, so a definition sees only what comes
 * before it (plus the names declared RECURSIVE).  Modules are loaded on
 * first mention (res_load_module: a nested module, the root's directory,
 * brink's library, a later module of the root file); a cycle of EXTENDS
 * is an error.  Inside expressions a stack of local entries shadows the module
 * scope (resolve_expr.c).
 *
 * Levels are computed after binding, one memoised walk per definition
 * (resolve_level.c).  The files of the resolver are listed in
 * resolveint.h. */
#include "resolve.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "pluscal.h"
#include "resolveint.h"

/* ---- USE / HIDE facts ---- */

/* A fact of a top-level USE / HIDE names a definition, theorem or
 * assumption, and its selectors name parts that exist: `!k` the k-th
 * operand of an operator application, `!lbl` a label (SANY's errors).
 * Selectors are followed only through plain operator applications and
 * labels; other constructs and definitions with parameters are taken on
 * trust. */
static void check_fact(Resolver *r, Module *m, FactRef *f) {
  Ref ref = res_lookup(r, f->name);
  if (ref.kind == REF_NONE && f->in_proof)
    return; /* a name the proof introduces (NEW, PICK, DEFINE) */
  if (ref.kind == REF_NONE) {
    for (int i = 0; i < m->nopaque; i++)
      if (m->opaque[i] == f->name)
        return;
    res_error(r, f->loc, "unknown operator '%s'", sym_str(f->name));
    return;
  }
  if (ref.kind != REF_DEF || ref.u.def->kind != DEF_OP ||
      ref.u.def->nparams > 0)
    return;
  Expr *e = ref.u.def->body;
  for (int i = 0; i < f->nsel && e; i++) {
    FactSel *s = &f->sel[i];
    if (s->label) {
      Expr *l = res_find_label(e, s->label);
      if (!l) {
        res_error(r, s->loc, "cannot find label '%s'", sym_str(s->label));
        return;
      }
      e = l->body;
      continue;
    }
    bool literal = e->kind == EX_NUM || e->kind == EX_STR;
    if (literal) {
      res_error(r, s->loc,
                "selecting a subexpression of an expression that has "
                "none (selector !%d)",
                s->index);
      return;
    }
    bool leaf = e->kind == EX_BOOL || (e->kind == EX_OP && e->nargs == 0 &&
                                        !e->npath && e->ref.kind != REF_DEF);
    if (!leaf && (e->kind != EX_OP || e->npath || e->nargs == 0))
      return;
    if (s->index > e->nargs) {
      res_error(r, s->loc,
                "nonexistent operand specified by the argument "
                "selector !%d (the expression has %d)",
                s->index, e->nargs);
      return;
    }
    e = e->args[s->index - 1];
  }
}

/* ---- modules ---- */

/* Resolves module m's units into a fresh scope (for a nested module, one
 * that starts with its enclosing module's names); registers the scope. */
/* Records where an instantiation is written (instance.h's `at`), for the
 * names of actions reached through it. */
static void mark_instance(Instance *in, Loc at, Sym module) {
  if (in->nchain > 0 && in->chain && in->chain[0]) {
    in->chain[0]->at = at;
    in->chain[0]->in_module = module;
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
    scope_add_std(s, (StdModule)self_std);
  for (int i = 0; i < m->nextends; i++) {
    const char *name = sym_str(m->extends[i]);
    int std = std_module_lookup(name);
    if (std >= 0)
      scope_add_std(s, (StdModule)std);
    Module *um = res_load_module(r, m->extends[i], m->extends_loc[i]);
    r->scope = s;
    if (um)
      res_import_module(r, um);
  }
  for (int u = 0; u < m->nunits; u++) {
    Unit *un = &m->units[u];
    switch (un->kind) {
    case U_CONSTANTS:
    case U_VARIABLES:
      for (int i = 0; i < un->ndecls; i++) {
        un->decls[i]->module = m;
        res_declare(r, un->decls[i], un->kind == U_VARIABLES);
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
        if (res_instantiate(r, d->inst, d->params, d->nparams)) {
          mark_instance(d->inst, d->loc, m->name);
          Ref ref = {REF_DEF, {.def = d}};
          res_define(r, d->name, d->name_loc, ref, d->local);
        }
        resolve_def(r, d);
        break;
      }
      for (size_t i = 0; i < r->recursive.len; i++)
        if (r->recursive.data[i] == d->name)
          d->recursive = true;
      if (d->recursive || d->kind == DEF_FUN) {
        Ref ref = {REF_DEF, {.def = d}};
        res_define(r, d->name, d->name_loc, ref, d->local);
        resolve_def(r, d);
      } else {
        resolve_def(r, d);
        Ref ref = {REF_DEF, {.def = d}};
        res_define(r, d->name, d->name_loc, ref, d->local);
      }
      /* Patch forward references to a RECURSIVE operator. */
      for (size_t i = saved_fwd; i < r->forward.len; i++) {
        Expr *f = r->forward.data[i];
        if (f->name == d->name && f->ref.kind == REF_NONE) {
          f->ref.kind = REF_DEF;
          f->ref.u.def = d;
          if (d->nparams != f->nargs)
            res_error(r, f->loc,
                      "operator '%s' takes %d argument%s but is given %d",
                      sym_str(d->name), d->nparams, d->nparams == 1 ? "" : "s",
                      f->nargs);
        }
      }
      break;
    }
    case U_INSTANCE:
      if (res_instantiate(r, un->inst, NULL, 0)) {
        mark_instance(un->inst, un->loc, m->name);
        res_import_instance(r, un->inst);
      }
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
        res_define(r, d->name, d->name_loc, ref, false);
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
      res_error(r, f->loc,
                "operator '%s' is declared RECURSIVE but never defined",
                sym_str(f->name));
  }
  for (int i = 0; i < m->nuses; i++)
    check_fact(r, m, &m->uses[i]);
  r->recursive.len = saved_rec;
  r->forward.len = saved_fwd;
  VEC_PUSH(r->prog->modules, m);
  VEC_PUSH(r->prog->scopes, s);
  r->scope = saved;
}

/* A user module called `name`: a nested module seen earlier, dir/name.tla,
 * one that comes with brink, or a later top-level module of the root file
 * (in that order, as SANY looks); NULL for a standard module; an error if
 * none of these. */
Module *res_load_module(Resolver *r, Sym name, Loc at) {
  const char *nm = sym_str(name);
  for (size_t i = 0; i < r->prog->modules.len; i++)
    if (r->prog->modules.data[i]->name == name)
      return r->prog->modules.data[i];
  for (size_t i = 0; i < r->loading.len; i++)
    if (strcmp(r->loading.data[i], nm) == 0) {
      res_error(r, at, "module '%s' extends itself (circular EXTENDS)", nm);
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
      res_error(
          r, at,
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
    res_error(r, m->loc, "file %s holds module '%s', not '%s'", path,
              sym_str(m->name), nm);
  free(path);
  VEC_PUSH(r->loading, nm);
  resolve_module(r, m, NULL);
  r->loading.len--;
  return m;
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
  Scope *root = p->scopes.data[p->scopes.len - 1];
  memcpy(p->std, root->std, sizeof p->std);
  p->root_scope = root;
  keep_root_decls(p);
  /* Make the definitions the root imports by unnamed INSTANCEs now, so
   * that the program's definitions are complete before it is bound to a
   * config (which sizes its tables by Def.id). */
  for (size_t i = 0; i < root->cap; i++)
    if (root->slots[i].name && root->slots[i].nvia)
      res_entry_ref(&root->slots[i]);
  collect_assumes(p, m);
  level_compute(p);
  if (level_check_program(p))
    return NULL;
  return p;
}

TopEntry program_lookup(Program *p, Sym name) {
  TopEntry t = {REF_NONE, {REF_NONE, {0}}};
  Entry *e = scope_find(p->root_scope, name);
  if (e) {
    /* Instantiated entries were made by program_load: no new defs. */
    t.ref = res_entry_ref(e);
    t.kind = t.ref.kind;
    return t;
  }
  t.ref = res_builtin_ref(p->std, name);
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
    level_compute(p);
  return r.errors == 0 && p->errors == errors;
}
