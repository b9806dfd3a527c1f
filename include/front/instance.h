/* instance.h -- the definitions of an instantiated module.
 *
 * `M(p) == INSTANCE Mod WITH x <- e, ...` (or an unnamed INSTANCE) makes
 * every definition Op of Mod available with Mod's CONSTANTS and VARIABLES
 * replaced by the given expressions.  brink realises that by copying: the
 * instantiation of a definition Op is a new Def whose body is a copy of
 * Op's body in which
 *   - each substituted CONSTANT or VARIABLE is replaced by a copy of its
 *     expression (resolved in the instantiating module), and
 *   - each reference to another definition of Mod refers to that
 *     definition's instantiation, with the instance parameters p passed
 *     first.
 * So `M(a)!Op(b)` is an ordinary call of the copy with arguments (a, b):
 * the copy's parameters are the instance's parameters followed by Op's.
 * Every binder of a copy is fresh (new id, empty type), so the evaluator,
 * the encoder and type inference see ordinary, independent definitions.
 *
 * Copies are made on demand and memoised per instantiation, so each
 * definition is copied at most once per INSTANCE and only if used.
 * Instantiating an INSTANCE definition inside Mod composes: the copy is an
 * INSTANCE definition whose chain of instantiations grows by one. */
#ifndef BRINK_INSTANCE_H
#define BRINK_INSTANCE_H

#include "resolve.h"

/* One replacement: a CONSTANT or VARIABLE of the instantiated module and
 * the (resolved) expression that replaces it. */
typedef struct InstSubst {
  Decl *decl;
  Expr *value;
} InstSubst;

struct Instantiation {
  Program *prog;
  Module *module;  /* the instantiated module */
  VEC(InstSubst) subst; /* one per CONSTANT and VARIABLE of Mod */
  Binder *params;  /* the instance definition's parameters (may be none) */
  int nparams;
  void *memo;      /* original Def -> copy (instance.c) */
  /* Where the instantiation is written, for naming actions as TLC does:
   * the named definition `I == INSTANCE M ...` or the `INSTANCE M`
   * statement, and the module holding it (at.file == 0: in a LET). */
  Loc at;
  Sym in_module;
};

/* The copy of definition d under instantiation I (memoised).  NULL after
 * printing a located error when d cannot be instantiated. */
Def *inst_def(Instantiation *I, Def *d);

/* Applies a chain of instantiations, innermost first, to a reference
 * found in an instantiated module's scope.  Built-in operators are
 * unchanged; a CONSTANT or VARIABLE cannot be named through an instance
 * (REF_NONE). */
Ref inst_ref(Instantiation **chain, int n, Ref ref);

/* ENABLED A copied from Mod under a substitution that does not just
 * rename Mod's variables means ENABLED A evaluated on Mod's own state: the
 * one the substitution maps the current state to (instance.c).  Such a
 * copy, and the copy of a WF_v(A) / SF_v(A), has a twin: */
typedef struct InstEnabled {
  Expr *arg;     /* A (<<A>>_v for WF / SF) over Mod's variables, which
                    are variables numbered 0..nvars-1 of their own */
  Expr **values; /* the value of each of them in the current state */
  int nvars;
} InstEnabled;

/* The twin of a copied ENABLED node (or of a WF / SF node), or NULL. */
const InstEnabled *inst_enabled_of(const Expr *e);
/* Gives the ENABLED <<A>>_v built for fairness node `fair` (WF_v(A) or
 * SF_v(A)) the twin of `fair`, or its refusal. */
void inst_enabled_attach(Expr *enabled, const Expr *fair);

/* Whether e is the copy of an ENABLED under a substitution that does not
 * just rename Mod's variables: both engines evaluate its twin when it has
 * one, and refuse it when not. */
bool inst_enabled_refused(const Expr *e);
#define ENABLED_REFUSAL                                                        \
  "ENABLED in an instantiated module whose substitution does not map its "   \
  "variables to distinct variables is not supported (ENABLED binds their "   \
  "primes, which the substitution must not replace)"

#endif
