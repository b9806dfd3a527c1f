/* types.h -- type inference without annotations.
 *
 * Types are terms with union-find variables: Bool, Int, Str, Model (model
 * values: comparable with anything, as in TLC), Set(T), Fun(D, R), Tup(T1,
 * ..., Tn), Rec{a: T, ...} and operator types (T1, ..., Tn) => R.  Every
 * node may be forwarded to another (link), not only variables: that is how
 * a tuple whose uses show it to be a sequence becomes Fun(Int, T), and a
 * record used as a function over strings becomes Fun(Str, T).  Records are
 * open rows: a record type collects every field used with it, so sets of
 * records with different fields type as TLA+ allows.
 *
 * Operators are let-polymorphic: a definition is inferred once and its type
 * copied with fresh variables at each use.  Each non-variable node remembers
 * where it came from, so a mismatch names both places:
 *   x is used as a set at 12:5 but as an integer at 30:9 */
#ifndef BRINK_TYPES_H
#define BRINK_TYPES_H

#include <stdio.h>

#include "spec.h"

typedef enum TypeKind {
  TY_VAR,
  TY_BOOL,
  TY_INT,
  TY_STR,
  TY_MODEL,
  TY_SET,
  TY_FUN,
  TY_TUP,
  TY_REC,
  TY_OPER,
} TypeKind;

struct Type {
  TypeKind kind;
  Type *link;     /* forwarded to this type (union-find) */
  Type **args;    /* SET: [elem]; FUN: [dom, cod]; TUP: elems; REC: field
                     types; OPER: params then result */
  int nargs;
  Sym *fields;    /* REC */
  Loc origin;     /* the use that gave this node its shape */
  uint32_t id;    /* variables: a number for printing */
};

Type *type_find(Type *t);
/* Prints in a TLA+-like notation: Int, Set(Str), Int -> Bool, <<Int, Str>>,
 * [a: Int, b: Str], Seq(Int), (Int, Str) => Bool. */
void type_print(FILE *out, Type *t);
char *type_str(Type *t);

/* Infers the types of everything in the spec; false after printing the
 * errors (exit 150). */
bool types_infer(Spec *spec);
/* Prints each constant, variable and definition of the root module with its
 * type (brink typecheck). */
void types_report(FILE *out, const Spec *spec);

#endif
