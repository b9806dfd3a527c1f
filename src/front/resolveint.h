/* resolveint.h -- what the files of the resolver share; not for other
 * modules (their interface is resolve.h).
 *
 * The resolver is split by idea: resolve.c (loading modules, resolving
 * their units in order, USE / HIDE facts, the entry points),
 * resolve_scope.c (module scopes and lookup), resolve_expr.c (binding the
 * names inside expressions), resolve_instance.c (INSTANCE substitutions)
 * and resolve_level.c (levels and SANY's level rules).  They share one
 * Resolver per program load: the current module's scope, the stack of
 * local names that shadows it, and the error count. */
#ifndef BRINK_RESOLVEINT_H
#define BRINK_RESOLVEINT_H

#include "instance.h"
#include "library.h"
#include "resolve.h"

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

/* ---- scopes and lookup (resolve_scope.c) ---- */

/* Reports a located error and counts it. */
void res_error(Resolver *r, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Entry *scope_find(Scope *s, Sym name);
/* A copy of scope s whose entries are all marked inherited (what a nested
 * module sees of its enclosing module). */
Scope *scope_inherit(Scope *s);
/* Puts standard module m and the modules it re-exports in scope s. */
void scope_add_std(Scope *s, StdModule m);
/* The scope of a loaded module (NULL while it is being resolved). */
Scope *res_module_scope(Program *p, Module *m);
/* What an entry names, instantiating it first if it came in through an
 * unnamed INSTANCE; REF_NONE after an error. */
Ref res_entry_ref(Entry *e);
/* A built-in operator of a standard module in scope. */
Ref res_builtin_ref(const bool std[MOD__COUNT], Sym name);
/* What name denotes here: locals innermost first, the scope, built-ins. */
Ref res_lookup(Resolver *r, Sym name);
/* Numbers binder b and pushes it on the locals. */
void res_push_binder(Resolver *r, Binder *b);
void res_define_entry(Resolver *r, Entry e, Loc loc);
void res_define(Resolver *r, Sym name, Loc loc, Ref ref, bool local);
/* Adds what module m exports (its EXTENDS closure included) to the
 * current scope. */
void res_import_module(Resolver *r, Module *m);
void res_declare(Resolver *r, Decl *d, bool is_var);

/* ---- names in expressions (resolve_expr.c) ---- */

void resolve_expr(Resolver *r, Expr *e);
void resolve_def(Resolver *r, Def *d);
/* An operator argument where an operator of arity k is expected. */
void resolve_op_arg(Resolver *r, Expr *a, int k);
/* Arity of what a reference names, or -1 when anything goes. */
int res_ref_arity(Ref ref);
/* The labelled subexpression lbl of e (depth first), or NULL. */
Expr *res_find_label(Expr *e, Sym lbl);

/* ---- INSTANCE (resolve_instance.c) ---- */

bool res_instantiate(Resolver *r, Instance *in, Binder *params, int nparams);
void res_import_instance(Resolver *r, Instance *in);

/* ---- modules (resolve.c) ---- */

/* Loads, parses and resolves module `name` (once); NULL on error. */
Module *res_load_module(Resolver *r, Sym name, Loc at);

/* ---- levels (resolve_level.c) ---- */

/* Gives every definition and expression of p its level. */
void level_compute(Program *p);
/* SANY's level rules over p; the number of errors. */
int level_check_program(Program *p);

#endif
