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
void pcal_explode(Gen *g, PStmts *body, Sym end, Loc where);

#endif
