/* types.h -- type inference without annotations.
 *
 * Types are terms with union-find variables: Bool, Int, Str, model values
 * (one uninterpreted type per constant the config gives model values to,
 * named after it in capitals: `Proc = {p1, p2}` gives PROC), Set(T),
 * Seq(T), functions T -> U, tuples <<T1, ..., Tn>>, records { a: T, ... }
 * and operator types (T1, ..., Tn) => R.  They print in Apalache's
 * notation, so that a printed type can be pasted into an annotation.
 *
 * Every node may be forwarded to another (link), not only variables: that
 * is how a tuple whose uses show it to be a sequence becomes Seq(T), and a
 * record used as a function over strings becomes Str -> T.  Two kinds of
 * node are rows that grow as uses are seen: a record collects every field
 * used with it (so sets of records with different fields type as TLA+
 * allows), and an open tuple (`t[2]` on a value of unknown type) collects
 * the components indexed so far.  A variable may be constrained to "a
 * string or a sequence" (Len, \o and SubSeq accept both, as in TLC).
 *
 * Model values compare with anything, as in TLC (`x = NIL` types whatever
 * x is), so a model type unifies with every type without binding it.
 *
 * Operators are let-polymorphic: a definition is inferred once and its type
 * copied with fresh variables and rows at each use.  Each non-variable node
 * remembers where it came from, so a mismatch names both places:
 *   x is used as a set at 12:5 but as an integer at 30:9
 *
 * Apalache's annotations (`\* @type: T;`, `(* @type: T; *)` just before a
 * declaration or definition, `@typeAlias: name = T;` anywhere) are read
 * when present and unified with what is inferred; they are never needed. */
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
  TY_SEQ,
  TY_FUN,
  TY_TUP,
  TY_REC,
  TY_OPER,
} TypeKind;

struct Type {
  TypeKind kind;
  Type *link;  /* forwarded to this type (union-find) */
  Type **args; /* SET, SEQ: [elem]; FUN: [dom, cod]; TUP: elems; REC: field
                  types; OPER: params then result; a VAR with strseq:
                  [elem] */
  int nargs;
  Sym *fields; /* REC */
  Sym name;    /* MODEL: the uninterpreted type's name */
  bool open;   /* TUP: only components 1..nargs are known so far */
  bool strseq; /* VAR: stands for Str or Seq(args[0]) */
  bool annot;  /* written in an annotation (for messages) */
  Loc origin;  /* the use that gave this node its shape */
  uint32_t id; /* variables: a number for printing */
};

Type *type_find(Type *t);
/* Prints in Apalache's notation: Int, Set(Str), Int -> Bool, Seq(Int),
 * <<Int, Str>>, { a: Int, b: Str }, (Int, Str) => Bool, PROC; type
 * variables print as a, b, ... in order of appearance. */
void type_print(FILE *out, Type *t);
char *type_str(Type *t);

/* Parses an Apalache type ("Set(<<Int, PROC>>)", "(a) => Seq(a)", and
 * "$name" for an alias the spec's @typeAlias annotations define); NULL
 * and a message in *err (malloc'ed) when it does not parse.  The nodes'
 * origin is `at`. */
Type *type_parse(const char *text, Loc at, char **err);

typedef struct TypeOptions {
  bool annotations; /* read and check @type annotations (default on) */
} TypeOptions;

/* Whether a mismatch is printed as a warning rather than an error (brink
 * check: the engines check kinds as they evaluate); types_infer still
 * returns false after one.  Off by default. */
void types_set_mismatch_warns(bool on);

/* Infers the types of everything in the spec; false after printing the
 * errors (exit 150).  A mismatch inside a definition the model does not
 * use (nothing the config names reaches it) is a warning. */
bool types_infer(Spec *spec);
bool types_infer_opts(Spec *spec, const TypeOptions *opt);

/* A spec for typing a program without a model config (brink typecheck
 * when there is none): constants have no values, and every definition
 * counts as used. */
Spec *types_bare_spec(Program *prog);

/* An annotation that was read: what it names, the annotated type (parsed
 * on its own) and the inferred one. */
typedef struct TypeAnnot {
  Sym name;
  Loc loc;          /* the annotation */
  const char *text; /* as written after `@type:` */
  Type *annotated;
  Type *inferred; /* the declaration's or definition's type */
} TypeAnnot;
/* The annotations of the root module and the modules it extends or
 * instantiates, in source order (after types_infer*). */
size_t types_annotations(const Spec *spec, const TypeAnnot **out);
/* Does an inferred type agree with an annotated one: the same shape, with
 * the annotation's type variables standing for any type (consistently),
 * its uninterpreted types for model values or strings, and what
 * inference left open (a variable, a function over Int for a sequence, a
 * record with fewer fields) taken to agree. */
bool type_agrees(Type *inferred, Type *annotated);

/* Prints each constant, variable and definition of the root module with its
 * type (brink typecheck); verbose adds the representation chosen where
 * uses leave it open. */
void types_report(FILE *out, const Spec *spec, bool verbose);

#endif
