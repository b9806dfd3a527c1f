/* print.h -- TLA+ source text from the abstract syntax.
 *
 * print_module renders a module as the parser returns it (parse_text):
 * before name resolution, which folds `M(a)!Op(b)` path arguments into the
 * argument list, and before instance expansion.  The text parses back to
 * the same tree (astcmp.h compares them; `brink parse --roundtrip` checks
 * it), which fixes the few choices the printer makes:
 *   - every compound operand is parenthesised, so precedence never
 *     matters; atoms (names, calls, literals, bracketed forms, f[x], r.a,
 *     and a postfix operator on an atom, x') are not;
 *   - conjunction and disjunction lists become bulleted junction lists,
 *     laid out by column as the parser reads them (an n-ary node is one
 *     list; a nested node is a nested list);
 *   - a one-parameter definition of an operator symbol prints as `-. a`
 *     for the prefix operators and as `a op` otherwise;
 *   - synonyms print in their canonical spelling (ast_canonical_op),
 *     numbers in decimal, strings with the escapes the lexer knows, ASSUME /
 *     AXIOM / ASSUMPTION as ASSUME, LEMMA & co. as THEOREM;
 *   - what the parser drops is not printed: comments, `----` separators,
 *     proofs, USE / HIDE, and ASSUME ... PROVE theorems.
 * A RECURSIVE declaration inside a LET is printed before the definitions
 * it marks. */
#ifndef BRINK_PRINT_H
#define BRINK_PRINT_H

#include <stdio.h>

#include "ast.h"

/* The module's source, NUL-terminated and malloc'ed (the caller frees it). */
char *print_module_str(const Module *m);
void print_module(FILE *out, const Module *m);
/* One expression on the lines it needs, starting at column 1. */
char *print_expr_str(const Expr *e);

#endif
