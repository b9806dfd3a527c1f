/* t50_eval.c -- unit tests for the evaluator: closed and state-level
 * expressions compared with their expected printed values (arithmetic with
 * TLA+'s floor division and integers beyond 64 bits, sets, quantifiers,
 * CHOOSE in value order, functions, EXCEPT, records, tuples, the lazily
 * tested sets Nat, Int, Seq(S), SUBSET S, [S -> T] and [a : S], the
 * Sequences, FiniteSets and TLC operators, IF/CASE/LET, recursion,
 * higher-order operators and LAMBDA); evaluation errors with their
 * location, message and exit code; and TLC-style enumeration of initial
 * states and successors, actions and incompletely specified states.
 *
 * Each test runs in its own process and loads one spec (some evaluator
 * caches are per process: see the BUG notes in t40_resolve.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "parse.h"
#include "fixture.h"

static void setup(void) { fixture_setup("t50"); }
static void teardown(void) { fixture_teardown(); }

/* The main test module.  Line numbers matter for the located errors. */
static const char *main_module =
    "EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC\n" /* 2 */
    "CONSTANT N, Procs\n"                                       /* 3 */
    "VARIABLES x, y\n"                                          /* 4 */
    "RECURSIVE Fact(_)\n"                                       /* 5 */
    "Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)\n"         /* 6 */
    "RECURSIVE SetSum(_)\n"                                     /* 7 */
    "SetSum(S) == IF S = {} THEN 0\n"                           /* 8 */
    "             ELSE LET m == CHOOSE v \\in S : TRUE\n"       /* 9 */
    "                  IN m + SetSum(S \\ {m})\n"               /* 10 */
    "fact[n \\in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]\n" /* 11 */
    "fib[n \\in Nat] == IF n < 2 THEN n ELSE fib[n - 1] + fib[n - 2]\n"
    "Twice(F(_), v) == F(F(v))\n"           /* 13 */
    "Inc(v) == v + 1\n"                     /* 14 */
    "Apply(F(_, _), a, b) == F(a, b)\n"     /* 15 */
    "Add(a, b) == a + b\n"                  /* 16 */
    "sq[n \\in 1..5] == n * n\n"            /* 17 */
    "Bad == [i \\in 1..2 |-> i][3]\n"       /* 18 */
    "Prime(v) == (v)'\n" /* 19; see the parser BUG in t40_resolve.c */
    "Init == x \\in 1..3 /\\ y = 0\n"       /* 20 */
    "Next == \\/ x' = x + 1 /\\ y' = y\n"   /* 21 */
    "        \\/ \\E k \\in {1, 2} : y' = k /\\ UNCHANGED x\n";
static const char *main_cfg =
    "CONSTANT N = 3\nCONSTANT Procs = {p1, p2}\nINIT Init\nNEXT Next\n";

static Spec *main_spec(void) { return fixture_load_spec(main_module, main_cfg); }

static Expr *rexpr(Spec *s, const char *text) {
  Expr *e = parse_expr_text("e", text);
  ck_assert_msg(e != NULL, "parse failed: %s", text);
  ck_assert_msg(program_resolve_expr(s->prog, e), "resolve failed: %s\n%s",
                text, fixture_captured());
  return e;
}

/* Evaluates text; on success returns the printed value (malloc'd) and
 * *code = 0, else NULL and the failure's exit code. */
static char *eval_text(Spec *s, Value **cur, Value **next, const char *text,
                       int *code) {
  Expr *e = rexpr(s, text);
  EvalState st = {s, cur, next};
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    Value *v = eval_expr(&st, e);
    fail_pop(&fp);
    *code = 0;
    return val_to_string(v);
  }
  *code = fp.code;
  return NULL;
}

typedef struct Case {
  const char *expr;
  const char *want;
} Case;

/* Evaluates every case in state cur; reports all mismatches at once. */
static void run_cases(Spec *s, Value **cur, const Case *cases, size_t n) {
  VEC(char) report = {0};
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    int code;
    fixture_recapture();
    char *got = eval_text(s, cur, NULL, cases[i].expr, &code);
    if (!got || strcmp(got, cases[i].want) != 0) {
      char *line = xsprintf("  %s\n    got  %s\n    want %s\n%s",
                            cases[i].expr, got ? got : "(error)",
                            cases[i].want, got ? "" : fixture_captured());
      for (char *p = line; *p; p++)
        VEC_PUSH(report, *p);
      free(line);
      bad++;
    }
    free(got);
  }
  VEC_PUSH(report, '\0');
  ck_assert_msg(bad == 0, "%d of %zu evaluations differ:\n%s", bad, n,
                report.data);
  VEC_FREE(report);
}

static Value *state_x_y[2];
static Value **st(long x, long y) {
  state_x_y[0] = val_int(x);
  state_x_y[1] = val_int(y);
  return state_x_y;
}

/* ---- values ---- */

START_TEST(test_arithmetic) {
  static const Case cases[] = {
      {"1 + 2 * 3", "7"},
      {"10 - 15", "-5"},
      {"-(3)", "-3"},
      {"(-7) \\div 2", "-4"},
      {"(-7) % 2", "1"},
      /* Prefix minus binds weaker than \div (13) but tighter than % (10):
       * -7 \div 2 is -(7 \div 2), -7 % 2 is (-7) % 2. */
      {"-7 \\div 2", "-3"},
      {"-7 % 2", "1"},
      {"7 \\div 2", "3"},
      {"7 % 3", "1"},
      {"7 \\div (-2)", "-4"},
      {"(-1) \\div 3", "-1"},
      {"(-8) \\div 3", "-3"},
      {"(-9) % 3", "0"},
      {"(-1) % 5", "4"},
      {"0 \\div 5", "0"},
      {"2^10", "1024"},
      {"-2^2", "-4"},
      {"3 < 5", "TRUE"},
      {"5 <= 5", "TRUE"},
      {"3 >= 4", "FALSE"},
      {"4 > 3", "TRUE"},
      {"1..5", "{1, 2, 3, 4, 5}"},
      {"5..1", "{}"},
      {"-2..0", "{-2, -1, 0}"},
      {"1..10000000", "1..10000000"},
      {"Cardinality(1..1000000000)", "1000000000"},
      {"3 \\in 1..10000000000", "TRUE"},
      {"0 \\in 1..10000000000", "FALSE"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_big_integers) {
  static const Case cases[] = {
      {"2^64", "18446744073709551616"},
      {"2^64 + 1 - 2^64", "1"},
      {"18446744073709551616 * 18446744073709551616",
       "340282366920938463463374607431768211456"},
      {"(2^70) \\div (2^35)", "34359738368"},
      {"(-(2^70)) % 7", "5"},
      {"(-(3^40)) \\div (2^33)", "-1415338538"},
      {"(-(3^40)) % (2^33)", "7899977695"},
      {"9223372036854775807 + 1", "9223372036854775808"},
      {"-9223372036854775807 - 2", "-9223372036854775809"},
      {"(9223372036854775807 + 1) - 1", "9223372036854775807"},
      {"4000000000 * 4000000000", "16000000000000000000"},
      {"3000000000 * 3000000000", "9000000000000000000"},
      {"2^64 > 2^63", "TRUE"},
      {"2^100 = 2^99 * 2", "TRUE"},
      {"2^100 \\in Nat", "TRUE"},
      {"-(2^100) \\in Nat", "FALSE"},
      {"-(2^100) \\in Int", "TRUE"},
      {"Fact(21)", "51090942171709440000"},
      {"fact[25]", "15511210043330985984000000"},
      {"{2^64, 1, 2^64}", "{1, 18446744073709551616}"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_booleans) {
  static const Case cases[] = {
      {"TRUE /\\ FALSE", "FALSE"},
      {"TRUE \\/ FALSE", "TRUE"},
      {"~TRUE", "FALSE"},
      {"TRUE <=> FALSE", "FALSE"},
      {"FALSE => TRUE", "TRUE"},
      /* Short circuits: the erroneous operand is never evaluated. */
      {"FALSE => (1 % 0 = 1)", "TRUE"},
      {"FALSE /\\ (1 \\div 0 = 1)", "FALSE"},
      {"TRUE \\/ (CHOOSE i \\in {} : TRUE)", "TRUE"},
      {"1 = 1", "TRUE"},
      {"1 # 2", "TRUE"},
      {"1 /= 1", "FALSE"},
      {"\"abc\" = \"abc\"", "TRUE"},
      {"\"abc\" = \"abd\"", "FALSE"},
      {"BOOLEAN", "{FALSE, TRUE}"},
      {"TRUE \\in BOOLEAN", "TRUE"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_sets) {
  static const Case cases[] = {
      {"{3, 1, 2, 1}", "{1, 2, 3}"},
      {"{}", "{}"},
      {"{1, 2} \\cup {2, 3}", "{1, 2, 3}"},
      {"{1, 2} \\cap {2, 3}", "{2}"},
      {"{1, 2} \\ {2, 3}", "{1}"},
      {"(1..3) \\cup {7}", "{1, 2, 3, 7}"},
      {"{1} \\subseteq {1, 2}", "TRUE"},
      {"{} \\subseteq {}", "TRUE"},
      {"{3} \\subseteq {1, 2}", "FALSE"},
      {"{5} \\subseteq Nat", "TRUE"},
      {"SUBSET {1, 2}", "{{}, {1}, {2}, {1, 2}}"},
      {"SUBSET {}", "{{}}"},
      {"UNION {{1}, {2, 3}, {}}", "{1, 2, 3}"},
      {"UNION {}", "{}"},
      {"{i \\in 1..6 : i % 2 = 0}", "{2, 4, 6}"},
      {"{i \\in {} : TRUE}", "{}"},
      {"{i * i : i \\in -2..2}", "{0, 1, 4}"},
      {"{i + j : i \\in 1..2, j \\in {10, 20}}", "{11, 12, 21, 22}"},
      {"{<<a, b>> \\in {1, 2} \\X {1, 2} : a < b}", "{<<1, 2>>}"},
      {"{a + b : <<a, b>> \\in {<<1, 2>>, <<3, 4>>}}", "{3, 7}"},
      {"\\A i \\in 1..3 : i > 0", "TRUE"},
      {"\\A i \\in 1..3 : i > 1", "FALSE"},
      {"\\E i \\in 1..3 : i > 2", "TRUE"},
      {"\\E i \\in {} : TRUE", "FALSE"},
      {"\\A i \\in {} : FALSE", "TRUE"},
      {"\\A i, j \\in 1..3 : i + j < 7", "TRUE"},
      {"\\E <<a, b>> \\in {<<1, 2>>} : a < b", "TRUE"},
      /* A quantifier stops at the first witness: no error after it. */
      {"\\E i \\in {0, 1} : i = 0 \\/ 1 \\div i = 1", "TRUE"},
      {"Cardinality({1, 2, 3})", "3"},
      {"Cardinality({})", "0"},
      {"Cardinality(SUBSET (1..4))", "16"},
      {"IsFiniteSet(1..3)", "TRUE"},
      {"{1, 2} = {2, 1}", "TRUE"},
      {"1..3 = {1, 2, 3}", "TRUE"},
      {"{1, 2, 3} = 1..3", "TRUE"},
      {"1..10000000 = 1..10000000", "TRUE"},
      {"{{1, 2}, {2, 1}}", "{{1, 2}}"},
      {"{1, 2} \\X {\"a\"}", "{<<1, \"a\">>, <<2, \"a\">>}"},
      {"{1} \\X {2} \\X {3}", "{<<1, 2, 3>>}"},
      {"{1} \\X {}", "{}"},
      {"{\"b\", \"a\"}", "{\"a\", \"b\"}"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_choose) {
  /* CHOOSE is deterministic: the least witness in value order (integers
   * by value, strings by bytes, FALSE < TRUE, sets by size then
   * elements, model values by creation). */
  static const Case cases[] = {
      {"CHOOSE i \\in {3, 1, 2} : TRUE", "1"},
      {"CHOOSE i \\in 1..10 : i * i > 20", "5"},
      {"CHOOSE i \\in -5..5 : TRUE", "-5"},
      {"CHOOSE s \\in {\"b\", \"a\", \"c\"} : TRUE", "\"a\""},
      {"CHOOSE v \\in BOOLEAN : TRUE", "FALSE"},
      {"CHOOSE s \\in SUBSET {1, 2} : TRUE", "{}"},
      {"CHOOSE s \\in SUBSET {1, 2} : Cardinality(s) = 1", "{1}"},
      {"CHOOSE t \\in {<<2>>, <<1, 1>>, <<1>>} : TRUE", "<<1>>"},
      {"CHOOSE p \\in Procs : TRUE", "p1"},
      {"CHOOSE i \\in 1..1100000 : i > 1099998", "1099999"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_functions) {
  static const Case cases[] = {
      {"[i \\in 1..3 |-> i * i]", "<<1, 4, 9>>"},
      {"[i \\in {0, 2} |-> i]", "(0 :> 0 @@ 2 :> 2)"},
      {"[i \\in 1..3 |-> i * i][2]", "4"},
      {"[i \\in {} |-> i]", "<<>>"},
      {"DOMAIN [i \\in {4, 5} |-> 0]", "{4, 5}"},
      {"DOMAIN <<7, 8>>", "{1, 2}"},
      {"DOMAIN [a |-> 1, b |-> 2]", "{\"a\", \"b\"}"},
      {"[[i \\in 1..3 |-> 0] EXCEPT ![2] = 7]", "<<0, 7, 0>>"},
      {"[[i \\in 1..3 |-> i] EXCEPT ![2] = @ + 10, ![3] = @ * 2]",
       "<<1, 12, 6>>"},
      {"[<<1, 2>> EXCEPT ![1] = 9, ![1] = @ + 1]", "<<10, 2>>"},
      {"[[a |-> 1, b |-> <<1, 2>>] EXCEPT !.b[2] = @ + 1]",
       "[a |-> 1, b |-> <<1, 3>>]"},
      {"[[a |-> [c |-> 1]] EXCEPT !.a.c = 5]", "[a |-> [c |-> 5]]"},
      {"[[a |-> [c |-> 1]] EXCEPT !.a = [@ EXCEPT !.c = @ + 1]]",
       "[a |-> [c |-> 2]]"},
      {"[<<<<1, 2>>, <<3>>>> EXCEPT ![1][2] = 0]", "<<<<1, 0>>, <<3>>>>"},
      {"[i, j \\in 1..2 |-> i + j]",
       "(<<1, 1>> :> 2 @@ <<1, 2>> :> 3 @@ <<2, 1>> :> 3 @@ <<2, 2>> :> 4)"},
      {"[i, j \\in 1..2 |-> i * 10 + j][2, 1]", "21"},
      {"[i \\in 1..2, j \\in {5} |-> i + j][<<2, 5>>]", "7"},
      {"[[i, j \\in 1..2 |-> 0] EXCEPT ![1, 2] = 9][1, 2]", "9"},
      {"sq[4]", "16"},
      {"sq", "<<1, 4, 9, 16, 25>>"},
      {"[i \\in 1..3 |-> i] = <<1, 2, 3>>", "TRUE"},
      {"[i \\in 1..2 |-> i] = [i \\in 1..2 |-> 3 - i]", "FALSE"},
      {"[{1, 2} -> {0, 1}]", "{<<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}"},
      {"[{} -> {1}]", "{<<>>}"},
      {"[{1} -> {}]", "{}"},
      {"Cardinality([1..3 -> 1..3])", "27"},
      {"1 :> 2", "<<2>>"},
      {"2 :> 3", "(2 :> 3)"},
      {"\"a\" :> 1", "[a |-> 1]"},
      {"(2 :> 3) @@ (2 :> 4) @@ (5 :> 6)", "(2 :> 3 @@ 5 :> 6)"},
      {"(1 :> \"a\") @@ (2 :> \"b\")", "<<\"a\", \"b\">>"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_records_tuples) {
  static const Case cases[] = {
      {"[a |-> 1, b |-> TRUE]", "[a |-> 1, b |-> TRUE]"},
      {"[b |-> 1, a |-> 2]", "[a |-> 2, b |-> 1]"},
      {"[a |-> 1, b |-> 2].b", "2"},
      {"[a |-> [b |-> <<5>>]].a.b[1]", "5"},
      {"[a |-> 1] = [a |-> 1]", "TRUE"},
      {"[a |-> 1] = [a |-> 2]", "FALSE"},
      {"[a : {1, 2}, b : {TRUE}]",
       "{[a |-> 1, b |-> TRUE], [a |-> 2, b |-> TRUE]}"},
      {"[a : {}]", "{}"},
      {"<<1, \"x\", TRUE>>", "<<1, \"x\", TRUE>>"},
      {"<<1, 2>>[2]", "2"},
      {"<<>>", "<<>>"},
      {"<<1, 2>> = [i \\in 1..2 |-> i]", "TRUE"},
      {"<<1, 2>> = <<2, 1>>", "FALSE"},
      {"<<<<1>>, {2}>>", "<<<<1>>, {2}>>"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* `"s" \in Nat` and `1 \in STRING`: TLC cannot decide them and stops with
 * an evaluation error (issue 20, D12). */
START_TEST(test_membership_of_other_kind) {
  static const char *const exprs[] = {"\"s\" \\in Nat", "1 \\in STRING",
                                      "TRUE \\notin Int"};
  for (size_t i = 0; i < 3; i++) {
    int code = 0;
    fixture_recapture();
    char *got = eval_text(main_spec(), NULL, NULL, exprs[i], &code);
    ck_assert_msg(got == NULL, "%s gave %s", exprs[i], got);
    ck_assert_int_eq(code, 75);
    ck_assert_msg(strstr(fixture_captured(), "attempted to check if the value"),
                  "%s", fixture_captured());
  }
}
END_TEST

START_TEST(test_lazy_membership) {
  /* None of these sets can be enumerated (infinite or astronomically
   * large); membership is decided without building them. */
  static const Case cases[] = {
      {"5 \\in Nat", "TRUE"},
      {"-1 \\in Nat", "FALSE"},
      {"-1 \\in Int", "TRUE"},
      {"\"s\" \\in STRING", "TRUE"},
      {"1 \\notin Nat", "FALSE"},
      {"<<1, 2>> \\in Seq(Nat)", "TRUE"},
      {"<<1, -2>> \\in Seq(Nat)", "FALSE"},
      {"<<>> \\in Seq({})", "TRUE"},
      {"<<<<1>>, <<>>>> \\in Seq(Seq(Nat))", "TRUE"},
      {"(2 :> 1) \\in Seq(Nat)", "FALSE"},
      {"{1, 2} \\in Seq(Nat)", "FALSE"},
      {"{1, 2} \\in SUBSET (1..100)", "TRUE"},
      {"{0} \\in SUBSET (1..100)", "FALSE"},
      {"{} \\in SUBSET Nat", "TRUE"},
      {"{{1}} \\in SUBSET SUBSET (1..50)", "TRUE"},
      {"1 \\in SUBSET Nat", "FALSE"},
      {"[i \\in 1..50 |-> 0] \\in [1..50 -> Nat]", "TRUE"},
      {"[i \\in 1..50 |-> -1] \\in [1..50 -> Nat]", "FALSE"},
      {"[i \\in 1..3 |-> i] \\in [1..3 -> 1..3]", "TRUE"},
      {"[i \\in 1..3 |-> i] \\in [1..2 -> 1..3]", "FALSE"},
      {"<<1, 2>> \\in [1..2 -> Seq(Nat)]", "FALSE"},
      {"<<<<1>>>> \\in [1..1 -> Seq(Nat)]", "TRUE"},
      {"[a |-> 5] \\in [a : Nat]", "TRUE"},
      {"[a |-> -5] \\in [a : Nat]", "FALSE"},
      {"[a |-> 1, b |-> 2] \\in [a : Nat]", "FALSE"},
      {"[a |-> 1, b |-> {2}] \\in [a : Nat, b : SUBSET Nat]", "TRUE"},
      {"[b |-> 1] \\in [a : Nat]", "FALSE"},
      {"{1, 2} \\subseteq Int", "TRUE"},
      {"{<<1>>} \\subseteq Seq(Nat)", "TRUE"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_sequences) {
  static const Case cases[] = {
      {"Len(<<1, 2, 3>>)", "3"},
      {"Len(<<>>)", "0"},
      {"Append(<<1>>, 2)", "<<1, 2>>"},
      {"Append(<<>>, <<>>)", "<<<<>>>>"},
      {"Head(<<4, 5>>)", "4"},
      {"Tail(<<4, 5, 6>>)", "<<5, 6>>"},
      {"Tail(<<4>>)", "<<>>"},
      {"<<1>> \\o <<2, 3>>", "<<1, 2, 3>>"},
      {"<<>> \\o <<>>", "<<>>"},
      {"SubSeq(<<1, 2, 3, 4>>, 2, 3)", "<<2, 3>>"},
      {"SubSeq(<<1, 2>>, 2, 1)", "<<>>"},
      {"SubSeq(<<1, 2>>, 1, 2)", "<<1, 2>>"},
      {"Len([i \\in 1..7 |-> i])", "7"},
      {"Head(Tail(Append(<<1, 2>>, 3)))", "2"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_control_and_operators) {
  static const Case cases[] = {
      {"IF 2 > 1 THEN \"big\" ELSE \"small\"", "\"big\""},
      {"IF FALSE THEN 1 \\div 0 ELSE 2", "2"},
      {"CASE 2 = 1 -> 10 [] 2 = 2 -> 20 [] OTHER -> 0", "20"},
      {"CASE 2 = 1 -> 10 [] OTHER -> 0", "0"},
      /* TLC takes the first true arm. */
      {"CASE 1 > 0 -> 1 [] 2 > 0 -> 2", "1"},
      {"LET a == 2 IN LET b == a * 3 IN a + b", "8"},
      {"LET a == 2\n    b == a * 3\nIN a + b", "8"},
      {"LET Sq(v) == v * v IN Sq(3) + Sq(4)", "25"},
      {"LET a == 1 IN LET a2 == a + 1 IN {a, a2}", "{1, 2}"},
      {"Fact(5)", "120"},
      {"Fact(0)", "1"},
      {"Fact(20)", "2432902008176640000"},
      {"fact[10]", "3628800"},
      {"fib[15]", "610"},
      {"SetSum({1, 2, 3, 10})", "16"},
      {"SetSum({})", "0"},
      {"Twice(Inc, 3)", "5"},
      {"Twice(LAMBDA v : v * 2, 3)", "12"},
      {"Twice(LAMBDA v : <<v>>, 1)", "<<<<1>>>>"},
      {"Apply(Add, 2, 3)", "5"},
      {"Apply(LAMBDA a, b : a - b, 2, 3)", "-1"},
      {"Twice(LAMBDA v : Apply(Add, v, v), 1)", "4"},
      {"ToString(12)", "\"12\""},
      {"ToString(<<1, \"a\">>)", "\"<<1, \\\"a\\\">>\""},
      {"N", "3"},
      {"Procs", "{p1, p2}"},
      {"(CHOOSE p \\in Procs : TRUE) = 1", "FALSE"},
      {"[p \\in Procs |-> 0]", "(p1 :> 0 @@ p2 :> 0)"},
      {"{i \\in 1..N : i > 1}", "{2, 3}"},
      {"Assert(TRUE, \"never\")", "TRUE"},
  };
  run_cases(main_spec(), NULL, cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_state_expressions) {
  static const Case cases[] = {
      {"x", "2"},
      {"x + y", "7"},
      {"<<x, y>>", "<<2, 5>>"},
      {"{x, y, x}", "{2, 5}"},
      {"IF x > 1 THEN y ELSE 0", "5"},
      {"CASE x = 1 -> 10 [] x = 2 -> 20 [] OTHER -> 0", "20"},
      {"LET Sq(v) == v * v IN Sq(x) + Sq(3)", "13"},
      {"\\E i \\in 1..y : i = x", "TRUE"},
      {"[i \\in 1..x |-> y]", "<<5, 5>>"},
      {"Fact(y)", "120"},
      {"Twice(LAMBDA v : v + x, y)", "9"},
  };
  run_cases(main_spec(), st(2, 5), cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(test_action_expressions) {
  Spec *s = main_spec();
  Value *cur[2] = {val_int(1), val_int(0)}, *next[2] = {val_int(2), val_int(0)};
  static const struct {
    const char *expr, *want;
  } cases[] = {
      {"x'", "2"},
      {"x' - x", "1"},
      {"Prime(x)", "2"},
      {"Prime(x) + x", "3"},
      {"UNCHANGED y", "TRUE"},
      {"UNCHANGED <<x, y>>", "FALSE"},
      {"Next", "TRUE"},
      {"<<x, y>>' = <<2, 0>>", "TRUE"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int code;
    char *got = eval_text(s, cur, next, cases[i].expr, &code);
    ck_assert_msg(got != NULL, "%s failed:\n%s", cases[i].expr, fixture_captured());
    ck_assert_msg(!strcmp(got, cases[i].want), "%s = %s, want %s",
                  cases[i].expr, got, cases[i].want);
    free(got);
  }
  /* Without a next state a primed variable is an error. */
  int code;
  ck_assert_ptr_null(eval_text(s, cur, NULL, "x'", &code));
  ck_assert_int_eq(code, EXIT_EVAL);
}
END_TEST

START_TEST(test_eval_bool) {
  Spec *s = main_spec();
  EvalState es = {s, st(1, 1), NULL};
  ck_assert(eval_bool(&es, rexpr(s, "x = y"), "a test"));
  ck_assert(!eval_bool(&es, rexpr(s, "x # y"), "a test"));
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_bool(&es, rexpr(s, "x + y"), "the invariant");
    fail_pop(&fp);
    ck_abort_msg("a non-Boolean must fail");
  }
  ck_assert_int_eq(fp.code, EXIT_EVAL);
  ck_assert_ptr_nonnull(
      strstr(fixture_captured(), "e:1:1: error: the invariant should be a Boolean, "
                         "but is 2"));
}
END_TEST

/* ---- errors ---- */

typedef struct ErrCase {
  const char *expr;
  int code;
  const char *where; /* "file:line:col: error:" prefix expected */
  const char *msg;   /* a part of the message */
} ErrCase;

START_TEST(test_errors) {
  static const ErrCase cases[] = {
      {"[i \\in 1..3 |-> i][4]", EXIT_EVAL, "e:1:1: error:",
       "attempted to apply the function <<1, 2, 3>> to the argument 4, "
       "which is not in its domain"},
      {"1 + <<1>>[2]", EXIT_EVAL, "e:1:5: error:", "not in its domain"},
      {"CHOOSE i \\in 1..3 : i > 5", EXIT_EVAL, "e:1:1: error:",
       "CHOOSE found no element satisfying its condition"},
      {"CHOOSE i \\in {} : TRUE", EXIT_EVAL, "e:1:1: error:",
       "CHOOSE found no element"},
      {"1 % 0", EXIT_EVAL, "e:1:1: error:",
       "the second argument of % should be a positive number, but is 0"},
      {"7 % (-2)", EXIT_EVAL, "e:1:1: error:", "should be a positive number"},
      {"2 * (1 \\div 0)", EXIT_EVAL, "e:1:6: error:", "division by zero"},
      {"CASE 1 = 5 -> 1 [] 1 = 6 -> 2", EXIT_EVAL, "e:1:1: error:",
       "no arm of this CASE applies"},
      {"Assert(FALSE, \"m\")", EXIT_ASSERT, "e:1:1: error:",
       "the first argument of Assert evaluated to FALSE; the second argument "
       "was: \"m\""},
      {"1 + Assert(1 > 2, <<3>>)", EXIT_ASSERT, "e:1:5: error:",
       "the second argument was: <<3>>"},
      {"1 + TRUE", EXIT_EVAL, "e:1:5: error:",
       "the right operand should be an integer, but is TRUE"},
      {"Head(<<>>)", EXIT_EVAL, "e:1:1: error:", "Head of the empty sequence"},
      {"Tail(<<>>)", EXIT_EVAL, "e:1:1: error:", "Tail of the empty sequence"},
      {"SubSeq(<<1, 2>>, 0, 1)", EXIT_EVAL, "e:1:1: error:",
       "are outside 1..2"},
      {"Len(3)", EXIT_EVAL, "e:1:1: error:", "should be a sequence"},
      {"[a |-> 1].b", EXIT_EVAL, "e:1:1: error:",
       "the record [a |-> 1] has no field 'b'"},
      {"1 = \"a\"", EXIT_EVAL, "e:1:1: error:",
       "attempted to compare 1 with \"a\""},
      {"IF 1 THEN 2 ELSE 3", EXIT_EVAL, "e:1:4: error:",
       "the IF condition should be a Boolean, but is 1"},
      {"Cardinality(Nat)", EXIT_EVAL, "e:1:1: error:", "infinite set Nat"},
      {"SUBSET (1..30)", EXIT_EVAL, "e:1:1: error:", "too large"},
      {"\\A i \\in Nat : i >= 0", EXIT_EVAL, "e:1:10: error:",
       "cannot enumerate the infinite set Nat"},
      {"Seq({1})", EXIT_EVAL, "e:1:1: error:", "Seq(S) is infinite"},
      {"2 ^ (-1)", EXIT_EVAL, "e:1:1: error:", "negative exponent"},
      {"fact[-1]", EXIT_EVAL, "e:1:1: error:",
       "attempted to apply the function fact to -1, which is not in its "
       "domain"},
      {"sq[6]", EXIT_EVAL, "e:1:1: error:", "not in its domain"},
      {"Bad", EXIT_EVAL, "M.tla:18:8: error:", "not in its domain"},
      {"DOMAIN 1", EXIT_EVAL, "e:1:1: error:", "not a function"},
      {"{1} \\cup 2", EXIT_EVAL, "e:1:10: error:", "expected a finite set"},
      {"x", EXIT_EVAL, "e:1:1: error:", "variable 'x' cannot be evaluated"},
      {"1.5", EXIT_OTHER, "e:1:1: error:", "real numbers are not supported"},
  };
  Spec *s = main_spec();
  VEC(char) report = {0};
  int bad = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const ErrCase *c = &cases[i];
    fixture_recapture();
    int code;
    char *got = eval_text(s, NULL, NULL, c->expr, &code);
    const char *out = fixture_captured();
    const char *at = strstr(out, c->where);
    bool ok = !got && code == c->code && at &&
              (at == out || at[-1] == '/') && strstr(out, c->msg);
    if (!ok) {
      char *line = xsprintf("  %s: got %s (code %d), want code %d at %s "
                            "with '%s'; diagnostics:\n%s\n",
                            c->expr, got ? got : "an error", code, c->code,
                            c->where, c->msg, out);
      for (char *p = line; *p; p++)
        VEC_PUSH(report, *p);
      free(line);
      bad++;
    }
    free(got);
  }
  VEC_PUSH(report, '\0');
  ck_assert_msg(bad == 0, "%d error cases wrong:\n%s", bad, report.data);
  VEC_FREE(report);
}
END_TEST

START_TEST(test_error_message_shows_source) {
  Spec *s = main_spec();
  int code;
  ck_assert_ptr_null(eval_text(s, NULL, NULL, "3 + (1 \\div 0)", &code));
  ck_assert_int_eq(code, EXIT_EVAL);
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "e:1:6: error: division by zero "
                                           "in \\div\n  3 + (1 \\div 0)\n"
                                           "       ^^^^^^^"));
}
END_TEST


/* ---- enumeration of states ---- */

typedef struct Collect {
  int nvars;
  VEC(char *) states; /* each printed as "<<v1, v2, ...>>" */
  int limit;          /* stop after this many (0: never) */
} Collect;

static bool collect(void *arg, Value **state) {
  Collect *c = arg;
  Value *t = val_tuple(state, (size_t)c->nvars);
  VEC_PUSH(c->states, val_to_string(t));
  return !(c->limit && (int)c->states.len >= c->limit);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The collected states, sorted and joined with " ". */
static char *joined(Collect *c) {
  if (c->states.len)
    qsort(c->states.data, c->states.len, sizeof(char *), cmp_str);
  VEC(char) out = {0};
  for (size_t i = 0; i < c->states.len; i++) {
    if (i)
      VEC_PUSH(out, ' ');
    for (char *p = c->states.data[i]; *p; p++)
      VEC_PUSH(out, *p);
    free(c->states.data[i]);
  }
  VEC_PUSH(out, '\0');
  VEC_FREE(c->states);
  return out.data;
}

START_TEST(test_init_states) {
  Spec *s = main_spec();
  Collect c = {2, {0}, 0};
  eval_init_states(s, collect, &c);
  ck_assert_int_eq((int)c.states.len, 3);
  char *all = joined(&c);
  ck_assert_str_eq(all, "<<1, 0>> <<2, 0>> <<3, 0>>");
  free(all);
}
END_TEST

START_TEST(test_successors) {
  Spec *s = main_spec();
  Collect c = {2, {0}, 0};
  eval_successors(s, st(1, 0), collect, &c);
  ck_assert_int_eq((int)c.states.len, 3);
  char *all = joined(&c);
  ck_assert_str_eq(all, "<<1, 1>> <<1, 2>> <<2, 0>>");
  free(all);
  /* From (3, 2): x' = 4, or y' \in {1, 2}. */
  Collect d = {2, {0}, 0};
  eval_successors(s, st(3, 2), collect, &d);
  all = joined(&d);
  ck_assert_str_eq(all, "<<3, 1>> <<3, 2>> <<4, 2>>");
  free(all);
}
END_TEST

START_TEST(test_enumeration_stops) {
  Spec *s = main_spec();
  Collect c = {2, {0}, 1};
  eval_successors(s, st(1, 0), collect, &c);
  ck_assert_int_eq((int)c.states.len, 1);
  free(joined(&c));
  Collect d = {2, {0}, 2};
  eval_init_states(s, collect, &d);
  ck_assert_int_eq((int)d.states.len, 2);
  free(joined(&d));
}
END_TEST

START_TEST(test_actions) {
  Spec *s = main_spec();
  ck_assert_int_eq((int)s->actions.len, 2);
  ck_assert_str_eq(s->actions.data[0].name, "Next");
  ck_assert_uint_eq(s->actions.data[0].loc.line, 21);
  ck_assert_uint_eq(s->actions.data[1].loc.line, 22);
  Value *cur[2] = {val_int(1), val_int(0)};
  Value *n1[2] = {val_int(2), val_int(0)}, *n2[2] = {val_int(1), val_int(2)};
  Value *n3[2] = {val_int(1), val_int(3)};
  EvalState a = {s, cur, n1}, b = {s, cur, n2}, c = {s, cur, n3};
  ck_assert(eval_action_holds(&a, &s->actions.data[0]));
  ck_assert(!eval_action_holds(&a, &s->actions.data[1]));
  ck_assert(!eval_action_holds(&b, &s->actions.data[0]));
  ck_assert(eval_action_holds(&b, &s->actions.data[1]));
  ck_assert(!eval_action_holds(&c, &s->actions.data[0]));
  ck_assert(!eval_action_holds(&c, &s->actions.data[1]));
}
END_TEST

/* A richer Next: IF, CASE, operators that assign through parameters,
 * x' \in S, an assignment followed by a test, SUBSET and records. */
static const char *rich_module =
    "EXTENDS Naturals, FiniteSets\n"
    "VARIABLES x, s, r\n"
    "Set(v, e) == v = e\n"
    "Init == /\\ x \\in {0, 1}\n"
    "        /\\ s \\in SUBSET {1, 2}\n"
    "        /\\ r \\in [a : {0, 1}, b : {TRUE}]\n"
    "Grow == /\\ s' \\in {s \\cup {e} : e \\in 1..3}\n"
    "        /\\ UNCHANGED <<x, r>>\n"
    "Flip == /\\ IF x = 0 THEN Set(x', 1) ELSE x' = 0\n"
    "        /\\ r' = [r EXCEPT !.a = 1 - @]\n"
    "        /\\ s' = s\n"
    "Pick == /\\ x' \\in 0..2 /\\ x' # x\n"
    "        /\\ x' = 2 \\/ x' = 0\n"
    "        /\\ CASE x = 0 -> s' = {} [] OTHER -> s' = s\n"
    "        /\\ r' = r\n"
    "Next == Grow \\/ Flip \\/ Pick\n";

START_TEST(test_rich_enumeration) {
  Spec *s = fixture_load_spec(rich_module, "INIT Init\nNEXT Next\n");
  Collect c = {3, {0}, 0};
  eval_init_states(s, collect, &c);
  ck_assert_int_eq((int)c.states.len, 2 * 4 * 2);
  free(joined(&c));
  /* From x = 0, s = {1}, r = [a |-> 0, b |-> TRUE]. */
  Value *cur[3] = {val_int(0), val_set((Value *[]){val_int(1)}, 1),
                   val_record((Sym[]){sym_intern("a"), sym_intern("b")},
                              (Value *[]){val_int(0), val_bool(true)}, 2)};
  Collect d = {3, {0}, 0};
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_successors(s, cur, collect, &d);
    fail_pop(&fp);
  } else {
    ck_abort_msg("eval_successors failed:\n%s", fixture_captured());
  }
  char *all = joined(&d);
  ck_assert_str_eq(all,
                   /* Grow: {1} (again), {1, 2}, {1, 3} */
                   "<<0, {1, 2}, [a |-> 0, b |-> TRUE]>> "
                   "<<0, {1, 3}, [a |-> 0, b |-> TRUE]>> "
                   "<<0, {1}, [a |-> 0, b |-> TRUE]>> "
                   /* Flip */
                   "<<1, {1}, [a |-> 1, b |-> TRUE]>> "
                   /* Pick: x' = 2 only (x' # x, x' \in {0, 2}) */
                   "<<2, {}, [a |-> 0, b |-> TRUE]>>");
  free(all);
}
END_TEST

START_TEST(test_assigned_twice) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLE x\nInit == x = 0 /\\ x = 0\n"
                      "Next == \\/ x' = 1 /\\ x' = 2\n"
                      "        \\/ x' = 3 /\\ x' = 3\n"
                      "        \\/ x' \\in {4, 5} /\\ x' \\in {5, 6}\n",
                      "INIT Init\nNEXT Next\n");
  Collect c = {1, {0}, 0};
  eval_init_states(s, collect, &c);
  char *all = joined(&c);
  ck_assert_str_eq(all, "<<0>>");
  free(all);
  Collect d = {1, {0}, 0};
  Value *cur[1] = {val_int(0)};
  eval_successors(s, cur, collect, &d);
  all = joined(&d);
  ck_assert_str_eq(all, "<<3>> <<5>>");
  free(all);
}
END_TEST

START_TEST(test_incomplete_state) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLES x, y\n"
                      "Init == x = 0 /\\ y = 0\nNext == x' = x + 1",
                      "INIT Init\nNEXT Next\n");
  Collect c = {2, {0}, 0};
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_successors(s, st(0, 0), collect, &c);
    fail_pop(&fp);
    ck_abort_msg("an incomplete successor must fail");
  }
  ck_assert_int_eq(fp.code, EXIT_EVAL);
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "the successor state is not "
                                           "completely specified: variable "
                                           "'y' is not given a value"));
  free(joined(&c));
}
END_TEST

START_TEST(test_assert_in_next) {
  Spec *s = fixture_load_spec("EXTENDS Naturals, TLC\nVARIABLE x\nInit == x = 0\n"
                      "Next == /\\ Assert(x < 2, \"x too big\")\n"
                      "        /\\ x' = x + 1",
                      "INIT Init\nNEXT Next\n");
  Collect c = {1, {0}, 0};
  eval_successors(s, (Value *[]){val_int(1)}, collect, &c);
  ck_assert_int_eq((int)c.states.len, 1);
  free(joined(&c));
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_successors(s, (Value *[]){val_int(2)}, collect, &c);
    fail_pop(&fp);
    ck_abort_msg("Assert must fail");
  }
  ck_assert_int_eq(fp.code, EXIT_ASSERT);
  ck_assert_msg(strstr(fixture_captured(), "M.tla:5:12: error: the first "
                                           "argument of Assert evaluated to "
                                           "FALSE; the second argument was: "
                                           "\"x too big\""), "%s", fixture_captured());
}
END_TEST

START_TEST(test_config_overrides) {
  /* `K = 7` replaces a definition; `Op <- Other` substitutes one. */
  Spec *s = fixture_load_spec("EXTENDS Naturals\nCONSTANT C(_)\nVARIABLE x\n"
                      "K == 1\nOp(a) == a + 1\nOther(a) == a * 10\n"
                      "Init == x = K\nNext == x' = Op(x)",
                      "CONSTANT C <- Other\nCONSTANT K = 7\n"
                      "CONSTANT Op <- Other\nINIT Init\nNEXT Next\n");
  static const Case cases[] = {
      {"K", "7"}, {"Op(2)", "20"}, {"C(3)", "30"}};
  run_cases(s, NULL, cases, sizeof cases / sizeof cases[0]);
  Collect c = {1, {0}, 0};
  eval_init_states(s, collect, &c);
  char *all = joined(&c);
  ck_assert_str_eq(all, "<<7>>");
  free(all);
  Collect d = {1, {0}, 0};
  eval_successors(s, (Value *[]){val_int(7)}, collect, &d);
  all = joined(&d);
  ck_assert_str_eq(all, "<<70>>");
  free(all);
}
END_TEST

/* Regression tests for bugs found while writing these tests. */
/* Was a bug: unbounded (or merely deep) recursion overflows the C stack before
 * the evaluator's MAX_DEPTH (20000 calls) is reached: Loop(0) below ends
 * the process with SIGSEGV (exit 139 from `brink check --engine explicit`)
 * instead of "recursion deeper than 20000 calls" (exit 75).  Legitimate
 * recursion crashes too: with an 8 MB stack, Sum(5000) for
 * Sum(n) == IF n = 0 THEN 0 ELSE n + Sum(n - 1) already does. */
START_TEST(test_deep_recursion_fails_cleanly) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLE x\nRECURSIVE Loop(_)\n"
                      "Loop(n) == Loop(n + 1)\nInit == x = 0\n"
                      "Next == x' = x",
                      "INIT Init\nNEXT Next\n");
  int code;
  ck_assert_ptr_null(eval_text(s, NULL, NULL, "Loop(0)", &code));
  ck_assert_int_eq(code, EXIT_EVAL);
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "recursion deeper than"));
}
END_TEST

/* Was a bug: an operator that primes its parameter, Set(v, e) == v' = e, does
 * not assign when called as Set(x, 1): assign_target (eval.c, and the
 * same function in encode/action.c) looks through a parameter only when the
 * parameter itself is the left side (Set(v, e) == v = e called with x'),
 * not when the parameter is primed inside the operator.  The conjunct
 * becomes a test that reads x' before it has a value ("x' is read before
 * it is given a value", exit 75).  TLC substitutes the argument and
 * treats it as the assignment x' = 1. */
/* ---- INSTANCE ---- */

/* Definitions used through named, parameterized, nested and unnamed
 * instances, with constant, operator and variable substitutions. */
START_TEST(test_instance_values) {
  fixture_write("Base.tla",
                "---- MODULE Base ----\n"
                "EXTENDS Naturals\n"
                "CONSTANTS K, Op(_)\n"
                "VARIABLE v\n"
                "A == K + 1\n"
                "Scaled(m) == A * m\n"
                "ApplyOp == Op(K)\n"
                "Twice(F(_), z) == F(F(z))\n"
                "UseTwice == Twice(Scaled, 1)\n"
                "RECURSIVE Down(_)\n"
                "Down(n) == IF n = 0 THEN {} ELSE {n} \\cup Down(n - 1)\n"
                "WithLet == LET w == K * 2 IN w + v\n"
                "Fn == [i \\in 1..K |-> i + v]\n"
                "LOCAL Hidden == 5\n"
                "ViaHidden == Hidden + K\n"
                "Inner == INSTANCE Leaf WITH L <- K + v\n"
                "====\n");
  fixture_write("Leaf.tla", "---- MODULE Leaf ----\nEXTENDS Naturals\n"
                            "CONSTANT L\nDeep == L * 10\nGet(y) == L + y\n"
                            "====\n");
  Spec *s = fixture_load_spec(
      "EXTENDS Naturals\nVARIABLES x, y\n"
      "Dbl(a) == 2 * a\n"
      "B == INSTANCE Base WITH K <- 3, Op <- Dbl, v <- x\n"
      "P(k) == INSTANCE Base WITH K <- k, Op <- Dbl, v <- y\n"
      "INSTANCE Leaf WITH L <- 7\n"
      "Outer == 100\n"
      "---- MODULE Sub ----\nCONSTANT S\nSubVal == S + Outer\n====\n"
      "SI == INSTANCE Sub WITH S <- 1\n"
      "Init == x = 0 /\\ y = 0\nNext == UNCHANGED <<x, y>>\n",
      "INIT Init\nNEXT Next\n");
  static const Case cases[] = {
      {"B!A", "4"},
      {"B!Scaled(2)", "8"},
      {"B!ApplyOp", "6"},
      {"B!UseTwice", "16"},
      {"B!Down(3)", "{1, 2, 3}"},
      {"B!WithLet", "7"},
      {"B!Fn", "<<2, 3, 4>>"},
      {"B!ViaHidden", "8"},
      {"B!Inner!Deep", "40"},
      {"B!Inner!Get(5)", "9"},
      {"P(2)!A", "3"},
      {"P(2)!Scaled(5)", "15"},
      {"P(4)!UseTwice", "25"},
      {"P(2)!Inner!Deep", "40"},
      {"P(1)!WithLet", "4"},
      {"P(2)!Fn", "<<3, 4>>"},
      {"P(1)!A + P(2)!A", "5"},
      {"Deep", "70"},
      {"Get(1)", "8"},
      {"SI!SubVal", "101"},
  };
  run_cases(s, st(1, 2), cases, sizeof cases / sizeof *cases);
  ck_assert_int_eq((int)s->prog->vars.len, 2);
  ck_assert_int_eq((int)s->prog->consts.len, 0);
}
END_TEST

/* `Op <-[Mod] Other` in the config replaces Op of module Mod in every
 * instance of Mod; named THEOREMs and ASSUMEs define their names; an
 * INSTANCE inside LET; subexpression selectors Op!1, Op!lbl, Thm!:. */
START_TEST(test_instance_config_and_names) {
  fixture_write("Lib.tla", "---- MODULE Lib ----\nEXTENDS Naturals\n"
                           "CONSTANT Base\nLimit == 10\n"
                           "Under(v) == v < Limit + Base\n====\n");
  Spec *s = fixture_load_spec(
      "EXTENDS Naturals\nVARIABLES x, y\n"
      "L == INSTANCE Lib WITH Base <- 0\n"
      "K == INSTANCE Lib WITH Base <- 1\n"
      "Three == 3\n"
      "THEOREM Named == 1 + 1 = 2\n"
      "ASSUME Assumed == 2 > 1\n"
      "InLet == LET I == INSTANCE Lib WITH Base <- 100 IN I!Under(50)\n"
      "Conj == /\\ 1 + 1 = 2\n        /\\ Lbl:: 2 > 3\n"
      "Pick(a, b) == a + b\n"
      "Init == x = 0 /\\ y = 0\nNext == UNCHANGED <<x, y>>\n",
      "CONSTANT Limit <-[Lib] Three\nINIT Init\nNEXT Next\n");
  static const Case cases[] = {
      {"L!Under(2)", "TRUE"},
      {"L!Under(3)", "FALSE"},
      {"K!Under(3)", "TRUE"},
      {"K!Limit", "3"},
      {"Named", "TRUE"},
      {"Assumed", "TRUE"},
      {"InLet", "TRUE"},
      {"Conj!1", "TRUE"},
      {"Conj!2", "FALSE"},
      {"Conj!Lbl", "FALSE"},
      {"Named!:", "TRUE"},
      {"Pick(1, 2)!2", "2"},
  };
  run_cases(s, st(0, 0), cases, sizeof cases / sizeof *cases);
}
END_TEST

START_TEST(test_bug_primed_parameter_assigns) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLE x\nSet(v, e) == v' = e\n"
                      "Init == x = 0\nNext == Set(x, 1)",
                      "INIT Init\nNEXT Next\n");
  Collect c = {1, {0}, 0};
  FailPoint fp;
  if (fail_push(&fp) == 0) {
    eval_successors(s, (Value *[]){val_int(0)}, collect, &c);
    fail_pop(&fp);
  } else {
    ck_abort_msg("eval_successors failed:\n%s", fixture_captured());
  }
  char *all = joined(&c);
  ck_assert_str_eq(all, "<<1>>");
  free(all);
}
END_TEST

/* Was a bug: `@` is dynamically scoped.  The evaluator keeps the value of `@`
 * in its context (Ctx.at) and operator arguments are thunks evaluated
 * later, so an `@` passed to an operator whose body has its own EXCEPT
 * reads the inner EXCEPT's value: Op(@) below should be
 * [g EXCEPT ![1] = 5][1] = 5, but `a` is evaluated while Ctx.at is
 * g[1] = 10.  The encoder (Enc.at) does the same: `brink check` on
 * Inv == [<<5>> EXCEPT ![1] = Op(@)] = <<5>> reports a false violation
 * (exit 12) with both engines. */
START_TEST(test_bug_at_is_lexical) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLE x\ng == <<10>>\n"
                      "Op(a) == [g EXCEPT ![1] = a][1]\n"
                      "Init == x = 0\nNext == x' = x",
                      "INIT Init\nNEXT Next\n");
  static const Case cases[] = {
      {"[<<5>> EXCEPT ![1] = Op(@)]", "<<5>>"}}; /* gives <<10>> */
  run_cases(s, NULL, cases, 1);
}
END_TEST

/* Was a bug: W == B(1) reads the variable x through mutual recursion, but gets
 * level 0 (see t40_resolve.c), so the evaluator caches its value for the
 * whole run: in a state with x = 2 it still gives the value it had when
 * first evaluated with x = 1.  `brink check --engine explicit` on
 * Inv == W = x (Init == x = 1, Next == x' = x + 1 /\ x < 3) reports a
 * false violation (exit 12); the symbolic engine finds none. */
START_TEST(test_bug_mutual_recursion_cached) {
  Spec *s = fixture_load_spec("EXTENDS Naturals\nVARIABLE x\n"
                      "RECURSIVE A(_), B(_)\n"
                      "A(n) == IF n = 0 THEN x ELSE B(n - 1)\n"
                      "B(n) == IF n = 0 THEN 0 ELSE A(n - 1)\n"
                      "W == B(1)\nInit == x = 1\nNext == x' = x + 1",
                      "INIT Init\nNEXT Next\n");
  static const Case c1[] = {{"W", "1"}}, c2[] = {{"W", "2"}};
  Value *s1[1] = {val_int(1)}, *s2[1] = {val_int(2)};
  run_cases(s, s1, c1, 1);
  run_cases(s, s2, c2, 1); /* gave 1 */
}
END_TEST

Suite *eval_suite(void) {
  Suite *s = suite_create("eval");
  TCase *tc = tcase_create("eval");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_arithmetic);
  tcase_add_test(tc, test_big_integers);
  tcase_add_test(tc, test_booleans);
  tcase_add_test(tc, test_sets);
  tcase_add_test(tc, test_choose);
  tcase_add_test(tc, test_functions);
  tcase_add_test(tc, test_records_tuples);
  tcase_add_test(tc, test_lazy_membership);
  tcase_add_test(tc, test_membership_of_other_kind);
  tcase_add_test(tc, test_sequences);
  tcase_add_test(tc, test_control_and_operators);
  tcase_add_test(tc, test_state_expressions);
  tcase_add_test(tc, test_action_expressions);
  tcase_add_test(tc, test_eval_bool);
  tcase_add_test(tc, test_errors);
  tcase_add_test(tc, test_error_message_shows_source);
  tcase_add_test(tc, test_init_states);
  tcase_add_test(tc, test_successors);
  tcase_add_test(tc, test_enumeration_stops);
  tcase_add_test(tc, test_actions);
  tcase_add_test(tc, test_rich_enumeration);
  tcase_add_test(tc, test_assigned_twice);
  tcase_add_test(tc, test_incomplete_state);
  tcase_add_test(tc, test_assert_in_next);
  tcase_add_test(tc, test_config_overrides);
  tcase_add_test(tc, test_deep_recursion_fails_cleanly);
  tcase_add_test(tc, test_instance_values);
  tcase_add_test(tc, test_instance_config_and_names);
  tcase_add_test(tc, test_bug_primed_parameter_assigns);
  tcase_add_test(tc, test_bug_at_is_lexical);
  tcase_add_test(tc, test_bug_mutual_recursion_cached);
  suite_add_tcase(s, tc);
  return s;
}
