/* t33_print.c -- unit tests for the printer (print.c) and the structural
 * comparison (astcmp.c): the text printed for a handful of constructs,
 * round trips (parse, print, parse again, compare) of tricky modules, and
 * a round trip of every snippet of the syntax corpus that parses and of
 * every module of the examples corpus that SANY accepts. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "astcmp.h"
#include "parse.h"
#include "print.h"

static FILE *quiet;

static void setup(void) {
  quiet = fopen("/dev/null", "w");
  diag_set_stream(quiet);
}

static void teardown(void) {
  diag_set_stream(NULL);
  fclose(quiet);
}

/* The printed form of one expression. */
static void prints(const char *src, const char *want) {
  Expr *e = parse_expr_text("e", src);
  ck_assert_msg(e != NULL, "parse failed: %s", src);
  char *got = print_expr_str(e);
  ck_assert_msg(!strcmp(got, want), "%s printed as\n%s\nwant\n%s", src, got,
                want);
  Expr *again = parse_expr_text("printed", got);
  ck_assert_msg(again != NULL, "printed text does not parse: %s", got);
  char why[512];
  ck_assert_msg(astcmp_exprs(e, again, why, sizeof why), "%s: %s", src, why);
  free(got);
}

/* Parses text, prints it, parses the print and compares; returns the
 * printed text (the caller frees it). */
static char *round_trip(const char *path, const char *text) {
  Module *m = parse_text(path, text);
  ck_assert_msg(m != NULL, "%s: parse failed:\n%s", path, text);
  char *printed = print_module_str(m);
  Module *again = parse_text("printed.tla", printed);
  ck_assert_msg(again != NULL, "%s: printed module does not parse:\n%s", path,
                printed);
  char why[1024];
  ck_assert_msg(astcmp_modules(m, again, why, sizeof why),
                "%s: round trip differs: %s\n%s", path, why, printed);
  return printed;
}

static void round_trips(const char *body) {
  char *text = xsprintf("---- MODULE T ----\n%s\n====\n", body);
  free(round_trip("rt.tla", text));
  free(text);
}

START_TEST(test_operators_parenthesised) {
  prints("a + b * c", "a + (b * c)");
  prints("(a + b) * c", "(a + b) * c");
  prints("a - b - c", "a - b - c"); /* a left-associative chain */
  prints("a - (b - c)", "a - (b - c)");
  prints("(a - b) + c", "(a - b) + c");
  prints("a * b * c - d", "(a * b * c) - d");
  prints("x' = x + 1", "x' = (x + 1)");
  prints("-x + -(5)", "(-x) + (-5)");
  prints("~a => b", "(~a) => b");
  prints("SUBSET S \\cup UNION T", "(SUBSET S) \\cup (UNION T)");
  prints("DOMAIN f", "DOMAIN f");
  prints("(x \\land y) \\lor z", "\\/ /\\ x\n   /\\ y\n\\/ z");
  prints("a = (x \\/ y)", "a = (\\/ x\n     \\/ y)");
  prints("A \\X B \\times C", "A \\X B \\X C");
  prints("(A \\X B) \\X C", "(A \\X B) \\X C");
  prints("F(+, x)", "F(+, x)");
  prints("f ( - )", "f(- )"); /* not f(-), which is \\ominus */
  prints("M!Op(1)", "M!Op(1)");
  prints("M(1)!N!Op(2)", "M(1)!N!Op(2)");
  prints("f[x][y].a", "f[x][y].a");
  prints("(a + b)[1]", "(a + b)[1]");
  prints("L^+ ^*", "L^+^*");
}
END_TEST

START_TEST(test_constructs) {
  prints("[f EXCEPT ![1].a = @ + 1, !.b = 2]",
         "[f EXCEPT ![1].a = @ + 1, !.b = 2]");
  prints("[f EXCEPT ![i, j] = 0]", "[f EXCEPT ![i, j] = 0]");
  prints("CASE x = 1 -> a [] x = 2 -> b [] OTHER -> c",
         "CASE x = 1 -> a [] x = 2 -> b [] OTHER -> c");
  prints("CASE a -> (CASE b -> 1 [] c -> 2) [] d -> 3",
         "CASE a -> (CASE b -> 1 [] c -> 2) [] d -> 3");
  prints("\\A x \\in S, <<y, z>> \\in T : x = y",
         "\\A x \\in S, <<y, z>> \\in T : x = y");
  prints("\\E x, y : x", "\\E x, y : x");
  prints("\\AA x : []P", "\\AA x : []P");
  prints("CHOOSE x \\in S : TRUE", "CHOOSE x \\in S : TRUE");
  prints("{x \\in S : x > 1}", "{x \\in S : x > 1}");
  prints("{x + 1 : x \\in S, y \\in T}", "{x + 1 : x \\in S, y \\in T}");
  prints("{(x \\in S) : x \\in T}", "{(x \\in S) : x \\in T}");
  prints("[x \\in S, y \\in T |-> x]", "[x \\in S, y \\in T |-> x]");
  prints("[(x \\in S) -> T]", "[(x \\in S) -> T]");
  prints("[a |-> 1, b |-> \"s\"]", "[a |-> 1, b |-> \"s\"]");
  prints("[a : S, b : T]", "[a : S, b : T]");
  prints("<<>>", "<<>>");
  prints("\"a\\\"b\\\\c\\n\\t\"", "\"a\\\"b\\\\c\\n\\t\"");
  prints("\\hFF + \\b101 + \\o17", "255 + 5 + 15");
  prints("IF a THEN b ELSE c", "IF a THEN b ELSE c");
  prints("LAMBDA x, y : x + y", "LAMBDA x, y : x + y");
  prints("lbl(x) :: x", "lbl(x) :: x");
  prints("[][Next]_vars /\\ WF_vars(A) /\\ SF_<<x, y>>(B)",
         "/\\ [][Next]_vars\n/\\ WF_vars(A)\n/\\ SF_<<x, y>>(B)");
  prints("<><<A>>_(x + y)", "<><<A>>_(x + y)");
  prints("P ~> Q", "P ~> Q");
  prints("ENABLED A /\\ UNCHANGED <<x>>",
         "/\\ ENABLED A\n/\\ UNCHANGED <<x>>");
  prints("LET a == 1 b(x) == x IN a",
         "LET a == 1\n    b(x) == x\nIN a");
}
END_TEST

START_TEST(test_module_text) {
  char *p = round_trip("m.tla", "---- MODULE M ----\n"
                       "EXTENDS Naturals\n"
                       "CONSTANT N, F(_, _), _ ** _\n"
                       "VARIABLE x\n"
                       "a ++ b == a + b\n"
                       "-. a == 0 - a\n"
                       "a ^# == a\n"
                       "RECURSIVE G(_)\n"
                       "G(n) == IF n = 0 THEN 0 ELSE G(n - 1)\n"
                       "f[n \\in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1]\n"
                       "LOCAL L == 1\n"
                       "I(y) == INSTANCE Naturals\n"
                       "ASSUME A1 == N > 0\n"
                       "THEOREM T == \\A n \\in Nat : n >= 0\n"
                       "  PROOF OBVIOUS\n"
                       "Init == /\\ x = 0\n"
                       "        /\\ \\/ x = 1\n"
                       "           \\/ x = 2\n"
                       "====\n");
  ck_assert_msg(strstr(p, "CONSTANTS N, F(_, _), _ ** _\n"), "%s", p);
  ck_assert_msg(strstr(p, "\na ++ b == a + b\n"), "%s", p);
  ck_assert_msg(strstr(p, "\n-. a == 0 - a\n"), "%s", p);
  ck_assert_msg(strstr(p, "\na ^# == a\n"), "%s", p);
  ck_assert_msg(strstr(p, "\nRECURSIVE G(_)\n"), "%s", p);
  ck_assert_msg(strstr(p, "\nf[n \\in Nat] == IF n = 0 THEN 1 ELSE n * "
                          "f[n - 1]\n"),
                "%s", p);
  ck_assert_msg(strstr(p, "\nLOCAL L == 1\n"), "%s", p);
  ck_assert_msg(strstr(p, "\nI(y) == INSTANCE Naturals\n"), "%s", p);
  ck_assert_msg(strstr(p, "\nASSUME A1 == N > 0\n"), "%s", p);
  ck_assert_msg(strstr(p, "\nTHEOREM T == \\A n \\in Nat : n >= 0\n"), "%s",
                p);
  ck_assert_msg(!strstr(p, "PROOF"), "a proof was printed:\n%s", p);
  ck_assert_msg(strstr(p, "\nInit ==\n    /\\ x = 0\n    /\\ \\/ x = 1\n"
                          "       \\/ x = 2\n"),
                "%s", p);
  free(p);
}
END_TEST

START_TEST(test_tricky_round_trips) {
  /* Junction lists nested in parentheses, quantifiers and CASE arms. */
  round_trips("Op == /\\ \\E i \\in S : /\\ i > 0\n"
              "                        /\\ i < 9\n"
              "      /\\ x = (/\\ a\n"
              "             /\\ b)\n"
              "      /\\ CASE a -> /\\ b\n"
              "                   /\\ c\n"
              "            [] OTHER -> d");
  /* A conjunction inside a conjunction, infix and bulleted. */
  round_trips("Op == (a /\\ b) /\\ c /\\ (d \\/ e \\/ f)");
  /* LET with RECURSIVE, function and infix definitions, nested LET. */
  round_trips("Op == LET RECURSIVE R(_)\n"
              "          R(n) == IF n = 0 THEN 0 ELSE R(n - 1)\n"
              "          f[i \\in 1..3] == i\n"
              "          a ** b == a\n"
              "          g == LET h == 1 IN h\n"
              "      IN R(3) + f[1] + (1 ** 2) + g");
  /* INSTANCE with operator substitutions, LOCAL INSTANCE, paths. */
  round_trips("CONSTANT c\nVARIABLE v\n"
              "---- MODULE Inner ----\nCONSTANT k, _ & _, Op(_)\n"
              "Val(a) == a & k\n====\n"
              "LOCAL INSTANCE Naturals\n"
              "J == INSTANCE Inner WITH k <- c + 1, & <- +, Op <- LAMBDA x : x\n"
              "K(p) == INSTANCE Inner WITH k <- p, & <- -, Op <- Foo\n"
              "Foo(x) == x\n"
              "Use == J!Val(1) + K(2)!Val(3)");
  /* Temporal operators, actions, fairness, strings with escapes. */
  round_trips("VARIABLE x\nvars == <<x>>\nA == x' = x\n"
              "Spec == x = 0 /\\ [][A]_vars /\\ WF_vars(A) /\\ SF_x(A)\n"
              "Live == <>[](x = 1) ~> []<>ENABLED <<A>>_vars\n"
              "S == \"tab\\there \\\"q\\\" back\\\\slash\\nnl\"\n"
              "T == \\EE y : \\AA z : y = z");
  /* A one-parameter definition of an infix symbol (found by fuzzing: it
   * was printed `<: a ==`, which continued the definition before it). */
  round_trips("A == 0\nNex <: == 1\nB == 2\nb ^* == b\nc ~> == c");
  /* Set forms whose first element looks like a bound. */
  round_trips("S == {(x \\in T) : x \\in U}\n"
              "U == {<<a, b>> \\in T \\X T : a = b}\n"
              "V == [(y \\in T) -> U]");
  /* Labels, subexpression-free paths, CHOOSE over tuples, EXCEPT on
   * records of functions, negative literals. */
  round_trips("Op == l1 :: \\A x \\in S : l2(x) :: x > -1\n"
              "C == CHOOSE <<a, b>> \\in S \\X S : a # b\n"
              "E == [r EXCEPT !.f[1] = @ - 1, !.g = [@ EXCEPT ![2] = 0]]\n"
              "N == -(-3) - -x");
}
END_TEST

START_TEST(test_differences_located) {
  Module *a = parse_text("a.tla", "---- MODULE M ----\nOp == x + 1\n====\n");
  Module *b = parse_text("b.tla", "---- MODULE M ----\nOp == x + 2\n====\n");
  ck_assert(a && b);
  char why[512];
  ck_assert(!astcmp_modules(a, b, why, sizeof why));
  ck_assert_msg(strstr(why, "number 1 vs 2") && strstr(why, "a.tla:2:11") &&
                    strstr(why, "b.tla:2:11"),
                "%s", why);
  ck_assert(astcmp_modules(a, a, why, sizeof why));
  Module *c = parse_text("c.tla", "---- MODULE M ----\nOp == x - 1\n====\n");
  ck_assert(!astcmp_modules(a, c, why, sizeof why));
  ck_assert_msg(strstr(why, "operator '+' vs '-'"), "%s", why);
}
END_TEST

/* Every snippet of the syntax corpus that parses (names need not resolve)
 * round-trips. */
START_TEST(test_syntax_corpus_round_trip) {
  const char *dir = "../shared/corpus/syntax";
  char path[512];
  snprintf(path, sizeof path, "%s/sany_results.tsv", dir);
  FILE *f = fopen(path, "r");
  if (!f) /* no shared corpus: skipped (the runner says so) */
    return;
  char line[2048];
  int parsed = 0;
  while (fgets(line, sizeof line, f)) {
    char *id = strtok(line, "\t");
    if (!id || !strcmp(id, "id"))
      continue;
    snprintf(path, sizeof path, "%s/%s.tla", dir, id);
    char *text = src_read_file(path);
    if (!text)
      continue;
    if (parse_text(path, text)) {
      parsed++;
      free(round_trip(path, text));
    }
    free(text);
  }
  fclose(f);
  printf("syntax corpus: %d snippets that parse round-trip\n", parsed);
  ck_assert_int_gt(parsed, 200);
}
END_TEST

/* Every module of the examples corpus that SANY accepts round-trips (the
 * CLI form of this is `make roundtrip`). */
START_TEST(test_examples_corpus_round_trip) {
  FILE *f = fopen("../shared/corpus/modules.tsv", "r");
  if (!f) /* no shared corpus: skipped (the runner says so) */
    return;
  char line[2048], path[1024];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    char *file = strtok(line, "\t"), *code = strtok(NULL, "\t");
    if (!file || !code || strcmp(code, "0"))
      continue;
    snprintf(path, sizeof path, "../shared/corpus/examples/%s", file);
    char *text = src_read_file(path);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    free(round_trip(path, text));
    free(text);
    n++;
  }
  fclose(f);
  printf("examples corpus: %d modules round-trip\n", n);
  ck_assert_int_gt(n, 300);
}
END_TEST

Suite *print_suite(void) {
  Suite *s = suite_create("print");
  TCase *tc = tcase_create("print");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_operators_parenthesised);
  tcase_add_test(tc, test_constructs);
  tcase_add_test(tc, test_module_text);
  tcase_add_test(tc, test_tricky_round_trips);
  tcase_add_test(tc, test_differences_located);
  tcase_add_test(tc, test_syntax_corpus_round_trip);
  tcase_add_test(tc, test_examples_corpus_round_trip);
  suite_add_tcase(s, tc);
  return s;
}
