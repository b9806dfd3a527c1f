/* reads.h -- the variables a definition reads.
 *
 * A definition's value is a function of its arguments, the constants and
 * the variables it reads (through the definitions it uses) unless it
 * mentions TLCGet, TLCSet, Print, PrintT, RandomElement, Any, JavaTime,
 * ENABLED, a prime, UNCHANGED, an instance, or an operator of the I/O or
 * random modules.  Answers are computed once per definition and program. */
#ifndef BRINK_READS_H
#define BRINK_READS_H

#include "spec.h"

typedef struct DefReads {
  uint8_t status; /* private to reads.c */
  uint32_t n;     /* variables read */
  uint32_t *vars; /* their indexes in the state (Decl.index) */
} DefReads;

/* The variables d reads, or NULL when its value is not a function of
 * them, the constants and its arguments. */
const DefReads *reads_of_def(const Spec *sp, Def *d);
/* Is built-in b's value a function of its arguments and the state (not
 * TLCGet, TLCSet, Print, PrintT, RandomElement, Any, JavaTime, ENABLED, a
 * prime or UNCHANGED)?  The one list both rules here use. */
bool reads_builtin_pure(int b);

/* reads_of_def(sp, d) != NULL. */
bool reads_def_pure(const Spec *sp, Def *d);

/* The variables expression e reads, appended to *out (each once): as for
 * a definition's body, and every bound name e mentions is passed to
 * name(arg, id, out), which appends what the name stands for and returns
 * false when that is not a function of the state (a name bound inside e
 * is passed too: the callback ignores the ids it does not bind).  False
 * when e's value is not a function of the variables read, the constants
 * and those names. */
typedef VEC(uint32_t) ReadVars;
typedef bool (*ReadsNameFn)(void *arg, uint32_t id, ReadVars *out);
bool reads_of_expr(const Spec *sp, Expr *e, ReadsNameFn name, void *arg,
                   ReadVars *out);

#endif
