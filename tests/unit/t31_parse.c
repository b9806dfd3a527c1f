/* t31_parse.c -- unit tests for the TLA+ parser: module structure, operator
 * precedence, junction lists, every expression form, locations, error
 * messages and recovery, robustness, and the syntax / examples corpora. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "parse.h"
#include "resolve.h"

static char *diag_buf;
static size_t diag_len;
static FILE *diag_f;

static void capture(void) {
  diag_f = open_memstream(&diag_buf, &diag_len);
  diag_set_stream(diag_f);
}

static const char *captured(void) {
  fflush(diag_f);
  return diag_buf ? diag_buf : "";
}

static void teardown(void) {
  if (diag_f) {
    diag_set_stream(NULL);
    fclose(diag_f);
    free(diag_buf);
    diag_f = NULL;
    diag_buf = NULL;
  }
}

static Module *mod(const char *body) {
  char *text = xsprintf("---- MODULE T ----\n%s\n====\n", body);
  Module *m = parse_text("t.tla", text);
  free(text);
  return m;
}

static Def *find_def(Module *m, const char *name) {
  for (int i = 0; i < m->nunits; i++)
    if (m->units[i].kind == U_DEF && !strcmp(sym_str(m->units[i].def->name), name))
      return m->units[i].def;
  return NULL;
}

/* The body of the one definition `Op == <src>`. */
static Expr *body(const char *src) {
  char *text = xsprintf("Op == %s", src);
  Module *m = mod(text);
  free(text);
  ck_assert_msg(m != NULL, "parse failed: %s", src);
  Def *d = find_def(m, "Op");
  ck_assert_ptr_nonnull(d);
  return d->body;
}

static Expr *ex(const char *src) {
  Expr *e = parse_expr_text("e", src);
  ck_assert_msg(e != NULL, "parse failed: %s", src);
  return e;
}

static void is_op(const Expr *e, const char *name, int nargs) {
  ck_assert_msg(e->kind == EX_OP, "kind %s, want OP %s", ast_kind_name(e->kind),
                name);
  ck_assert_str_eq(sym_str(e->name), name);
  ck_assert_int_eq(e->nargs, nargs);
}

/* Fully parenthesised rendering of an expression (OP nodes only). */
static void render(const Expr *e, char *buf, size_t n) {
  size_t len = strlen(buf);
  if (e->kind == EX_NUM) {
    snprintf(buf + len, n - len, "%s", e->num);
  } else if (e->kind == EX_OP && e->nargs == 0) {
    snprintf(buf + len, n - len, "%s", sym_str(e->name));
  } else if (e->kind == EX_OP) {
    snprintf(buf + len, n - len, "%s(", sym_str(e->name));
    for (int i = 0; i < e->nargs; i++) {
      if (i)
        strncat(buf, ",", n - strlen(buf) - 1);
      render(e->args[i], buf, n);
    }
    strncat(buf, ")", n - strlen(buf) - 1);
  } else {
    snprintf(buf + len, n - len, "<%s>", ast_kind_name(e->kind));
  }
}

static void shape(const char *src, const char *want) {
  char buf[512] = "";
  render(ex(src), buf, sizeof buf);
  ck_assert_msg(!strcmp(buf, want), "%s parsed as %s, want %s", src, buf, want);
}

START_TEST(test_module_structure) {
  Module *m = parse_text(
      "t.tla", "text before\n------ MODULE Spec ------\nEXTENDS Naturals, Sequences\n"
               "CONSTANTS N, F(_, _), _ ++ _\nVARIABLE x, y\nInit == x = 0\n"
               "LOCAL Helper(a, G(_)) == a\n-------------\nASSUME N > 0\n"
               "========\ntext after ) ] \"");
  ck_assert_ptr_nonnull(m);
  ck_assert_str_eq(sym_str(m->name), "Spec");
  ck_assert_int_eq(m->nextends, 2);
  ck_assert_str_eq(sym_str(m->extends[1]), "Sequences");
  ck_assert_int_eq(m->extends_loc[1].line, 3);
  ck_assert_int_eq(m->nunits, 5);
  Unit *u = &m->units[0];
  ck_assert_int_eq(u->kind, U_CONSTANTS);
  ck_assert_int_eq(u->ndecls, 3);
  ck_assert_int_eq(u->decls[0]->arity, 0);
  ck_assert_str_eq(sym_str(u->decls[1]->name), "F");
  ck_assert_int_eq(u->decls[1]->arity, 2);
  ck_assert_str_eq(sym_str(u->decls[2]->name), "++");
  ck_assert_int_eq(u->decls[2]->arity, 2);
  ck_assert_int_eq(m->units[1].kind, U_VARIABLES);
  ck_assert(m->units[1].decls[1]->is_var);
  ck_assert_int_eq(m->units[2].kind, U_DEF);
  Def *h = m->units[3].def;
  ck_assert(h->local);
  ck_assert_int_eq(h->nparams, 2);
  ck_assert_int_eq(h->params[1].arity, 1);
  ck_assert_int_eq(m->units[4].kind, U_ASSUME);
  is_op(m->units[4].expr, ">", 2);
  ck_assert_int_eq(m->loc.line, 2);
  ck_assert_int_eq(m->loc.eline, 10);
}
END_TEST

START_TEST(test_definition_forms) {
  Module *m = mod("a ++ b == a\n-. a == a\na ^+ == a\nf[x \\in S, y \\in T] == x\n"
                  "Op(x, _ + _, -. _) == x\nI == INSTANCE Foo WITH a <- 1, + <- Plus\n"
                  "J(p) == INSTANCE Foo\nINSTANCE Bar\nRECURSIVE R(_), Q\nR(n) == R(n)");
  ck_assert_ptr_nonnull(m);
  Def *d = find_def(m, "++");
  ck_assert_ptr_nonnull(d);
  ck_assert_int_eq(d->nparams, 2);
  ck_assert_int_eq(d->name_loc.col, 3);
  d = find_def(m, "-.");
  ck_assert_ptr_nonnull(d);
  ck_assert_int_eq(d->nparams, 1);
  d = find_def(m, "^+");
  ck_assert_ptr_nonnull(d);
  ck_assert_int_eq(d->nparams, 1);
  d = find_def(m, "f");
  ck_assert_int_eq(d->kind, DEF_FUN);
  ck_assert_int_eq(d->nbounds, 2);
  d = find_def(m, "Op");
  ck_assert_int_eq(d->nparams, 3);
  ck_assert_str_eq(sym_str(d->params[1].name), "+");
  ck_assert_int_eq(d->params[1].arity, 2);
  ck_assert_str_eq(sym_str(d->params[2].name), "-.");
  ck_assert_int_eq(d->params[2].arity, 1);
  d = find_def(m, "I");
  ck_assert_int_eq(d->kind, DEF_INSTANCE);
  ck_assert_str_eq(sym_str(d->inst->module), "Foo");
  ck_assert_int_eq(d->inst->nsubst, 2);
  ck_assert_str_eq(sym_str(d->inst->subst[1].name), "+");
  is_op(d->inst->subst[1].value, "Plus", 0);
  d = find_def(m, "J");
  ck_assert_int_eq(d->kind, DEF_INSTANCE);
  ck_assert_int_eq(d->nparams, 1);
  ck_assert_int_eq(m->units[7].kind, U_INSTANCE);
  ck_assert_int_eq(m->units[8].kind, U_RECURSIVE);
  ck_assert_int_eq(m->units[8].ndecls, 2);
  ck_assert_int_eq(m->units[8].decls[0]->arity, 1);
}
END_TEST

START_TEST(test_precedence) {
  shape("a + b * c", "+(a,*(b,c))");
  shape("a * b + c", "+(*(a,b),c)");
  shape("a - b - c", "-(-(a,b),c)");
  shape("a + b - c", "+(a,-(b,c))");
  shape("a = b + 1", "=(a,+(b,1))");
  shape("a => b <=> c", "=>(a,<=>(b,c))");
  shape("a <=> b => c", "=>(<=>(a,b),c)");
  shape("a \\in S \\cup T", "\\in(a,\\cup(S,T))");
  shape("a \\land b \\land c", "/\\(a,b,c)");
  shape("a /\\ b => c \\/ d", "=>(/\\(a,b),\\/(c,d))");
  shape("~a /\\ b", "/\\(~(a),b)");
  shape("~ a = b", "~(=(a,b))");
  shape("-a + b", "+(-.(a),b)");
  shape("-a ^ 2", "-.(^(a,2))");
  shape("a .. b + 1", "..(a,+(b,1))");
  shape("x' = x + 1", "=('(x),+(x,1))");
  shape("SUBSET S \\cup T", "\\cup(SUBSET(S),T)");
  shape("DOMAIN f", "DOMAIN(f)");
  shape("UNION S", "UNION(S)");
  shape("ENABLED a /\\ b", "/\\(ENABLED(a),b)");
  shape("UNCHANGED x", "UNCHANGED(x)");
  shape("[]P => <>Q", "=>([](P),<>(Q))");
  shape("P ~> Q", "~>(P,Q)");
  shape("a :> 1 @@ b :> 2", "@@(:>(a,1),:>(b,2))");
  shape("S \\X T \\X U", "\\X(S,T,U)");
  shape("a # b", "/=(a,b)");
  shape("a \\leq b", "<=(a,b)");
  shape("a =< b", "<=(a,b)");
  shape("a \\o b", "\\circ(a,b)");
  shape("a \\div b % c", "%(\\div(a,b),c)");
  shape("a \\ b", "\\(a,b)");
  shape("a \\subseteq b", "\\subseteq(a,b)");
}
END_TEST

START_TEST(test_precedence_unicode) {
  shape("a \u2227 b \u2227 c", "/\\(a,b,c)");
  shape("a \u2264 b", "<=(a,b)");
  shape("a \u2260 b", "/=(a,b)");
  shape("\u00ac a", "~(a)");
}
END_TEST

START_TEST(test_conflicts_rejected) {
  capture();
  ck_assert_ptr_null(parse_expr_text("e", "a = b = c"));
  ck_assert_ptr_null(parse_expr_text("e", "a /\\ b \\/ c"));
  ck_assert_ptr_null(parse_expr_text("e", "a \\cup b \\cap c"));
  ck_assert_ptr_nonnull(strstr(captured(), "precedence conflict"));
}
END_TEST

START_TEST(test_junction_lists) {
  Expr *e = body("\n  /\\ a\n  /\\ \\/ b\n     \\/ c\n  /\\ d = 1\n");
  is_op(e, "/\\", 3);
  is_op(e->args[0], "a", 0);
  is_op(e->args[1], "\\/", 2);
  is_op(e->args[1]->args[1], "c", 0);
  is_op(e->args[2], "=", 2);
  ck_assert_int_eq(e->loc.line, 3);
  ck_assert_int_eq(e->loc.col, 3);
  ck_assert_int_eq(e->loc.eline, 6);
  ck_assert_int_eq(e->loc.ecol, 10);
  /* A token at or left of the bullet column ends the item. */
  Module *m = mod("A ==\n  /\\ x\n  /\\ y\nB == 2");
  ck_assert_ptr_nonnull(m);
  is_op(find_def(m, "A")->body, "/\\", 2);
  ck_assert_int_eq(find_def(m, "B")->body->kind, EX_NUM);
}
END_TEST

START_TEST(test_junction_nesting) {
  /* Inner list ends at a token left of its column; the outer continues. */
  Expr *e = body("\n  \\/ /\\ a\n     /\\ b\n  \\/ c\n");
  is_op(e, "\\/", 2);
  is_op(e->args[0], "/\\", 2);
  is_op(e->args[1], "c", 0);
  /* Infix on one line inside a bullet item. */
  e = body("\n /\\ a /\\ b\n /\\ c");
  is_op(e, "/\\", 2);
  is_op(e->args[0], "/\\", 2);
  /* An operator below the list applies to the whole list. */
  e = body("\n  /\\ a\n  /\\ b\n  => c");
  is_op(e, "=>", 2);
  is_op(e->args[0], "/\\", 2);
  /* One-item list is just the item. */
  e = body("/\\ x = 1");
  is_op(e, "=", 2);
  /* Lists inside parentheses and quantifiers. */
  e = body("\\E i \\in S :\n    /\\ i > 0\n    /\\ i < 5");
  ck_assert_int_eq(e->kind, EX_EXISTS);
  is_op(e->body, "/\\", 2);
}
END_TEST

START_TEST(test_literals) {
  Expr *e = ex("\\hFF");
  ck_assert_int_eq(e->kind, EX_NUM);
  ck_assert_str_eq(e->num, "255");
  e = ex("\"a\\tb\"");
  ck_assert_int_eq(e->kind, EX_STR);
  ck_assert_str_eq(sym_str(e->str), "a\tb");
  e = ex("FALSE");
  ck_assert_int_eq(e->kind, EX_BOOL);
  ck_assert(!e->boolean);
  e = ex("3.14");
  ck_assert_int_eq(e->kind, EX_DECIMAL);
  ck_assert_str_eq(e->num, "3.14");
}
END_TEST

START_TEST(test_quantifiers) {
  Expr *e = ex("\\E x, y \\in S, z \\in T : x = z");
  ck_assert_int_eq(e->kind, EX_EXISTS);
  ck_assert_int_eq(e->nbounds, 2);
  ck_assert_int_eq(e->bounds[0].nnames, 2);
  ck_assert_str_eq(sym_str(e->bounds[0].names[1].name), "y");
  is_op(e->bounds[0].set, "S", 0);
  is_op(e->bounds[1].set, "T", 0);
  is_op(e->body, "=", 2);
  e = ex("\\A x : P(x)");
  ck_assert_int_eq(e->kind, EX_FORALL);
  ck_assert_ptr_null(e->bounds[0].set);
  is_op(e->body, "P", 1);
  e = ex("\\A <<a, b>> \\in S \\X T : a");
  ck_assert(e->bounds[0].tuple);
  ck_assert_int_eq(e->bounds[0].nnames, 2);
  e = ex("CHOOSE x \\in S : x > 1");
  ck_assert_int_eq(e->kind, EX_CHOOSE);
  ck_assert_int_eq(e->nbounds, 1);
  e = ex("\\EE x, y : P");
  ck_assert_int_eq(e->kind, EX_TEXISTS);
  ck_assert_int_eq(e->bounds[0].nnames, 2);
  e = ex("\\AA x : P");
  ck_assert_int_eq(e->kind, EX_TFORALL);
  /* The body extends as far as possible. */
  e = ex("\\A x \\in S : x > 0 /\\ x < 5");
  is_op(e->body, "/\\", 2);
}
END_TEST

START_TEST(test_sets) {
  Expr *e = ex("{}");
  ck_assert_int_eq(e->kind, EX_SET_ENUM);
  ck_assert_int_eq(e->nargs, 0);
  e = ex("{1, 2, 3}");
  ck_assert_int_eq(e->nargs, 3);
  e = ex("{x \\in S : x > 1}");
  ck_assert_int_eq(e->kind, EX_SET_FILTER);
  ck_assert_str_eq(sym_str(e->bounds[0].names[0].name), "x");
  is_op(e->bounds[0].set, "S", 0);
  is_op(e->body, ">", 2);
  e = ex("{<<x, y>> \\in S : x}");
  ck_assert_int_eq(e->kind, EX_SET_FILTER);
  ck_assert(e->bounds[0].tuple);
  e = ex("{x + y : x \\in S, y \\in T}");
  ck_assert_int_eq(e->kind, EX_SET_MAP);
  ck_assert_int_eq(e->nbounds, 2);
  is_op(e->body, "+", 2);
  e = ex("{x \\in S}");
  ck_assert_int_eq(e->kind, EX_SET_ENUM);
  is_op(e->args[0], "\\in", 2);
}
END_TEST

START_TEST(test_functions_records) {
  Expr *e = ex("[x \\in S, y \\in T |-> x + y]");
  ck_assert_int_eq(e->kind, EX_FUNC);
  ck_assert_int_eq(e->nbounds, 2);
  e = ex("[<<a, b>> \\in S |-> a]");
  ck_assert_int_eq(e->kind, EX_FUNC);
  ck_assert(e->bounds[0].tuple);
  e = ex("[S -> T]");
  ck_assert_int_eq(e->kind, EX_FUNSET);
  e = ex("[a |-> 1, b |-> 2]");
  ck_assert_int_eq(e->kind, EX_RECORD);
  ck_assert_int_eq(e->nargs, 2);
  ck_assert_str_eq(sym_str(e->fields[1]), "b");
  e = ex("[a : S, b : T]");
  ck_assert_int_eq(e->kind, EX_RECSET);
  ck_assert_str_eq(sym_str(e->fields[0]), "a");
  e = ex("<<1, 2>>");
  ck_assert_int_eq(e->kind, EX_TUPLE);
  ck_assert_int_eq(e->nargs, 2);
  e = ex("<< >>");
  ck_assert_int_eq(e->nargs, 0);
  e = ex("f[a, b]");
  ck_assert_int_eq(e->kind, EX_FAPP);
  ck_assert_int_eq(e->nargs, 3);
  is_op(e->args[0], "f", 0);
  e = ex("r.a.b");
  ck_assert_int_eq(e->kind, EX_DOT);
  ck_assert_str_eq(sym_str(e->field), "b");
  ck_assert_int_eq(e->args[0]->kind, EX_DOT);
  e = ex("f[x]'");
  is_op(e, "'", 1);
  ck_assert_int_eq(e->args[0]->kind, EX_FAPP);
}
END_TEST

START_TEST(test_except) {
  Expr *e = ex("[f EXCEPT ![a] = e, !.b = @ + 1, ![a].b[c, d] = 3]");
  ck_assert_int_eq(e->kind, EX_EXCEPT);
  is_op(e->args[0], "f", 0);
  ck_assert_int_eq(e->nupdates, 3);
  ck_assert_int_eq(e->updates[0].npath, 1);
  ck_assert(!e->updates[0].path[0].is_field);
  ck_assert(e->updates[1].path[0].is_field);
  ck_assert_str_eq(sym_str(e->updates[1].path[0].field), "b");
  is_op(e->updates[1].value, "+", 2);
  ck_assert_int_eq(e->updates[1].value->args[0]->kind, EX_AT);
  ck_assert_int_eq(e->updates[2].npath, 3);
  ck_assert_int_eq(e->updates[2].path[2].nargs, 2);
}
END_TEST

START_TEST(test_control) {
  Expr *e = ex("IF a THEN b ELSE c + 1");
  ck_assert_int_eq(e->kind, EX_IF);
  is_op(e->args[2], "+", 2);
  e = ex("CASE p -> 1 [] q -> 2 [] OTHER -> 3");
  ck_assert_int_eq(e->kind, EX_CASE);
  ck_assert_int_eq(e->narms, 2);
  ck_assert_ptr_nonnull(e->other);
  e = ex("CASE p -> 1 \u25a1 q -> 2");
  ck_assert_int_eq(e->narms, 2);
  ck_assert_ptr_null(e->other);
  e = ex("LET a == 1\n    f(x) == x\n    g[y \\in S] == y\nIN a + f(2)");
  ck_assert_int_eq(e->kind, EX_LET);
  ck_assert_int_eq(e->ndefs, 3);
  ck_assert_int_eq(e->defs[2]->kind, DEF_FUN);
  is_op(e->body, "+", 2);
  e = ex("LAMBDA x, y : x + y");
  ck_assert_int_eq(e->kind, EX_LAMBDA);
  ck_assert_int_eq(e->bounds[0].nnames, 2);
  e = ex("lbl(a) :: a + 1");
  ck_assert_int_eq(e->kind, EX_LABEL);
  ck_assert_str_eq(sym_str(e->label), "lbl");
}
END_TEST

START_TEST(test_temporal_and_paths) {
  Expr *e = ex("[][Next]_vars");
  is_op(e, "[]", 1);
  ck_assert_int_eq(e->args[0]->kind, EX_BOX_ACT);
  is_op(e->args[0]->args[1], "vars", 0);
  e = ex("<<A>>_<<x, y>>");
  ck_assert_int_eq(e->kind, EX_DIA_ACT);
  ck_assert_int_eq(e->args[1]->kind, EX_TUPLE);
  e = ex("WF_vars(Next)");
  ck_assert_int_eq(e->kind, EX_WF);
  is_op(e->args[0], "vars", 0);
  is_op(e->args[1], "Next", 0);
  e = ex("SF_<<x>>(A \\/ B)");
  ck_assert_int_eq(e->kind, EX_SF);
  e = ex("M!N(1)!Op(2, 3)");
  is_op(e, "Op", 2);
  ck_assert_int_eq(e->npath, 2);
  ck_assert_str_eq(sym_str(e->path[0]), "M");
  ck_assert_int_eq(e->path_nargs[1], 1);
  e = ex("[][R!Next]_R!vars");
  ck_assert_int_eq(e->args[0]->args[1]->npath, 1);
  e = ex("F(+, x)");
  is_op(e, "F", 2);
  is_op(e->args[0], "+", 0);
}
END_TEST

START_TEST(test_locations) {
  Module *m = mod("Op ==  a +\n  f[1]");
  ck_assert_ptr_nonnull(m);
  Def *d = find_def(m, "Op");
  ck_assert_int_eq(d->loc.line, 2);
  ck_assert_int_eq(d->loc.col, 1);
  ck_assert_int_eq(d->loc.eline, 3);
  ck_assert_int_eq(d->loc.ecol, 6);
  Expr *e = d->body;
  ck_assert_int_eq(e->loc.line, 2);
  ck_assert_int_eq(e->loc.col, 8);
  ck_assert_int_eq(e->loc.eline, 3);
  ck_assert_int_eq(e->loc.ecol, 6);
  Expr *f = e->args[1];
  ck_assert_int_eq(f->loc.col, 3);
  ck_assert_int_eq(f->loc.ecol, 6);
  ck_assert_int_eq(f->args[0]->loc.ecol, 3);
  e = ex("{x \\in S : TRUE}");
  ck_assert_int_eq(e->loc.col, 1);
  ck_assert_int_eq(e->loc.ecol, 16);
}
END_TEST

START_TEST(test_proofs_and_submodules) {
  Module *m = mod("THEOREM Thm == \\A x : x = x\nPROOF\n  <1>1. x = x\n    BY DEF Foo\n"
                  "  <1> QED OBVIOUS\nLEMMA TRUE OBVIOUS\n"
                  "THEOREM ASSUME NEW x PROVE x = x\n"
                  "---- MODULE Inner ----\nZ == 1\n====\nAfter == 2\nUSE DEF After\nLast == 3");
  ck_assert_ptr_nonnull(m);
  ck_assert_int_eq(m->units[0].kind, U_THEOREM);
  ck_assert_str_eq(sym_str(m->units[0].name), "Thm");
  ck_assert_int_eq(m->units[0].expr->kind, EX_FORALL);
  ck_assert_int_eq(m->units[1].kind, U_THEOREM);
  ck_assert_int_eq(m->units[2].kind, U_MODULE);
  ck_assert_str_eq(sym_str(m->units[2].sub->name), "Inner");
  ck_assert_int_eq(m->units[2].sub->nunits, 1);
  ck_assert_ptr_nonnull(find_def(m, "After"));
  ck_assert_ptr_nonnull(find_def(m, "Last"));
}
END_TEST

START_TEST(test_errors_and_recovery) {
  capture();
  Module *m = mod("A == (1 + 2\nB == 3\nC == IF x THEN 1\nD == }\nE == 5");
  ck_assert_ptr_null(m);
  const char *out = captured();
  ck_assert_ptr_nonnull(strstr(out, "t.tla:3:1: error: ')' expected (to close '(' at line 2)"));
  ck_assert_ptr_nonnull(strstr(out, "t.tla:5:1: error: ELSE expected (for IF at line 4)"));
  ck_assert_ptr_nonnull(strstr(out, "t.tla:5:6: error: expression expected, found '}'"));
  ck_assert_ptr_nonnull(strstr(out, "  D == }\n       ^\n"));
}
END_TEST

START_TEST(test_no_crash_deep_and_truncated) {
  capture();
  char *deep = xmalloc(5000);
  char *p = deep;
  p += sprintf(p, "---- MODULE D ----\nOp == ");
  for (int i = 0; i < 1000; i++)
    *p++ = '(';
  p += sprintf(p, "1");
  for (int i = 0; i < 1000; i++)
    *p++ = ')';
  sprintf(p, "\n====\n");
  ck_assert_ptr_null(parse_text("deep.tla", deep));
  ck_assert_ptr_nonnull(strstr(captured(), "nested too deeply"));
  free(deep);
  ck_assert_ptr_null(parse_expr_text("e", "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
                                          "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
                                          "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
                                          "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
                                          "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"));
  /* Every prefix of a realistic module: no crash, no hang. */
  const char *spec =
      "---- MODULE P ----\nEXTENDS Naturals\nCONSTANT N\nVARIABLES x, y\n"
      "Init == /\\ x = 0\n        /\\ y = [i \\in 1..N |-> {}]\n"
      "Next == \\E i \\in 1..N : /\\ x' = x + 1\n                      /\\ y' = [y EXCEPT ![i] = @ \\cup {x}]\n"
      "Spec == Init /\\ [][Next]_<<x, y>> /\\ WF_x(Next)\n"
      "Inv == CASE x > 1 -> LET a == 1 IN a [] OTHER -> \"s\"\n====\n";
  size_t n = strlen(spec);
  for (size_t k = 0; k <= n; k++) {
    char *t = xstrndup(spec, k);
    parse_text("p.tla", t);
    free(t);
  }
  ck_assert_ptr_nonnull(parse_text("p.tla", spec));
}
END_TEST

static int parse_path_quiet(const char *path) {
  FILE *null = fopen("/dev/null", "w");
  diag_set_stream(null);
  Module *m = parse_file(path);
  diag_set_stream(NULL);
  fclose(null);
  return m != NULL;
}

START_TEST(test_malformed_inputs) {
  FILE *f = fopen("tests/parse/expected.tsv", "r");
  ck_assert_msg(f != NULL, "tests/parse/expected.tsv not found (run from the project root)");
  char line[1024];
  int checked = 0;
  ck_assert_ptr_nonnull(fgets(line, sizeof line, f)); /* header */
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    char *file = strtok(line, "\t"), *code = strtok(NULL, "\t");
    char *msg = strtok(NULL, "\t"), *lc = strtok(NULL, "\t");
    ck_assert(file && code && msg && lc);
    char path[512];
    snprintf(path, sizeof path, "tests/parse/%s", file);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    diag_set_stream(out);
    bool ok;
    if (strstr(file, ".cfg")) {
      ck_assert_str_eq(code, "151");
      ok = cfg_parse_file(path) != NULL;
    } else {
      ck_assert_str_eq(code, "150");
      ok = program_load(path) != NULL;
    }
    diag_set_stream(NULL);
    fclose(out);
    if (ok && strstr(file, ".cfg")) { /* an error binding it to a spec: t90 */
      free(buf);
      continue;
    }
    char where[600];
    snprintf(where, sizeof where, "%s:%s: error: ", path, lc);
    ck_assert_msg(!ok, "%s was accepted", file);
    ck_assert_msg(strncmp(buf, where, strlen(where)) == 0,
                  "%s: first error is\n%s\nwant it at %s", file, buf, where);
    char *eol = strchr(buf, '\n');
    if (eol)
      *eol = 0;
    ck_assert_msg(strstr(buf, msg), "%s: message '%s' lacks '%s'", file, buf, msg);
    free(buf);
    checked++;
  }
  fclose(f);
  ck_assert_int_ge(checked, 35);
}
END_TEST

START_TEST(test_syntax_corpus) {
  const char *dir = "../shared/corpus/syntax";
  char path[512];
  snprintf(path, sizeof path, "%s/sany_results.tsv", dir);
  FILE *f = fopen(path, "r");
  if (!f) /* no shared corpus: skipped (the runner says so) */
    return;
  char line[2048];
  int total = 0, parsed = 0, rejected_total = 0, rejected = 0;
  while (fgets(line, sizeof line, f)) {
    char *id = strtok(line, "\t");
    strtok(NULL, "\t");
    strtok(NULL, "\t");
    strtok(NULL, "\t");
    char *cls = strtok(NULL, "\t");
    if (!id || !cls || !strcmp(id, "id"))
      continue;
    snprintf(path, sizeof path, "%s/%s.tla", dir, id);
    int ok = parse_path_quiet(path);
    if (strcmp(cls, "parse_error")) {
      total++;
      parsed += ok;
    } else {
      rejected_total++;
      rejected += !ok;
    }
  }
  fclose(f);
  printf("syntax corpus: %d of %d accepted snippets parse; %d of %d "
         "parse_error snippets rejected\n",
         parsed, total, rejected, rejected_total);
  ck_assert_int_gt(total, 0);
}
END_TEST

START_TEST(test_examples_corpus) {
  FILE *f = fopen("../shared/corpus/modules.tsv", "r");
  if (!f) /* no shared corpus: skipped (the runner says so) */
    return;
  char line[2048], path[1024];
  int total = 0, parsed = 0;
  while (fgets(line, sizeof line, f)) {
    char *file = strtok(line, "\t"), *code = strtok(NULL, "\t");
    if (!file || !code || strcmp(code, "0"))
      continue;
    snprintf(path, sizeof path, "../shared/corpus/examples/%s", file);
    total++;
    int ok = parse_path_quiet(path);
    if (!ok)
      printf("examples corpus: %s does not parse\n", path);
    parsed += ok;
  }
  fclose(f);
  printf("examples corpus: %d of %d SANY-accepted modules parse\n", parsed, total);
  ck_assert_int_eq(parsed, total);
}
END_TEST

Suite *parse_suite(void) {
  Suite *s = suite_create("parse");
  TCase *tc = tcase_create("parse");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_module_structure);
  tcase_add_test(tc, test_definition_forms);
  tcase_add_test(tc, test_precedence);
  tcase_add_test(tc, test_precedence_unicode);
  tcase_add_test(tc, test_conflicts_rejected);
  tcase_add_test(tc, test_junction_lists);
  tcase_add_test(tc, test_junction_nesting);
  tcase_add_test(tc, test_literals);
  tcase_add_test(tc, test_quantifiers);
  tcase_add_test(tc, test_sets);
  tcase_add_test(tc, test_functions_records);
  tcase_add_test(tc, test_except);
  tcase_add_test(tc, test_control);
  tcase_add_test(tc, test_temporal_and_paths);
  tcase_add_test(tc, test_locations);
  tcase_add_test(tc, test_proofs_and_submodules);
  tcase_add_test(tc, test_errors_and_recovery);
  tcase_add_test(tc, test_no_crash_deep_and_truncated);
  tcase_add_test(tc, test_malformed_inputs);
  tcase_add_test(tc, test_syntax_corpus);
  tcase_add_test(tc, test_examples_corpus);
  suite_add_tcase(s, tc);
  return s;
}
