/* t45_types.c -- type inference: inferred types of a small spec, records as
 * open rows, sequences from tuples, let-polymorphism, and located mismatch
 * messages. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "resolve.h"
#include "spec.h"
#include "types.h"

static char dir[64];

/* Loads module M (text) with config cfg and runs inference; returns the
 * spec, *ok the inference result, *msgs the diagnostics. */
static Spec *load(const char *text, const char *cfgtext, bool *ok,
                  char **msgs) {
  strcpy(dir, "/tmp/brink_types_XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char *path = xsprintf("%s/M.tla", dir);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  size_t n;
  FILE *out = open_memstream(msgs, &n);
  diag_set_stream(out);
  Program *p = program_load(path);
  ck_assert_ptr_nonnull(p);
  Config *cfg = cfg_parse_text("M.cfg", cfgtext);
  ck_assert_ptr_nonnull(cfg);
  int code;
  Spec *s = spec_bind(p, cfg, NULL, &code);
  ck_assert_ptr_nonnull(s);
  *ok = types_infer(s);
  diag_set_stream(NULL);
  fclose(out);
  return s;
}

static char *type_of(Spec *s, const char *name) {
  Program *p = s->prog;
  for (size_t i = 0; i < p->vars.len; i++)
    if (strcmp(sym_str(p->vars.data[i]->name), name) == 0)
      return type_str(p->vars.data[i]->type);
  for (size_t i = 0; i < p->consts.len; i++)
    if (strcmp(sym_str(p->consts.data[i]->name), name) == 0)
      return type_str(p->consts.data[i]->type);
  for (size_t i = 0; i < p->defs.len; i++)
    if (p->defs.data[i]->module &&
        strcmp(sym_str(p->defs.data[i]->name), name) == 0)
      return type_str(p->defs.data[i]->type);
  return xstrdup("(none)");
}

#define ASSERT_TYPE(s, name, want)                                             \
  do {                                                                         \
    char *got_ = type_of(s, name);                                             \
    ck_assert_msg(strcmp(got_, want) == 0, "%s : %s, expected %s", name, got_, \
                  want);                                                       \
    free(got_);                                                                \
  } while (0)

START_TEST(test_basic_types) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS Integers, Sequences\n"
                 "CONSTANT Procs, N\n"
                 "VARIABLES x, S, f, r, q\n"
                 "Init == /\\ x = 0 /\\ S = {} /\\ f = [p \\in Procs |-> 0]\n"
                 "        /\\ r = [a |-> 1, b |-> \"s\"] /\\ q = <<>>\n"
                 "Next == /\\ x' = x + N /\\ S' = S \\cup {x}\n"
                 "        /\\ f' = [f EXCEPT ![CHOOSE p \\in Procs : TRUE] = @ + 1]\n"
                 "        /\\ r' = [r EXCEPT !.a = 2] /\\ q' = Append(q, x > 3)\n"
                 "Id(v) == v\n"
                 "Both == <<Id(1), Id(\"a\")>>\n"
                 "====\n",
                 "CONSTANT Procs = {p1, p2}\nCONSTANT N = 3\nINIT Init\nNEXT Next\n",
                 &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "x", "Int");
  ASSERT_TYPE(s, "N", "Int");
  ASSERT_TYPE(s, "S", "Set(Int)");
  ASSERT_TYPE(s, "Procs", "Set(PROCS)");
  ASSERT_TYPE(s, "f", "PROCS -> Int");
  ASSERT_TYPE(s, "r", "{ a: Int, b: Str }");
  ASSERT_TYPE(s, "q", "Seq(Bool)");
  /* Let-polymorphism: Id is used at Int and at Str. */
  ASSERT_TYPE(s, "Both", "<<Int, Str>>");
  ASSERT_TYPE(s, "Next", "Bool");
}
END_TEST

START_TEST(test_records_with_different_fields) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "VARIABLE msgs\n"
                 "Init == msgs = {[type |-> \"a\", x |-> 1], [type |-> \"b\"]}\n"
                 "Next == UNCHANGED msgs\n"
                 "====\n",
                 "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "msgs", "Set({ type: Str, x: Int })");
}
END_TEST

START_TEST(test_mismatch_is_located) {
  bool ok;
  char *msgs;
  load("---- MODULE M ----\n"
       "EXTENDS Integers\n"
       "VARIABLE x\n"
       "Init == x = {1}\n"
       "Next == x' = x + 1\n"
       "====\n",
       "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert(!ok);
  ck_assert_msg(strstr(msgs, "M.tla:5:") != NULL, "no location in: %s", msgs);
  ck_assert_msg(strstr(msgs, "is used as a set") != NULL &&
                    strstr(msgs, "but as an integer") != NULL,
                "message: %s", msgs);
  /* Both places are named: the set at line 4 and the integer at line 5. */
  ck_assert_msg(strstr(msgs, " at 4:13 ") != NULL, "message: %s", msgs);
}
END_TEST


/* TLC applies Len, \o and SubSeq to strings; Assert is TRUE when it does
 * not fail. */
START_TEST(test_strings_as_sequences_and_assert) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS Naturals, Sequences, TLC\n"
                 "VARIABLES name, q\n"
                 "Init == /\\ name = \"ab\" /\\ q = <<>>\n"
                 "        /\\ Assert(Len(name) = 2, \"two\")\n"
                 "Next == /\\ name' = name \\o SubSeq(\"cd\", 1, 1)\n"
                 "        /\\ q' = q \\o <<Len(name)>>\n"
                 "        /\\ Assert(Len(q) < 9, <<\"long\", q>>)\n"
                 "First(s) == SubSeq(s, 1, 1)\n"
                 "Both == <<First(\"xy\"), First(<<1, 2>>)>>\n"
                 "====\n",
                 "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "name", "Str");
  ASSERT_TYPE(s, "q", "Seq(Int)");
  ASSERT_TYPE(s, "Init", "Bool");
  ASSERT_TYPE(s, "First", "(Str | Seq(a)) => Str | Seq(a)");
  ASSERT_TYPE(s, "Both", "<<Str, Seq(Int)>>");
}
END_TEST

/* m[1] and m[2] on a value whose type is not known yet: an open tuple. */
START_TEST(test_tuple_indexed_before_its_type_is_known) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS Naturals, FiniteSets\n"
                 "VARIABLE rcvd\n"
                 "Count(p) == Cardinality({m \\in rcvd : m[2] = \"E\" /\\ m[1] = p})\n"
                 "Src(g) == g[1]\n"
                 "Init == rcvd = {<<1, \"E\">>}\n"
                 "Next == rcvd' = {<<Count(1), \"F\">>}\n"
                 "Pair == <<Src(<<1, \"a\">>), Src(<<\"b\", TRUE, 3>>)>>\n"
                 "====\n",
                 "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "rcvd", "Set(<<Int, Str>>)");
  ASSERT_TYPE(s, "Count", "(Int) => Int");
  ASSERT_TYPE(s, "Src", "(<<a, ...>>) => a");
  ASSERT_TYPE(s, "Pair", "<<Int, Str>>");
}
END_TEST

/* An operator over records is polymorphic in the fields it does not use. */
START_TEST(test_record_rows_are_polymorphic) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS Naturals\n"
                 "VARIABLE x\n"
                 "GetA(r) == r.a + 1\n"
                 "Init == x = GetA([a |-> 1, b |-> 2]) + GetA([a |-> 1, b |-> \"s\"])\n"
                 "Next == x' = x\n"
                 "====\n",
                 "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "GetA", "({ a: Int }) => Int");
}
END_TEST

/* <<>> is the empty function: it goes where any function or record goes. */
START_TEST(test_empty_tuple_is_any_empty_function) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS TLC\n"
                 "Attrs == (\"fill\" :> \"red\") @@ <<>>\n"
                 "Merged == [a |-> 1] = <<>>\n"
                 "====\n",
                 "", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "Attrs", "Str -> Str");
}
END_TEST

/* Model values: one type per config constant; a definition the config
 * gives a value has the value's type; model values compare with
 * anything. */
START_TEST(test_model_values) {
  bool ok;
  char *msgs;
  Spec *s = load("---- MODULE M ----\n"
                 "EXTENDS Naturals\n"
                 "CONSTANTS Node, Leader\n"
                 "VARIABLES focus, op\n"
                 "NIL == CHOOSE v : v \\notin 1..3\n"
                 "Init == /\\ focus \\in (1..3) \\cup {NIL}\n"
                 "        /\\ op \\in {\"get\", NIL} /\\ Leader \\in Node\n"
                 "Next == UNCHANGED <<focus, op>>\n"
                 "====\n",
                 "CONSTANTS Node = {n1, n2} Leader = n1 NIL = nil\n"
                 "INIT Init\nNEXT Next\n",
                 &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ASSERT_TYPE(s, "Node", "Set(NODE)");
  ASSERT_TYPE(s, "Leader", "NODE");
  ASSERT_TYPE(s, "NIL", "NIL");
  ASSERT_TYPE(s, "focus", "Int");
  ASSERT_TYPE(s, "op", "Str");
}
END_TEST

/* A mismatch in a definition the config does not reach is a warning. */
START_TEST(test_unused_definition_only_warns) {
  bool ok;
  char *msgs;
  load("---- MODULE M ----\n"
       "EXTENDS Naturals\n"
       "VARIABLE x\n"
       "Init == x = 0\n"
       "Next == x' = x + 1\n"
       "Odd == x = \"one\"\n"
       "====\n",
       "INIT Init\nNEXT Next\n", &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  ck_assert_msg(strstr(msgs, "M.tla:6:12: warning: 'x' is used as an integer "
                             "at 4:13 but as a string at 6:12 (in 'Odd', "
                             "which this model does not use)"),
                "%s", msgs);
}
END_TEST

Suite *types_suite(void) {
  Suite *s = suite_create("types");
  TCase *tc = tcase_create("types");
  tcase_add_test(tc, test_basic_types);
  tcase_add_test(tc, test_records_with_different_fields);
  tcase_add_test(tc, test_mismatch_is_located);
  tcase_add_test(tc, test_strings_as_sequences_and_assert);
  tcase_add_test(tc, test_tuple_indexed_before_its_type_is_known);
  tcase_add_test(tc, test_record_rows_are_polymorphic);
  tcase_add_test(tc, test_empty_tuple_is_any_empty_function);
  tcase_add_test(tc, test_model_values);
  tcase_add_test(tc, test_unused_definition_only_warns);
  suite_add_tcase(s, tc);
  return s;
}
