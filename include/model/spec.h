/* spec.h -- a resolved program bound to its model configuration.
 *
 * spec_bind checks the .cfg against the program: every CONSTANT gets a
 * value (or an operator substituted for it), INIT/NEXT or SPECIFICATION
 * name definitions of the right level, invariants and constraints exist
 * and are state predicates (action predicates for ACTION_CONSTRAINT).
 * Keys brink does not act on yet are warned about, never skipped silently.
 *
 * Next is split into actions the way TLC does: through disjunctions,
 * existential quantifiers and definitions.  Each action is the path from
 * Next to one disjunct, so it can be evaluated on its own (to name the
 * action of each step of a trace).
 *
 * PROPERTY entries are split into conjuncts (through conjunctions and
 * parameterless definitions) and each conjunct is classified as TLC does
 * (spec_classify_property): a state predicate holds in every initial
 * state; []P with P a state predicate is an invariant; [][A]_v is an
 * action property, A \/ UNCHANGED v on every step the search generates;
 * anything else is a temporal (liveness) property; an engine that does
 * not check it says so and refuses to report success (checked.h).  The
 * SPECIFICATION's fairness conjuncts are kept as written, for liveness. */
#ifndef BRINK_SPEC_H
#define BRINK_SPEC_H

#include "cfg.h"
#include "resolve.h"
#include "value.h"

typedef struct Named {
  Sym name;
  Loc loc;  /* where the .cfg names it */
  Expr *expr;
} Named;

/* One step of the path from Next to an action: the node and, for a
 * disjunction, which disjunct the path takes. */
typedef struct ActionStep {
  Expr *node;
  int child;
} ActionStep;

typedef struct Action {
  /* As TLC names it: the innermost definition the path goes through and
   * the disjunct's source extent in module `module`; or, once the path
   * enters a definition of an INSTANCE, that reference as written
   * (`I!Next`) and the INSTANCE's own extent in the module holding it. */
  const char *name;
  Loc loc;
  Sym module;
  ActionStep *path;
  int npath;
  Expr *leaf;
} Action;

typedef enum PropKind {
  PROP_INIT,     /* P, a state predicate: true in every initial state */
  PROP_ALWAYS,   /* []P, P a state predicate: an invariant */
  PROP_ACTION,   /* [][A]_v: A \/ UNCHANGED v on every generated step */
  PROP_TEMPORAL, /* anything else (<>P, P ~> Q, WF/SF, ...): liveness */
} PropKind;

/* One classified conjunct of a PROPERTY.  `name` is what TLC calls it in
 * messages: the innermost parameterless definition the conjunct is (or is
 * written in), or the predicate's own name for []Op. */
typedef struct Property {
  PropKind kind;
  Sym name;
  Loc loc;      /* the conjunct in the spec */
  Loc cfg_loc;  /* the PROPERTY entry in the config */
  Sym cfg_name; /* ... and its name (TLC names violated properties so) */
  Expr *expr;   /* P for PROP_INIT / PROP_ALWAYS, A for PROP_ACTION, the
                 * whole conjunct for PROP_TEMPORAL */
  Expr *sub;    /* PROP_ACTION: the subscript v */
} Property;

typedef VEC(Property) PropertyVec;

typedef struct Spec {
  Program *prog;
  Config *cfg;
  const char *module_name;
  int nvars;
  Value **const_vals; /* by constant index; NULL when substituted */
  Def **const_defs;   /* `C <- Op`: the definition used for C */
  Expr *init, *next;  /* as EX_OP applications of the named definitions */
  Sym init_name, next_name;
  VEC(Named) invariants;
  VEC(Named) constraints;
  VEC(Named) action_constraints;
  PropertyVec properties; /* every conjunct of every PROPERTY, classified */
  VEC(Named) fairness;    /* the SPECIFICATION's WF/SF conjuncts (name: the
                           * definition a conjunct refers to, or 0) */
  VEC(Action) actions;
  VEC(Expr *) assumes; /* every ASSUME of every module, in order */
  bool no_behavior;    /* the config names no SPECIFICATION or INIT/NEXT */
  Expr *symmetry;      /* SYMMETRY: a set of permutations of model values */
  Expr *view;          /* VIEW: what of a state tells states apart */
  Expr *alias;         /* ALIAS: the record printed for a trace's state */
  Named postcondition; /* POSTCONDITION (expr NULL when absent) */
  bool check_deadlock;
  /* Definitions overridden by the config (`Op = value`, `Op <- Other`),
   * by Def.id; NULL when not overridden. */
  Value **def_vals;
  Def **def_substs;
  bool *def_scoped; /* the override was `Op <-[Mod] Other` */
  size_t ndefs;
  /* The evaluator's cache of constant-level definitions, by Def.id. */
  Value **def_cache;
  /* --cinit: a constant predicate that gives the constants the config
   * leaves open their values (cinit.h); NULL without it. */
  Expr *cinit;
} Spec;

/* What the config makes of definition d: its value (`Op = v`, NULL when
 * not given), and the definition that stands for it (the replacement of
 * `Op <- Other`, else d itself).  A copy made by INSTANCE shares the
 * overrides of the definition it copies (`Op <-[Mod] Other` needs that). */
Value *spec_def_value(const Spec *s, const Def *d);
Def *spec_effective_def(const Spec *s, Def *d);
/* Does the application app (`M!Op`) name an instance's own copy of d
 * that the config's overrides leave alone?  A plain `Op <- Other` (or
 * `Op = v`) replaces the definition the spec calls Op, and every use of
 * that name, but not M!Op, which names the instance's own copy (TLC's
 * idiom: `LET M == INSTANCE Spec IN M!Op` calls the original of an
 * overridden Op).  `Op <-[Mod] Other` reaches every copy. */
bool spec_names_instance_copy(const Spec *s, const Expr *app, const Def *d);

/* Binds cfg to prog.  `overrides` may replace INIT/NEXT/invariants from the
 * command line (0 / empty = use the config).  NULL after printing errors;
 * *exit_code tells which kind (150 spec error, 151 config error). */
typedef struct SpecOptions {
  Sym init, next;
  const char *inv; /* comma-separated invariant names, or NULL */
  int check_deadlock; /* -1 = as configured */
  Sym cinit;          /* --cinit: constants may be left open for it */
} SpecOptions;
Spec *spec_bind(Program *prog, Config *cfg, const SpecOptions *opt,
                int *exit_code);

/* Appends the conjuncts of the temporal formula e (named `name`, given
 * by the config at cfg_loc) to out, classified as above.  Returns false
 * after printing an error when a conjunct is an action that is not boxed
 * ([][A]_v is a property, A alone is not) or the formula is overridden
 * by FALSE. */
bool spec_classify_property(const Spec *s, Sym name, Loc cfg_loc, Expr *e,
                            PropertyVec *out);
/* How many of s->properties are of the given kind. */
size_t spec_count_properties(const Spec *s, PropKind kind);
/* The name a property goes by in messages: its PROPERTY entry's, as TLC
 * names a violated property, else its conjunct's. */
Sym prop_name(const Property *p);

/* The definition an operator application stands for, after the config's
 * overrides and constant substitutions (`C <- Op`); NULL when it is not a
 * definition with a body (a built-in, a variable, an overridden value). */
Def *spec_applied_def(const Spec *spec, Expr *e);
/* May the application e assign variables when expanded: in Init (state
 * level and up), in Next (action level and up), through its definition or
 * through an argument that carries primes (Send(p, m, m')). */
bool spec_may_assign(const Spec *spec, Expr *e, bool in_init);

/* TLC's line for a false assumption (or POSTCONDITION) whose expression
 * is at loc: "Error: Assumption line L, col C to line L2, col C2 of module
 * M is false." */
void spec_print_false_assumption(Loc loc);

/* The value of a .cfg constant value. */
Value *spec_cfg_value(const CfgValue *v);

#endif
