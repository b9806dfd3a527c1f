/* pcal.h -- the PlusCal front end's own syntax tree (internal to src/pluscal).
 *
 * Representation.  An algorithm is read from the text of a comment into
 * tokens that keep their place in the original file (line, column), so
 * that errors point into the algorithm.  TLA+ expressions inside PlusCal
 * are not parsed here: an expression is the run of tokens that makes it
 * (PTok array), exactly as the PlusCal translator keeps them, and the
 * generator rewrites identifiers in it (a process-local `v` becomes
 * `v[self]`, a variable already assigned in the step becomes `v'`).  The
 * generated TLA+ text is then parsed by brink's own parser.
 *
 * Statements form lists (PStmts); a label is an attribute of the statement
 * it stands before.  Macro calls are expanded by the parser (the macro's
 * body copied with its parameters replaced by the argument tokens), so the
 * generator never sees a macro. */
#ifndef BRINK_PCAL_H
#define BRINK_PCAL_H

#include <stdbool.h>

#include "diag.h"
#include "pluscal.h"
#include "util.h"

typedef enum { PT_EOF, PT_ID, PT_NUM, PT_STR, PT_OP } PTokKind;

typedef struct PTok {
  PTokKind kind;
  const char *s; /* the token's text (not terminated) */
  int len;
  uint32_t line, col; /* in the original file; col counts a tab as up to
                         the next multiple of 8, as the translator does */
  int sp;             /* spaces before it on its line; -1: first on a line */
  uint32_t bcol;      /* the byte column (0 in a token made here: col) */
} PTok;

typedef VEC(PTok) PExpr; /* a TLA+ expression as its tokens */

typedef struct PStmt PStmt;
typedef VEC(PStmt *) PStmts;

typedef enum {
  PS_ASSIGN, PS_IF, PS_WHILE, PS_EITHER, PS_WITH, PS_AWAIT, PS_ASSERT,
  PS_PRINT, PS_SKIP, PS_GOTO, PS_CALL, PS_RETURN
} PStmtKind;

/* One `lhs := rhs` of a (possibly multiple, `||`) assignment; sub holds the
 * subscript and field tokens after the variable (`[i].f`), maybe none. */
typedef struct PAssign {
  Sym var;
  Loc loc;
  PExpr sub, rhs;
} PAssign;

/* One `x = e` or `x \in S` binding of a `with` or declaration. */
typedef struct PBind {
  Sym name;
  Loc loc;
  bool in; /* \in rather than = */
  bool has_init;
  PExpr e;
} PBind;

struct PStmt {
  PStmtKind kind;
  Loc loc;
  Sym label;                /* 0 when unlabeled */
  Loc label_loc;
  int label_mod;            /* `L:+` 1 (strong fairness), `L:-` -1 (none) */
  VEC(PAssign) assigns;     /* PS_ASSIGN */
  PExpr e;                  /* IF/WHILE condition, AWAIT, ASSERT, PRINT */
  PStmts body, els;         /* IF then/else, WHILE/WITH body */
  VEC(PStmts) ors;          /* EITHER branches */
  VEC(PBind) binds;         /* WITH */
  Sym target;               /* GOTO label, CALL procedure */
  Loc macro_call;           /* in a macro's expansion: the call (line 0:
                               written in place) */
  VEC(PExpr) args;          /* CALL */
};

typedef struct PProc { /* a procedure */
  Sym name;
  Loc loc, kw; /* the name; the `procedure` keyword */
  VEC(PBind) params, locals;
  PStmts body;
} PProc;

typedef struct PProcess {
  Sym name;
  Loc loc, kw; /* the name; the `process` keyword */
  int fair; /* 0 none, 1 fair (WF), 2 fair+ (SF) */
  bool in;  /* `\in S` rather than `= id` */
  PExpr id;
  VEC(PBind) locals;
  PStmts body;
} PProcess;

typedef struct PAlg {
  Sym name;
  Loc loc;
  bool fair_alg;   /* --fair algorithm */
  bool csyntax;
  VEC(PBind) globals;
  PExpr defs;       /* the define block's text, or empty */
  VEC(PProc) procs;
  VEC(PProcess) procs_p; /* processes; none: uniprocess */
  PStmts body;           /* uniprocess body */
  uint32_t file;
  size_t end_off;        /* offset just after the algorithm's text */
} PAlg;

/* pcal_parse.c: reads the algorithm that starts at text[start] (just after
 * `--algorithm` or `--fair algorithm`); NULL after located errors.
 * version: the options' (POpts), which decides a little syntax. */
PAlg *pcal_parse(uint32_t file, const char *text, size_t start, bool fair,
                 int version);

/* Where a definition of the translation comes from: a label's action is
 * located at the label, a process's or procedure's at its name. */
typedef struct PLoc {
  Sym name;
  Loc loc;
} PLoc;
typedef VEC(PLoc) PLocs;

/* pcal_gen.c: the TLA+ translation (lines between the markers, without
 * them); NULL after located errors.  locs (may be NULL) receives where
 * the actions come from. */
char *pcal_generate(PAlg *a, const POpts *o, bool *needs_default,
                    PLocs *locs);

Loc pcal_loc(uint32_t file, const PTok *t);
/* The translator's column of a location: tabs to multiples of 8. */
uint32_t pcal_visual_col(Loc l);

/* pcal_names.c: the translator's table of the algorithm's names.  A name
 * defined twice is a located error; a name that another one shadows
 * (a label, process, procedure or a process's or procedure's variable
 * with the name of another symbol) is renamed in place (x_, ...) as the
 * translator renames it, each renaming noted as a comment line appended
 * to *notes.  False after errors. */
bool pcal_names(PAlg *a, char **notes);

#endif
