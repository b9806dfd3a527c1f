/* astcmp.h -- structural equality of parsed modules.
 *
 * Two trees are equal when they have the same shape and the same names,
 * literals, operators and flags in the same places.  Source locations are
 * ignored, and so is everything later passes fill in (Expr.ref, Binder.id,
 * types, levels, evaluator caches), so a module compares equal to the
 * parse of its printed text (print.h).  Compare trees as parse_text
 * returns them: name resolution rewrites `M(a)!Op(b)` argument lists. */
#ifndef BRINK_ASTCMP_H
#define BRINK_ASTCMP_H

#include <stddef.h>

#include "ast.h"

/* True when equal; otherwise false, and why (NUL-terminated, at most n
 * bytes) describes the first difference with the locations of both sides. */
bool astcmp_modules(const Module *a, const Module *b, char *why, size_t n);
bool astcmp_exprs(const Expr *a, const Expr *b, char *why, size_t n);

#endif
