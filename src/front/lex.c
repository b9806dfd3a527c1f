/* lex.c -- the TLA+ lexer.
 *
 * Design.  The whole module is lexed up front into one token array, because
 * the parser needs a few tokens of lookahead (to tell `Op(a) == ...` from an
 * expression, `{x \in S : P}` from `{x \in S}`) and the column of every
 * token (junction lists are laid out by column).  The scanner is a plain
 * loop over bytes that keeps the line and the character column (UTF-8
 * continuation bytes do not advance the column).  Symbols are matched
 * longest first from one table of ASCII spellings plus one table of Unicode
 * spellings; both map to a token kind and, for operators, to the canonical
 * ASCII spelling from ast_canonical_op.  Backslash words (`\in`, `\cup`,
 * `\A`) come from a third table.  Errors (stray characters, unterminated
 * strings and comments, bad escapes) are printed with their location and
 * lexing goes on, so one run reports several. */
#include "lex.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

static const char *const kind_names[] = {
#define X(k, d) d,
    LEX_TOKENS(X)
#undef X
#define X(k) #k,
        LEX_KEYWORDS(X)
#undef X
};

const char *lex_kind_name(TokKind k) {
  return k < TK__COUNT ? kind_names[k] : "?";
}

const char *lex_token_desc(const Token *t) {
  static char buf[4][160];
  static int slot;
  char *b = buf[slot++ & 3];
  switch (t->kind) {
  case TK_IDENT:
    snprintf(b, 160, "identifier '%.100s'", sym_str(t->sym));
    break;
  case TK_OP:
  case TK_NUM:
  case TK_DECIMAL:
  case TK_STEP:
    snprintf(b, 160, "'%.100s'", sym_str(t->sym));
    break;
  case TK_STR:
    snprintf(b, 160, "string \"%.100s\"", sym_str(t->sym));
    break;
  default:
    if (t->kind >= TK_MODULE)
      snprintf(b, 160, "'%s'", kind_names[t->kind]);
    else
      snprintf(b, 160, "%s", kind_names[t->kind]);
  }
  return b;
}

/* ---- symbol tables ---- */

typedef struct SymEntry {
  const char *text; /* as written */
  TokKind kind;
} SymEntry;

/* ASCII punctuation and operator symbols, longest first. */
static const SymEntry ascii_syms[] = {
    {"-+->", TK_OP}, {"(\\X)", TK_OP}, {"<=>", TK_OP}, {"...", TK_OP},
    {"::=", TK_OP},  {"|->", TK_MAPSTO}, {"(+)", TK_OP}, {"(-)", TK_OP},
    {"(.)", TK_OP},  {"(/)", TK_OP},  {"=>", TK_OP},  {"=<", TK_OP},
    {"<=", TK_OP},   {">=", TK_OP},   {"/=", TK_OP},  {"/\\", TK_OP},
    {"..", TK_OP},   {":=", TK_OP},   {":>", TK_OP},  {"<:", TK_OP},
    {"@@", TK_OP},   {"~>", TK_OP},   {"^+", TK_OP},  {"^*", TK_OP},
    {"^#", TK_OP},   {"->", TK_ARROW}, {"<-", TK_LARROW}, {"||", TK_OP},
    {"|-", TK_OP},   {"|=", TK_OP},   {"-|", TK_OP},  {"=|", TK_OP},
    {"++", TK_OP},   {"--", TK_OP},   {"**", TK_OP},  {"//", TK_OP},
    {"^^", TK_OP},   {"!!", TK_OP},   {"##", TK_OP},  {"$$", TK_OP},
    {"%%", TK_OP},   {"&&", TK_OP},   {"??", TK_OP},  {"==", TK_DEFEQ},
    {"::", TK_COLONCOLON}, {"<<", TK_LTUPLE}, {">>", TK_RTUPLE},
    {"[]", TK_BOX},  {"<>", TK_OP},   {"+", TK_OP},   {"-", TK_OP},
    {"*", TK_OP},    {"/", TK_OP},    {"^", TK_OP},   {"%", TK_OP},
    {"&", TK_OP},    {"$", TK_OP},    {"#", TK_OP},   {"|", TK_OP},
    {"<", TK_OP},    {">", TK_OP},    {"=", TK_OP},   {"~", TK_OP},
    {"'", TK_OP},    {"!", TK_BANG},  {"@", TK_AT},   {".", TK_DOT},
    {",", TK_COMMA}, {":", TK_COLON}, {"(", TK_LPAREN}, {")", TK_RPAREN},
    {"[", TK_LBRACK}, {"]", TK_RBRACK}, {"{", TK_LBRACE}, {"}", TK_RBRACE},
};

/* Unicode spellings: UTF-8 text, token kind, ASCII spelling. */
typedef struct UniEntry {
  const char *utf8;
  TokKind kind;
  const char *ascii;
} UniEntry;

static const UniEntry uni_syms[] = {
    {"\u2200\u2200", TK_TFORALL, "\\AA"}, {"\u2203\u2203", TK_TEXISTS, "\\EE"},
    {"\u27e9_", TK_RTUPLE_SUB, ">>_"},
    {"\u2200", TK_FORALL, "\\A"},  {"\u2203", TK_EXISTS, "\\E"},
    {"\u225c", TK_DEFEQ, "=="},    {"\u27e8", TK_LTUPLE, "<<"},
    {"\u27e9", TK_RTUPLE, ">>"},   {"\u21a6", TK_MAPSTO, "|->"},
    {"\u2192", TK_ARROW, "->"},    {"\u2190", TK_LARROW, "<-"},
    {"\u25a1", TK_BOX, "[]"},      {"\u2237", TK_COLONCOLON, "::"},
    {"\u25c7", TK_OP, "<>"},       {"\u2227", TK_OP, "/\\"},
    {"\u2228", TK_OP, "\\/"},      {"\u00ac", TK_OP, "~"},
    {"\u21d2", TK_OP, "=>"},       {"\u27f9", TK_OP, "=>"},
    {"\u2261", TK_OP, "\\equiv"},  {"\u21d4", TK_OP, "<=>"},
    {"\u2208", TK_OP, "\\in"},     {"\u2209", TK_OP, "\\notin"},
    {"\u222a", TK_OP, "\\cup"},    {"\u2229", TK_OP, "\\cap"},
    {"\u2286", TK_OP, "\\subseteq"}, {"\u2282", TK_OP, "\\subset"},
    {"\u2287", TK_OP, "\\supseteq"}, {"\u2283", TK_OP, "\\supset"},
    {"\u2264", TK_OP, "<="},       {"\u2265", TK_OP, ">="},
    {"\u2260", TK_OP, "/="},       {"\u00d7", TK_OP, "\\X"},
    {"\u2248", TK_OP, "\\approx"}, {"\u2254", TK_OP, ":="},
    {"\u224d", TK_OP, "\\asymp"},  {"\u25ef", TK_OP, "\\bigcirc"},
    {"\u2a74", TK_OP, "::="},      {"\u25cf", TK_OP, "\\bullet"},
    {"\u22c5", TK_OP, "\\cdot"},   {"\u00b7", TK_OP, "\\cdot"},
    {"\u2218", TK_OP, "\\circ"},   {"\u2245", TK_OP, "\\cong"},
    {"\u00f7", TK_OP, "\\div"},    {"\u2250", TK_OP, "\\doteq"},
    {"\u2025", TK_OP, ".."},       {"\u2026", TK_OP, "..."},
    {"\u203c", TK_OP, "!!"},       {"\u226b", TK_OP, "\\gg"},
    {"\u2ae4", TK_OP, "=|"},
    {"\u219d", TK_OP, "~>"},       {"\u226a", TK_OP, "\\ll"},
    {"\u22a3", TK_OP, "-|"},       {"\u2299", TK_OP, "\\odot"},
    {"\u2296", TK_OP, "\\ominus"}, {"\u2295", TK_OP, "\\oplus"},
    {"\u2298", TK_OP, "\\oslash"}, {"\u2297", TK_OP, "\\otimes"},
    {"\u21f8", TK_OP, "-+->"},     {"\u227a", TK_OP, "\\prec"},
    {"\u2aaf", TK_OP, "\\preceq"}, {"\u221d", TK_OP, "\\propto"},
    {"\u2047", TK_OP, "??"},       {"\u22a8", TK_OP, "|="},
    {"\u22a2", TK_OP, "|-"},       {"\u223c", TK_OP, "\\sim"},
    {"\u2243", TK_OP, "\\simeq"},  {"\u2293", TK_OP, "\\sqcap"},
    {"\u2294", TK_OP, "\\sqcup"},  {"\u228f", TK_OP, "\\sqsubset"},
    {"\u2291", TK_OP, "\\sqsubseteq"}, {"\u2290", TK_OP, "\\sqsupset"},
    {"\u2292", TK_OP, "\\sqsupseteq"}, {"\u22c6", TK_OP, "\\star"},
    {"\u227b", TK_OP, "\\succ"},   {"\u2ab0", TK_OP, "\\succeq"},
    {"\u228e", TK_OP, "\\uplus"},  {"\u2016", TK_OP, "||"},
    {"\u2240", TK_OP, "\\wr"},     {"\u207a", TK_OP, "^+"},
    {"\u2115", TK_IDENT, "Nat"},
    {"\u2124", TK_IDENT, "Int"},   {"\u211d", TK_IDENT, "Real"},
};

/* Backslash words: `\in`, `\cup`, ... (without the backslash). */
static const char *const backslash_ops[] = {
    "in",       "notin",     "cup",        "cap",         "union",
    "intersect", "subseteq", "subset",     "supseteq",    "supset",
    "div",      "o",         "circ",       "cdot",        "land",
    "lor",      "lnot",      "neg",        "equiv",       "leq",
    "geq",      "X",         "times",      "approx",      "asymp",
    "bigcirc",  "bullet",    "cong",       "doteq",       "gg",
    "ll",       "odot",      "ominus",     "oplus",       "oslash",
    "otimes",   "prec",      "preceq",     "propto",      "sim",
    "simeq",    "sqcap",     "sqcup",      "sqsubset",    "sqsupset",
    "sqsubseteq", "sqsupseteq", "star",    "succ",        "succeq",
    "uplus",    "wr",
};

/* ---- scanner state ---- */

typedef struct Lexer {
  const char *s;
  size_t i, n;
  uint32_t line, col; /* of s[i] */
  uint32_t file;
  VEC(Token) toks;
  int errors;
  int depth; /* module nesting */
} Lexer;

static void lex_adv(Lexer *L) {
  if (L->i >= L->n)
    return;
  char c = L->s[L->i++];
  if (c == '\n') {
    L->line++;
    L->col = 1;
  } else if (L->i >= L->n || ((unsigned char)L->s[L->i] & 0xC0) != 0x80) {
    L->col++;
  }
}

static void lex_adv_n(Lexer *L, size_t k) {
  while (k--)
    lex_adv(L);
}

static char lex_at(Lexer *L, size_t k) {
  return L->i + k < L->n ? L->s[L->i + k] : 0;
}

static Loc lex_loc(Lexer *L, uint32_t line, uint32_t col) {
  Loc l = {L->file, line, col, L->line, L->col > 1 ? L->col - 1 : 1};
  if (L->line != line) /* only strings could span; keep it one line */
    l.eline = line, l.ecol = col;
  return l;
}

static void lex_push(Lexer *L, TokKind k, Sym sym, uint32_t line,
                     uint32_t col) {
  Token t = {k, lex_loc(L, line, col), sym};
  VEC_PUSH(L->toks, t);
}

static void lex_error(Lexer *L, uint32_t line, uint32_t col, const char *msg,
                      const char *arg) {
  Loc l = {L->file, line, col, line, col};
  diag_error(l, msg, arg);
  L->errors++;
}

static bool is_ident_char(char c) {
  return isalnum((unsigned char)c) || c == '_';
}

/* Skips blanks, `\*` line comments and nested `(* *)` comments.  Returns
 * false (after an error) when a comment runs to the end of the text. */
static bool lex_skip_space(Lexer *L) {
  for (;;) {
    char c = lex_at(L, 0);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      lex_adv(L);
    } else if (c == '\\' && lex_at(L, 1) == '*') {
      while (L->i < L->n && L->s[L->i] != '\n')
        lex_adv(L);
    } else if (c == '(' && lex_at(L, 1) == '*') {
      uint32_t line = L->line, col = L->col;
      int depth = 0;
      do {
        if (L->i >= L->n) {
          lex_error(L, line, col, "unterminated comment ('(*' never closed)%s",
                    "");
          return false;
        }
        if (lex_at(L, 0) == '(' && lex_at(L, 1) == '*') {
          depth++;
          lex_adv_n(L, 2);
        } else if (lex_at(L, 0) == '*' && lex_at(L, 1) == ')') {
          depth--;
          lex_adv_n(L, 2);
        } else {
          lex_adv(L);
        }
      } while (depth > 0);
    } else {
      return true;
    }
  }
}

/* Converts digits in base 2, 8 or 16 to decimal digits. */
static char *lex_to_decimal(const char *d, size_t n, int base) {
  size_t cap = n * 2 + 2, len = 1;
  unsigned char *dec = xcalloc(cap, 1); /* little-endian decimal digits */
  for (size_t k = 0; k < n; k++) {
    int v = isdigit((unsigned char)d[k]) ? d[k] - '0'
                                         : tolower((unsigned char)d[k]) - 'a' + 10;
    int carry = v;
    for (size_t j = 0; j < len; j++) {
      int x = dec[j] * base + carry;
      dec[j] = (unsigned char)(x % 10);
      carry = x / 10;
    }
    while (carry) {
      dec[len++] = (unsigned char)(carry % 10);
      carry /= 10;
    }
  }
  while (len > 1 && dec[len - 1] == 0)
    len--;
  char *out = xmalloc(len + 1);
  for (size_t j = 0; j < len; j++)
    out[j] = (char)('0' + dec[len - 1 - j]);
  out[len] = 0;
  free(dec);
  return out;
}

static bool digit_in_base(char c, int base) {
  if (base == 16)
    return isxdigit((unsigned char)c);
  return c >= '0' && c < '0' + base;
}

/* `\b101`, `\o17`, `\hFF` (at the backslash); false if not a number.
 * A word that starts like one (`\b` or `\o` and a decimal digit, `\h` and
 * a hex digit) is one, and a digit outside its base is an error; so is
 * `\b` or `\h` with no digits (`\o` alone is an operator). */
static bool lex_based_number(Lexer *L) {
  char b = (char)tolower((unsigned char)lex_at(L, 1));
  int base = b == 'b' ? 2 : b == 'o' ? 8 : b == 'h' ? 16 : 0;
  static const char *const names[] = {"binary", "octal", "hexadecimal"};
  const char *what = names[base == 2 ? 0 : base == 8 ? 1 : 2];
  char c2 = lex_at(L, 2);
  uint32_t line = L->line, col = L->col;
  if (base && base != 8 && !is_ident_char(c2)) {
    char spelled[3] = {'\\', lex_at(L, 1), 0};
    lex_error(L, line, col, "digits expected after '%s' (a number)", spelled);
    lex_adv_n(L, 2);
    lex_push(L, TK_NUM, sym_intern("0"), line, col);
    return true;
  }
  if (!base || !(base == 16 ? isxdigit((unsigned char)c2)
                            : isdigit((unsigned char)c2)))
    return false;
  size_t k = 2;
  while (is_ident_char(lex_at(L, k)))
    k++;
  for (size_t j = 2; j < k; j++)
    if (!digit_in_base(lex_at(L, j), base)) {
      char bad[2] = {lex_at(L, j), 0};
      Loc at = {L->file, line, col + (uint32_t)j, line, col + (uint32_t)j};
      diag_error(at, "invalid %s digit '%s'", what, bad);
      L->errors++;
      k = j;
      while (is_ident_char(lex_at(L, k)))
        k++;
      lex_adv_n(L, k);
      lex_push(L, TK_NUM, sym_intern("0"), line, col);
      return true;
    }
  char *dec = lex_to_decimal(L->s + L->i + 2, k - 2, base);
  lex_adv_n(L, k);
  lex_push(L, TK_NUM, sym_intern(dec), line, col);
  free(dec);
  return true;
}

static void lex_backslash(Lexer *L) {
  uint32_t line = L->line, col = L->col;
  char c1 = lex_at(L, 1);
  if (c1 == '/') {
    lex_adv_n(L, 2);
    lex_push(L, TK_OP, sym_intern("\\/"), line, col);
    return;
  }
  if (lex_based_number(L))
    return;
  if (!isalpha((unsigned char)c1)) {
    lex_adv(L);
    lex_push(L, TK_OP, sym_intern("\\"), line, col);
    return;
  }
  size_t k = 1;
  while (isalpha((unsigned char)lex_at(L, k)))
    k++;
  char word[32];
  size_t wl = k - 1 < sizeof word - 1 ? k - 1 : sizeof word - 1;
  memcpy(word, L->s + L->i + 1, wl);
  word[wl] = 0;
  TokKind kind = TK__COUNT;
  if (!strcmp(word, "A") || !strcmp(word, "forall"))
    kind = TK_FORALL;
  else if (!strcmp(word, "E") || !strcmp(word, "exists"))
    kind = TK_EXISTS;
  else if (!strcmp(word, "AA"))
    kind = TK_TFORALL;
  else if (!strcmp(word, "EE"))
    kind = TK_TEXISTS;
  else {
    for (size_t j = 0; j < sizeof backslash_ops / sizeof *backslash_ops; j++)
      if (!strcmp(word, backslash_ops[j]))
        kind = TK_OP;
  }
  if (kind == TK__COUNT) {
    lex_error(L, line, col, "unknown operator '\\%s'", word);
    lex_adv_n(L, k);
    return;
  }
  lex_adv_n(L, k);
  char spelled[40];
  snprintf(spelled, sizeof spelled, "\\%s", word);
  lex_push(L, kind, kind == TK_OP ? sym_intern(ast_canonical_op(spelled)) : 0,
           line, col);
}

static void lex_string(Lexer *L) {
  uint32_t line = L->line, col = L->col;
  VEC(char) buf = {0};
  lex_adv(L);
  for (;;) {
    char c = lex_at(L, 0);
    if (L->i >= L->n || c == '\n' || c == '\r') {
      lex_error(L, line, col, "unterminated string%s", "");
      break;
    }
    if (c == '"') {
      lex_adv(L);
      break;
    }
    if (c == '\\') {
      char e = lex_at(L, 1);
      char r = e == '"' ? '"' : e == '\\' ? '\\' : e == 'n' ? '\n'
             : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : 0;
      if (!r) {
        char what[3] = {'\\', e, 0};
        lex_error(L, L->line, L->col, "invalid escape '%s' in string", what);
        lex_adv(L);
        continue;
      }
      VEC_PUSH(buf, r);
      lex_adv_n(L, 2);
      continue;
    }
    VEC_PUSH(buf, c);
    lex_adv(L);
  }
  Sym s = sym_intern_n(buf.data ? buf.data : "", buf.len);
  VEC_FREE(buf);
  lex_push(L, TK_STR, s, line, col);
}

static TokKind lex_keyword(const char *w, size_t n) {
  static const char *const kw[] = {
#define X(k) #k,
      LEX_KEYWORDS(X)
#undef X
  };
  for (size_t j = 0; j < sizeof kw / sizeof *kw; j++)
    if (strlen(kw[j]) == n && !memcmp(kw[j], w, n))
      return (TokKind)(TK_MODULE + j);
  return TK_IDENT;
}

/* Identifiers, keywords, numbers, WF_ / SF_. */
static void lex_word(Lexer *L) {
  uint32_t line = L->line, col = L->col;
  const char *w = L->s + L->i;
  size_t k = 0;
  bool letter = false;
  while (is_ident_char(lex_at(L, k))) {
    letter |= isalpha((unsigned char)lex_at(L, k)) != 0;
    k++;
  }
  if (k >= 3 && (w[0] == 'W' || w[0] == 'S') && w[1] == 'F' && w[2] == '_') {
    lex_adv_n(L, 3);
    lex_push(L, w[0] == 'W' ? TK_WF : TK_SF, 0, line, col);
    return;
  }
  if (!letter && w[0] != '_') { /* a number */
    size_t z = 0;
    while (z + 1 < k && w[z] == '0')
      z++;
    if (lex_at(L, k) == '.' && isdigit((unsigned char)lex_at(L, k + 1))) {
      size_t f = k + 1;
      while (isdigit((unsigned char)lex_at(L, f)))
        f++;
      Sym s = sym_intern_n(w + z, f - z);
      lex_adv_n(L, f);
      lex_push(L, TK_DECIMAL, s, line, col);
      return;
    }
    Sym s = sym_intern_n(w + z, k - z);
    lex_adv_n(L, k);
    lex_push(L, TK_NUM, s, line, col);
    return;
  }
  lex_adv_n(L, k);
  if (k == 1 && w[0] == '_') {
    lex_push(L, TK_UNDERSCORE, 0, line, col);
    return;
  }
  TokKind kw = lex_keyword(w, k);
  lex_push(L, kw, kw == TK_IDENT ? sym_intern_n(w, k) : 0, line, col);
  if (kw == TK_MODULE && L->toks.len >= 2 &&
      L->toks.data[L->toks.len - 2].kind == TK_SEP)
    L->depth++;
}

/* `<1>`, `<1>2`, `<2>a.`, `<*>`, `<+>` at '<'; false if not a step. */
static bool lex_step(Lexer *L) {
  size_t k = 1;
  if (lex_at(L, 1) == '*' || lex_at(L, 1) == '+') {
    k = 2;
  } else {
    while (isdigit((unsigned char)lex_at(L, k)))
      k++;
    if (k == 1)
      return false;
  }
  if (lex_at(L, k) != '>')
    return false;
  k++;
  while (is_ident_char(lex_at(L, k)))
    k++;
  while (lex_at(L, k) == '.')
    k++;
  uint32_t line = L->line, col = L->col;
  Sym s = sym_intern_n(L->s + L->i, k);
  lex_adv_n(L, k);
  lex_push(L, TK_STEP, s, line, col);
  return true;
}

/* Returns false at end of module. */
static bool lex_one(Lexer *L) {
  if (!lex_skip_space(L) || L->i >= L->n)
    return false;
  uint32_t line = L->line, col = L->col;
  char c = lex_at(L, 0);
  if (is_ident_char(c)) {
    lex_word(L);
    return true;
  }
  if (c == '"') {
    lex_string(L);
    return true;
  }
  if (c == '\\') {
    lex_backslash(L);
    return true;
  }
  if (c == '-' || c == '=') {
    size_t k = 0;
    while (lex_at(L, k) == c)
      k++;
    if (k >= 4) {
      lex_adv_n(L, k);
      lex_push(L, c == '-' ? TK_SEP : TK_END, 0, line, col);
      if (c == '=' && --L->depth <= 0)
        return false;
      return true;
    }
  }
  if (c == '-' && lex_at(L, 1) == '.' && !isdigit((unsigned char)lex_at(L, 2))) {
    lex_adv_n(L, 2);
    lex_push(L, TK_OP, sym_intern("-."), line, col);
    return true;
  }
  if (c == '<' && lex_step(L))
    return true;
  if (c == ']' && lex_at(L, 1) == '_') {
    lex_adv_n(L, 2);
    lex_push(L, TK_RBRACK_SUB, 0, line, col);
    return true;
  }
  if (c == '>' && lex_at(L, 1) == '>' && lex_at(L, 2) == '_') {
    lex_adv_n(L, 3);
    lex_push(L, TK_RTUPLE_SUB, 0, line, col);
    return true;
  }
  /* The canonical symbol of each entry is interned once per run (symbols
   * live as long as the run), and entries are skipped by their first
   * character: a run of 10 MB of operators lexes in a second or so. */
  static Sym ascii_sym_ids[sizeof ascii_syms / sizeof *ascii_syms];
  for (size_t j = 0; j < sizeof ascii_syms / sizeof *ascii_syms; j++) {
    const SymEntry *e = &ascii_syms[j];
    if (e->text[0] != c)
      continue;
    size_t n = strlen(e->text);
    if (L->i + n <= L->n && !memcmp(L->s + L->i, e->text, n)) {
      lex_adv_n(L, n);
      if (e->kind == TK_OP && !ascii_sym_ids[j])
        ascii_sym_ids[j] = sym_intern(ast_canonical_op(e->text));
      lex_push(L, e->kind, e->kind == TK_OP ? ascii_sym_ids[j] : 0, line,
               col);
      return true;
    }
  }
  for (size_t j = 0; j < sizeof uni_syms / sizeof *uni_syms; j++) {
    const UniEntry *e = &uni_syms[j];
    size_t n = strlen(e->utf8);
    if (L->i + n <= L->n && !memcmp(L->s + L->i, e->utf8, n)) {
      lex_adv_n(L, n);
      Sym s = e->kind == TK_OP ? sym_intern(ast_canonical_op(e->ascii))
              : e->kind == TK_IDENT ? sym_intern(e->ascii) : 0;
      lex_push(L, e->kind, s, line, col);
      return true;
    }
  }
  char what[8];
  if ((unsigned char)c >= 0x80) {
    size_t k = 1;
    while (k < 4 && ((unsigned char)lex_at(L, k) & 0xC0) == 0x80)
      k++;
    memcpy(what, L->s + L->i, k);
    what[k] = 0;
  } else if (isprint((unsigned char)c)) {
    what[0] = c, what[1] = 0;
  } else {
    snprintf(what, sizeof what, "\\x%02x", (unsigned char)c);
  }
  lex_error(L, line, col, "unexpected character '%s'", what);
  lex_adv(L);
  return true;
}

/* Finds the first `----` run followed by MODULE; returns its offset or -1. */
static long lex_find_module(const char *s, size_t n) {
  for (size_t i = 0; i + 4 <= n; i++) {
    if (memcmp(s + i, "----", 4))
      continue;
    size_t j = i;
    while (j < n && s[j] == '-')
      j++;
    while (j < n && (s[j] == ' ' || s[j] == '\t'))
      j++;
    if (j + 6 <= n && !memcmp(s + j, "MODULE", 6) &&
        (j + 6 == n || !is_ident_char(s[j + 6])))
      return (long)i;
    i = j - 1;
  }
  return -1;
}

long lex_find_module_named(const char *text, const char *name) {
  size_t n = strlen(text), k = strlen(name);
  for (size_t i = 0; i < n;) {
    size_t j = i, d = 0;
    while (j < n && text[j] == '-')
      j++, d++;
    while (j < n && (text[j] == ' ' || text[j] == '\t'))
      j++;
    if (d >= 4 && j + 6 < n && !memcmp(text + j, "MODULE", 6) &&
        (text[j + 6] == ' ' || text[j + 6] == '\t')) {
      j += 6;
      while (j < n && (text[j] == ' ' || text[j] == '\t'))
        j++;
      if (j + k <= n && !memcmp(text + j, name, k) &&
          (j + k == n || !is_ident_char(text[j + k])))
        return (long)i;
    }
    while (i < n && text[i] != '\n')
      i++;
    i++;
  }
  return -1;
}

/* Lexes text from the module header at `from` (-1: the first header; -2:
 * all of text as one expression). */
static int lex_run(uint32_t file, const char *text, long from, Token **out,
                   int *ntoks) {
  bool whole = from == -2;
  Lexer L = {0};
  L.s = text;
  L.n = strlen(text);
  L.file = file;
  L.line = 1;
  L.col = 1;
  long start = whole ? 0 : from >= 0 ? from : lex_find_module(text, L.n);
  if (whole)
    L.depth = 1 << 30;
  if (start >= 0) {
    while (L.i < (size_t)start)
      lex_adv(&L);
    while (lex_one(&L))
      ;
  }
  Token eof = {TK_EOF, {file, L.line, L.col, L.line, L.col}, 0};
  if (start < 0)
    eof.loc = (Loc){file, 1, 1, 1, 1};
  VEC_PUSH(L.toks, eof);
  *out = L.toks.data;
  *ntoks = (int)L.toks.len;
  return L.errors;
}

int lex_text(uint32_t file, const char *text, Token **out, int *ntoks) {
  return lex_run(file, text, -1, out, ntoks);
}

int lex_text_at(uint32_t file, const char *text, size_t from, Token **out,
                int *ntoks) {
  return lex_run(file, text, (long)from, out, ntoks);
}

int lex_expr_text(uint32_t file, const char *text, Token **out, int *ntoks) {
  return lex_run(file, text, -2, out, ntoks);
}
