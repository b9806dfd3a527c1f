/* ast.h -- the abstract syntax of TLA+ modules.
 *
 * Representation.  Every operator application, whether written as an
 * identifier (`x`, `Nat`), a call (`F(a, b)`), an infix (`a + b`), a prefix
 * (`~a`, `-a`, `SUBSET S`, `[]P`) or a postfix (`x'`) is one EX_OP node with an
 * interned operator name and its arguments.  Synonyms are normalised by the
 * parser to one canonical spelling (see ast_canonical_op), so `\land`, `/\`
 * and the Unicode conjunction are all "/\".  Unary minus is "-.", as in
 * TLA+'s own definitions.  Conjunction and disjunction lists are EX_OP "/\"
 * and "\/" with two or more arguments (bulleted lists are flattened into one
 * n-ary node; a parenthesised or infix chain `a /\ b /\ c` is too).
 *
 * Constructs with binders or special syntax have their own kinds.  The
 * resolver fills Expr.ref of every EX_OP node and Binder.id of every binder;
 * the type checker fills the `type` slots.  Nodes are never freed (run
 * lifetime). */
#ifndef BRINK_AST_H
#define BRINK_AST_H

#include "diag.h"
#include "util.h"

typedef struct Expr Expr;
typedef struct Def Def;
typedef struct Module Module;
typedef struct Decl Decl;
typedef struct Type Type;
typedef struct Instantiation Instantiation; /* instance.h */

/* A name bound by a quantifier, set constructor, function constructor,
 * CHOOSE, LAMBDA or an operator's parameter list. */
typedef struct Binder {
  Sym name;
  Loc loc;
  int arity;   /* operator parameter `F(_, _)`: 2; ordinary names: 0 */
  uint32_t id; /* unique per run, set by the resolver (0 = unset) */
  Type *type;  /* set by type inference */
} Binder;

/* `x, y \in S`  or  `<<x, y>> \in S`  or (set == NULL) unbounded `x, y`. */
typedef struct Bound {
  Binder *names;
  int nnames;
  bool tuple; /* `<<x, y>> \in S`: one element of S split into its parts */
  Expr *set;  /* NULL when unbounded */
} Bound;

/* One step of an EXCEPT path: `.field` or `[e1, e2]`. */
typedef struct ExceptStep {
  bool is_field;
  Sym field;   /* when is_field */
  Expr **args; /* otherwise: the indices (several = a tuple index) */
  int nargs;
} ExceptStep;

typedef struct ExceptUpdate {
  ExceptStep *path;
  int npath;
  Expr *value; /* may mention `@` (EX_AT) */
} ExceptUpdate;

typedef struct CaseArm {
  Expr *guard;
  Expr *value;
} CaseArm;

typedef enum RefKind {
  REF_NONE,    /* not resolved yet */
  REF_BUILTIN, /* ref.builtin: a built-in operator id (builtin.h) */
  REF_DEF,     /* ref.def: a user definition (operator, function, instance) */
  REF_BINDER,  /* ref.binder: a bound name or an operator parameter */
  REF_CONST,   /* ref.decl: a CONSTANT */
  REF_VAR,     /* ref.decl: a VARIABLE */
} RefKind;

typedef struct Ref {
  RefKind kind;
  union {
    int builtin;
    Def *def;
    Binder *binder;
    Decl *decl;
  } u;
} Ref;

#define EXPR_KINDS(X)                                                          \
  X(NUM)        /* num: decimal digits (already converted from \b \o \h) */    \
  X(DECIMAL)    /* num: "1.25" (Reals; parsed only) */                         \
  X(STR)        /* str: contents after escapes */                              \
  X(BOOL)       /* boolean: TRUE / FALSE */                                    \
  X(OP)         /* op: name(args) with optional module path M!N!Op */          \
  X(IF)         /* args[0] cond, args[1] then, args[2] else */                 \
  X(CASE)       /* arms, other (may be NULL) */                                \
  X(LET)        /* defs, body */                                               \
  X(FORALL)     /* bounds, body (bounded or unbounded) */                      \
  X(EXISTS)     /* bounds, body */                                             \
  X(TFORALL)    /* \AA: bounds (unbounded), body */                            \
  X(TEXISTS)    /* \EE: bounds (unbounded), body */                            \
  X(CHOOSE)     /* bounds (exactly one, one name or a tuple), body */          \
  X(SET_ENUM)   /* args: elements */                                           \
  X(SET_FILTER) /* bounds (exactly one), body: the predicate */                \
  X(SET_MAP)    /* body: the element expression, bounds */                     \
  X(FUNC)       /* [x \in S |-> e]: bounds, body */                            \
  X(FUNSET)     /* [S -> T]: args[0], args[1] */                               \
  X(RECORD)     /* [a |-> e, ...]: fields, args (one per field) */             \
  X(RECSET)     /* [a : S, ...]: fields, args */                               \
  X(TUPLE)      /* <<a, b>>: args */                                           \
  X(FAPP)       /* f[a, b]: args[0] = f, args[1..] = the arguments */          \
  X(DOT)        /* r.a: args[0] = r, field */                                  \
  X(EXCEPT)     /* [f EXCEPT !... = e, ...]: args[0] = f, updates */           \
  X(AT)         /* @ inside an EXCEPT value */                                 \
  X(BOX_ACT)    /* [A]_v: args[0] = A, args[1] = v */                          \
  X(DIA_ACT)    /* <<A>>_v: args[0] = A, args[1] = v */                        \
  X(WF)         /* WF_v(A): args[0] = v, args[1] = A */                        \
  X(SF)         /* SF_v(A): args[0] = v, args[1] = A */                        \
  X(LAMBDA)     /* LAMBDA x, y : e: params (as one Bound), body */             \
  X(LABEL)      /* lbl(x):: e: label, bounds (parameters), body */

typedef enum ExprKind {
#define X(k) EX_##k,
  EXPR_KINDS(X)
#undef X
      EX__COUNT
} ExprKind;

struct Expr {
  ExprKind kind;
  Loc loc;
  Type *type; /* set by type inference */

  /* EX_NUM, EX_DECIMAL */
  const char *num;
  /* EX_STR */
  Sym str;
  /* EX_BOOL */
  bool boolean;

  /* EX_OP: name, args; `M!N!Op(args)` has path = {M, N} (each path part
   * may carry its own arguments: `M(a)!Op` -> path_args[0] = {a}). */
  Sym name;
  Sym *path;
  Expr ***path_args;
  int *path_nargs;
  int npath;
  Ref ref; /* set by the resolver */

  /* Generic children. */
  Expr **args;
  int nargs;

  /* Binders: quantifiers, CHOOSE, set and function constructors, LAMBDA. */
  Bound *bounds;
  int nbounds;
  Expr *body;

  /* EX_RECORD, EX_RECSET, EX_DOT, EX_LABEL */
  Sym *fields;
  Sym field;
  Sym label;

  /* EX_CASE */
  CaseArm *arms;
  int narms;
  Expr *other;

  /* EX_LET */
  Def **defs;
  int ndefs;

  /* EX_EXCEPT */
  ExceptUpdate *updates;
  int nupdates;

  /* Evaluator cache (the value of a literal); NULL until first use. */
  void *cache;
};

/* CONSTANT and VARIABLE declarations.  `CONSTANT F(_, _)` has arity 2. */
struct Decl {
  Sym name;
  Loc loc;
  int arity;
  bool is_var;
  int index;  /* position among the module's constants / variables */
  Module *module;
  Type *type; /* set by type inference */
};

typedef struct Subst {
  Sym name;
  Loc loc;
  Expr *value;
} Subst;

/* `INSTANCE M WITH a <- e, ...` (named or not). */
typedef struct Instance {
  Sym module;
  Loc loc;
  Subst *subst;
  int nsubst;
  bool local;
  /* Set by the resolver: */
  Module *resolved;      /* the instantiated user module, or NULL ... */
  int std_module;        /* ... and then the standard module (StdModule) */
  Instantiation **chain; /* the instantiations to apply, innermost first */
  int nchain;
  int nown;              /* parameters of this INSTANCE definition itself */
} Instance;

typedef enum DefKind {
  DEF_OP,       /* Op(p1, p2) == body  (also infix/prefix/postfix forms) */
  DEF_FUN,      /* f[x \in S, y \in T] == body */
  DEF_INSTANCE, /* M(p) == INSTANCE Mod WITH ... */
} DefKind;

struct Def {
  DefKind kind;
  Sym name; /* for infix definitions `a ++ b == ...` the symbol "++" */
  Loc loc;  /* the whole definition */
  Loc name_loc;
  Binder *params; /* DEF_OP / DEF_INSTANCE parameters */
  int nparams;
  Bound *bounds; /* DEF_FUN */
  int nbounds;
  Expr *body;     /* DEF_OP / DEF_FUN */
  Instance *inst; /* DEF_INSTANCE */
  bool local;
  bool recursive; /* declared in a RECURSIVE statement */
  Module *module; /* the module that defines it */
  Def *origin;    /* for a copy made by INSTANCE: the definition copied */
  const Instantiation *via; /* ... and the instantiation that made it */
  /* Filled by later passes. */
  int level; /* 0 constant, 1 state, 2 action, 3 temporal */
  Type *type;
  uint32_t id; /* unique per run */
};

typedef enum UnitKind {
  U_CONSTANTS, /* decls */
  U_VARIABLES, /* decls */
  U_DEF,       /* def */
  U_INSTANCE,  /* inst (unnamed INSTANCE) */
  U_ASSUME,    /* expr (ASSUME / ASSUMPTION / AXIOM; name may be 0) */
  U_THEOREM,   /* expr (THEOREM / LEMMA / PROPOSITION / COROLLARY) */
  U_RECURSIVE, /* decls: names and arities declared RECURSIVE */
  U_MODULE,    /* sub: a nested module */
} UnitKind;

typedef struct Unit {
  UnitKind kind;
  Loc loc;
  Sym name; /* named ASSUME / THEOREM */
  Decl **decls;
  int ndecls;
  Def *def;
  Instance *inst;
  Expr *expr;
  Module *sub;
} Unit;

/* A fact named by a USE or HIDE (or cited by BY in a theorem's proof):
 * `bar`, `bar!1!2`, `bar!lbl`.  Only these bare references are kept (they
 * are checked to name something); expressions and module names are
 * skipped. */
typedef struct FactSel {
  Sym label; /* `!lbl`; 0 for `!k` */
  int index; /* `!k`: k >= 1 */
  Loc loc;
} FactSel;

typedef struct FactRef {
  Sym name;
  Loc loc;
  FactSel *sel;
  int nsel;
  bool in_proof; /* cited in a proof: the name may be the proof's own */
} FactRef;

struct Module {
  Sym name;
  Loc loc;
  uint32_t file;
  Sym *extends;
  Loc *extends_loc;
  int nextends;
  Unit *units; /* in source order */
  int nunits;
  bool builtin; /* a standard module shipped inside brink */
  FactRef *uses; /* the facts its USE / HIDE statements and proofs cite */
  int nuses;
  Sym *opaque;   /* theorems whose statement is not kept (ASSUME/PROVE) */
  int nopaque;
};

/* Construction helpers used by the parser and by tests. */
Expr *ast_new(ExprKind kind, Loc loc);
Expr *ast_op(Loc loc, Sym name, Expr **args, int nargs);

/* A call op(v1, ..., vn) of an operator argument with values, written at
 * site: *call is site with n argument expressions (argv, args: the
 * caller's storage for AST_MAX_VALUE_ARGS) that name the binder ids
 * ast_value_arg_id(i), which no resolver hands out; the engines bind the
 * values to those ids.  Used by the evaluator and the encoder alike. */
#define AST_MAX_VALUE_ARGS 4
uint32_t ast_value_arg_id(int i);
void ast_value_call(const Expr *site, int n, Expr *argv, Expr **args,
                    Expr *call);
const char *ast_kind_name(ExprKind k);
/* Calls fn on each direct subexpression of e: arguments (and those of an
 * instance path), the sets of its bounds, body, CASE arms and OTHER, EXCEPT
 * paths and values, and the bounds and bodies of LET definitions.  Stops
 * and returns false as soon as fn does. */
bool ast_each_child(Expr *e, bool (*fn)(Expr *child, void *arg), void *arg);
/* Is e an application of built-in operator b (builtin.h)? */
static inline bool ast_is_builtin(const Expr *e, int b) {
  return e->kind == EX_OP && e->ref.kind == REF_BUILTIN && e->ref.u.builtin == b;
}
/* The canonical spelling of an operator symbol ("\land" -> "/\"); the
 * input itself when it has no synonym. */
const char *ast_canonical_op(const char *spelling);

#endif
