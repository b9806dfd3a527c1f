/* t30_lex.c -- unit tests for the TLA+ lexer: token kinds, canonical
 * operator spellings, numbers, strings, comments, locations, errors. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

static Token *toks;
static int ntoks;
static char *diag_buf;
static size_t diag_len;
static FILE *diag_f;

static int lex(const char *text) {
  free(toks);
  uint32_t file = src_add("t.tla", text);
  return lex_text(file, text, &toks, &ntoks);
}

static int lex_e(const char *text) {
  free(toks);
  uint32_t file = src_add("e", text);
  return lex_expr_text(file, text, &toks, &ntoks);
}

static void capture(void) {
  diag_f = open_memstream(&diag_buf, &diag_len);
  diag_set_stream(diag_f);
}

static const char *captured(void) {
  fflush(diag_f);
  return diag_buf;
}

static void teardown(void) {
  free(toks);
  toks = NULL;
  if (diag_f) {
    diag_set_stream(NULL);
    fclose(diag_f);
    free(diag_buf);
    diag_f = NULL;
    diag_buf = NULL;
  }
}

START_TEST(test_module_tokens) {
  ck_assert_int_eq(lex("junk \"unterminated\n---- MODULE M ----\nOp == x' + 1\n"
                       "====\nafter the end ) \" garbage"),
                   0);
  TokKind want[] = {TK_SEP, TK_MODULE, TK_IDENT, TK_SEP, TK_IDENT, TK_DEFEQ,
                    TK_IDENT, TK_OP, TK_OP, TK_NUM, TK_END, TK_EOF};
  ck_assert_int_eq(ntoks, (int)(sizeof want / sizeof *want));
  for (int i = 0; i < ntoks; i++)
    ck_assert_msg(toks[i].kind == want[i], "token %d is %s", i,
                  lex_kind_name(toks[i].kind));
  ck_assert_str_eq(sym_str(toks[2].sym), "M");
  ck_assert_str_eq(sym_str(toks[7].sym), "'");
  ck_assert_str_eq(sym_str(toks[9].sym), "1");
}
END_TEST

START_TEST(test_locations) {
  lex("---- MODULE M ----\n  Foo  ==  \"ab\"\n====");
  Token *t = &toks[4];
  ck_assert_int_eq(t->kind, TK_IDENT);
  ck_assert_int_eq(t->loc.line, 2);
  ck_assert_int_eq(t->loc.col, 3);
  ck_assert_int_eq(t->loc.eline, 2);
  ck_assert_int_eq(t->loc.ecol, 5);
  ck_assert_int_eq(toks[5].loc.col, 8);
  ck_assert_int_eq(toks[5].loc.ecol, 9);
  ck_assert_int_eq(toks[6].kind, TK_STR);
  ck_assert_int_eq(toks[6].loc.col, 12);
  ck_assert_int_eq(toks[6].loc.ecol, 15);
  ck_assert_int_eq(toks[0].loc.col, 1);
  ck_assert_int_eq(toks[0].loc.ecol, 4);
}
END_TEST

START_TEST(test_utf8_columns) {
  lex_e("(* \xc3\xa9\xc3\xa9 *) a \u2227 b");
  ck_assert_int_eq(toks[0].kind, TK_IDENT);
  ck_assert_int_eq(toks[0].loc.col, 10);
  ck_assert_int_eq(toks[1].kind, TK_OP);
  ck_assert_str_eq(sym_str(toks[1].sym), "/\\");
  ck_assert_int_eq(toks[1].loc.col, 12);
  ck_assert_int_eq(toks[2].loc.col, 14);
}
END_TEST

START_TEST(test_synonyms) {
  const char *pairs[][2] = {
      {"\\land", "/\\"},  {"\\lor", "\\/"},   {"\\lnot", "~"},
      {"\\neg", "~"},     {"#", "/="},        {"=<", "<="},
      {"\\leq", "<="},    {"\\geq", ">="},    {"\\union", "\\cup"},
      {"\\intersect", "\\cap"}, {"\\equiv", "<=>"}, {"\\o", "\\circ"},
      {"\\times", "\\X"}, {"\u2228", "\\/"},  {"\u00ac", "~"},
      {"\u21d2", "=>"},   {"\u2261", "<=>"},  {"\u2208", "\\in"},
      {"\u2209", "\\notin"}, {"\u222a", "\\cup"}, {"\u2229", "\\cap"},
      {"\u2286", "\\subseteq"}, {"\u2264", "<="}, {"\u2265", ">="},
      {"\u2260", "/="},   {"\u00d7", "\\X"},  {"(+)", "\\oplus"},
      {"/\\", "/\\"},     {"\\/", "\\/"},     {"\\", "\\"},
      {"-+->", "-+->"},   {"...", "..."},     {"^+", "^+"},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    ck_assert_int_eq(lex_e(pairs[i][0]), 0);
    ck_assert_int_eq(ntoks, 2);
    ck_assert_msg(toks[0].kind == TK_OP, "%s", pairs[i][0]);
    ck_assert_str_eq(sym_str(toks[0].sym), pairs[i][1]);
  }
}
END_TEST

START_TEST(test_unicode_punctuation) {
  lex_e("\u2200 \u2203 \u225c \u27e8 \u27e9 \u21a6 \u2192 \u25a1 \u25c7");
  TokKind want[] = {TK_FORALL, TK_EXISTS, TK_DEFEQ, TK_LTUPLE, TK_RTUPLE,
                    TK_MAPSTO, TK_ARROW,  TK_BOX,   TK_OP,     TK_EOF};
  ck_assert_int_eq(ntoks, 10);
  for (int i = 0; i < ntoks; i++)
    ck_assert_int_eq(toks[i].kind, want[i]);
  ck_assert_str_eq(sym_str(toks[8].sym), "<>");
}
END_TEST

START_TEST(test_numbers) {
  lex_e("\\b101 \\o17 \\hFF \\HfF 007 1.25 1..2 \\b0");
  ck_assert_int_eq(toks[0].kind, TK_NUM);
  ck_assert_str_eq(sym_str(toks[0].sym), "5");
  ck_assert_str_eq(sym_str(toks[1].sym), "15");
  ck_assert_str_eq(sym_str(toks[2].sym), "255");
  ck_assert_str_eq(sym_str(toks[3].sym), "255");
  ck_assert_str_eq(sym_str(toks[4].sym), "7");
  ck_assert_int_eq(toks[5].kind, TK_DECIMAL);
  ck_assert_str_eq(sym_str(toks[5].sym), "1.25");
  ck_assert_int_eq(toks[6].kind, TK_NUM);
  ck_assert_int_eq(toks[7].kind, TK_OP);
  ck_assert_str_eq(sym_str(toks[7].sym), "..");
  ck_assert_int_eq(toks[8].kind, TK_NUM);
  ck_assert_str_eq(sym_str(toks[9].sym), "0");
  lex_e("\\hFFFFFFFFFFFFFFFFFFFF");
  ck_assert_str_eq(sym_str(toks[0].sym), "1208925819614629174706175");
}
END_TEST

START_TEST(test_strings) {
  ck_assert_int_eq(lex_e("\"a\\\"b\\\\c\\nd\\te\""), 0);
  ck_assert_int_eq(toks[0].kind, TK_STR);
  ck_assert_str_eq(sym_str(toks[0].sym), "a\"b\\c\nd\te");
  lex_e("\"(* not a comment *)\"");
  ck_assert_str_eq(sym_str(toks[0].sym), "(* not a comment *)");
}
END_TEST

START_TEST(test_comments) {
  ck_assert_int_eq(lex_e("a (* x (* nested *) y *) b \\* line c\n d"), 0);
  ck_assert_int_eq(ntoks, 4);
  ck_assert_str_eq(sym_str(toks[0].sym), "a");
  ck_assert_str_eq(sym_str(toks[1].sym), "b");
  ck_assert_str_eq(sym_str(toks[2].sym), "d");
  ck_assert_int_eq(toks[2].loc.line, 2);
}
END_TEST

START_TEST(test_keywords_and_special) {
  lex_e("WF_vars(A) SF_<<x>>(B) [A]_v <<A>>_v <1>2. <*> QED LET IN x!y @ _");
  TokKind want[] = {TK_WF,     TK_IDENT,  TK_LPAREN, TK_IDENT, TK_RPAREN,
                    TK_SF,     TK_LTUPLE, TK_IDENT,  TK_RTUPLE, TK_LPAREN,
                    TK_IDENT,  TK_RPAREN, TK_LBRACK, TK_IDENT, TK_RBRACK_SUB,
                    TK_IDENT,  TK_LTUPLE, TK_IDENT,  TK_RTUPLE_SUB, TK_IDENT,
                    TK_STEP,   TK_STEP,   TK_QED,    TK_LET,   TK_IN,
                    TK_IDENT,  TK_BANG,   TK_IDENT,  TK_AT,    TK_UNDERSCORE,
                    TK_EOF};
  ck_assert_int_eq(ntoks, (int)(sizeof want / sizeof *want));
  for (int i = 0; i < ntoks; i++)
    ck_assert_msg(toks[i].kind == want[i], "token %d: %s", i,
                  lex_kind_name(toks[i].kind));
  ck_assert_str_eq(sym_str(toks[20].sym), "<1>2.");
}
END_TEST

START_TEST(test_nested_modules_kept) {
  lex("---- MODULE A ----\n---- MODULE B ----\nx == 1\n====\ny == 2\n====\nz == 3");
  ck_assert_int_eq(toks[ntoks - 2].kind, TK_END);
  ck_assert_int_eq(toks[ntoks - 2].loc.line, 6);
}
END_TEST

START_TEST(test_errors) {
  capture();
  ck_assert_int_eq(lex("---- MODULE M ----\nOp == \"abc\nX == 1 ? 2\n===="), 2);
  const char *out = captured();
  ck_assert_ptr_nonnull(strstr(out, "t.tla:2:7: error: unterminated string"));
  ck_assert_ptr_nonnull(strstr(out, "t.tla:3:8: error: unexpected character '?'"));
  ck_assert_ptr_nonnull(strstr(out, "  X == 1 ? 2\n         ^\n"));
  ck_assert_int_eq(lex("---- MODULE M ----\n(* (* *)\n===="), 1);
  ck_assert_ptr_nonnull(strstr(captured(), "t.tla:2:1: error: unterminated comment"));
  ck_assert_int_eq(lex_e("a \\nosuch b"), 1);
  ck_assert_ptr_nonnull(strstr(captured(), "unknown operator '\\nosuch'"));
}
END_TEST

START_TEST(test_no_module) {
  ck_assert_int_eq(lex("just text"), 0);
  ck_assert_int_eq(ntoks, 1);
  ck_assert_int_eq(toks[0].kind, TK_EOF);
  ck_assert_int_eq(lex(""), 0);
  ck_assert_int_eq(ntoks, 1);
}
END_TEST

Suite *lex_suite(void) {
  Suite *s = suite_create("lex");
  TCase *tc = tcase_create("lex");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_add_test(tc, test_module_tokens);
  tcase_add_test(tc, test_locations);
  tcase_add_test(tc, test_utf8_columns);
  tcase_add_test(tc, test_synonyms);
  tcase_add_test(tc, test_unicode_punctuation);
  tcase_add_test(tc, test_numbers);
  tcase_add_test(tc, test_strings);
  tcase_add_test(tc, test_comments);
  tcase_add_test(tc, test_keywords_and_special);
  tcase_add_test(tc, test_nested_modules_kept);
  tcase_add_test(tc, test_errors);
  tcase_add_test(tc, test_no_module);
  suite_add_tcase(s, tc);
  return s;
}
