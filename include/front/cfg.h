/* cfg.h -- the TLC model configuration file (.cfg).
 *
 * A Config is the parsed file, not yet checked against the spec: names are
 * interned symbols with locations; values are the small constant language
 * TLC accepts (integers, strings, TRUE/FALSE, model values, and sets
 * {..} of those).  Checking names against the spec is the driver's job.
 * cfg_parse_* print located errors and return NULL on failure (exit 151). */
#ifndef BRINK_CFG_H
#define BRINK_CFG_H

#include "diag.h"
#include "util.h"

typedef enum CfgValueKind {
  CV_INT,   /* text: decimal digits, optional leading '-' */
  CV_STR,   /* sym: contents */
  CV_BOOL,  /* boolean */
  CV_MODEL, /* sym: a model value (an identifier on the right of =) */
  CV_SET,   /* elems */
} CfgValueKind;

typedef struct CfgValue {
  CfgValueKind kind;
  Loc loc;
  const char *text;
  Sym sym;
  bool boolean;
  struct CfgValue **elems;
  int nelems;
} CfgValue;

typedef struct CfgConst {
  Sym name; /* the constant or operator being set */
  Loc loc;
  int nparams;    /* `F(a, b) = ...` style: number of parameter names */
  CfgValue *value; /* `C = value`, or NULL for a substitution */
  Sym subst;       /* `C <- Op` */
  Sym module;      /* `C <-[Mod] Op`: Mod; 0 otherwise */
} CfgConst;

typedef struct CfgName {
  Sym name;
  Loc loc;
} CfgName;

typedef struct Config {
  uint32_t file;
  VEC(CfgConst) consts;
  CfgName init, next, spec; /* name 0 when absent */
  VEC(CfgName) invariants;
  VEC(CfgName) properties;
  VEC(CfgName) constraints;
  VEC(CfgName) action_constraints;
  CfgName symmetry, view, alias, postcondition;
  int check_deadlock; /* -1 not given, 0 FALSE, 1 TRUE */
  Loc check_deadlock_loc;
} Config;

Config *cfg_parse_text(const char *path, const char *text);
Config *cfg_parse_file(const char *path);
/* A .tla file may carry its model as a `---- CONFIG Name ----` section
 * ending at a `====` line (TLC's trace files do; TLC reads it when given
 * the .tla file as the config).  Returns a copy of text with everything
 * outside the section of that name blanked (lines and columns stay as in
 * the file, for located errors), or NULL when there is no such section. */
char *cfg_embedded_text(const char *text, const char *name);

#endif
