/* parse.h -- the TLA+ parser (lexer in lex.c, grammar in parse.c).
 *
 * parse_text parses one source text that holds a module (text before the
 * first `---- MODULE` line and after the closing `====` is ignored; nested
 * modules become U_MODULE units; parse_text_module reads a module after
 * the first).  Errors are printed through diag.h with
 * file:line:col, the source line and a caret; several errors per file where
 * recovery is sensible.  On any error the result is NULL. */
#ifndef BRINK_PARSE_H
#define BRINK_PARSE_H

#include "ast.h"

Module *parse_text(const char *path, const char *text);
Module *parse_file(const char *path); /* reads the file; error if unreadable */
/* A later top-level module of a file that holds several (TLC's trace files
 * do): the module `name` whose header line is in text.  *found is false,
 * and nothing is printed, when there is none. */
Module *parse_text_module(const char *path, const char *text, Sym name,
                          bool *found);
/* Parses a lone expression (used by tests and by --cinit / --inv style
 * command-line predicates); NULL on error. */
Expr *parse_expr_text(const char *what, const char *text);
/* Is name a left-associative infix operator (`a + b + c` is
 * `(a + b) + c`)?  The printer leaves such a chain unparenthesised. */
bool parse_infix_left(Sym name);

#endif
