/* t40_resolve.c -- unit tests for module loading, name resolution and
 * levels: located messages for unknown names, arity mistakes, `@` outside
 * EXCEPT, duplicate definitions and missing modules; RECURSIVE operators;
 * LET and binder scoping; EXTENDS of user modules (LOCAL definitions stay
 * private) and of the standard modules; the level of constant, state,
 * action and temporal definitions and expressions.
 *
 * Every test writes its modules into a fresh temporary folder and loads
 * them with program_load.  Check runs each test in its own process, which
 * matters: some caches are per process (see the BUG notes at the end), so
 * a test loads at most one program. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "resolve.h"
#include "spec.h"
#include "fixture.h"

static void setup(void) { fixture_setup("t40"); }
static void teardown(void) { fixture_teardown(); }

static Program *load_ok(const char *body) {
  Program *p = fixture_load(body);
  ck_assert_msg(p != NULL, "load failed:\n%s", fixture_captured());
  ck_assert_str_eq(fixture_captured(), "");
  return p;
}

/* Loading must fail with a message that contains `want`. */
static void load_fails(const char *body, const char *want) {
  Program *p = fixture_load(body);
  ck_assert_msg(p == NULL, "load should fail with '%s'", want);
  ck_assert_msg(strstr(fixture_captured(), want) != NULL,
                "expected '%s' in:\n%s", want, fixture_captured());
}

static Def *def_named(Program *p, const char *name) {
  for (size_t i = 0; i < p->defs.len; i++)
    if (!strcmp(sym_str(p->defs.data[i]->name), name))
      return p->defs.data[i];
  return NULL;
}

static Def *def_of(Program *p, const char *name) {
  Def *d = def_named(p, name);
  ck_assert_msg(d != NULL, "no definition '%s'", name);
  return d;
}

/* The first EX_OP node called `name` in a depth-first walk. */
static Expr *find_op(Expr *e, const char *name) {
  if (!e)
    return NULL;
  if (e->kind == EX_OP && !strcmp(sym_str(e->name), name))
    return e;
  for (int i = 0; i < e->nargs; i++) {
    Expr *r = find_op(e->args[i], name);
    if (r)
      return r;
  }
  for (int i = 0; i < e->nbounds; i++) {
    Expr *r = find_op(e->bounds[i].set, name);
    if (r)
      return r;
  }
  for (int i = 0; i < e->narms; i++) {
    Expr *r = find_op(e->arms[i].guard, name);
    if (!r)
      r = find_op(e->arms[i].value, name);
    if (r)
      return r;
  }
  for (int i = 0; i < e->ndefs; i++) {
    Expr *r = find_op(e->defs[i]->body, name);
    if (r)
      return r;
  }
  Expr *r = find_op(e->other, name);
  return r ? r : find_op(e->body, name);
}

/* A resolved expression in the root module's scope. */
static Expr *rexpr(Program *p, const char *text) {
  Expr *e = parse_expr_text("expr", text);
  ck_assert_msg(e != NULL, "parse failed: %s", text);
  ck_assert_msg(program_resolve_expr(p, e), "resolve failed: %s\n%s", text,
                fixture_captured());
  return e;
}

/* ---- unknown names ---- */

START_TEST(test_unknown_name_located) {
  load_fails("EXTENDS Naturals\nVARIABLE y\nFoo == x + 1",
             "M.tla:4:8: error: unknown operator 'x'");
  /* The source line and a caret follow. */
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "  Foo == x + 1\n         ^"));
}
END_TEST

START_TEST(test_unknown_names_all_reported) {
  load_fails("EXTENDS Naturals\nA == b + 1\nB == 2 * c",
             "M.tla:3:6: error: unknown operator 'b'");
  ck_assert_ptr_nonnull(
      strstr(fixture_captured(), "M.tla:4:10: error: unknown operator 'c'"));
}
END_TEST

START_TEST(test_unknown_inside_binders) {
  /* An unknown name in a bound set, in a body, in a CASE arm. */
  load_fails("EXTENDS Naturals\nA == \\A i \\in Zs : i > 0",
             "M.tla:3:15: error: unknown operator 'Zs'");
  ck_assert_ptr_null(strstr(fixture_captured(), "'i'"));
}
END_TEST

START_TEST(test_case_and_except_names) {
  load_fails("EXTENDS Naturals\nA == CASE 1 > 0 -> q [] OTHER -> 0\n"
             "f == <<1>>\nB == [f EXCEPT ![k] = @ + w]",
             "M.tla:3:20: error: unknown operator 'q'");
  ck_assert_ptr_nonnull(
      strstr(fixture_captured(), "M.tla:5:18: error: unknown operator 'k'"));
  ck_assert_ptr_nonnull(
      strstr(fixture_captured(), "M.tla:5:27: error: unknown operator 'w'"));
}
END_TEST

START_TEST(test_builtins_need_extends) {
  /* Without EXTENDS Naturals, `+` is unknown (located at the whole infix
   * application). */
  load_fails("A == 1 + 2", "M.tla:2:6: error: unknown operator '+'");
}
END_TEST

START_TEST(test_sequences_need_extends) {
  load_fails("EXTENDS Naturals\nA == Len(<<1>>)", "unknown operator 'Len'");
}
END_TEST

START_TEST(test_integers_extend_naturals) {
  Program *p = load_ok("EXTENDS Integers\nA == -1 + 2 \\in Nat");
  ck_assert(p->std[MOD_INTEGERS]);
  ck_assert(p->std[MOD_NATURALS]);
  ck_assert(!p->std[MOD_SEQUENCES]);
}
END_TEST

START_TEST(test_self_reference_without_recursive) {
  load_fails("EXTENDS Naturals\nF(n) == IF n = 0 THEN 0 ELSE F(n - 1)",
             "M.tla:3:30: error: unknown operator 'F'");
}
END_TEST

START_TEST(test_use_before_definition) {
  /* A definition sees only what comes before it. */
  load_fails("A == B\nB == 1", "M.tla:2:6: error: unknown operator 'B'");
}
END_TEST

/* ---- arities ---- */

START_TEST(test_arity_too_few) {
  load_fails("EXTENDS Naturals\nF(a, b) == a + b\nG == F(1)",
             "M.tla:4:6: error: operator 'F' takes 2 arguments but is given "
             "1");
}
END_TEST

START_TEST(test_arity_too_many_and_zero) {
  load_fails("K == 1\nG == K(2)",
             "operator 'K' takes 0 arguments but is given 1");
}
END_TEST

START_TEST(test_arity_missing_args) {
  load_fails("EXTENDS Naturals\nF(a) == a\nG == F + 1",
             "operator 'F' takes 1 argument but is given 0");
}
END_TEST

START_TEST(test_arity_builtin) {
  load_fails("EXTENDS Sequences\nG == Append(<<1>>)",
             "operator 'Append' takes 2 arguments but is given 1");
}
END_TEST

START_TEST(test_arity_parameter) {
  load_fails("EXTENDS Naturals\nH(Op(_)) == Op(1, 2)",
             "operator 'Op' takes 1 argument but is given 2");
}
END_TEST

START_TEST(test_arity_operator_argument) {
  load_fails("EXTENDS Naturals\nF(a, b) == a + b\nH(Op(_)) == Op(1)\n"
             "G == H(F)",
             "operator 'F' takes 2 arguments, but an operator of 1 argument "
             "is expected here");
}
END_TEST

START_TEST(test_arity_lambda_argument) {
  load_fails("EXTENDS Naturals\nH(Op(_)) == Op(1)\n"
             "G == H(LAMBDA a, b : a + b)",
             "LAMBDA takes 2 arguments, but 1 are expected");
}
END_TEST

START_TEST(test_function_called_like_operator) {
  load_fails("EXTENDS Naturals\nf[n \\in Nat] == n\nG == f(1)",
             "'f' is a function: apply it with square brackets, f[...]");
}
END_TEST

START_TEST(test_recursive_forward_arity) {
  load_fails("EXTENDS Naturals\nRECURSIVE F(_)\nG == F(1, 2)\n"
             "F(n) == IF n = 0 THEN 0 ELSE F(n - 1)",
             "M.tla:4:6: error: operator 'F' takes 1 argument but is given 2");
}
END_TEST

/* ---- @ ---- */

START_TEST(test_at_outside_except) {
  load_fails("EXTENDS Naturals\nG == @ + 1",
             "M.tla:3:6: error: '@' is only allowed in the value of an "
             "EXCEPT");
}
END_TEST

START_TEST(test_at_in_except_path) {
  /* `@` in the path (not the value) is outside the value. */
  load_fails("EXTENDS Naturals\nf == <<1, 2>>\nG == [f EXCEPT ![@] = 1]",
             "'@' is only allowed in the value of an EXCEPT");
}
END_TEST

START_TEST(test_at_inside_except) {
  Program *p = load_ok("EXTENDS Naturals\nf == <<1, 2>>\n"
                       "G == [f EXCEPT ![1] = @ + 1, ![2] = 3]\n"
                       "r == [a |-> <<1>>]\nH == [r EXCEPT !.a[1] = @ * 2]");
  ck_assert_ptr_nonnull(def_named(p, "G"));
}
END_TEST

/* ---- duplicates ---- */

START_TEST(test_duplicate_definition) {
  load_fails("A == 1\nB == 2\nA == 3",
             "M.tla:4:1: error: multiple definitions of 'A'");
}
END_TEST

START_TEST(test_duplicate_variable_and_definition) {
  load_fails("VARIABLE x\nx == 1", "multiple definitions of 'x'");
}
END_TEST

START_TEST(test_duplicate_declarations) {
  load_fails("CONSTANT N\nVARIABLE N", "multiple definitions of 'N'");
}
END_TEST

START_TEST(test_duplicate_with_extended_module) {
  fixture_write("Base.tla", "---- MODULE Base ----\nA == 1\n====\n");
  load_fails("EXTENDS Base\nA == 2", "M.tla:3:1: error: multiple definitions "
                                     "of 'A'");
}
END_TEST

/* ---- RECURSIVE ---- */

START_TEST(test_recursive_resolves) {
  Program *p = load_ok(
      "EXTENDS Naturals\nRECURSIVE Fact(_)\n"
      "Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)\nG == Fact(4)");
  Def *f = def_of(p, "Fact");
  ck_assert(f->recursive);
  ck_assert_int_eq(f->nparams, 1);
  Expr *call = find_op(f->body, "Fact");
  ck_assert_ptr_nonnull(call);
  ck_assert_int_eq(call->ref.kind, REF_DEF);
  ck_assert_ptr_eq(call->ref.u.def, f);
  Expr *g = find_op(def_of(p, "G")->body, "Fact");
  ck_assert_ptr_eq(g->ref.u.def, f);
  ck_assert(!def_of(p, "G")->recursive);
}
END_TEST

START_TEST(test_mutual_recursion_resolves) {
  Program *p = load_ok("EXTENDS Naturals\nRECURSIVE Even(_), Odd(_)\n"
                       "Even(n) == IF n = 0 THEN TRUE ELSE Odd(n - 1)\n"
                       "Odd(n) == IF n = 0 THEN FALSE ELSE Even(n - 1)");
  Def *even = def_of(p, "Even"), *odd = def_of(p, "Odd");
  ck_assert(even->recursive && odd->recursive);
  /* Even's call to Odd was a forward reference, patched later. */
  Expr *call = find_op(even->body, "Odd");
  ck_assert_int_eq(call->ref.kind, REF_DEF);
  ck_assert_ptr_eq(call->ref.u.def, odd);
  ck_assert_ptr_eq(find_op(odd->body, "Even")->ref.u.def, even);
}
END_TEST

START_TEST(test_recursive_never_defined) {
  load_fails("EXTENDS Naturals\nRECURSIVE F(_)\nG == F(1)",
             "M.tla:4:6: error: operator 'F' is declared RECURSIVE but never "
             "defined");
}
END_TEST

START_TEST(test_recursive_function_self_reference) {
  Program *p = load_ok("EXTENDS Naturals\n"
                       "f[n \\in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1]");
  Def *f = def_of(p, "f");
  ck_assert_int_eq(f->kind, DEF_FUN);
  Expr *self = find_op(f->body, "f");
  ck_assert_int_eq(self->ref.kind, REF_DEF);
  ck_assert_ptr_eq(self->ref.u.def, f);
}
END_TEST

/* ---- scoping ---- */

START_TEST(test_let_invisible_outside) {
  load_fails("EXTENDS Naturals\nG == LET a == 1 IN a + 1\nH == a",
             "M.tla:4:6: error: unknown operator 'a'");
}
END_TEST

START_TEST(test_let_sequential_and_shadowing) {
  Program *p = load_ok("EXTENDS Naturals\nb == 10\n"
                       "G == LET a == 1\n         b == a + 1\n     IN b");
  Def *g = def_of(p, "G");
  ck_assert_int_eq(g->body->kind, EX_LET);
  Expr *use = g->body->body; /* the body `b` of the LET */
  ck_assert_int_eq(use->ref.kind, REF_DEF);
  ck_assert_ptr_eq(use->ref.u.def, g->body->defs[1]);
  ck_assert_ptr_ne(use->ref.u.def, def_of(p, "b"));
  /* The LET's second definition sees the first. */
  Expr *a = find_op(g->body->defs[1]->body, "a");
  ck_assert_ptr_eq(a->ref.u.def, g->body->defs[0]);
}
END_TEST

START_TEST(test_let_operator_with_params) {
  Program *p = load_ok("EXTENDS Naturals\n"
                       "G == LET Sq(v) == v * v IN Sq(3) + Sq(4)");
  ck_assert_ptr_nonnull(def_named(p, "G"));
}
END_TEST

START_TEST(test_binder_shadows_definition) {
  Program *p = load_ok("EXTENDS Naturals\na == 1\n"
                       "G == \\E a \\in {2} : a = 2\nH == a + 1");
  Expr *inner = find_op(def_of(p, "G")->body->body, "a");
  ck_assert_int_eq(inner->ref.kind, REF_BINDER);
  ck_assert_ptr_eq(inner->ref.u.binder, &def_of(p, "G")->body->bounds[0].names[0]);
  Expr *outer = find_op(def_of(p, "H")->body, "a");
  ck_assert_int_eq(outer->ref.kind, REF_DEF);
  ck_assert_ptr_eq(outer->ref.u.def, def_of(p, "a"));
}
END_TEST

START_TEST(test_binder_scope_ends) {
  /* `i` is bound only inside the quantifier's body. */
  load_fails("EXTENDS Naturals\nG == (\\A i \\in {1} : i > 0) /\\ i = 1",
             "M.tla:3:32: error: unknown operator 'i'");
}
END_TEST

START_TEST(test_bound_set_outside_binder) {
  /* The set of `\E i \in S` is resolved outside the binding of i. */
  load_fails("EXTENDS Naturals\nG == \\E i \\in {i} : TRUE",
             "unknown operator 'i'");
}
END_TEST

START_TEST(test_parameter_shadows) {
  Program *p = load_ok("EXTENDS Naturals\nVARIABLE v\nF(v) == v + 1");
  Def *f = def_of(p, "F");
  Expr *v = find_op(f->body, "v");
  ck_assert_int_eq(v->ref.kind, REF_BINDER);
  ck_assert_ptr_eq(v->ref.u.binder, &f->params[0]);
  ck_assert_int_eq(f->level, LEVEL_CONST);
}
END_TEST

START_TEST(test_binder_ids_unique) {
  Program *p = load_ok("EXTENDS Naturals\n"
                       "G == \\A i, j \\in {1} : \\E k \\in {i} : k = j\n"
                       "F(a, b) == {c \\in {a} : c = b}");
  Expr *g = def_of(p, "G")->body;
  uint32_t ids[5] = {g->bounds[0].names[0].id, g->bounds[0].names[1].id,
                     g->body->bounds[0].names[0].id,
                     def_of(p, "F")->params[0].id,
                     def_of(p, "F")->body->bounds[0].names[0].id};
  for (int i = 0; i < 5; i++) {
    ck_assert_uint_ne(ids[i], 0);
    for (int j = 0; j < i; j++)
      ck_assert_uint_ne(ids[i], ids[j]);
  }
}
END_TEST

START_TEST(test_set_constructors_bind) {
  Program *p = load_ok("EXTENDS Naturals\n"
                       "A == {i * 2 : i \\in 1..3}\n"
                       "B == [i \\in 1..3 |-> i]\n"
                       "C == CHOOSE i \\in 1..3 : i > 1\n"
                       "D == {<<i, j>> \\in {1} \\X {2} : i < j}\n"
                       "E == LAMBDA i : i");
  (void)p;
}
END_TEST

/* ---- EXTENDS ---- */

START_TEST(test_extends_user_module) {
  fixture_write("Base.tla", "---- MODULE Base ----\nEXTENDS Naturals\n"
                         "CONSTANT N\nVARIABLE b\n"
                         "LOCAL Hidden == 41\nShown == Hidden + 1\n====\n");
  Program *p = load_ok("EXTENDS Base, FiniteSets\nVARIABLE x\n"
                       "G == Shown + N + b + x\nH == Cardinality({1})");
  ck_assert_int_eq((int)p->modules.len, 2);
  ck_assert_str_eq(sym_str(p->modules.data[0]->name), "Base");
  ck_assert_ptr_eq(p->modules.data[1], p->root);
  /* Base's standard modules come along: `+` without EXTENDS Naturals. */
  ck_assert(p->std[MOD_NATURALS] && p->std[MOD_FINITESETS]);
  /* Declarations are numbered over the whole program. */
  ck_assert_int_eq((int)p->vars.len, 2);
  ck_assert_str_eq(sym_str(p->vars.data[0]->name), "b");
  ck_assert_int_eq(p->vars.data[0]->index, 0);
  ck_assert_str_eq(sym_str(p->vars.data[1]->name), "x");
  ck_assert_int_eq(p->vars.data[1]->index, 1);
  ck_assert_int_eq((int)p->consts.len, 1);
  Expr *shown = find_op(def_of(p, "G")->body, "Shown");
  ck_assert_int_eq(shown->ref.kind, REF_DEF);
  ck_assert_ptr_eq(shown->ref.u.def->module, p->modules.data[0]);
  ck_assert(def_of(p, "Hidden")->local);
  /* Top-level lookups see Base's public names only. */
  ck_assert_int_eq(program_lookup(p, sym_intern("Shown")).kind, REF_DEF);
  ck_assert_int_eq(program_lookup(p, sym_intern("Hidden")).kind, REF_NONE);
  ck_assert_int_eq(program_lookup(p, sym_intern("N")).kind, REF_CONST);
  ck_assert_int_eq(program_lookup(p, sym_intern("b")).kind, REF_VAR);
}
END_TEST

START_TEST(test_extends_local_invisible) {
  fixture_write("Base.tla", "---- MODULE Base ----\nLOCAL Hidden == 41\n"
                         "Shown == Hidden\n====\n");
  load_fails("EXTENDS Base\nG == Hidden",
             "M.tla:3:6: error: unknown operator 'Hidden'");
}
END_TEST

START_TEST(test_extends_local_standard_module_def) {
  /* A LOCAL definition of the extended module may be redefined. */
  fixture_write("Base.tla", "---- MODULE Base ----\nLOCAL Helper == 1\n"
                         "Pub == Helper\n====\n");
  Program *p = load_ok("EXTENDS Base\nHelper == 2\nG == Helper");
  Expr *h = find_op(def_of(p, "G")->body, "Helper");
  ck_assert_ptr_eq(h->ref.u.def->module, p->root);
}
END_TEST

START_TEST(test_extends_diamond) {
  fixture_write("D.tla", "---- MODULE D ----\nEXTENDS Naturals\nK == 1\n====\n");
  fixture_write("B.tla", "---- MODULE B ----\nEXTENDS D\nKB == K\n====\n");
  fixture_write("C.tla", "---- MODULE C ----\nEXTENDS D\nKC == K\n====\n");
  Program *p = load_ok("EXTENDS B, C\nG == K + 0 = KB");
  (void)p;
}
END_TEST

START_TEST(test_extends_chain) {
  fixture_write("A1.tla", "---- MODULE A1 ----\nEXTENDS Naturals\n"
                       "One == 1\n====\n");
  fixture_write("A2.tla", "---- MODULE A2 ----\nEXTENDS A1\nTwo == One + 1\n"
                       "====\n");
  Program *p = load_ok("EXTENDS A2\nThree == Two + One");
  ck_assert_int_eq((int)p->modules.len, 3);
  ck_assert_str_eq(sym_str(p->modules.data[0]->name), "A1");
  ck_assert_str_eq(sym_str(p->modules.data[1]->name), "A2");
}
END_TEST

/* Several top-level modules in one file, as in TLC's trace files: a module
 * after the first is found by EXTENDS and INSTANCE from the first when no
 * file of that name exists; a commented-out header does not count; a file
 * of the module's name takes precedence; errors in a later module are
 * located in the root file. */
static Program *load_file(const char *text) {
  fixture_write("M.tla", text);
  char *path = xsprintf("%s/M.tla", fixture_dir);
  Program *p = program_load(path);
  free(path);
  return p;
}

START_TEST(test_modules_in_one_file) {
  Program *p = load_file(
      "---- MODULE M ----\n"
      "EXTENDS B\n"
      "I == INSTANCE C WITH k <- 2\n"
      "Three == One + I!Two\n"
      "====\n"
      "Text between modules is ignored; so is this:\n"
      "\\* ---- MODULE B ----\n"
      "\\* One == 99\n"
      "\\* ====\n"
      "---- MODULE C ----\n"
      "EXTENDS Naturals\n"
      "CONSTANT k\n"
      "Two == k\n"
      "====\n"
      "---- MODULE B ----\n"
      "EXTENDS Naturals\n"
      "One == 1\n"
      "====\n"
      "---- CONFIG M ----\n"
      "====\n");
  ck_assert_msg(p != NULL, "load failed:\n%s", fixture_captured());
  ck_assert_ptr_nonnull(def_named(p, "One"));
  ck_assert_ptr_nonnull(def_named(p, "Two"));
  ck_assert_int_eq((int)p->modules.len, 3);
  ck_assert_str_eq(sym_str(p->modules.data[0]->name), "B");

  /* A file B.tla beside the root wins over the module in the file. */
  fixture_write("B.tla", "---- MODULE B ----\nOne == 11\nFromFile == 1\n"
                         "====\n");
  p = load_file("---- MODULE M ----\nEXTENDS B\nX == FromFile\n====\n"
                "---- MODULE B ----\nOne == 1\n====\n");
  ck_assert_msg(p != NULL, "load failed:\n%s", fixture_captured());

  /* An error in a later module is reported at its line in the root file. */
  fixture_recapture();
  p = load_file("---- MODULE M ----\nEXTENDS D\n====\n"
                "---- MODULE D ----\nBad == \n====\n");
  ck_assert_ptr_null(p);
  ck_assert_msg(strstr(fixture_captured(), "M.tla:6:1: error: expression "
                                           "expected"),
                "%s", fixture_captured());

  /* Only a header at the start of a line opens a module. */
  fixture_recapture();
  p = load_file("---- MODULE M ----\nEXTENDS E\n====\n"
                "\\* ---- MODULE E ----\n\\* ====\n");
  ck_assert_ptr_null(p);
  ck_assert_msg(strstr(fixture_captured(), "cannot find module 'E'"), "%s",
                fixture_captured());
}
END_TEST

START_TEST(test_missing_module) {
  Program *p = fixture_load("EXTENDS Naturals, Nope\nA == 1");
  ck_assert_ptr_null(p);
  char *want = xsprintf("M.tla:2:19: error: cannot find module 'Nope' "
                        "(searched: %s/Nope.tla, the modules that "
                        "come with brink, then the modules in ",
                        fixture_dir);
  ck_assert_msg(strstr(fixture_captured(), want) != NULL, "want %s in\n%s", want,
                fixture_captured());
  free(want);
}
END_TEST

START_TEST(test_circular_extends) {
  fixture_write("P.tla", "---- MODULE P ----\nEXTENDS Q\n====\n");
  fixture_write("Q.tla", "---- MODULE Q ----\nEXTENDS P\n====\n");
  load_fails("EXTENDS P", "circular EXTENDS");
}
END_TEST

START_TEST(test_module_name_mismatch) {
  fixture_write("W.tla", "---- MODULE Other ----\nA == 1\n====\n");
  load_fails("EXTENDS W", "holds module 'Other', not 'W'");
}
END_TEST

START_TEST(test_parse_error_in_extended_module) {
  fixture_write("Bad.tla", "---- MODULE Bad ----\nA == (1\n====\n");
  Program *p = fixture_load("EXTENDS Bad");
  ck_assert_ptr_null(p);
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "Bad.tla:"));
}
END_TEST

START_TEST(test_unreadable_root) {
  char *path = xsprintf("%s/Absent.tla", fixture_dir);
  ck_assert_ptr_null(program_load(path));
  ck_assert_ptr_nonnull(strstr(fixture_captured(), "cannot read"));
  free(path);
}
END_TEST

static const char *inst_module =
    "---- MODULE I ----\nEXTENDS Naturals\nCONSTANT K\nVARIABLE v\n"
    "A == K + 1\nLOCAL H == 2\nStep == v' = v + A\n====\n";

START_TEST(test_instance_binds_copies) {
  fixture_write("I.tla", inst_module);
  Program *p = load_ok("VARIABLE x\nM == INSTANCE I WITH K <- 1, v <- x\n"
                       "UseA == M!A\nNext == M!Step\n");
  Expr *a = def_of(p, "UseA")->body;
  ck_assert_int_eq(a->ref.kind, REF_DEF);
  Def *copy = a->ref.u.def;
  ck_assert_str_eq(sym_str(copy->name), "A");
  /* The copy's body mentions the substituted 1, not the CONSTANT K. */
  ck_assert_ptr_null(find_op(copy->body, "K"));
  ck_assert_int_eq(def_of(p, "Next")->level, LEVEL_ACTION);
  ck_assert_int_eq(def_of(p, "UseA")->level, LEVEL_CONST);
  /* Only the root's variable is a state variable. */
  ck_assert_int_eq((int)p->vars.len, 1);
  ck_assert_int_eq((int)p->consts.len, 0);
  ck_assert_int_eq(p->vars.data[0]->index, 0);
}
END_TEST

START_TEST(test_instance_implicit_substitution) {
  fixture_write("I.tla", inst_module);
  Program *p = load_ok("CONSTANT K\nVARIABLE v\nM == INSTANCE I\n"
                       "UseA == M!A\n");
  ck_assert_int_eq((int)p->consts.len, 1);
  ck_assert_ptr_nonnull(find_op(def_of(p, "UseA")->body->ref.u.def->body,
                                "K"));
}
END_TEST

START_TEST(test_instance_errors) {
  static const struct {
    const char *body, *want;
  } cases[] = {
      {"VARIABLE v\nM == INSTANCE I WITH v <- v\n",
       "INSTANCE I: no substitution for CONSTANT 'K'"},
      {"M == INSTANCE I WITH K <- 1, v <- 2, Z <- 3\n",
       "'Z' is not a CONSTANT or VARIABLE of module I"},
      {"M == INSTANCE I WITH K <- 1, K <- 2, v <- 2\n",
       "'K' is substituted twice"},
      {"M == INSTANCE I WITH K <- 1, v <- 2\nX == M!Nope\n",
       "instance 'M' (of module I) defines no 'Nope'"},
      {"M == INSTANCE I WITH K <- 1, v <- 2\nX == M!H\n",
       "instance 'M' (of module I) defines no 'H'"},
      {"X == Q!A\n", "unknown instance 'Q'"},
      {"M == INSTANCE I WITH K <- 1, v <- 2\nX == M\n",
       "'M' is an instance of module I"},
      {"P(k) == INSTANCE I WITH K <- k, v <- 2\nX == P!A\n",
       "instance 'P' takes 1 argument but is given 0"},
      {"Y == 1\nX == Y!A\n", "'Y!...' selects no subexpression of 'Y'"},
      {"M == INSTANCE Missing\n", "cannot find module 'Missing'"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    fixture_recapture();
    fixture_write("I.tla", inst_module);
    Program *p = fixture_load(cases[i].body);
    ck_assert_msg(p == NULL, "case %zu should fail", i);
    ck_assert_msg(strstr(fixture_captured(), cases[i].want) != NULL,
                  "case %zu: expected '%s' in:\n%s", i, cases[i].want,
                  fixture_captured());
  }
}
END_TEST

/* ---- levels ---- */

START_TEST(test_def_levels) {
  Program *p = load_ok(
      "EXTENDS Naturals\nCONSTANT N\nVARIABLE x, y\n"
      "C0 == N + 1\n"
      "C1 == {i \\in 1..N : i > 2}\n"
      "S0 == x + 1\n"
      "S1 == C0 + S0\n"
      "S2 == \\E i \\in 1..x : i = N\n"
      "S3 == ENABLED (x' = 1)\n"
      "A0 == x' = x + 1\n"
      "A1 == UNCHANGED <<x, y>>\n"
      "A2 == A0 /\\ y' = y\n"
      "A3 == [x EXCEPT ![1] = y']\n"
      "T0 == [](x > 0)\n"
      "T1 == S0 /\\ [][A0]_x\n"
      "T2 == WF_x(A0)\n"
      "T3 == <>(x = 1)\n"
      "T4 == (x = 1) ~> (x = 2)\n"
      "F(a) == a + 1\n"
      "P0 == F(N)\n"
      "P1 == F(x)\n"
      "P2 == F(x')\n"
      "L1 == LET z == x IN z + 1\n"
      "K1 == CASE x > 0 -> 1 [] OTHER -> 0\n"
      "f[n \\in 1..N] == n\n"
      "g[n \\in 1..x] == n");
  struct {
    const char *name;
    int level;
  } want[] = {
      {"C0", 0}, {"C1", 0}, {"S0", 1}, {"S1", 1}, {"S2", 1}, {"S3", 1},
      {"A0", 2}, {"A1", 2}, {"A2", 2}, {"A3", 2}, {"T0", 3}, {"T1", 3},
      {"T2", 3}, {"T3", 3}, {"T4", 3}, {"F", 0},  {"P0", 0}, {"P1", 1},
      {"P2", 2}, {"L1", 1}, {"K1", 1}, {"f", 0},  {"g", 1},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    ck_assert_msg(def_of(p, want[i].name)->level == want[i].level,
                  "level of %s: %d, want %d", want[i].name,
                  def_of(p, want[i].name)->level, want[i].level);
}
END_TEST

START_TEST(test_expr_levels) {
  Program *p = load_ok("EXTENDS Naturals\nCONSTANT N\nVARIABLE x\n"
                       "A0 == x' = x\nS0 == x > 0");
  struct {
    const char *text;
    int level;
  } want[] = {
      {"1 + 2", 0},
      {"N * 2", 0},
      {"{i \\in 1..N : TRUE}", 0},
      {"x", 1},
      {"x + N", 1},
      {"\\A i \\in 1..3 : i < x", 1},
      {"{x}", 1},
      {"IF x > 0 THEN 1 ELSE 2", 1},
      {"S0", 1},
      {"x'", 2},
      {"x' > x", 2},
      {"UNCHANGED x", 2},
      {"A0", 2},
      {"A0 \\/ S0", 2},
      {"[<<1>> EXCEPT ![1] = x']", 2},
      {"CASE TRUE -> x' [] OTHER -> 0", 2},
      {"ENABLED A0", 1},
      {"[]S0", 3},
      {"[][A0]_x", 3},
      {"<><<A0>>_x", 3},
      {"S0 ~> S0", 3},
      {"SF_x(A0)", 3},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    Expr *e = rexpr(p, want[i].text);
    ck_assert_msg(expr_level(e) == want[i].level, "level of %s: %d, want %d",
                  want[i].text, expr_level(e), want[i].level);
  }
}
END_TEST

START_TEST(test_resolve_expr_errors) {
  Program *p = load_ok("EXTENDS Naturals\nVARIABLE x");
  Expr *e = parse_expr_text("cmdline", "x + nope");
  ck_assert_ptr_nonnull(e);
  ck_assert(!program_resolve_expr(p, e));
  ck_assert_ptr_nonnull(
      strstr(fixture_captured(), "cmdline:1:5: error: unknown operator 'nope'"));
}
END_TEST

START_TEST(test_program_lookup) {
  Program *p = load_ok("EXTENDS Naturals\nCONSTANT N\nVARIABLE x\nD == 1");
  TopEntry t = program_lookup(p, sym_intern("D"));
  ck_assert_int_eq(t.kind, REF_DEF);
  ck_assert_str_eq(sym_str(t.ref.u.def->name), "D");
  ck_assert_int_eq(program_lookup(p, sym_intern("N")).kind, REF_CONST);
  ck_assert_int_eq(program_lookup(p, sym_intern("x")).kind, REF_VAR);
  t = program_lookup(p, sym_intern("Nat"));
  ck_assert_int_eq(t.kind, REF_BUILTIN);
  ck_assert_int_eq(t.ref.u.builtin, B_NAT);
  ck_assert_int_eq(program_lookup(p, sym_intern("Int")).kind, REF_NONE);
  ck_assert_int_eq(program_lookup(p, sym_intern("Len")).kind, REF_NONE);
  ck_assert_int_eq(program_lookup(p, sym_intern("zzz")).kind, REF_NONE);
  /* Core operators are always there. */
  ck_assert_int_eq(program_lookup(p, sym_intern("SUBSET")).kind, REF_BUILTIN);
}
END_TEST

START_TEST(test_def_ids) {
  Program *p = load_ok("A == 1\nB == LET c == 2 IN c\nD == 3");
  for (size_t i = 0; i < p->defs.len; i++)
    ck_assert_uint_eq(p->defs.data[i]->id, i);
  ck_assert_int_eq((int)p->defs.len, 4); /* A, c, B, D */
  ck_assert_ptr_eq(p->defs.data[def_of(p, "D")->id], def_of(p, "D"));
}
END_TEST

/* Regression tests for bugs found while writing these tests. */
/* Was a bug: the level of a mutually recursive operator is computed while its
 * partner is still "in progress" (def_level returns 0 for it), and then
 * memoised: B below calls A, which reads the variable x, yet B gets level
 * 0, and so does W == B(1).  W is then treated as a constant: the
 * evaluator caches its value once per run (def_cacheable), the encoder
 * folds it, and spec_bind would accept it where a constant is required. */
START_TEST(test_bug_mutual_recursion_level) {
  Program *p = load_ok("EXTENDS Naturals\nVARIABLE x\n"
                       "RECURSIVE A(_), B(_)\n"
                       "A(n) == IF n = 0 THEN x ELSE B(n - 1)\n"
                       "B(n) == IF n = 0 THEN 0 ELSE A(n - 1)\n"
                       "W == B(1)");
  ck_assert_int_eq(def_of(p, "A")->level, LEVEL_STATE);
  ck_assert_int_eq(def_of(p, "B")->level, LEVEL_STATE); /* is 0 */
  ck_assert_int_eq(def_of(p, "W")->level, LEVEL_STATE); /* is 0 */
}
END_TEST

/* Was a bug: def_level's memo (resolve.c, static level_state) is indexed by
 * Def.id, which restarts at 0 for every program_load, and is never reset:
 * a second program loaded in the same process gets level 0 for every
 * definition whose id was used before (here Init 0 instead of 1, Next 0
 * instead of 2).  The evaluator's def_cache (eval.c) has the same flaw: a
 * constant definition of the second program returns the first program's
 * cached value. */
START_TEST(test_bug_second_program_levels) {
  Program *p1 = load_ok("EXTENDS Naturals\nVARIABLE x\nK == 1\n"
                        "Init == x = K\nNext == x' = x");
  ck_assert_int_eq(def_of(p1, "Next")->level, LEVEL_ACTION);
  Program *p2 = load_ok("EXTENDS Naturals\nVARIABLE x\nK == 2\n"
                        "Init == x = 0\nNext == x' = x + 1");
  ck_assert_int_eq(def_of(p2, "Init")->level, LEVEL_STATE);  /* is 0 */
  ck_assert_int_eq(def_of(p2, "Next")->level, LEVEL_ACTION); /* is 0 */
}
END_TEST
/* Was a bug (parser): a definition whose body ends with a primed identifier and
 * is followed by another definition is misparsed.  In
 *     A == x'
 *     B == 1
 * p_postfix (parse.c) asks p_def_ahead whether `x ' B ==` starts a
 * definition, and p_def_ahead takes `ident op ident ==` for an infix
 * operator definition, so the prime is not applied: A becomes `A == x`
 * (level 1) and the rest is read as a definition of an infix operator
 * named "'" with parameters x and B.  B is silently never defined:
 * `brink check` on a spec with `Next == x < 3 /\ x + 1 = x'` followed by
 * `Inv == x < 5` stops with "INVARIANT 'Inv' is not defined" (exit 151). */
START_TEST(test_bug_prime_before_definition) {
  Program *p = load_ok("VARIABLE x\nA == x'\nB == 1");
  ck_assert_int_eq(def_of(p, "A")->level, LEVEL_ACTION); /* is 1 */
  ck_assert_ptr_nonnull(def_named(p, "B"));              /* is missing */
  ck_assert_ptr_null(def_named(p, "'"));                 /* exists */
}
END_TEST

Suite *resolve_suite(void) {
  Suite *s = suite_create("resolve");
  TCase *tc = tcase_create("resolve");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_unknown_name_located);
  tcase_add_test(tc, test_unknown_names_all_reported);
  tcase_add_test(tc, test_unknown_inside_binders);
  tcase_add_test(tc, test_case_and_except_names);
  tcase_add_test(tc, test_builtins_need_extends);
  tcase_add_test(tc, test_sequences_need_extends);
  tcase_add_test(tc, test_integers_extend_naturals);
  tcase_add_test(tc, test_self_reference_without_recursive);
  tcase_add_test(tc, test_use_before_definition);
  tcase_add_test(tc, test_arity_too_few);
  tcase_add_test(tc, test_arity_too_many_and_zero);
  tcase_add_test(tc, test_arity_missing_args);
  tcase_add_test(tc, test_arity_builtin);
  tcase_add_test(tc, test_arity_parameter);
  tcase_add_test(tc, test_arity_operator_argument);
  tcase_add_test(tc, test_arity_lambda_argument);
  tcase_add_test(tc, test_function_called_like_operator);
  tcase_add_test(tc, test_recursive_forward_arity);
  tcase_add_test(tc, test_at_outside_except);
  tcase_add_test(tc, test_at_in_except_path);
  tcase_add_test(tc, test_at_inside_except);
  tcase_add_test(tc, test_duplicate_definition);
  tcase_add_test(tc, test_duplicate_variable_and_definition);
  tcase_add_test(tc, test_duplicate_declarations);
  tcase_add_test(tc, test_duplicate_with_extended_module);
  tcase_add_test(tc, test_recursive_resolves);
  tcase_add_test(tc, test_bug_mutual_recursion_level);
  tcase_add_test(tc, test_bug_second_program_levels);
  tcase_add_test(tc, test_bug_prime_before_definition);
  tcase_add_test(tc, test_mutual_recursion_resolves);
  tcase_add_test(tc, test_recursive_never_defined);
  tcase_add_test(tc, test_recursive_function_self_reference);
  tcase_add_test(tc, test_let_invisible_outside);
  tcase_add_test(tc, test_let_sequential_and_shadowing);
  tcase_add_test(tc, test_let_operator_with_params);
  tcase_add_test(tc, test_binder_shadows_definition);
  tcase_add_test(tc, test_binder_scope_ends);
  tcase_add_test(tc, test_bound_set_outside_binder);
  tcase_add_test(tc, test_parameter_shadows);
  tcase_add_test(tc, test_binder_ids_unique);
  tcase_add_test(tc, test_set_constructors_bind);
  tcase_add_test(tc, test_extends_user_module);
  tcase_add_test(tc, test_extends_local_invisible);
  tcase_add_test(tc, test_extends_local_standard_module_def);
  tcase_add_test(tc, test_extends_diamond);
  tcase_add_test(tc, test_extends_chain);
  tcase_add_test(tc, test_missing_module);
  tcase_add_test(tc, test_modules_in_one_file);
  tcase_add_test(tc, test_circular_extends);
  tcase_add_test(tc, test_module_name_mismatch);
  tcase_add_test(tc, test_parse_error_in_extended_module);
  tcase_add_test(tc, test_unreadable_root);
  tcase_add_test(tc, test_instance_binds_copies);
  tcase_add_test(tc, test_instance_implicit_substitution);
  tcase_add_test(tc, test_instance_errors);
  tcase_add_test(tc, test_def_levels);
  tcase_add_test(tc, test_expr_levels);
  tcase_add_test(tc, test_resolve_expr_errors);
  tcase_add_test(tc, test_program_lookup);
  tcase_add_test(tc, test_def_ids);
  suite_add_tcase(s, tc);
  return s;
}
