/* pcal_gen.h -- the translator's working state (internal to src/pluscal).
 *
 * A body is first cut into steps (pcal_explode.c): a step is a label and
 * the flat list of what it does, where leaving the step is an F_GOTO
 * (pc' = target).  Branches of if/either/with are lists of their own.
 * pcal_gen.c then writes each step as one TLA+ action. */
#ifndef BRINK_PCAL_GEN_H
#define BRINK_PCAL_GEN_H

#include "pcal.h"

typedef enum { F_LEAF, F_IF, F_EITHER, F_WITH, F_GOTO, F_CALL, F_RETURN } FKind;

typedef struct FNode FNode;
typedef VEC(FNode *) FList;

struct FNode {
  FKind k;
  PStmt *s;    /* the source statement (NULL for a goto made here) */
  FList *b;    /* branches: IF then/else, EITHER ors, WITH body */
  size_t nb;
  Sym target;  /* GOTO: label, "Done" or "Error"; CALL: return label */
  bool tail;   /* CALL followed by return */
};

typedef struct Step {
  Sym label;
  Loc loc;
  FList body;
} Step;

typedef struct Gen {
  PAlg *a;
  const POpts *opt;
  bool err;
  int auto_labels;
  Sym cur_label;
  VEC(Step) steps;
  bool no_pc;     /* labels name no actions (pc omitted) */
  bool done_used; /* some step may set pc to "Done" */
  size_t main_from; /* uniprocess: the main body's first step */
} Gen;

void gen_error(Gen *g, Loc loc, const char *fmt, const char *arg);

/* pcal_text.c: text building (see there). */
typedef VEC(char) SB;
typedef VEC(char *) Items;
void sb_add(SB *b, const char *s);
void sb_addn(SB *b, const char *s, size_t n);
void sb_spaces(SB *b, int n);
char *pg_take(SB *b);
char *pg_cat(const char *prefix, const char *item);
char *pg_junction(const Items *it, const char *op, bool bare1);
char *pg_wrap_asserts(const char *t);
char *pg_wrap_unchanged(const char *t);

/* pcal_gen.c: the variables as a step sees them, and the statements. */
typedef enum { V_PC, V_GLOBAL, V_STACK, V_PARAM, V_PLOCAL, V_LOCAL } VKind;

typedef struct Var {
  Sym name;
  VKind kind;
  int owner;    /* procedure (PARAM, PLOCAL) or process (LOCAL) index */
  bool indexed; /* a function of self */
  PBind *bind;
} Var;

typedef struct Ctx {
  Gen *g;
  VEC(Var) vars; /* in the order of `vars` */
  int proc, process; /* the body being translated (-1: none) */
  const char *self;  /* "self", an `=` process's id, or NULL */
  const char *self_val; /* what `self` in an expression of an `=` process
                           stands for: its id, parenthesized when not one
                           token (NULL: self) */
  bool *assigned;    /* per variable, in this step */
  VEC(Sym) bound;    /* names bound by enclosing withs */
  bool multi;
  bool needs_default;
  bool omit_pc; /* every process a lone unlabeled `while TRUE` loop */
} Ctx;
char *pg_expr(Ctx *c, const PExpr *e);
bool pg_needs_parens(const PExpr *e);
void pg_unchanged(Ctx *c, Items *out, const bool *which);
void pg_gen_list(Ctx *c, FList *l, Items *out);
const char *pg_init_value(Ctx *c, PBind *b, char **own);
void pcal_explode(Gen *g, PStmts *body, Sym end, Loc where);

/* pcal_label.c: adds the labels the translator adds (see there); returns
 * the number of the last one tried, where Lbl_ numbering goes on. */
int pcal_add_labels(PAlg *a);

#endif
