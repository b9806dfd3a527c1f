/* typeint.h -- what the files of the type checker share: the type terms
 * and their unification (types.c), the inference (typeinfer*.c, whose own
 * shared part is inferint.h) and the annotation reader (typeannot.c).
 * Not for other modules. */
#ifndef BRINK_TYPEINT_H
#define BRINK_TYPEINT_H

#include "types.h"

/* Constructors.  `at` is the origin remembered for messages. */
Type *ty_var(void);
Type *ty_strseq(Loc at); /* Str or Seq(fresh) */
Type *ty_prim(TypeKind k, Loc at);
Type *ty_model(Sym name, Loc at);
Type *ty_set(Type *elem, Loc at);
Type *ty_seq(Type *elem, Loc at);
Type *ty_fun(Type *dom, Type *cod, Loc at);
Type *ty_tup(int n, Loc at);        /* components are fresh variables */
Type *ty_oper(int nparams, Loc at); /* params and result: fresh variables */
Type *ty_rec(Loc at);               /* no fields yet */
void ty_rec_add(Type *rec, Sym field, Type *t);
int ty_rec_field(Type *rec, Sym field); /* index or -1 */

/* Unification.  A mismatch prints a located error naming `what` and both
 * places (or a warning when the checker is lenient) and longjmps to the
 * innermost ty_guarded. */
typedef struct Unify {
  const char *what; /* the thing being typed, for messages */
  Loc at;           /* where the use happens */
} Unify;
void ty_unify(Unify *u, Type *a, Type *b);
/* Runs fn(arg) with a recovery point; false when a mismatch unwound it. */
bool ty_guarded(void (*fn)(void *), void *arg);
/* Mismatches reported as errors so far, and whether new ones are only
 * warnings (inside definitions the model does not use) or, with quiet
 * too, not reported at all; `context` is appended to each message.
 * Valid TLA+ that the types cannot describe (types.c) is always only a
 * warning, and none inside definitions of brink's own modules
 * (quiet_untypable). */
extern int ty_errors;
extern bool ty_lenient, ty_quiet, ty_quiet_untypable, ty_mismatch_warns;
extern const char *ty_context;
_Noreturn void ty_fail(Loc at, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Instantiation: a copy of t in which the variables and rows listed in
 * `generic` are fresh (the same fresh node for each occurrence). */
typedef VEC(Type *) TypeVec;
Type *ty_instantiate(Type *t, Type **generic, int ngeneric);
/* Collects the variables and rows (records, open tuples) reachable from t. */
void ty_collect(Type *t, TypeVec *out);

/* A printing context: type variables get letters in order of appearance,
 * shared across the prints made with one context. */
typedef struct TypeNames {
  TypeVec vars;
} TypeNames;
void ty_print_ctx(FILE *out, Type *t, TypeNames *names);
char *ty_str_ctx(Type *t, TypeNames *names);
/* "a set", "an integer", ... */
const char *ty_kind_words(Type *t);

/* Annotations (typeannot.c).  annot_text_before: the text after the
 * `@type:` in the comments just before `at` (up to its ';'), and in
 * *where the annotation's place; NULL when there is none. */
void annot_reset(void);
/* The source text of l quoted ('x + 1'), when it is one line of at most
 * max bytes; else NULL. */
char *ty_snippet(Loc l, size_t max);
void annot_load_aliases(const Program *p);
char *annot_text_before(Loc at, Loc *where);
void annot_record(Sym name, Loc loc, const char *text, Type *annotated,
                  Type *inferred);

#endif
