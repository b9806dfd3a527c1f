/* inferint.h -- what the files of the type inference share; not for
 * other modules (their interface is types.h).
 *
 * Inference is split by construct family: typeinfer.c (definitions,
 * generalisation, the walk from the config's roots, settling what the uses
 * leave open), typeinfer_expr.c (the walk over expressions),
 * typeinfer_builtin.c (the standard modules' operators) and
 * typeinfer_seed.c (the config's constant values and @type annotations).
 * One Infer lives for one types_infer call; bound names live in TEnv
 * frames on the C stack, innermost first. */
#ifndef BRINK_INFERINT_H
#define BRINK_INFERINT_H

#include "builtin.h"
#include "typeint.h"

typedef struct TEnv {
  uint32_t id;
  Type *t;
  struct TEnv *up;
} TEnv;

typedef struct Infer {
  Spec *spec;
  Type **def_types;    /* by Def.id: the generalised type */
  Type ***def_generic; /* by Def.id: its generic variables and rows */
  int *def_ngeneric;
  bool *def_busy;
  Type *at; /* type of `@` in the current EXCEPT value */
  bool annotations;
} Infer;

#define BOOL(L) ty_prim(TY_BOOL, L)
#define INT(L) ty_prim(TY_INT, L)
#define STR(L) ty_prim(TY_STR, L)

/* ---- expressions (typeinfer_expr.c) ---- */

/* The type of e (also stored in e->type). */
Type *ti_infer(Infer *I, Expr *e, TEnv *env);
/* ti_infer, then unifies the result with want. */
Type *ti_infer_expect(Infer *I, Expr *e, TEnv *env, Type *want);
/* Unifies got with want; `what` names the thing in a message. */
void ti_expect(Expr *e, Type *got, Type *want, const char *what);
/* How a message names e: its source text when short, else its kind. */
const char *ti_expr_name(Expr *e);
/* The type of bound name id in env, or NULL. */
Type *ti_lookup(TEnv *env, uint32_t id);
/* Binds the names of bounds in frames (ti_frames_needed of them): each
 * `x \in S` gives x the element type of S; a tuple pattern splits it.
 * key_parts (when not NULL) gets the types of a function's arguments. */
TEnv *ti_bind_bounds(Infer *I, Bound *b, int nb, TEnv *env, TEnv *frames,
                     Type **key_parts, int *nkeys);
int ti_frames_needed(Bound *b, int nb);
/* The argument type of a function of n arguments: the part, or a tuple. */
Type *ti_key_of(Type **parts, int n, Loc at);

/* ---- built-in operators (typeinfer_builtin.c) ---- */

Type *ti_builtin_type(Infer *I, Expr *e, TEnv *env);
/* Unifies an operator argument (a name, parameter or LAMBDA) with want. */
void ti_expect_op_arg(Infer *I, Expr *arg, TEnv *env, Type *want);

/* ---- definitions (typeinfer.c) ---- */

/* The type of definition d at a use: typed on first use, instantiated. */
Type *ti_def_type(Infer *I, Def *d, Loc use);

/* ---- config values and annotations (typeinfer_seed.c) ---- */

/* Forgets the names given to model values (a new inference). */
void ti_reset_models(void);
/* Names the model values in v after the constant `owner`. */
void ti_name_models(const Value *v, Sym owner, int depth);
/* The type of a config value. */
Type *ti_value_type(const Value *v, Loc at, int depth);
/* Where the config gives constant `name` (dflt when it does not). */
Loc ti_cfg_loc(const Spec *s, Sym name, Loc dflt);
/* The annotation before `at` parsed; NULL when none or unreadable. */
Type *ti_annotation(Sym name, Loc at, Type *inferred, Loc *where,
                    char **text);
/* Unifies a CONSTANT's or VARIABLE's annotation with its type. */
void ti_annotate_decl(Infer *I, Decl *d);
/* A warning when an annotation names type variables the definition's
 * inferred type does not leave generic. */
void ti_check_polymorphic(Def *d, TypeVec *avars, Loc where);

#endif
