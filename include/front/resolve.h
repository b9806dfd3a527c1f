/* resolve.h -- module loading, name resolution and levels.
 *
 * program_load reads the root module, loads what it EXTENDS (modules in the
 * spec's own folder first, then brink's built-in standard modules), binds
 * every identifier and operator symbol to what it names (Expr.ref), checks
 * arities, numbers every CONSTANT and VARIABLE of the whole program (Decl.
 * index into consts / vars), and computes the level of every definition
 * (0 constant, 1 state, 2 action, 3 temporal).  Errors are printed located;
 * the result is NULL when there was any (exit code 150). */
#ifndef BRINK_RESOLVE_H
#define BRINK_RESOLVE_H

#include "ast.h"
#include "builtin.h"

enum { LEVEL_CONST = 0, LEVEL_STATE = 1, LEVEL_ACTION = 2, LEVEL_TEMPORAL = 3 };

typedef struct Program {
  Module *root;
  const char *dir;          /* the folder searched for user modules */
  VEC(Module *) modules;    /* user modules, each after what it extends */
  VEC(Decl *) consts;       /* every CONSTANT, by Decl.index */
  VEC(Decl *) vars;         /* every VARIABLE, by Decl.index */
  VEC(Def *) defs;          /* every definition, by Def.id */
  bool std[MOD__COUNT];     /* standard modules in scope of the root */
  void *root_scope;         /* name table of the root module (resolve.c) */
  VEC(Expr *) assumes;      /* the ASSUMEs to check (instantiated ones too) */
  VEC(void *) scopes;       /* name table of each of `modules` */
  uint32_t next_binder;     /* the last Binder.id handed out */
  int errors;               /* errors reported while resolving */
} Program;

Program *program_load(const char *path);
/* Resolves an extra expression (a command-line predicate) in the root
 * module's scope; false after printing errors. */
bool program_resolve_expr(Program *p, Expr *e);

/* What a name means at the root module's top level (for the .cfg file). */
typedef struct TopEntry {
  RefKind kind; /* REF_NONE if undefined */
  Ref ref;
} TopEntry;
TopEntry program_lookup(Program *p, Sym name);

/* The level of an expression (after resolution). */
int expr_level(Expr *e);

#endif
