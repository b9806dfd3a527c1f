/* lex.h -- the TLA+ lexer.
 *
 * lex_text turns the module part of a source text into an array of tokens
 * ending with one TK_EOF.  Lexing starts at the first `----  MODULE` header
 * (text before it is ignored) and stops after the `====` line that closes
 * the outermost module (text after it is ignored); nested modules are kept.
 *
 * Representation.  Every token carries its full Loc (1-based line and column,
 * columns count characters, the end column is inclusive) and an interned
 * Sym: the name of an identifier, the canonical spelling of an operator
 * symbol (ast_canonical_op: `\land`, `/\` and the Unicode conjunction are
 * all "/\"), the contents of a string after escapes, the decimal digits of
 * a number (`\hFF` -> "255"), or the text of a proof step label (`<1>2`).
 * Unicode forms of punctuation (`≜`, `⟨`, `↦` ...) become the ASCII token. */
#ifndef BRINK_LEX_H
#define BRINK_LEX_H

#include "diag.h"
#include "util.h"

/* Punctuation and literal tokens: kind, description used in messages. */
#define LEX_TOKENS(X)                                                          \
  X(EOF, "end of module")                                                      \
  X(IDENT, "identifier")                                                       \
  X(NUM, "number")                                                             \
  X(DECIMAL, "decimal number")                                                 \
  X(STR, "string")                                                             \
  X(OP, "operator")                                                            \
  X(STEP, "proof step")                                                        \
  X(SEP, "'----'")                                                             \
  X(END, "'===='")                                                             \
  X(LPAREN, "'('")                                                             \
  X(RPAREN, "')'")                                                             \
  X(LBRACK, "'['")                                                             \
  X(RBRACK, "']'")                                                             \
  X(RBRACK_SUB, "']_'")                                                        \
  X(LBRACE, "'{'")                                                             \
  X(RBRACE, "'}'")                                                             \
  X(LTUPLE, "'<<'")                                                            \
  X(RTUPLE, "'>>'")                                                            \
  X(RTUPLE_SUB, "'>>_'")                                                       \
  X(COMMA, "','")                                                              \
  X(COLON, "':'")                                                              \
  X(COLONCOLON, "'::'")                                                        \
  X(DEFEQ, "'=='")                                                             \
  X(BANG, "'!'")                                                               \
  X(AT, "'@'")                                                                 \
  X(DOT, "'.'")                                                                \
  X(ARROW, "'->'")                                                             \
  X(MAPSTO, "'|->'")                                                           \
  X(LARROW, "'<-'")                                                            \
  X(UNDERSCORE, "'_'")                                                         \
  X(BOX, "'[]'")                                                               \
  X(FORALL, "'\\A'")                                                           \
  X(EXISTS, "'\\E'")                                                           \
  X(TFORALL, "'\\AA'")                                                         \
  X(TEXISTS, "'\\EE'")                                                         \
  X(WF, "'WF_'")                                                               \
  X(SF, "'SF_'")

/* Reserved words (token TK_<word>, spelled as the word). */
#define LEX_KEYWORDS(X)                                                        \
  X(MODULE)                                                                    \
  X(EXTENDS)                                                                   \
  X(CONSTANT)                                                                  \
  X(CONSTANTS)                                                                 \
  X(VARIABLE)                                                                  \
  X(VARIABLES)                                                                 \
  X(LOCAL)                                                                     \
  X(INSTANCE)                                                                  \
  X(WITH)                                                                      \
  X(ASSUME)                                                                    \
  X(ASSUMPTION)                                                                \
  X(AXIOM)                                                                     \
  X(THEOREM)                                                                   \
  X(LEMMA)                                                                     \
  X(PROPOSITION)                                                               \
  X(COROLLARY)                                                                 \
  X(RECURSIVE)                                                                 \
  X(LET)                                                                       \
  X(IN)                                                                        \
  X(IF)                                                                        \
  X(THEN)                                                                      \
  X(ELSE)                                                                      \
  X(CASE)                                                                      \
  X(OTHER)                                                                     \
  X(CHOOSE)                                                                    \
  X(EXCEPT)                                                                    \
  X(LAMBDA)                                                                    \
  X(TRUE)                                                                      \
  X(FALSE)                                                                     \
  X(SUBSET)                                                                    \
  X(UNION)                                                                     \
  X(DOMAIN)                                                                    \
  X(ENABLED)                                                                   \
  X(UNCHANGED)                                                                 \
  X(PROOF)                                                                     \
  X(BY)                                                                        \
  X(OBVIOUS)                                                                   \
  X(OMITTED)                                                                   \
  X(QED)                                                                       \
  X(PROVE)                                                                     \
  X(USE)                                                                       \
  X(HIDE)                                                                      \
  X(DEFINE)                                                                    \
  X(DEF)                                                                       \
  X(DEFS)                                                                      \
  X(SUFFICES)                                                                  \
  X(HAVE)                                                                      \
  X(TAKE)                                                                      \
  X(WITNESS)                                                                   \
  X(PICK)                                                                      \
  X(NEW)                                                                       \
  X(ONLY)                                                                      \
  X(STATE)                                                                     \
  X(ACTION)                                                                    \
  X(TEMPORAL)

typedef enum TokKind {
#define X(k, d) TK_##k,
  LEX_TOKENS(X)
#undef X
#define X(k) TK_##k,
      LEX_KEYWORDS(X)
#undef X
          TK__COUNT
} TokKind;

typedef struct Token {
  TokKind kind;
  Loc loc;
  Sym sym; /* see the header comment */
} Token;

/* Lexes the module in text (registered as file).  *out receives a
 * malloc'ed array (the caller frees it) of *ntoks tokens, the last TK_EOF.
 * Prints located errors; returns how many. */
int lex_text(uint32_t file, const char *text, Token **out, int *ntoks);
/* Lexes the module whose header starts at byte offset `from` of text. */
int lex_text_at(uint32_t file, const char *text, size_t from, Token **out,
                int *ntoks);
/* The byte offset of the line that opens module `name` (`---- MODULE name
 * ----` at the start of a line, as TLC's tools look for it in a file that
 * holds several modules), or -1. */
long lex_find_module_named(const char *text, const char *name);
/* Lexes all of text as one expression (no module header). */
int lex_expr_text(uint32_t file, const char *text, Token **out, int *ntoks);
/* "identifier", "'('", "THEN", ... */
const char *lex_kind_name(TokKind k);
/* How a token reads in a message: its text for names and symbols. */
const char *lex_token_desc(const Token *t);

#endif
